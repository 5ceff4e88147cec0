"""When the platform does not answer: a digest is never posted twice, and settings are neither refused nor
saved on a guess."""

from __future__ import annotations

import pytest

from storage.digest_runs import POSTED, UNKNOWN
from storage.models import DigestRun
from tests.use_cases.platform import ANNA
from tests.use_cases.test_digests import FRIDAY_AFTER, three_people_logged
from tests.use_cases.test_settings import ANSWERS
from use_cases import settings
from use_cases.core import Invalid
from use_cases.digest_delivery import RETRY_AFTER_FAILURE, send_due_digests
from use_cases.ports import PlatformError

RETRY = FRIDAY_AFTER + RETRY_AFTER_FAILURE


def runs(core) -> dict[str, tuple[str, int]]:
    with core.sessions() as session:
        return {run.channel_id: (run.status, run.attempts) for run in session.query(DigestRun)}


def test_a_digest_whose_answer_was_lost_is_found_on_retry_and_never_posted_twice(core, platform):
    three_people_logged(core)
    platform.answers_lost = True

    first = send_due_digests(core, lambda _id: platform, FRIDAY_AFTER)
    platform.answers_lost = False
    retried = send_due_digests(core, lambda _id: platform, RETRY)

    assert {channel for _, channel, _ in first.failed} == {"C0TEAM", "C0GONE"}
    assert sorted(retried.posted) == [(ANNA.workspace_id, "C0GONE"), (ANNA.workspace_id, "C0TEAM")]
    assert sorted(channel for channel, _, _ in platform.posts) == ["C0GONE", "C0TEAM"]  # each once
    assert runs(core) == {"C0TEAM": (POSTED, 2), "C0GONE": (POSTED, 2)}


def test_a_digest_whose_answer_was_lost_is_not_posted_while_the_channel_cannot_be_read(core, platform):
    three_people_logged(core)
    platform.answers_lost = True
    send_due_digests(core, lambda _id: platform, FRIDAY_AFTER)
    platform.answers_lost, platform.history_unreadable = False, True

    retried = send_due_digests(core, lambda _id: platform, RETRY)

    assert retried.posted == []
    [error] = {error for _, _, error in retried.failed}
    assert error == "not posted: could not look for the earlier post (missing_scope)"
    assert len(platform.posts) == 2
    assert runs(core) == {"C0TEAM": (UNKNOWN, 2), "C0GONE": (UNKNOWN, 2)}


def test_an_admin_the_platform_says_nothing_about_is_neither_refused_nor_let_in(core, platform):
    platform.admins_.append(ANNA.user_id)
    platform.refuse = True

    with pytest.raises(PlatformError):
        settings.open_settings(core, ANNA, platform)
    with pytest.raises(PlatformError):
        settings.save(core, ANNA, ANSWERS, platform)


def test_channels_the_platform_did_not_answer_about_save_nothing(core, platform):
    platform.admins_.append(ANNA.user_id)
    platform.silent_channels.add("C0TEAM")

    unanswered = settings.save(core, ANNA, ANSWERS, platform)

    assert isinstance(unanswered, Invalid) and "did not answer" in unanswered.errors["channels"]
    assert settings.open_settings(core, ANNA, platform).settings.channels == ()
