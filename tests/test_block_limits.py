"""A person's own long text never breaks a view or a message: through the real app, with the Slack
stand-in refusing whatever Slack would refuse (a section over 3,000 characters, counted after escaping)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from blocks import reflection_views as steps
from blocks.home_view import BRAVE_STEP_DONE_ACTION
from blocks.logged_view import REFLECT_NOW_ACTION
from blocks.mrkdwn import escape
from coach.i18n import translate
from digest.settings import WorkspaceSettings
from slack_standin.web_api import Call
from storage.workspaces import save_settings
from tests.conftest import ANNA
from tests.database_traces import in_database
from tests.harness import all_text, button_value, input_block_id, structured, updated_view
from tests.test_reflection_flow import eventually, log_a_no, skip_to

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def text_of_length(sentence: str, length: int) -> str:
    """Ordinary words, `sentence` after `sentence`, cut to exactly `length` characters."""
    return (sentence * (length // len(sentence) + 1))[:length]


# The first case: 2,000 + 1,601 characters, 3,756 with the rest of the sentence around them.
LONG_STORY = text_of_length("The team heard me out and I will ask again next quarter. ", 2000)
LONG_STEP = text_of_length("Write to the two buyers who asked for a second pitch. ", 1601)


def words(text: str) -> str:
    """What a person reads, word for word: quote marks, bold marks and line breaks between sections aside."""
    return " ".join(re.sub(r"(?m)^> ?", "", text).replace("*", "").split())


def reflect_up_to_the_brave_step(slack, web_api, new_story: str | None = None) -> dict:
    """Anna logs a no, reflects (with her own new story, if given) and arrives at the brave step."""
    logged = log_a_no(slack, web_api)
    updates_before = len(web_api.calls("views.update"))
    slack.click_in_modal(ANNA, logged, REFLECT_NOW_ACTION, button_value(logged, REFLECT_NOW_ACTION))
    view = updated_view(web_api, count=updates_before + 1)
    if new_story is not None:
        reframe = skip_to(slack, web_api, view, steps.REFRAME)
        answers = {input_block_id(reframe, steps.NEW_STORY_BLOCK): new_story}
        view = slack.submit(ANNA, reframe, answers).get_json()["view"]
    return skip_to(slack, web_api, view, steps.BRAVE_STEP)


def choose_brave_step(slack, brave_step_view: dict, brave_step: str) -> dict:
    """Submit the brave step for tomorrow; the answer is the "remember" step (checked as Slack would)."""
    tomorrow = (datetime.now(AMSTERDAM) + timedelta(days=1)).date().isoformat()
    answers = {
        input_block_id(brave_step_view, steps.BRAVE_STEP_TEXT_BLOCK): brave_step,
        steps.BRAVE_STEP_DATE_BLOCK: tomorrow,
        steps.BRAVE_STEP_TIME_BLOCK: "10:00",
    }
    return slack.submit(ANNA, brave_step_view, answers).get_json()["view"]


def take_the_brave_step(slack, web_api, reminders_before: int) -> Call:
    """Press "Done it" on the newest reminder; the answer is the reminder turned into a celebration."""
    reminder = web_api.wait_for("chat.scheduleMessage", count=reminders_before + 1)[-1]
    reflection_id = button_value({"blocks": structured(reminder, "blocks")}, BRAVE_STEP_DONE_ACTION)
    answers_before = len(web_api.calls("response_url"))
    slack.click_in_message(ANNA, BRAVE_STEP_DONE_ACTION, reflection_id)
    return web_api.wait_for("response_url", count=answers_before + 1)[-1]


def a_comeback(slack, web_api, brave_step: str, new_story: str | None = None) -> None:
    """A whole reflection with this brave step, taken afterwards."""
    reminders_before = len(web_api.calls("chat.scheduleMessage"))
    choose_brave_step(slack, reflect_up_to_the_brave_step(slack, web_api, new_story), brave_step)
    take_the_brave_step(slack, web_api, reminders_before)


def accepted(call: Call) -> bool:
    """Whether Slack took the call (the stand-in answers just after recording it)."""
    return bool(eventually(lambda: call.reply)) and call.reply.get("ok") is True


def home_showing(web_api, text: str) -> Call:
    """The newest views.publish of a Home that shows `text`, once Slack has answered it."""

    def found() -> Call | None:
        homes = [call for call in web_api.calls("views.publish") if text in all_text(structured(call, "view"))]
        return homes[-1] if homes and homes[-1].reply else None

    return eventually(found)


def test_a_later_reflection_remembers_a_long_comeback_word_for_word(slack, web_api):
    a_comeback(slack, web_api, LONG_STEP, new_story=LONG_STORY)

    # The next reflection's last step shows that comeback: Slack takes the view, and every word is in it.
    remember = choose_brave_step(slack, reflect_up_to_the_brave_step(slack, web_api), "Ask one more buyer")

    assert remember["title"]["text"] == "Reflect · 5 of 5"
    shown = words(all_text(remember))
    assert f"You told it as: “{words(LONG_STORY)}”." in shown
    assert f"Then you did this: {words(LONG_STEP)}. You came back then." in shown


def test_the_home_shows_two_long_comebacks_and_keeps_updating(slack, web_api):
    first = text_of_length("Call the recruiter back and ask what was missing. ", 1640)
    second = text_of_length("Send the proposal again with the new numbers in it. ", 1650)
    a_comeback(slack, web_api, first)
    a_comeback(slack, web_api, second)

    slack.open_home(ANNA)
    publish = home_showing(web_api, "Send the proposal again")

    assert accepted(publish)
    home = words(all_text(structured(publish, "view")))
    assert "Your comebacks" in home
    assert words(first) in home and words(second) in home


AMPERSANDS = "&" * 2000  # 10,000 characters once escaped for mrkdwn


def test_a_brave_step_of_ampersands_reaches_the_person_whole_in_every_message(slack, web_api):
    reminders_before = len(web_api.calls("chat.scheduleMessage"))
    choose_brave_step(slack, reflect_up_to_the_brave_step(slack, web_api), AMPERSANDS)

    # The reminder is scheduled, with every one of the 2,000.
    reminder = web_api.wait_for("chat.scheduleMessage", count=reminders_before + 1)[-1]
    assert accepted(reminder)
    assert all_text(structured(reminder, "blocks")).count("&amp;") == 2000

    # The Home lists the open step, shortened to what one section holds: Slack takes it.
    publish = home_showing(web_api, "Your brave steps")
    assert accepted(publish)
    assert "&amp;" * 500 + "…" in all_text(structured(publish, "view"))

    # "Done it": the reminder turns into the celebration, every one of the 2,000 in it.
    done = take_the_brave_step(slack, web_api, reminders_before)
    assert accepted(done)
    assert all_text(done.params["blocks"]).count("&amp;") == 2000
    assert "That is a comeback, and it counts." in all_text(done.params["blocks"])


def test_when_the_reminder_cannot_be_scheduled_a_brave_step_of_ampersands_comes_now_whole(slack, web_api):
    web_api.fail("chat.scheduleMessage", error="restricted_too_many")

    choose_brave_step(slack, reflect_up_to_the_brave_step(slack, web_api), AMPERSANDS)

    [now] = web_api.wait_for("chat.postMessage")
    assert accepted(now)
    assert "here it is now" in all_text(structured(now, "blocks"))
    assert all_text(structured(now, "blocks")).count("&amp;") == 2000


# Longer than the form holds (2,000), and than one section holds once quoted (2,998).
LONG_NOTE = text_of_length("They said no to the pitch <!here> & I felt it all day. ", 5000)


def test_a_long_nope_text_comes_back_whole_beside_the_form(slack, web_api):
    slack.command(ANNA, LONG_NOTE)

    [notice] = web_api.wait_for("response_url")
    assert accepted(notice)
    shown = all_text(notice.params["blocks"])
    assert "Here is all of it" in shown
    assert words(escape(LONG_NOTE)) in words(shown)
    assert "<!here>" not in shown


def test_a_long_nope_text_comes_back_whole_when_the_form_cannot_open(slack, web_api):
    web_api.fail("views.open", error="expired_trigger_id")

    slack.command(ANNA, LONG_NOTE)

    [notice] = web_api.wait_for("response_url")
    assert accepted(notice)
    shown = all_text(notice.params["blocks"])
    assert "Type `/nope` again" in shown
    assert words(escape(LONG_NOTE)) in words(shown)


def test_a_long_nope_text_comes_back_whole_when_nope_is_switched_off(slack, web_api, database_url):
    switched_off = WorkspaceSettings(workspace_id="T0001", enabled=False)
    in_database(database_url, lambda session: save_settings(session, switched_off, datetime.now(UTC)))

    slack.command(ANNA, LONG_NOTE)

    [notice] = web_api.wait_for("response_url")
    assert accepted(notice)
    assert "switched off" in all_text(notice.params["blocks"])
    assert words(escape(LONG_NOTE)) in words(all_text(notice.params["blocks"]))


# Too long for one message even over many sections (Slack refuses much over 12,000 characters in all).
VERY_LONG_NOTE = text_of_length("It was a no again, the third one this week & I keep going. ", 14_000)


def test_nope_text_too_long_for_any_message_comes_back_as_a_file_in_the_dm(slack, web_api):
    slack.command(ANNA, VERY_LONG_NOTE)

    complete = web_api.wait_for("files.completeUploadExternal")[0]
    [upload] = web_api.calls("file_upload")
    assert upload.params["bytes"].decode("utf-8") == VERY_LONG_NOTE
    assert complete.params["channel_id"] == "D" + ANNA.user_id
    assert complete.params["initial_comment"] == translate("en", "words.file_comment")
    [notice] = web_api.wait_for("response_url")
    assert accepted(notice)
    assert "Here is all of it" in all_text(notice.params["blocks"])
    assert "it is in a file in your DM with Nope" in all_text(notice.params["blocks"])


def test_when_slack_will_not_take_the_file_either_the_person_is_told(slack, web_api):
    web_api.fail("files.completeUploadExternal", error="not_in_channel")

    slack.command(ANNA, VERY_LONG_NOTE)

    [notice] = web_api.wait_for("response_url")
    assert accepted(notice)
    assert "could not hand it back this time" in all_text(notice.params["blocks"])
