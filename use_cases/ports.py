"""What a use case asks of the platform, as small interfaces each door implements.

Every call may raise PlatformError (the platform refused, or did not answer): the use case decides
what that means for the person.
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


class Messenger(Protocol):
    """One person's private conversation with Nope."""

    def send(self, user_id: str, message: PrivateMessage) -> None: ...

    def schedule(self, user_id: str, at: datetime, message: PrivateMessage) -> str:
        """Send `message` at `at`; returns the platform's id for it, to cancel it if plans change."""
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

    def post_digest(self, channel_id: str, digest: Digest, min_group: int) -> str:
        """Post the week's digest; returns the message's id. Raises ChannelLost or PlatformError."""
        ...


class Workspace(Messenger, Directory, Channels, Protocol):
    """Everything a door does for Nope in one workspace."""


# A workspace's door to the platform outside a request (the scheduler), or None where Nope is not installed.
WorkspaceFor = Callable[[str], Workspace | None]
