"""The weekly digest as use cases: what is due, posted once through the platform, and a lost channel reported."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.use_cases.platform import ANNA, RecordingPlatform
from use_cases.deliveries import is_repeated
from use_cases.digest_delivery import send_digest_now, send_due_digests
from use_cases.digests import digest_now
from use_cases.log_rejection import RejectionAnswers, check, log_rejection
from use_cases.messages import ChannelLostNotice
from use_cases.person import Person
from use_cases.retention import purge
from use_cases.settings import add_installer, change

# Friday 27 November 2026, 16:05 in Amsterdam: just after the default digest time.
FRIDAY_AFTER = datetime(2026, 11, 27, 16, 5, tzinfo=ZoneInfo("Europe/Amsterdam"))


def three_people_logged(core) -> None:
    for user_id in ("U1", "U2", "U3"):
        person = Person("slack", ANNA.workspace_id, user_id)
        log_rejection(core, person, check(RejectionAnswers("outreach", "silence", "hurt", "2", None, True), "en"))
    change(core, ANNA.workspace_id, {"channels": ("C0TEAM", "C0GONE"), "timezone": "Europe/Amsterdam"})


def test_a_due_digest_is_posted_once_per_channel_and_a_lost_channel_is_reported(core, platform):
    three_people_logged(core)
    platform.lost_channels.add("C0GONE")
    platform.admins_.append("U0ADMIN")
    add_installer(core, Person("slack", ANNA.workspace_id, "U0ADDED"))

    report = send_due_digests(core, lambda _workspace_id: platform, FRIDAY_AFTER)
    again = send_due_digests(core, lambda _workspace_id: platform, FRIDAY_AFTER + timedelta(hours=1))

    assert report.posted == [(ANNA.workspace_id, "C0TEAM")]
    assert report.failed == [(ANNA.workspace_id, "C0GONE", "channel_not_found")]
    assert again.posted == again.failed == []
    [(channel, digest, k)] = platform.posts
    assert (channel, digest.week.rejections, digest.week.people, k) == ("C0TEAM", 3, 3, 3)
    assert platform.sent == [
        (manager, ChannelLostNotice("en", "C0GONE", "channel_not_found")) for manager in ("U0ADMIN", "U0ADDED")
    ]


def test_a_failed_post_is_tried_again_after_fifteen_minutes(core):
    three_people_logged(core)
    away = RecordingPlatform(refuse=True, lost_channels={"C0GONE"})

    failed = send_due_digests(core, lambda _id: away, FRIDAY_AFTER).failed
    assert (ANNA.workspace_id, "C0TEAM", "unavailable") in failed
    back = RecordingPlatform()
    assert send_due_digests(core, lambda _id: back, FRIDAY_AFTER + timedelta(minutes=5)).posted == []
    assert send_due_digests(core, lambda _id: back, FRIDAY_AFTER + timedelta(minutes=16)).posted == [
        (ANNA.workspace_id, "C0TEAM")
    ]


def test_a_workspace_without_an_installation_waits(core):
    three_people_logged(core)
    assert send_due_digests(core, lambda _id: None, FRIDAY_AFTER).posted == []
    report = send_digest_now(core, lambda _id: None, ANNA.workspace_id, "C0TEAM", FRIDAY_AFTER)
    assert report.failed == [(ANNA.workspace_id, "C0TEAM", "not_installed")]


def test_the_preview_is_this_weeks_digest_in_any_language(core):
    three_people_logged(core)
    settings, digest = digest_now(core, ANNA.workspace_id, FRIDAY_AFTER, "nl")
    assert (settings.channels, digest.lang, digest.week.rejections) == (("C0GONE", "C0TEAM"), "nl", 3)


def test_an_event_is_handled_once_and_old_no_s_expire(core, clock):
    assert not is_repeated(core, "Ev1") and is_repeated(core, "Ev1")
    three_people_logged(core)
    assert purge(core, clock.now() + timedelta(days=366 * 2)) == 3
