"""The `/nope` slash command, and a friendly answer to any command that is not ours."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from blocks.messages import help_blocks, notice_blocks
from handlers.acks import acknowledge
from handlers.command_text import parse_command_text
from handlers.data_rights import export_data, open_delete_confirmation
from handlers.goals import open_goal_modal
from handlers.log_no import open_log_no_modal
from handlers.modals import notify_by_response
from handlers.reflection import open_reflection
from handlers.services import Services, team_key
from handlers.settings import open_settings

COMMAND = "/nope"
# What a workspace that switched Nope off no longer offers: logging and reflecting. Help, settings
# and a person's rights over their own data keep working.
SWITCHED_OFF_ANSWERS = frozenset({None, "reflect", "goal"})


def register(app: App, services: Services) -> None:
    def run_command(body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
        request = parse_command_text(body.get("text"))
        workspace_id, user_id, trigger_id = team_key(context), body["user_id"], body["trigger_id"]
        person = services.people.lookup(client, workspace_id, user_id)
        notify = notify_by_response(respond)
        if request.subcommand in SWITCHED_OFF_ANSWERS and not services.switches.is_on(workspace_id):
            notify(notice_blocks(person.lang, "settings.switched_off", request.story))
        elif request.subcommand == "help":
            notify(help_blocks(person.lang))
        elif request.subcommand == "settings":
            open_settings(services, client, trigger_id, workspace_id, user_id, person, notify)
        elif request.subcommand == "reflect":
            open_reflection(
                services, client, trigger_id, None, person, notify, workspace_id=workspace_id, user_id=user_id
            )
        elif request.subcommand == "goal":
            open_goal_modal(services, client, trigger_id, workspace_id, user_id, person, notify)
        elif request.subcommand == "export":
            export_data(
                services,
                client,
                person,
                notify,
                workspace_id=workspace_id,
                user_id=user_id,
                organisation_id=context.enterprise_id,
            )
        elif request.subcommand == "delete":
            open_delete_confirmation(client, trigger_id, person, notify)
        else:
            open_log_no_modal(client, trigger_id, person, notify, request.story)

    app.command(COMMAND)(ack=acknowledge, lazy=[run_command])
