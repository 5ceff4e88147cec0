"""The private reflection on a no, one modal per reflection step, each replacing the last.

Entry points: the "Reflect now" button on the logged-a-no view (that modal turns into the first
step), `/nope reflect` (the latest no) and the App Home's "Reflect" buttons.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial, wraps

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from blocks import reflection_views as views
from blocks.home_view import REFLECT_ACTION
from blocks.kit import Block
from blocks.logged_view import REFLECT_NOW_ACTION
from blocks.messages import notice_blocks
from blocks.metadata import ModalMetadata
from blocks.outage_views import storage_unavailable_modal
from handlers.home import publish_home
from slack_api.client import SLACK_FAILURES
from slack_api.modals import Reply, notify_by_dm
from slack_api.workspace import SlackWorkspace
from slack_requests.acks import acknowledge, keep_open_unsaved, replace_view, show_errors
from slack_requests.door import Door
from slack_requests.forms import on_blocks, step_answers, step_blocks, step_text_block
from slack_requests.requests import SlackRequest, SubmittedView
from use_cases import reflection
from use_cases.brave_steps import plan_reminder
from use_cases.core import Invalid, StorageUnavailable
from use_cases.person import Person
from use_cases.reflection import BRAVE_STEP, NEXT_STEP, REFRAME, REMEMBER, ReflectionScreen

logger = logging.getLogger(__name__)

# Set by a step's submission once it is saved: the work after the acknowledgement follows only then.
STEP_SAVED = "nope_step_saved"


def next_metadata(metadata: ModalMetadata, screen: ReflectionScreen) -> ModalMetadata:
    """What the next view carries: a screen offering phrases gets a new revision, so Slack shows new text."""
    return metadata if screen.offered is None else metadata.next_revision(screen.offered)


def _update(client: WebClient, view: SubmittedView, new_view: Block) -> None:
    try:
        client.views_update(view_id=view.view_id, hash=view.hash, view=new_view)
    except SLACK_FAILURES as error:
        # A hash conflict means the person already moved on; what they see is current.
        logger.warning("views.update failed: %s", error)


def _show(client: WebClient, asked: SlackRequest, screen: ReflectionScreen | None) -> None:
    if screen is not None and asked.view is not None:
        _update(client, asked.view, views.reflection_step_view(screen, next_metadata(asked.metadata, screen)))


def _say_storage_unavailable(client: WebClient, asked: SlackRequest, lang: str) -> None:
    """A small modal on top of the one the button is in says so; closing it shows that one unchanged."""
    try:
        client.views_push(trigger_id=asked.trigger_id, view=storage_unavailable_modal(lang))
    except SLACK_FAILURES as error:
        logger.warning("views.push failed: %s", error)


ButtonWork = Callable[[Door, SlackRequest, WebClient], None]


def _or_say_storage_unavailable(work: ButtonWork) -> ButtonWork:
    """A button in a reflection step whose work the database did not answer: the person is told, never left waiting."""

    @wraps(work)
    def guarded(door: Door, asked: SlackRequest, client: WebClient) -> None:
        try:
            work(door, asked, client)
        except StorageUnavailable:
            _say_storage_unavailable(client, asked, asked.metadata.lang)

    return guarded


def _first_view(person: Person, screen: ReflectionScreen) -> Block:
    metadata = ModalMetadata(person.lang, person.timezone_name, reflection_id=screen.reflection_id)
    return views.reflection_step_view(screen, metadata)


def open_reflection(door: Door, reply: Reply, person: Person, rejection_id: int | None) -> None:
    """Open the first step for a no of theirs (the latest when no id is given), or say why not."""
    try:
        screen = reflection.start(door.core, person, rejection_id)
    except StorageUnavailable:
        return reply.say(person.lang, "error.storage_unavailable")
    if screen is None:
        return reply.say(person.lang, "notice.nothing_to_reflect" if rejection_id is None else "notice.not_yours")
    reply.open(_first_view(person, screen), person.lang)


def reflect_from_logged_view(door: Door, asked: SlackRequest, client: WebClient) -> None:
    """The logged-a-no view turns into the first step."""
    person = door.person(client, asked)
    try:
        screen = reflection.start(door.core, person, asked.clicked.number if asked.clicked else None)
    except StorageUnavailable:
        return _say_storage_unavailable(client, asked, person.lang)
    if screen is not None and asked.view is not None:
        _update(client, asked.view, _first_view(person, screen))


def reflect_from_home(door: Door, asked: SlackRequest, client: WebClient) -> None:
    rejection_id = asked.clicked.number if asked.clicked else None
    if rejection_id is not None:
        reply = Reply(client, asked.trigger_id, notify_by_dm(client, asked.user_id))
        open_reflection(door, reply, door.person(client, asked), rejection_id)


def submit_step(door: Door, ack: Ack, asked: SlackRequest, context: BoltContext) -> None:
    metadata, person = asked.metadata, asked.from_modal()
    step = asked.view.callback_id.removeprefix(views.CALLBACK_PREFIX) if asked.view else ""
    if metadata.reflection_id is None or step not in NEXT_STEP:
        return ack()
    answers = step_answers(step, asked.values, metadata)
    try:
        outcome = reflection.submit_step(door.core, person, metadata.reflection_id, step, answers)
    except StorageUnavailable:
        button = views.submit_key(step) or "reflect.next"  # only REMEMBER has none, and it is never submitted
        return keep_open_unsaved(ack, step_text_block(step, metadata), person.lang, button)
    if isinstance(outcome, Invalid):
        return show_errors(ack, on_blocks(outcome, step_blocks(step, metadata)))
    if outcome is None:
        return ack()  # not theirs (or gone): close quietly rather than show someone else's data
    context[STEP_SAVED] = outcome.step
    replace_view(ack, views.reflection_step_view(outcome, next_metadata(metadata, outcome)))


def after_step(door: Door, asked: SlackRequest, client: WebClient, context: BoltContext) -> None:
    """Once a step is saved: the brave step's reminder, and the Home once the reflection is done."""
    shown_next, reflection_id = context.get(STEP_SAVED), asked.metadata.reflection_id
    if shown_next is None or reflection_id is None:
        return
    if shown_next == REMEMBER:  # the brave step was just saved
        plan_reminder(door.core, asked.from_modal(), reflection_id, SlackWorkspace(client))
        publish_home(door, client, door.person(client, asked))


