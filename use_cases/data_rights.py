"""A person's rights over their own data (export it, delete it), and a workspace forgotten when Nope leaves it."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

from coach.i18n import translate
from storage.erasure import forget_person, forget_workspace
from storage.export import person_export
from storage.reflections import scheduled_reminders
from use_cases.core import Core
from use_cases.messages import PrivateFile
from use_cases.person import Person
from use_cases.ports import Messenger, PlatformError

logger = logging.getLogger(__name__)


def export(core: Core, person: Person, messenger: Messenger) -> bool:
    """Send the person a JSON file of everything Nope keeps about them; False when it could not go out."""
    now = core.clock()
    with core.reading("reading a person's data for an export") as session:
        exported = person_export(session, person.workspace_id, person.user_id, organisation_id=person.organisation_id)
    file = PrivateFile(
        content=json.dumps({"exported_at": now.isoformat(), **exported}, ensure_ascii=False, indent=2),
        filename=f"nope-export-{now.astimezone(person.zone).date().isoformat()}.json",
        comment=translate(person.lang, "data.export_comment"),
    )
    try:
        messenger.send_file(person.user_id, file)
    except PlatformError:
        return False
    return True


def delete(core: Core, person: Person) -> list[str]:
    """Delete everything of the person (never anyone else's); the reminders still to come, to cancel."""
    with core.writing("deleting a person's data") as session:
        reminders = scheduled_reminders(session, person.workspace_id, person.user_id, core.clock())
        forget_person(session, person.workspace_id, person.user_id, organisation_id=person.organisation_id)
    return reminders


def cancel_reminders(person: Person, scheduled_ids: Sequence[str], messenger: Messenger) -> None:
    """Reminders still scheduled would arrive for brave steps that no longer exist."""
    for scheduled_id in scheduled_ids:
        try:
            messenger.cancel(person.user_id, scheduled_id)
        except PlatformError:
            # Sent already, or the platform is away: the reminder's button finds nothing to mark any more.
            logger.info("could not cancel reminder %s of %s", scheduled_id, person.user_id)


def forget(core: Core, *, workspace_id: str | None, organisation_id: str | None) -> None:
    """Nope was removed from a workspace (or, with only `organisation_id`, a whole organisation): erase it."""
    with core.writing("forgetting a workspace") as session:
        forget_workspace(session, workspace_id=workspace_id, organisation_id=organisation_id)
