"""A brave step's reminder DM, and marking the step done from that DM or the App Home."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from blocks.direct_messages import reminder_blocks, reminder_failed_blocks, step_done_blocks
from blocks.home_view import BRAVE_STEP_DONE_ACTION
from blocks.messages import fallback_text
from handlers.acks import acknowledge
from handlers.direct_messages import cancel_scheduled_dm, schedule_dm
from handlers.home import publish_home
from handlers.modals import notify_by_dm
from handlers.services import Services, team_key
from handlers.web_client import SLACK_FAILURES
from storage.reflections import own_reflection

logger = logging.getLogger(__name__)


def plan_reminder(
    services: Services, client: WebClient, reflection_id: int, workspace_id: str, user_id: str, lang: str
) -> None:
    """Schedule the step's reminder DM, replacing (or, with no step left, cancelling) an earlier one.

    If Slack will not schedule it, the step is sent now, so the person still has it.
    """
    with services.sessions() as session:
        reflection = own_reflection(session, reflection_id, workspace_id, user_id)
        if reflection is None:
            return
        step, due_at, earlier = reflection.brave_step, reflection.brave_step_due_at, reflection.brave_step_reminder_id
    scheduled_id = None
    try:
        if earlier:
            cancel_scheduled_dm(client, user_id, earlier)
        if step and due_at is not None:
            scheduled_id = schedule_dm(client, user_id, due_at, reminder_blocks(lang, reflection_id, step))
    except SLACK_FAILURES as error:
        logger.warning("could not schedule a reminder for %s: %s", user_id, error)
        if step:
            notify_by_dm(client, user_id)(reminder_failed_blocks(lang, step))
    with services.sessions.begin() as session:
        reflection = own_reflection(session, reflection_id, workspace_id, user_id)
        if reflection is not None:
            reflection.brave_step_reminder_id = scheduled_id


def register(app: App, services: Services) -> None:
    def mark_done(body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
        workspace_id, user_id = team_key(context), body["user"]["id"]
        value = str(body["actions"][0].get("value") or "")
        person = services.people.lookup(client, workspace_id, user_id)
        with services.sessions.begin() as session:
            reflection = own_reflection(session, int(value), workspace_id, user_id) if value.isdigit() else None
            if reflection is None or not reflection.brave_step:
                return
            reflection.brave_step_done_at = reflection.brave_step_done_at or services.clock()
            done = step_done_blocks(person.lang, reflection.brave_step)
        if body.get("response_url"):
            # The reminder DM turns into the celebration, so the button cannot be pressed twice.
            respond(blocks=done, text=fallback_text(done), replace_original=True)
        publish_home(services, client, workspace_id, user_id)

    app.action(BRAVE_STEP_DONE_ACTION)(ack=acknowledge, lazy=[mark_done])
