"""Private messages from Nope to one person, in their DM with the app (now or scheduled)."""

from __future__ import annotations

from datetime import datetime

from slack_sdk import WebClient

from blocks.kit import Block
from blocks.messages import fallback_text


def _dm_channel(client: WebClient, user_id: str) -> str:
    return client.conversations_open(users=user_id)["channel"]["id"]


def send_dm(client: WebClient, user_id: str, blocks: list[Block]) -> None:
    """Raises slack_sdk's errors: each caller decides what a failed DM means for its person."""
    client.chat_postMessage(channel=_dm_channel(client, user_id), blocks=blocks, text=fallback_text(blocks))


def schedule_dm(client: WebClient, user_id: str, post_at: datetime, blocks: list[Block]) -> str:
    """Schedule a DM at `post_at`; returns Slack's id for it, to cancel it if plans change."""
    answer = client.chat_scheduleMessage(
        channel=_dm_channel(client, user_id),
        post_at=int(post_at.timestamp()),
        blocks=blocks,
        text=fallback_text(blocks),
    )
    return answer["scheduled_message_id"]


def cancel_scheduled_dm(client: WebClient, user_id: str, scheduled_message_id: str) -> None:
    client.chat_deleteScheduledMessage(channel=_dm_channel(client, user_id), scheduled_message_id=scheduled_message_id)


def send_file_dm(client: WebClient, user_id: str, *, content: str, filename: str, comment: str) -> None:
    """Share a file in the person's DM with Nope, with `comment` as its message. Raises as send_dm does."""
    client.files_upload_v2(
        channel=_dm_channel(client, user_id), content=content, filename=filename, initial_comment=comment
    )
