"""An in-memory platform behind the application layer's ports: what a use case sends is recorded,
and it can be told to refuse. The use cases' own tests need no Slack (or Teams) object at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from digest.content import Digest
from use_cases.messages import PrivateFile, PrivateMessage
from use_cases.person import Person
from use_cases.ports import ChannelCheck, ChannelLost, OutcomeUnknown, PlatformError, TryLater


@dataclass
class Scheduled:
    user_id: str
    at: datetime
    message: PrivateMessage


@dataclass
class RecordingPlatform:
    admins_: list[str] = field(default_factory=list)
    # Channels Nope can post in; others are private and hidden from it.
    reachable: set[str] = field(default_factory=set)
    lost_channels: set[str] = field(default_factory=set)
    # Channels the platform does not answer about in time.
    silent_channels: set[str] = field(default_factory=set)
    refuse: bool = False
    refuse_scheduling: bool = False
    # Busy (a 429): nothing is done, and the same call may work later.
    busy: bool = False
    # Scheduled messages are kept, but the answers never come back.
    schedule_answers_lost: bool = False
    # Digest posts arrive, but their answers never come back; the channels' history cannot be read.
    answers_lost: bool = False
    history_unreadable: bool = False
    sent: list[tuple[str, PrivateMessage]] = field(default_factory=list)
    scheduled: dict[str, Scheduled] = field(default_factory=dict)
    cancelled: list[str] = field(default_factory=list)
    files: list[tuple[str, PrivateFile]] = field(default_factory=list)
    posts: list[tuple[str, Digest, int]] = field(default_factory=list)
    # The message id of each digest post, by channel and the run it was marked with.
    marked: dict[tuple[str, int], str] = field(default_factory=dict)

    def _check(self) -> None:
        if self.busy:
            raise TryLater("ratelimited")
        if self.refuse:
            raise PlatformError("unavailable")

    def send(self, user_id: str, message: PrivateMessage) -> None:
        self._check()
        self.sent.append((user_id, message))

    def schedule(self, user_id: str, at: datetime, message: PrivateMessage) -> str:
        self._check()
        if self.refuse_scheduling:
            raise PlatformError("time_in_past")
        scheduled_id = f"Q{len(self.scheduled) + 1}"
        self.scheduled[scheduled_id] = Scheduled(user_id, at, message)
        if self.schedule_answers_lost:
            raise OutcomeUnknown("timed out", datetime.now(UTC))
        return scheduled_id

    def find_scheduled(self, user_id: str, at: datetime, message: PrivateMessage) -> list[str]:
        self._check()
        return [key for key, found in self.scheduled.items() if found == Scheduled(user_id, at, message)]

    def cancel(self, user_id: str, scheduled_id: str) -> None:
        self._check()
        self.cancelled.append(scheduled_id)

    def send_file(self, user_id: str, file: PrivateFile) -> None:
        self._check()
        self.files.append((user_id, file))

    def is_admin(self, user_id: str) -> bool:
        self._check()
        return user_id in self.admins_

    def admins(self) -> list[str]:
        return [] if self.refuse else list(self.admins_)

    def make_reachable(self, channel_ids: Sequence[str]) -> ChannelCheck:
        silent = tuple(channel for channel in channel_ids if channel in self.silent_channels)
        unreachable = tuple(None for channel in channel_ids if channel not in {*self.reachable, *silent})
        return ChannelCheck(unreachable=unreachable, unanswered=silent)

    def post_digest(self, channel_id: str, digest: Digest, min_group: int, run_id: int) -> str:
        if channel_id in self.lost_channels:
            raise ChannelLost("channel_not_found")
        self._check()
        sent_at = datetime.now(UTC)
        self.posts.append((channel_id, digest, min_group))
        self.marked[channel_id, run_id] = f"{len(self.posts)}.000100"
        if self.answers_lost:
            raise OutcomeUnknown("timed out", sent_at)
        return self.marked[channel_id, run_id]

    def find_digest(self, channel_id: str, run_id: int, since: datetime) -> str | None:
        if self.history_unreadable:
            raise PlatformError("missing_scope")
        return self.marked.get((channel_id, run_id))


ANNA = Person("slack", "T1", "U0ANNA", lang="en", timezone_name="Europe/Amsterdam")
BRAM = Person("slack", "T1", "U0BRAM", lang="nl", timezone_name="Europe/Amsterdam")
# Someone in another workspace: nothing of theirs ever mixes with T1's.
CARL = Person("slack", "T2", "U0CARL", lang="en", timezone_name="UTC")
