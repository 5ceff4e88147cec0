"""The `/nope` slash command: one answer per sub-command, the story of a new no otherwise."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from slack_bolt import App, Respond
from slack_sdk import WebClient

from blocks.messages import help_blocks
from handlers.data_rights import export_data, open_delete_confirmation
from handlers.goals import open_goal_modal
from handlers.log_rejection import open_log_rejection_modal
from handlers.reflection import open_reflection
from handlers.settings import open_settings
from slack_api.modals import Reply, notify_by_response, words_of
from slack_requests.acks import acknowledge
from slack_requests.command_text import parse_command_text
from slack_requests.door import Door
from slack_requests.requests import SlackRequest
from use_cases.log_rejection import is_switched_on
from use_cases.person import Person

COMMAND = "/nope"
# What a workspace that switched Nope off no longer offers: logging and reflecting. Help, settings
# and a person's rights over their own data keep working.
SWITCHED_OFF_ANSWERS = frozenset({None, "reflect", "goal"})

Answer = Callable[[Door, Reply, Person, str | None], None]
ANSWERS: dict[str | None, Answer] = {
    None: lambda door, reply, person, story: open_log_rejection_modal(reply, person, story),
    "help": lambda door, reply, person, story: reply.notify(help_blocks(person.lang)),
    "settings": lambda door, reply, person, story: open_settings(door, reply, person),
    "reflect": lambda door, reply, person, story: open_reflection(door, reply, person, None),
    "goal": lambda door, reply, person, story: open_goal_modal(door, reply, person),
    "export": lambda door, reply, person, story: export_data(door, reply, person),
    "delete": lambda door, reply, person, story: open_delete_confirmation(reply, person),
}


def run_command(door: Door, asked: SlackRequest, client: WebClient, respond: Respond) -> None:
    command = parse_command_text(asked.command_text, ANSWERS)
    person = door.person(client, asked)
    reply = Reply(client, asked.trigger_id, notify_by_response(respond))
    if command.subcommand in SWITCHED_OFF_ANSWERS and not is_switched_on(door.core, person.workspace_id):
        reply.say(person.lang, "settings.switched_off", words_of(person, command.story))
        return
    ANSWERS[command.subcommand](door, reply, person, command.story)


def register(app: App, door: Door) -> None:
    app.command(COMMAND)(ack=acknowledge, lazy=[partial(run_command, door)])
