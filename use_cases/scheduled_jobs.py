"""What Nope's scheduler does: post due digests and owed reminders every minute, delete expired no's every hour."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError

from digest.scheduler import Job
from use_cases.brave_steps import send_owed_reminders
from use_cases.core import Core, StorageUnavailable
from use_cases.digest_delivery import send_due_digests
from use_cases.ports import WorkspaceFor
from use_cases.retention import purge

DIGEST_CHECK_SECONDS = 60
REMINDER_CHECK_SECONDS = 60
RETENTION_CHECK_SECONDS = 3600


def _part_of_an_outage(core: Core, doing: str, run: Callable[[datetime], object]) -> Callable[[datetime], object]:
    """A run the database failed goes to the outage log, not a traceback a minute; the next run tries again."""

    def guarded(now: datetime) -> object:
        try:
            return run(now)
        except StorageUnavailable:
            return None  # the outage log counted it where it was raised
        except SQLAlchemyError as error:
            core.outage.failed(doing, error)
            return None

    return guarded


def scheduled_jobs(core: Core, workspaces: WorkspaceFor) -> list[Job]:
    def send(now: datetime) -> object:
        return send_due_digests(core, workspaces, now)

    def remind(now: datetime) -> object:
        return send_owed_reminders(core, workspaces, now)

    def expire(now: datetime) -> object:
        return purge(core, now)

    return [
        Job("nope-send-due-digests", _part_of_an_outage(core, "sending due digests", send), DIGEST_CHECK_SECONDS),
        Job("nope-owed-reminders", _part_of_an_outage(core, "sending owed reminders", remind), REMINDER_CHECK_SECONDS),
        Job("nope-retention", _part_of_an_outage(core, "deleting expired no's", expire), RETENTION_CHECK_SECONDS),
    ]
