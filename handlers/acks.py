"""The acknowledgement for listeners whose work happens after Slack has its answer."""

from __future__ import annotations

from slack_bolt import Ack


def acknowledge(ack: Ack) -> None:
    ack()
