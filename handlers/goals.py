"""Bravery goals: `/nope goal` and the App Home's button open the modal; its submission saves the goal."""

from __future__ import annotations

from functools import partial

from slack_bolt import Ack, App
from slack_sdk import WebClient

from blocks.goal_views import CALLBACK_ID, TARGET_BLOCK, goal_modal, goal_set_view
from blocks.home_view import SET_GOAL_ACTION
from blocks.metadata import ModalMetadata
from handlers.home import refresh_home
from slack_api.modals import Reply, notify_by_dm
from slack_requests.acks import acknowledge, keep_open_unsaved, replace_view, show_errors
from slack_requests.door import Door
from slack_requests.forms import GOAL_BLOCKS, goal_answers, on_blocks
from slack_requests.requests import SlackRequest
from use_cases.core import Invalid, StorageUnavailable
from use_cases.goals import check, current_goal, save_goal
from use_cases.person import Person


def open_goal_modal(door: Door, reply: Reply, person: Person) -> None:
    try:
        current = current_goal(door.core, person)
    except StorageUnavailable:
        return reply.say(person.lang, "error.storage_unavailable")
    reply.open(goal_modal(ModalMetadata(person.lang, person.timezone_name), current), person.lang)


def open_from_home(door: Door, asked: SlackRequest, client: WebClient) -> None:
    reply = Reply(client, asked.trigger_id, notify_by_dm(client, asked.user_id))
    open_goal_modal(door, reply, door.person(client, asked))


def save(door: Door, ack: Ack, asked: SlackRequest) -> None:
    person = asked.from_modal()
    goal = check(goal_answers(asked.values), person.lang)
    if isinstance(goal, Invalid):
        return show_errors(ack, on_blocks(goal, GOAL_BLOCKS))
    try:
        progress = save_goal(door.core, person, goal)
    except StorageUnavailable:
        return keep_open_unsaved(ack, TARGET_BLOCK, person.lang, "goal.submit")
    replace_view(ack, goal_set_view(person.lang, goal, progress))


def register(app: App, door: Door) -> None:
    app.view(CALLBACK_ID)(ack=partial(save, door), lazy=[partial(refresh_home, door)])
    app.action(SET_GOAL_ACTION)(ack=acknowledge, lazy=[partial(open_from_home, door)])
