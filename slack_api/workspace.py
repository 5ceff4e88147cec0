"""Nope in one Slack workspace: the application layer's ports (Messenger, Directory, Channels) on the Web API.

Every failed call is logged here, once, and raised as the ports' PlatformError (or ChannelLost, or
OutcomeUnknown), so use cases never see slack_sdk.
"""

from __future__ import annotations

import logging
import time as wall_clock
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from blocks.digest_message import chart_alt_text, digest_blocks
from blocks.direct_messages import (
    channel_lost_blocks,
    feedback_question_blocks,
    reminder_blocks,
    reminder_failed_blocks,
)
from blocks.kit import Block
from blocks.messages import fallback_text
from coach.i18n import translate
from digest.chart import digest_chart_png
from digest.content import Digest
from slack_api.client import SLACK_FAILURES, error_code, may_have_happened
from slack_api.people import is_workspace_admin
from use_cases.messages import (
    BraveStepReminder,
    ChannelLostNotice,
    FeedbackQuestion,
    PrivateFile,
    PrivateMessage,
    ReminderNotScheduled,
)
from use_cases.ports import ChannelCheck, ChannelLost, OutcomeUnknown, PlatformError, TryLater

logger = logging.getLogger(__name__)

# Errors that will not go away by trying again: the channel is gone, archived or closed to Nope.
CHANNEL_LOST = frozenset({"channel_not_found", "not_in_channel", "is_archived", "restricted_action"})
# Slack allows about one message per second per channel; the chart follows the message.
SECONDS_BETWEEN_POSTS_TO_A_CHANNEL = 1.0
# Slack's answer to a 429: nothing was done, and the same call may work after Retry-After.
RATE_LIMITED = "ratelimited"
# The message metadata a digest carries: which run posted it, so that a retry can find it in the channel.
DIGEST_EVENT_TYPE = "nope_digest_posted"
# Looking for a digest in a channel's history: how far before the first unanswered post (this machine's
# clock and Slack's may differ a little), and how much history at most (a busy channel, a long outage).
CLOCK_DIFFERENCE_SECONDS = 60
HISTORY_PAGE_SIZE = 200
HISTORY_PAGES_MAX = 10


def message_blocks(message: PrivateMessage) -> list[Block]:
    """A private message as Block Kit."""
    match message:
        case FeedbackQuestion(lang, question, tip):
            return feedback_question_blocks(lang, question, tip)
        case BraveStepReminder(lang, reflection_id, brave_step):
            return reminder_blocks(lang, reflection_id, brave_step)
        case ReminderNotScheduled(lang, brave_step):
            return reminder_failed_blocks(lang, brave_step)
        case ChannelLostNotice(lang, channel_id, error):
            return channel_lost_blocks(lang, channel_id, error)
    raise TypeError(f"no blocks for {type(message).__name__}")


