"""`/nope` asks whether Nope is on for every command: the answer is remembered briefly, and forgotten on a change."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from storage.workspaces import save_settings, workspace_settings
from use_cases.outage_log import OutageLog
from use_cases.switches import WorkspaceSwitches


def switch(sessions, on: bool) -> None:
    with sessions.begin() as session:
        settings = workspace_settings(session, "T1")
        save_settings(session, replace(settings, enabled=on), datetime.now(UTC))


def test_a_switch_made_elsewhere_shows_once_the_remembered_answer_expires(sessions):
    remembering = WorkspaceSwitches(sessions, OutageLog(), ttl_seconds=3600)
    asking_always = WorkspaceSwitches(sessions, OutageLog(), ttl_seconds=0)
    assert remembering.is_on("T1") and asking_always.is_on("T1")

    switch(sessions, on=False)

    assert remembering.is_on("T1")  # another worker's answer, for at most its TTL
    assert not asking_always.is_on("T1")
    remembering.forget("T1")
    assert not remembering.is_on("T1")
