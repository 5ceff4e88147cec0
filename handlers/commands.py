"""The `/nope` slash command, and a friendly answer to any command that is not ours."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from blocks.kit import Block
from blocks.messages import fallback_text, help_blocks
from coach.i18n import DEFAULT_LANGUAGE, translate
from handlers.command_text import parse_command_text
from handlers.log_no_modal import open_log_no_modal
from handlers.services import Services, team_key

COMMAND = "/nope"


def register(app: App, services: Services) -> None:
    def run_command(body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
        request = parse_command_text(body.get("text"))
        person = services.people.lookup(client, team_key(context), body["user_id"])

        def notify(blocks: list[Block]) -> None:
            respond(blocks=blocks, text=fallback_text(blocks), response_type="ephemeral")

        if request.subcommand == "help":
            notify(help_blocks(person.lang))
            return
        open_log_no_modal(client, body["trigger_id"], person, notify, request.story)

    app.command(COMMAND)(ack=acknowledge, lazy=[run_command])
    app.command(re.compile(r".*"))(answer_unknown_command)


def acknowledge(ack: Ack) -> None:
    ack()


def answer_unknown_command(ack: Ack) -> None:
    ack(text=translate(DEFAULT_LANGUAGE, "error.unknown_command"))
