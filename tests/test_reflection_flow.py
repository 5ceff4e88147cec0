"""The private reflection end to end: log a no -> reflect, step by step -> reminder -> comeback."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from blocks import reflection_views as steps
from blocks.home_view import BRAVE_STEP_DONE_ACTION, REFLECT_ACTION
from blocks.logged_view import REFLECT_NOW_ACTION
from storage.models import Reflection
from tests.conftest import ANNA, BRAM
from tests.harness import (
    all_text,
    button_value,
    input_block_id,
    opened_view,
    published_home,
    sections_with_button,
    structured,
    updated_view,
)
from tests.test_log_no_flow import ANSWERS, stored_rows

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def stored_reflections(database_url: str) -> list[Reflection]:
    return stored_rows(database_url, Reflection)


def eventually(read: Callable[[], object], timeout: float = 5.0) -> object:
    """What `read` returns once it is truthy: work after an ack lands a moment later."""
    deadline = time.monotonic() + timeout
    while not (value := read()):
        assert time.monotonic() < deadline, "nothing arrived in time"
        time.sleep(0.02)
    return value


def log_a_no(slack, web_api, person=ANNA, answers=ANSWERS) -> dict:
    """Log a no and return the acknowledgement view the modal turned into."""
    opened_before = len(web_api.calls("views.open"))
    slack.command(person)
    response = slack.submit(person, opened_view(web_api, opened_before), answers)
    return response.get_json()["view"]


def reflect_on_a_new_no(slack, web_api) -> dict:
    """Anna logs a no and presses Reflect now; returns the first step."""
    logged = log_a_no(slack, web_api)
    updates_before = len(web_api.calls("views.update"))
    slack.click_in_modal(ANNA, logged, REFLECT_NOW_ACTION, button_value(logged, REFLECT_NOW_ACTION))
    return updated_view(web_api, count=updates_before + 1)


def skip_to(slack, web_api, view: dict, step: str) -> dict:
    """Press "Skip this step" until the reflection shows `step`."""
    while view["callback_id"] != steps.callback_id(step):
        updates_before = len(web_api.calls("views.update"))
        slack.click_in_modal(ANNA, view, steps.SKIP_ACTION, button_value(view, steps.SKIP_ACTION))
        view = updated_view(web_api, count=updates_before + 1)
    return view


def test_the_whole_reflection_from_reflect_now_to_a_comeback(slack, web_api, database_url):
    logged = log_a_no(slack, web_api)

    # Reflect now: the acknowledgement turns into step 1, in place (no pushed views).
    slack.click_in_modal(ANNA, logged, REFLECT_NOW_ACTION, button_value(logged, REFLECT_NOW_ACTION))
    feel = updated_view(web_api)
    assert feel["title"]["text"] == "Reflect · 1 of 5"
    assert "Disappointment means you hoped for something" in all_text(feel)
    assert not web_api.calls("views.push")

    # 1. Feel it -> 2. The story
    story = slack.submit(ANNA, feel, {steps.FEELING_NOTE_BLOCK: "Gutted, honestly."}).get_json()
    assert story["response_action"] == "update"
    assert story["view"]["title"]["text"] == "Reflect · 2 of 5"

    # 2. The story -> traps with their evidence and counter-questions, and three new stories
    head_story = "I always get rejected, they probably think I'm worthless"
    reframe = slack.submit(ANNA, story["view"], {steps.HEAD_STORY_BLOCK: head_story}).get_json()["view"]
    text = all_text(reframe)
    assert "*Overgeneralising*: you wrote “" in text
    assert "*Mind reading*: you wrote “" in text
    use_buttons = sections_with_button(reframe, steps.USE_REFRAME_ACTION)
    assert len(use_buttons) == 3

    # Pick the second new story: it lands in the edit box, ready to make it theirs.
    slack.click_in_modal(ANNA, reframe, steps.USE_REFRAME_ACTION, "1")
    edited = updated_view(web_api, count=2)
    picked = use_buttons[1]["text"]["text"]
    edit_box_id = input_block_id(edited, steps.NEW_STORY_BLOCK)
    edit_box = next(block for block in edited["blocks"] if block.get("block_id") == edit_box_id)
    assert edit_box["element"]["initial_value"] == picked
    assert edit_box_id != input_block_id(reframe, steps.NEW_STORY_BLOCK)  # so Slack shows the new text

    # 3. Ask for feedback: a job application starts with the recruiter; switching to a manager
    # offers other questions; asking one sends it as a DM ready to copy.
    my_story = picked + " (and I'll try again)"
    feedback = slack.submit(ANNA, edited, {edit_box_id: my_story}).get_json()["view"]
    assert feedback["title"]["text"] == "Reflect · 3 of 5"
    who = next(b for b in feedback["blocks"] if b.get("block_id") == steps.WHO_BLOCK)
    assert who["element"]["initial_option"]["value"] == "recruiter"
    slack.click_in_modal(ANNA, feedback, steps.PICK_WHO_ACTION, selected="manager")
    for_manager = updated_view(web_api, count=3)
    slack.click_in_modal(ANNA, for_manager, steps.ASK_QUESTION_ACTION, "0")
    dm = web_api.wait_for("chat.postMessage")[0]
    assert dm.params["channel"] == "D" + ANNA.user_id
    question = sections_with_button(for_manager, steps.ASK_QUESTION_ACTION)[0]["text"]["text"]
    assert "ready to copy" in all_text(structured(dm, "blocks"))
    assert question in all_text(structured(dm, "blocks")).replace("> ", "")
    assert "Sent to your DM with Nope" in all_text(updated_view(web_api, count=4))

    # 4. Next brave step, tomorrow at 10:00 on Anna's own clock -> a scheduled reminder DM
    brave = slack.submit(ANNA, for_manager, {}).get_json()["view"]
    assert brave["title"]["text"] == "Reflect · 4 of 5"
    step_box = input_block_id(brave, steps.BRAVE_STEP_TEXT_BLOCK)
    tomorrow = (datetime.now(AMSTERDAM) + timedelta(days=1)).date()
    remember = slack.submit(
        ANNA,
        brave,
        {
            step_box: "Email two more companies <!channel>",
            steps.BRAVE_STEP_DATE_BLOCK: tomorrow.isoformat(),
            steps.BRAVE_STEP_TIME_BLOCK: "10:00",
        },
    ).get_json()["view"]

    # 5. Remember: no earlier comeback yet, so an encouragement.
    assert remember["title"]["text"] == "Reflect · 5 of 5"
    assert "start of your first comeback" in all_text(remember)
    assert "submit" not in remember
    [scheduled] = web_api.wait_for("chat.scheduleMessage")
    due = datetime.combine(tomorrow, datetime.strptime("10:00", "%H:%M").time(), tzinfo=AMSTERDAM)
    assert int(scheduled.params["post_at"]) == int(due.timestamp())
    assert scheduled.params["channel"] == "D" + ANNA.user_id
    assert "&lt;!channel&gt;" in all_text(structured(scheduled, "blocks"))

    [saved] = stored_reflections(database_url)
    assert saved.feeling_note == "Gutted, honestly."
    assert saved.head_story == head_story
    assert set(saved.trap_ids.split(",")) >= {"overgeneralising", "mind_reading"}
    assert saved.new_story == my_story
    assert (saved.feedback_from, saved.feedback_question) == ("manager", question)
    assert saved.brave_step == "Email two more companies <!channel>"
    assert saved.brave_step_due_at == due
    assert saved.finished_at is not None
    reminder_id = eventually(lambda: stored_reflections(database_url)[0].brave_step_reminder_id)
    assert reminder_id in web_api.scheduled()

    # The reminder's "Done it" counts the step: the DM celebrates and the Home shows the comeback.
    reminder_value = button_value({"blocks": structured(scheduled, "blocks")}, BRAVE_STEP_DONE_ACTION)
    slack.click_in_message(ANNA, BRAVE_STEP_DONE_ACTION, reminder_value)
    celebration = web_api.wait_for("response_url")[0].params
    assert celebration["replace_original"] is True
    assert "That is a comeback, and it counts." in all_text(celebration["blocks"])
    home_count = len(web_api.wait_for("views.publish", count=3))
    home = published_home(web_api, count=home_count)
    assert "Your comebacks" in all_text(home)
    assert "Email two more companies &lt;!channel&gt;" in all_text(home)
    assert stored_reflections(database_url)[0].brave_step_done_at is not None

    # The next reflection remembers this comeback in its last step.
    second = log_a_no(slack, web_api, answers={**ANSWERS, "kind": "sales_pitch"})
    slack.click_in_modal(ANNA, second, REFLECT_NOW_ACTION, button_value(second, REFLECT_NOW_ACTION))
    view = skip_to(slack, web_api, updated_view(web_api, count=5), steps.REMEMBER)
    assert view["title"]["text"] == "Reflect · 5 of 5"
    memory = all_text(view)
    assert "You told it as: “" + my_story + "”" in memory
    assert "*Email two more companies &lt;!channel&gt;*" in memory


def test_reflect_command_opens_the_latest_no_and_explains_when_there_is_none(slack, web_api):
    slack.command(ANNA, text="reflect")
    notice = web_api.wait_for("response_url")[0].params
    assert "There is no no to reflect on yet." in all_text(notice["blocks"])

    log_a_no(slack, web_api)
    slack.command(ANNA, text="reflect")

    feel = opened_view(web_api, 1)
    assert feel["callback_id"] == steps.callback_id(steps.FEEL)
    assert feel["title"]["text"] == "Reflect · 1 of 5"


def test_the_reflection_speaks_dutch(slack, web_api):
    logged = log_a_no(slack, web_api, person=BRAM)
    slack.click_in_modal(BRAM, logged, REFLECT_NOW_ACTION, button_value(logged, REFLECT_NOW_ACTION))
    feel = updated_view(web_api)
    assert feel["title"]["text"] == "Reflectie · 1 van 5"
    story = slack.submit(BRAM, feel, {}).get_json()["view"]
    assert story["title"]["text"] == "Reflectie · 2 van 5"
    assert "Het verhaal in je hoofd" in all_text(story)
    reframe = slack.submit(BRAM, story, {steps.HEAD_STORY_BLOCK: "Ik word altijd afgewezen"}).get_json()["view"]
    assert "*Overgeneraliseren*: je schreef “" in all_text(reframe)
    assert "Kies een nieuw verhaal" in all_text(reframe)

    feedback = slack.submit(BRAM, reframe, {}).get_json()["view"]
    assert feedback["title"]["text"] == "Reflectie · 3 van 5"
    assert "Wie zei nee?" in all_text(feedback)
    slack.click_in_modal(BRAM, feedback, steps.ASK_QUESTION_ACTION, "0")
    dm = web_api.wait_for("chat.postMessage")[0]
    assert "Hier is je feedbackvraag, klaar om te kopiëren:" in all_text(structured(dm, "blocks"))
    assert "*Zo vraag je het:*" in all_text(structured(dm, "blocks"))

    brave = slack.submit(BRAM, feedback, {}).get_json()["view"]
    assert brave["title"]["text"] == "Reflectie · 4 van 5"
    assert "Je volgende dappere stap" in all_text(brave)
    remember = slack.submit(
        BRAM, brave, {input_block_id(brave, steps.BRAVE_STEP_TEXT_BLOCK): "Eén collega om tips vragen"}
    )
    assert remember.get_json()["view"]["title"]["text"] == "Reflectie · 5 van 5"
    assert "Je bent niet je nee's." in all_text(remember.get_json()["view"])
    reminder = web_api.wait_for("chat.scheduleMessage")[0]
    assert "Tijd voor je dappere stap: Eén collega om tips vragen" in all_text(structured(reminder, "blocks"))


def test_a_step_in_the_past_is_refused_on_the_date(slack, web_api):
    view = skip_to(slack, web_api, reflect_on_a_new_no(slack, web_api), steps.BRAVE_STEP)
    assert view["callback_id"] == steps.callback_id(steps.BRAVE_STEP)
    step_box = input_block_id(view, steps.BRAVE_STEP_TEXT_BLOCK)

    answer = slack.submit(
        ANNA,
        view,
        {step_box: "Ask one question", steps.BRAVE_STEP_DATE_BLOCK: "2020-01-01", steps.BRAVE_STEP_TIME_BLOCK: "09:00"},
    ).get_json()

    assert answer == {
        "response_action": "errors",
        "errors": {steps.BRAVE_STEP_DATE_BLOCK: "Pick a moment in the future."},
    }
    assert not web_api.calls("chat.scheduleMessage")


def test_when_slack_will_not_schedule_the_reminder_the_step_is_sent_now(slack, web_api):
    web_api.fail("chat.scheduleMessage", error="restricted_too_many")
    view = skip_to(slack, web_api, reflect_on_a_new_no(slack, web_api), steps.BRAVE_STEP)
    step_box = input_block_id(view, steps.BRAVE_STEP_TEXT_BLOCK)

    slack.submit(ANNA, view, {step_box: "Pitch one more client"})

    dm = web_api.wait_for("chat.postMessage")[0]
    assert "here it is now: Pitch one more client" in all_text(structured(dm, "blocks"))


def test_nobody_can_open_or_change_someone_elses_reflection(slack, web_api, database_url):
    logged = log_a_no(slack, web_api)
    rejection_id = button_value(logged, REFLECT_NOW_ACTION)

    # Bram presses a Reflect button carrying Anna's no.
    slack.click(BRAM, REFLECT_ACTION, in_message=False, value=rejection_id)
    slack.click_in_modal(BRAM, logged, REFLECT_NOW_ACTION, rejection_id)
    notice = web_api.wait_for("chat.postMessage")[0]
    assert notice.params["channel"] == "D" + BRAM.user_id
    assert not web_api.calls("views.update")

    # Anna starts reflecting; Bram replays her modal's submission as his own.
    slack.click_in_modal(ANNA, logged, REFLECT_NOW_ACTION, rejection_id)
    feel = updated_view(web_api)
    response = slack.submit(BRAM, feel, {steps.FEELING_NOTE_BLOCK: "overwritten"})
    assert response.status_code == 200 and response.get_data(as_text=True) == ""
    assert stored_reflections(database_url)[0].feeling_note is None
