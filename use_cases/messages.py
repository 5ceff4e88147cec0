"""What Nope sends one person privately, as plain values; each door renders them its own way."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FeedbackQuestion:
    """The question the person chose to ask, ready to copy, with a tip on asking it."""

    lang: str
    question: str
    tip: str


@dataclass(frozen=True)
class BraveStepReminder:
    """The brave step, at the moment the person chose; it can be marked done from the message."""

    lang: str
    reflection_id: int
    brave_step: str


@dataclass(frozen=True)
class ReminderNotScheduled:
    """The platform would not schedule the reminder: the step now, so the person still has it."""

    lang: str
    brave_step: str


@dataclass(frozen=True)
class ChannelLostNotice:
    """To a manager: the digest can no longer be posted in a channel."""

    lang: str
    channel_id: str
    error: str


PrivateMessage = FeedbackQuestion | BraveStepReminder | ReminderNotScheduled | ChannelLostNotice


@dataclass(frozen=True)
class PrivateFile:
    """A file for the person alone (their export), with a line about it."""

    content: str
    filename: str
    comment: str
