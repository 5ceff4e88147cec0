"""What Nope's scheduler does: post due digests and owed reminders every minute, delete expired no's every hour."""

from __future__ import annotations

from digest.scheduler import Job
from use_cases.brave_steps import send_owed_reminders
from use_cases.core import Core
from use_cases.digest_delivery import send_due_digests
from use_cases.ports import WorkspaceFor
from use_cases.retention import purge

DIGEST_CHECK_SECONDS = 60
REMINDER_CHECK_SECONDS = 60
RETENTION_CHECK_SECONDS = 3600


def scheduled_jobs(core: Core, workspaces: WorkspaceFor) -> list[Job]:
    return [
        Job("nope-send-due-digests", lambda now: send_due_digests(core, workspaces, now), DIGEST_CHECK_SECONDS),
        Job("nope-owed-reminders", lambda now: send_owed_reminders(core, workspaces, now), REMINDER_CHECK_SECONDS),
        Job("nope-retention", lambda now: purge(core, now), RETENTION_CHECK_SECONDS),
    ]
