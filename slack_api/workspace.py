"""Nope in one Slack workspace: the application layer's ports (Messenger, Directory, Channels) on the Web API.

Every failed call is logged here, once, and raised as the ports' PlatformError (or ChannelLost), so
use cases never see slack_sdk.
"""

from __future__ import annotations

import logging
import time as wall_clock
from collections.abc import Sequence
from datetime import datetime
from typing import Any

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
from slack_api.client import SLACK_FAILURES, error_code
from slack_api.people import is_workspace_admin
from use_cases.messages import (
    BraveStepReminder,
    ChannelLostNotice,
    FeedbackQuestion,
    PrivateFile,
    PrivateMessage,
    ReminderNotScheduled,
)
from use_cases.ports import ChannelCheck, ChannelLost, PlatformError

logger = logging.getLogger(__name__)

# Errors that will not go away by trying again: the channel is gone, archived or closed to Nope.
CHANNEL_LOST = frozenset({"channel_not_found", "not_in_channel", "is_archived", "restricted_action"})
# Slack allows about one message per second per channel; the chart follows the message.
SECONDS_BETWEEN_POSTS_TO_A_CHANNEL = 1.0


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
        return self.client.conversations_open(users=user_id)["channel"]["id"]

    def send_blocks(self, user_id: str, blocks: list[Block]) -> None:
        """Blocks in the person's DM with Nope."""
        try:
            channel = self._dm_channel(user_id)
            self.client.chat_postMessage(channel=channel, blocks=blocks, text=fallback_text(blocks))
        except SLACK_FAILURES as error:
            raise self._failed(f"a DM to {user_id}", error) from error

    def send(self, user_id: str, message: PrivateMessage) -> None:
        self.send_blocks(user_id, message_blocks(message))

    def schedule(self, user_id: str, at: datetime, message: PrivateMessage) -> str:
        blocks = message_blocks(message)
        try:
            answer = self.client.chat_scheduleMessage(
                channel=self._dm_channel(user_id),
                post_at=int(at.timestamp()),
                blocks=blocks,
                text=fallback_text(blocks),
            )
        except SLACK_FAILURES as error:
            raise self._failed(f"scheduling a DM to {user_id}", error) from error
        return answer["scheduled_message_id"]

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

    def post_digest(self, channel_id: str, digest: Digest, min_group: int) -> str:
        """Post the digest, then its chart image in the message's thread (the text chart is in the message)."""
        blocks = digest_blocks(digest, min_group)
        try:
            answer = self.client.chat_postMessage(
                channel=channel_id,
                blocks=blocks,
                text=blocks[0]["text"]["text"],
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as error:
            code = error_code(error)
            logger.warning("the digest for %s was not posted: %s", channel_id, code)
            raise (ChannelLost if code in CHANNEL_LOST else PlatformError)(code) from error
        except SLACK_FAILURES as error:
            raise self._failed(f"the digest for {channel_id}", error) from error
        message_ts = answer["ts"]
        if digest.week.shown:
            wall_clock.sleep(SECONDS_BETWEEN_POSTS_TO_A_CHANNEL)
            self._post_chart(channel_id, message_ts, digest)
        return message_ts

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
