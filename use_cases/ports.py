"""What a use case asks of the platform, as small interfaces each door implements.

Every call may raise PlatformError (the platform refused, or did not answer): the use case decides
what that means for the person. A post whose outcome is unknown raises OutcomeUnknown: it may be
there, and repeating it blindly may post it twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from digest.content import Digest
from use_cases.messages import PrivateFile, PrivateMessage


class PlatformError(Exception):
    """The platform refused a call or could not be reached; `code` is its error, or what went wrong."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class ChannelLost(PlatformError):
    """A channel Nope can no longer post in (gone, archived, Nope removed): trying again will not help."""


class OutcomeUnknown(PlatformError):
    """The post went out and no answer came back (a timeout, a dropped connection, a server error): it may
    have been posted. `sent_at` is when it went out, by the clock the platform's own timestamps follow."""

    def __init__(self, code: str, sent_at: datetime) -> None:
        super().__init__(code)
        self.sent_at = sent_at


class TryLater(PlatformError):
    """The platform is busy or could not be reached, and did nothing: the same call may work later."""


class Messenger(Protocol):
    """One person's private conversation with Nope."""

    def send(self, user_id: str, message: PrivateMessage) -> None: ...

    def schedule(self, user_id: str, at: datetime, message: PrivateMessage) -> str:
        """Send `message` at `at`; returns the platform's id for it, to cancel it if plans change."""
        ...

    def find_scheduled(self, user_id: str, at: datetime, message: PrivateMessage) -> list[str]:
        """The ids of messages like `message` scheduled for the person at `at` (an unanswered `schedule` may
        have left one)."""
        ...

    def cancel(self, user_id: str, scheduled_id: str) -> None: ...

    def send_file(self, user_id: str, file: PrivateFile) -> None: ...


class Directory(Protocol):
    """Who is who in the workspace, asked of the platform each time (never cached)."""

    def is_admin(self, user_id: str) -> bool:
        """Whether the platform says this person administers the workspace; PlatformError when it does not say."""
        ...

    def admins(self) -> list[str]:
        """Everyone who administers the workspace (people, not bots); empty when the platform does not answer."""
        ...


@dataclass(frozen=True)
class ChannelCheck:
    """Whether Nope can post in the channels a manager picked, after joining the public ones it can."""

    # Channels Nope cannot post in: the platform's name for each, or None for one hidden from Nope.
    unreachable: tuple[str | None, ...] = ()
    joined: tuple[str, ...] = field(default_factory=tuple)
    # Channels the platform would not tell about just now: saved, and checked when the digest is posted.
    unchecked: tuple[str, ...] = field(default_factory=tuple)
    # Channels the platform did not answer about in time: nothing can be said of them yet.
    unanswered: tuple[str, ...] = field(default_factory=tuple)


class Channels(Protocol):
    """The workspace's channels, where the weekly digest goes."""

    def make_reachable(self, channel_ids: Sequence[str]) -> ChannelCheck: ...

    def post_digest(self, channel_id: str, digest: Digest, min_group: int, run_id: int) -> str:
        """Post the week's digest, marked with its run so that `find_digest` can find it; returns the message's id.

        Raises ChannelLost, OutcomeUnknown (it may be in the channel) or PlatformError (it is not).
        """
        ...

    def find_digest(self, channel_id: str, run_id: int, since: datetime) -> str | None:
        """The id of the digest marked with `run_id` posted in the channel since `since`; None when there is none.

        Raises ChannelLost, or PlatformError when the platform cannot tell (it did not answer, or refused).
        """
        ...


class Workspace(Messenger, Directory, Channels, Protocol):
    """Everything a door does for Nope in one workspace."""


# A workspace's door to the platform outside a request (the scheduler), or None where Nope is not installed.
WorkspaceFor = Callable[[str], Workspace | None]