class SlackWorkspace:
    """The ports for one workspace, through `client` (its own token in OAuth mode)."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def _failed(self, doing: str, error: Exception) -> PlatformError:
        code = error_code(error)
        logger.warning("%s failed: %s", doing, code)
        return PlatformError(code)

    def _dm_channel(self, user_id: str) -> str:
        """The person's DM with Nope; opening it makes nothing new, so any failure but a refusal may pass."""
        try:
            return self.client.conversations_open(users=user_id)["channel"]["id"]
        except SLACK_FAILURES as error:
            code = error_code(error)
            logger.warning("opening the DM with %s failed: %s", user_id, code)
            transient = may_have_happened(error) or code == RATE_LIMITED or isinstance(error, URLError)
            raise (TryLater if transient else PlatformError)(code) from error

    def send_blocks(self, user_id: str, blocks: list[Block]) -> None:
        """Blocks in the person's DM with Nope."""
        channel = self._dm_channel(user_id)
        sent_at = datetime.now(UTC)
        try:
            self.client.chat_postMessage(channel=channel, blocks=blocks, text=fallback_text(blocks))
        except SLACK_FAILURES as error:
            raise _post_failure(f"a DM to {user_id}", error, sent_at) from error

    def send(self, user_id: str, message: PrivateMessage) -> None:
        self.send_blocks(user_id, message_blocks(message))

    def schedule(self, user_id: str, at: datetime, message: PrivateMessage) -> str:
        blocks = message_blocks(message)
        channel = self._dm_channel(user_id)
        sent_at = datetime.now(UTC)
        try:
            answer = self.client.chat_scheduleMessage(
                channel=channel, post_at=int(at.timestamp()), blocks=blocks, text=fallback_text(blocks)
            )
        except SLACK_FAILURES as error:
            raise _post_failure(f"scheduling a DM to {user_id}", error, sent_at) from error
        return answer["scheduled_message_id"]

    def find_scheduled(self, user_id: str, at: datetime, message: PrivateMessage) -> list[str]:
        """Messages scheduled in the person's DM for that very second with the same text as `message`."""
        channel, post_at = self._dm_channel(user_id), int(at.timestamp())
        text = fallback_text(message_blocks(message))
        try:
            answer = self.client.chat_scheduledMessages_list(channel=channel, oldest=post_at, latest=post_at)
        except SLACK_FAILURES as error:
            code = error_code(error)
            logger.warning("listing the DMs scheduled for %s failed: %s", user_id, code)
            raise TryLater(code) from error
        return [
            str(found["id"])
            for found in answer.get("scheduled_messages") or []
            if found.get("post_at") == post_at and found.get("text") == text
        ]

    def cancel(self, user_id: str, scheduled_id: str) -> None:
        try:
            self.client.chat_deleteScheduledMessage(
                channel=self._dm_channel(user_id), scheduled_message_id=scheduled_id
            )
        except SLACK_FAILURES as error:
            raise self._failed(f"cancelling a DM to {user_id}", error) from error

    def send_file(self, user_id: str, file: PrivateFile) -> None:
        try:
            self.client.files_upload_v2(
                channel=self._dm_channel(user_id),
                content=file.content,
                filename=file.filename,
                initial_comment=file.comment,
            )
        except SLACK_FAILURES as error:
            raise self._failed(f"a file for {user_id}", error) from error

    def is_admin(self, user_id: str) -> bool:
        try:
            user = self.client.users_info(user=user_id).get("user") or {}
        except SLACK_FAILURES as error:
            raise self._failed(f"users.info for {user_id}", error) from error
        return is_workspace_admin(user)

    def admins(self) -> list[str]:
        try:
            members: list[dict[str, Any]] = self.client.users_list()["members"]
        except SLACK_FAILURES as error:
            self._failed("finding the workspace's admins", error)
            return []
        return [
            member["id"]
            for member in members
            if is_workspace_admin(member) and not member.get("is_bot") and not member.get("deleted")
        ]

    def make_reachable(self, channel_ids: Sequence[str]) -> ChannelCheck:
        """Join the public channels Nope is not in yet; name the ones it cannot post in."""
        unreachable: list[str | None] = []
        joined: list[str] = []
        unchecked: list[str] = []
        unanswered: list[str] = []
        for channel_id in channel_ids:
            try:
                channel = self.client.conversations_info(channel=channel_id)["channel"]
            except SLACK_FAILURES as error:
                if error_code(error) == "channel_not_found":
                    unreachable.append(None)  # Slack hides a private channel from a bot that is not in it
                elif isinstance(error, SlackApiError):
                    unchecked.append(channel_id)
                else:
                    unanswered.append(channel_id)
                continue
            if channel.get("is_member"):
                continue
            name = f"#{channel.get('name') or channel_id}"
            if channel.get("is_private"):
                unreachable.append(name)
                continue
            try:
                self.client.conversations_join(channel=channel_id)
                joined.append(channel_id)
            except SlackApiError as error:
                self._failed(f"joining {channel_id}", error)
                unreachable.append(name)
            except SLACK_FAILURES as error:
                self._failed(f"joining {channel_id}", error)
                unanswered.append(channel_id)
        return ChannelCheck(tuple(unreachable), tuple(joined), tuple(unchecked), tuple(unanswered))

    def post_digest(self, channel_id: str, digest: Digest, min_group: int, run_id: int) -> str:
        """Post the digest, then its chart image in the message's thread (the text chart is in the message)."""
        blocks = digest_blocks(digest, min_group)
        sent_at = datetime.now(UTC)  # Slack's timestamps follow the wall clock, whatever the scheduler's `now`
        try:
            answer = self.client.chat_postMessage(
                channel=channel_id,
                blocks=blocks,
                text=blocks[0]["text"]["text"],
                unfurl_links=False,
                unfurl_media=False,
                metadata={"event_type": DIGEST_EVENT_TYPE, "event_payload": {"run_id": run_id}},
            )
        except SLACK_FAILURES as error:
            raise _digest_failure(channel_id, error, sent_at) from error
        message_ts = answer["ts"]
        if digest.week.shown:
            wall_clock.sleep(SECONDS_BETWEEN_POSTS_TO_A_CHANNEL)
            self._post_chart(channel_id, message_ts, digest)
        return message_ts

    def find_digest(self, channel_id: str, run_id: int, since: datetime) -> str | None:
        """Look through the channel's messages since `since`, newest first, for the one marked with `run_id`."""
        oldest = f"{since.timestamp() - CLOCK_DIFFERENCE_SECONDS:.6f}"
        cursor = None
        for _ in range(HISTORY_PAGES_MAX):
            try:
                page = self.client.conversations_history(
                    channel=channel_id, oldest=oldest, limit=HISTORY_PAGE_SIZE, include_all_metadata=True, cursor=cursor
                )
            except SLACK_FAILURES as error:
                raise _history_failure(channel_id, error) from error
            found = next((message["ts"] for message in page.get("messages", []) if _marks(message, run_id)), None)
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if found is not None or not page.get("has_more") or not cursor:
                return found
        # Not in what was read, and more is left: that proves nothing, and a second post is not a risk to take.
        raise PlatformError("history_too_long")

    def _post_chart(self, channel_id: str, message_ts: str, digest: Digest) -> None:
        try:
            self.client.files_upload_v2(
                channel=channel_id,
                thread_ts=message_ts,
                file=digest_chart_png(digest),
                filename=f"nope-{digest.week_start.isoformat()}.png",
                title=translate(digest.lang, "digest.chart_title"),
                alt_txt=chart_alt_text(digest),
            )
        except SLACK_FAILURES as error:
            # The chart is a bonus (the message carries a text chart): a missing files:write scope or a
            # failed upload never fails the digest.
            logger.info("digest chart not posted to %s: %s", channel_id, error)