def skip_step(door: Door, asked: SlackRequest, client: WebClient) -> None:
    reflection_id = asked.metadata.reflection_id
    if reflection_id is None or asked.clicked is None:
        return
    screen = reflection.skip_step(door.core, asked.from_modal(), reflection_id, asked.clicked.value)
    _show(client, asked, screen)
    if screen is not None and screen.step == REMEMBER:
        publish_home(door, client, door.person(client, asked))


def _picked(asked: SlackRequest) -> str | None:
    """The phrase on the button clicked, by its index among those the view shows."""
    index, shown = asked.clicked.number if asked.clicked else None, asked.metadata.shown
    return shown[index] if index is not None and index < len(shown) else None


def use_phrase(door: Door, asked: SlackRequest, client: WebClient) -> None:
    """Put the picked reframe or brave step into the edit box, where the person can make it theirs."""
    picked, metadata = _picked(asked), asked.metadata
    if picked is None or metadata.reflection_id is None or asked.clicked is None:
        return
    step = REFRAME if asked.clicked.action_id == views.USE_REFRAME_ACTION else BRAVE_STEP
    screen = reflection.use_phrase(door.core, asked.from_modal(), metadata.reflection_id, step, picked, metadata.shown)
    _show(client, asked, screen)


def pick_who(door: Door, asked: SlackRequest, client: WebClient) -> None:
    """Who said no changed: offer the questions that fit them."""
    who, reflection_id = asked.clicked.selected if asked.clicked else None, asked.metadata.reflection_id
    if who is not None and reflection_id is not None:
        _show(client, asked, reflection.pick_who(door.core, asked.from_modal(), reflection_id, who))


def ask_question(door: Door, asked: SlackRequest, client: WebClient) -> None:
    """Send the picked question to the person's DM, ready to copy; the modal says when it could not go out."""
    question, metadata = _picked(asked), asked.metadata
    if question is None or metadata.reflection_id is None or asked.view is None:
        return
    messenger = SlackWorkspace(client)
    screen = reflection.ask_question(
        door.core, asked.from_modal(), metadata.reflection_id, question, metadata.shown, messenger
    )
    if screen is None:
        return
    view = views.reflection_step_view(screen, next_metadata(metadata, screen))
    if screen.not_sent is not None:
        # At the top, where the person looks after pressing: the question itself keeps its button.
        view = {**view, "blocks": [*notice_blocks(metadata.lang, "reflect.feedback.not_sent"), *view["blocks"]]}
    _update(client, asked.view, view)


def register(app: App, door: Door) -> None:
    for step in NEXT_STEP:
        app.view(views.callback_id(step))(ack=partial(submit_step, door), lazy=[partial(after_step, door)])
    app.action(REFLECT_NOW_ACTION)(ack=acknowledge, lazy=[partial(reflect_from_logged_view, door)])
    app.action(REFLECT_ACTION)(ack=acknowledge, lazy=[partial(reflect_from_home, door)])
    in_a_step = (
        (views.SKIP_ACTION, skip_step),
        (views.USE_REFRAME_ACTION, use_phrase),
        (views.USE_BRAVE_STEP_ACTION, use_phrase),
        (views.PICK_WHO_ACTION, pick_who),
        (views.ASK_QUESTION_ACTION, ask_question),
    )
    for action_id, work in in_a_step:
        app.action(action_id)(ack=acknowledge, lazy=[partial(_or_say_storage_unavailable(work), door)])
