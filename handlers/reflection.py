"""The private reflection on a no: five small steps, each saved as the person goes.

Entry points: the "Reflect now" button on the logged-a-no view (that modal turns into the first
step), `/nope reflect` (the latest no) and the App Home's "Reflect" buttons. Every id that comes
back from Slack is looked up scoped to the person who sent it.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from blocks import reflection_views as steps
from blocks.direct_messages import feedback_question_blocks
from blocks.home_view import REFLECT_ACTION
from blocks.kit import Block
from blocks.logged_view import REFLECT_NOW_ACTION
from blocks.messages import notice_blocks
from blocks.metadata import ModalMetadata
from coach.catalog import default_who
from coach.library import WHO_SAID_NO, asking_tip
from handlers.acks import acknowledge
from handlers.brave_steps import plan_reminder
from handlers.direct_messages import send_dm
from handlers.home import publish_home
from handlers.modals import Notify, keep_open_unsaved, notify_by_dm, open_modal
from handlers.people import Person
from handlers.reflection_form import read_step
from handlers.reflection_steps import (
    NEXT_STEP,
    brave_step_screen,
    feedback_step,
    reflection_step_view,
    reframe_step,
    spotted_traps,
)
from handlers.services import Services, team_key
from handlers.web_client import SLACK_FAILURES
from storage.models import Reflection, Rejection
from storage.reflections import latest_rejection, own_reflection, own_rejection, reflection_for

logger = logging.getLogger(__name__)


def first_step(
    services: Services, rejection_id: int | None, workspace_id: str, user_id: str, person: Person
) -> Block | None:
    """The first step of reflecting on a no (the latest when no id is given); None if none is theirs."""
    with services.sessions.begin() as session:
        if rejection_id is None:
            rejection = latest_rejection(session, workspace_id, user_id)
        else:
            rejection = own_rejection(session, rejection_id, workspace_id, user_id)
        if rejection is None:
            return None
        now = services.clock()
        reflection = reflection_for(session, rejection, now)
        metadata = ModalMetadata(person.lang, person.timezone_name, reflection_id=reflection.id)
        return reflection_step_view(session, reflection, rejection, steps.FEEL, metadata, now)


def open_reflection(
    services: Services,
    client: WebClient,
    trigger_id: str,
    rejection_id: int | None,
    person: Person,
    notify: Notify,
    *,
    workspace_id: str,
    user_id: str,
) -> None:
    """Open the first step for a no of theirs (the latest when no id is given), or say why not."""
    try:
        view = first_step(services, rejection_id, workspace_id, user_id, person)
    except SQLAlchemyError:
        logger.exception("could not start a reflection")
        notify(notice_blocks(person.lang, "error.storage_unavailable"))
        return
    if view is None:
        notify(notice_blocks(person.lang, "notice.nothing_to_reflect" if rejection_id is None else "notice.not_yours"))
        return
    open_modal(client, trigger_id, view, person.lang, notify)


def _clicked(body: dict[str, Any]) -> str:
    return str(body["actions"][0].get("value") or "")


def _as_index(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _update(client: WebClient, body: dict[str, Any], view: Block) -> None:
    try:
        client.views_update(view_id=body["view"]["id"], hash=body["view"].get("hash"), view=view)
    except SLACK_FAILURES as error:
        # A hash conflict means the person already moved on; what they see is current.
        logger.warning("views.update failed: %s", error)


def _owned(session: Session, body: dict[str, Any], context: BoltContext) -> tuple[Reflection, Rejection] | None:
    """The reflection the modal is about, only if it belongs to whoever sent this request."""
    metadata = ModalMetadata.decode(body["view"].get("private_metadata"))
    if metadata.reflection_id is None:
        return None
    reflection = own_reflection(session, metadata.reflection_id, team_key(context), body["user"]["id"])
    rejection = session.get(Rejection, reflection.rejection_id) if reflection else None
    return (reflection, rejection) if reflection and rejection else None


def register(app: App, services: Services) -> None:
    def reflect_from_logged_view(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        workspace_id, user_id = team_key(context), body["user"]["id"]
        person = services.people.lookup(client, workspace_id, user_id)
        view = first_step(services, _as_index(_clicked(body)), workspace_id, user_id, person)
        if view is not None:
            _update(client, body, view)

    def reflect_from_home(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        workspace_id, user_id = team_key(context), body["user"]["id"]
        person = services.people.lookup(client, workspace_id, user_id)
        rejection_id = _as_index(_clicked(body))
        if rejection_id is None:
            return
        notify = notify_by_dm(client, user_id)
        open_reflection(
            services,
            client,
            body["trigger_id"],
            rejection_id,
            person,
            notify,
            workspace_id=workspace_id,
            user_id=user_id,
        )

    def submit_step(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        step = body["view"]["callback_id"].removeprefix(steps.CALLBACK_PREFIX)
        metadata = ModalMetadata.decode(body["view"].get("private_metadata"))
        now = services.clock()
        reading = read_step(step, body["view"].get("state", {}).get("values", {}), metadata, now)
        if reading.errors:
            ack(response_action="errors", errors=reading.errors)
            return
        next_step = NEXT_STEP[step]
        try:
            with services.sessions.begin() as session:
                found = _owned(session, body, context)
                if found is None:
                    ack()  # not theirs (or gone): close quietly rather than show someone else's data
                    return
                reflection, rejection = found
                for column, value in reading.changes.items():
                    setattr(reflection, column, value)
                if step == steps.STORY:
                    found_traps = spotted_traps(reflection.head_story, metadata.lang)
                    reflection.trap_ids = ",".join(trap.trap_id for trap in found_traps) or None
                reflection.updated_at = now
                if next_step == steps.REMEMBER:
                    reflection.finished_at = reflection.finished_at or now
                next_view = reflection_step_view(session, reflection, rejection, next_step, metadata, now)
        except SQLAlchemyError:
            logger.exception("saving a reflection step failed")
            keep_open_unsaved(ack, reading.first_block, metadata.lang)
            return
        ack(response_action="update", view=next_view)

    def after_step(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """Once a step is saved: the brave step's reminder, and the Home once the reflection is done."""
        step = body["view"]["callback_id"].removeprefix(steps.CALLBACK_PREFIX)
        metadata = ModalMetadata.decode(body["view"].get("private_metadata"))
        workspace_id, user_id = team_key(context), body["user"]["id"]
        if step == steps.BRAVE_STEP and metadata.reflection_id is not None:
            plan_reminder(services, client, metadata.reflection_id, workspace_id, user_id, metadata.lang)
        if NEXT_STEP[step] == steps.REMEMBER:
            publish_home(services, client, workspace_id, user_id)

    def skip_step(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        step = _clicked(body)
        if step not in NEXT_STEP:
            return
        metadata = ModalMetadata.decode(body["view"].get("private_metadata"))
        now = services.clock()
        with services.sessions.begin() as session:
            found = _owned(session, body, context)
            if found is None:
                return
            reflection, rejection = found
            if NEXT_STEP[step] == steps.REMEMBER:
                reflection.finished_at = reflection.finished_at or now
            view = reflection_step_view(session, reflection, rejection, NEXT_STEP[step], metadata, now)
        _update(client, body, view)
        if NEXT_STEP[step] == steps.REMEMBER:
            publish_home(services, client, team_key(context), body["user"]["id"])

    def use_phrase(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """Put the picked reframe or brave step into the edit box, where the person can make it theirs."""
        metadata = ModalMetadata.decode(body["view"].get("private_metadata"))
        index = _as_index(_clicked(body))
        if index is None or index >= len(metadata.shown):
            return
        picked = metadata.shown[index]
        with services.sessions() as session:
            found = _owned(session, body, context)
            if found is None:
                return
            reflection, _rejection = found
            if body["actions"][0]["action_id"] == steps.USE_REFRAME_ACTION:
                view = reframe_step(metadata.next_revision(), reflection, picked)
            else:
                view = brave_step_screen(metadata.next_revision(), picked, services.clock())
        _update(client, body, view)

    def pick_who(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """Who said no changed: offer the questions that fit them."""
        who = (body["actions"][0].get("selected_option") or {}).get("value")
        if who not in WHO_SAID_NO:
            return
        metadata = ModalMetadata.decode(body["view"].get("private_metadata"))
        with services.sessions.begin() as session:
            found = _owned(session, body, context)
            if found is None:
                return
            reflection, rejection = found
            reflection.feedback_from = who
            view = feedback_step(session, reflection, rejection, metadata, who)
        _update(client, body, view)

    def ask_question(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """Save the picked question and send it to the person's DM, ready to copy."""
        metadata = ModalMetadata.decode(body["view"].get("private_metadata"))
        index = _as_index(_clicked(body))
        if index is None or index >= len(metadata.shown):
            return
        question, user_id = metadata.shown[index], body["user"]["id"]
        with services.sessions.begin() as session:
            found = _owned(session, body, context)
            if found is None:
                return
            reflection, rejection = found
            who = reflection.feedback_from or default_who(rejection.kind)
            reflection.feedback_question, reflection.feedback_from = question, who
            reflection.updated_at = reflection.feedback_asked_at = services.clock()
        message = feedback_question_blocks(metadata.lang, question, asking_tip(who, metadata.lang))
        try:
            send_dm(client, user_id, message)
        except SLACK_FAILURES as error:
            logger.warning("could not send the feedback question to %s: %s", user_id, error)
            return
        _update(client, body, steps.feedback_view(metadata, WHO_SAID_NO, who, question))

    for step in NEXT_STEP:
        app.view(steps.callback_id(step))(ack=submit_step, lazy=[after_step])
    app.action(REFLECT_NOW_ACTION)(ack=acknowledge, lazy=[reflect_from_logged_view])
    app.action(REFLECT_ACTION)(ack=acknowledge, lazy=[reflect_from_home])
    app.action(steps.SKIP_ACTION)(ack=acknowledge, lazy=[skip_step])
    app.action(steps.USE_REFRAME_ACTION)(ack=acknowledge, lazy=[use_phrase])
    app.action(steps.USE_BRAVE_STEP_ACTION)(ack=acknowledge, lazy=[use_phrase])
    app.action(steps.PICK_WHO_ACTION)(ack=acknowledge, lazy=[pick_who])
    app.action(steps.ASK_QUESTION_ACTION)(ack=acknowledge, lazy=[ask_question])