def _marks(message: dict[str, Any], run_id: int) -> bool:
    """Whether a message from a channel's history is the digest posted by run `run_id`."""
    metadata = message.get("metadata") or {}
    return (
        metadata.get("event_type") == DIGEST_EVENT_TYPE
        and (metadata.get("event_payload") or {}).get("run_id") == run_id
    )


def _post_failure(doing: str, error: Exception, sent_at: datetime) -> PlatformError:
    """What a failed post means: it may have gone out, Slack may take it later, or Slack refused it."""
    code = error_code(error)
    logger.warning("%s failed: %s", doing, code)
    if may_have_happened(error):
        return OutcomeUnknown(code, sent_at)
    if code == RATE_LIMITED or isinstance(error, URLError):
        return TryLater(code)
    return PlatformError(code)


def _digest_failure(channel_id: str, error: Exception, sent_at: datetime) -> PlatformError:
    """What a failed digest post means: it may be there after all, the channel is lost, or it is not there."""
    code = error_code(error)
    logger.warning("the digest for %s was not confirmed: %s", channel_id, code)
    if may_have_happened(error):
        return OutcomeUnknown(code, sent_at)
    return (ChannelLost if code in CHANNEL_LOST else PlatformError)(code)


def _history_failure(channel_id: str, error: Exception) -> PlatformError:
    code = error_code(error)
    logger.warning("could not read %s's history: %s", channel_id, code)
    return (ChannelLost if code in CHANNEL_LOST else PlatformError)(code)
