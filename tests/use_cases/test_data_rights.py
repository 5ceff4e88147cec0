"""Export and delete a person's data, and forget a workspace: only theirs, all of theirs."""

from __future__ import annotations

import json
from datetime import timedelta

from tests.use_cases.platform import ANNA, BRAM, CARL
from use_cases import brave_steps, data_rights, reflection
from use_cases.home import home_content
from use_cases.log_rejection import RejectionAnswers, check, log_rejection
from use_cases.reflection import BRAVE_STEP, StepAnswers
from use_cases.settings import change, open_settings


def log(core, person, story: str = "private words") -> int:
    answers = RejectionAnswers("idea_at_work", "explicit", "frustrated", "3", story, True)
    return log_rejection(core, person, check(answers, "en")).rejection_id


def test_the_export_holds_everything_of_the_person_and_nothing_of_anyone_else(core, platform):
    log(core, ANNA, "Anna's own story")
    log(core, BRAM, "Bram's story")

    assert data_rights.export(core, ANNA, platform)

    [(user_id, file)] = platform.files
    exported = json.loads(file.content)
    assert user_id == ANNA.user_id and file.filename.startswith("nope-export-") and file.comment
    assert [row["story"] for row in exported["tables"]["rejections"]] == ["Anna's own story"]
    assert "Bram" not in file.content


def test_an_export_that_cannot_be_sent_says_so(core, platform):
    platform.refuse = True
    assert data_rights.export(core, ANNA, platform) is False


def test_deleting_erases_the_person_and_hands_back_the_reminders_to_cancel(core, platform):
    rid = reflection.start(core, ANNA, log(core, ANNA)).reflection_id
    day = str(core.clock().date() + timedelta(days=1))
    reflection.submit_step(core, ANNA, rid, BRAVE_STEP, StepAnswers("Pitch again", day=day, clock_time="11:00"))
    brave_steps.plan_reminder(core, ANNA, rid, platform)
    log(core, BRAM)

    reminders = data_rights.delete(core, ANNA)
    data_rights.cancel_reminders(ANNA, reminders, platform)

    assert reminders == ["Q1"] and platform.cancelled == ["Q1"]
    assert home_content(core, ANNA).progress.total == 0
    assert home_content(core, BRAM).progress.total == 1


def test_forgetting_a_workspace_leaves_other_workspaces_alone(core, platform):
    log(core, ANNA)
    log(core, CARL)
    change(core, ANNA.workspace_id, {"channels": ("C0TEAM",)})

    data_rights.forget(core, workspace_id=ANNA.workspace_id, organisation_id=None)

    assert home_content(core, ANNA).progress.total == 0
    assert open_settings(core, ANNA, platform).__class__.__name__ == "NotAManager"
    assert home_content(core, CARL).progress.total == 1
