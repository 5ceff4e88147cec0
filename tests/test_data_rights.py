"""`/nope export` and `/nope delete`: a person takes all their data along, or erases every trace of it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from slack_sdk.models.views import View
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import select
from sqlalchemy.orm import Session

from blocks import reflection_views as steps
from blocks.data_rights_views import delete_confirmation_modal, delete_failed_view, deleted_view
from blocks.log_rejection_modal import STORY_BLOCK
from blocks.logged_view import REFLECT_NOW_ACTION
from blocks.metadata import ModalMetadata
from digest.settings import WorkspaceSettings
from storage.db import create_db_engine
from storage.digest_runs import claim_run
from storage.installations import installation_store
from storage.models import SLACK_BOTS, SLACK_INSTALLATIONS, Manager, Reflection
from storage.workspaces import save_settings
from tests.conftest import ANNA, BRAM
from tests.database_traces import in_database, tables_mentioning
from tests.harness import all_text, button_value, input_block_id, opened_view, published_home, updated_view
from tests.test_log_no_flow import ANSWERS
from tests.test_reflection_flow import eventually, log_a_no, skip_to

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ANNA_STORY = "They picked someone with more experience."
ANNA_SECOND_STORY = "No reply to my pitch, again."
ANNA_FEELING = "Gutted, honestly."
ANNA_STEP = "Email two more companies"
BRAM_STORY = "Bram's own words about his no"
ANNA_USER_TOKEN = "xoxp-anna-own-token"
BOT_TOKEN = "xoxb-workspace-token"
# Every table Anna leaves a trace in below: the check after her deletion must have something to find.
ANNA_TABLES = {"rejections", "reflections", "shown_phrases", "bravery_goals", "managers", "slack_installations"}


def anna_leaves_traces_everywhere(slack, web_api, database_url: str) -> None:
    """Through the app: two no's, a reflection up to a brave step with its reminder, a goal. Directly: she
    manages Nope and installed it (those surfaces are not part of this test)."""
    log_a_no(slack, web_api, answers={**ANSWERS, STORY_BLOCK: ANNA_SECOND_STORY})
    logged = log_a_no(slack, web_api, answers={**ANSWERS, STORY_BLOCK: ANNA_STORY})
    updates_before = len(web_api.calls("views.update"))
    slack.click_in_modal(ANNA, logged, REFLECT_NOW_ACTION, button_value(logged, REFLECT_NOW_ACTION))
    feel = updated_view(web_api, count=updates_before + 1)
    story = slack.submit(ANNA, feel, {steps.FEELING_NOTE_BLOCK: ANNA_FEELING}).get_json()["view"]
    reframe = slack.submit(ANNA, story, {steps.HEAD_STORY_BLOCK: "I always get rejected"}).get_json()["view"]
    step = skip_to(slack, web_api, reframe, steps.BRAVE_STEP)
    tomorrow = (datetime.now(AMSTERDAM) + timedelta(days=1)).date().isoformat()
    answers = {
        input_block_id(step, steps.BRAVE_STEP_TEXT_BLOCK): ANNA_STEP,
        steps.BRAVE_STEP_DATE_BLOCK: tomorrow,
        steps.BRAVE_STEP_TIME_BLOCK: "10:00",
    }
    slack.submit(ANNA, step, answers)
    eventually(lambda: stored_reminder_ids(database_url))

    opened_before = len(web_api.calls("views.open"))
    slack.command(ANNA, "goal")
    slack.submit(ANNA, opened_view(web_api, opened_before), {})

    def manages_and_installed(session: Session) -> None:
        session.add(Manager(workspace_id="T0001", user_id=ANNA.user_id, added_at=datetime.now(UTC)))

    in_database(database_url, manages_and_installed)
    engine = create_db_engine(database_url)
    installation_store("111.222", engine).save(
        Installation(
            app_id="ANOPE",
            enterprise_id=None,
            team_id="T0001",
            bot_token=BOT_TOKEN,
            bot_id="BBOT",
            bot_user_id="UBOT",
            bot_scopes=["commands", "chat:write"],
            user_id=ANNA.user_id,
            user_token=ANNA_USER_TOKEN,
            user_scopes=["identity.basic"],
        )
    )
    engine.dispose()


def stored_reminder_ids(database_url: str) -> list[str]:
    engine = create_db_engine(database_url)
    with engine.connect() as connection:
        ids = connection.execute(select(Reflection.brave_step_reminder_id)).scalars().all()
    engine.dispose()
    return [reminder for reminder in ids if reminder]


def exported_file(web_api) -> tuple[str, dict, dict]:
    """The file's name, its JSON, and the completeUploadExternal call that shared it."""
    complete = web_api.wait_for("files.completeUploadExternal")[0]
    [upload] = web_api.calls("file_upload")
    filename = web_api.calls("files.getUploadURLExternal")[0].params["filename"]
    return filename, json.loads(upload.params["bytes"]), complete.params


def notices(web_api) -> str:
    return "\n".join(all_text(call.params.get("blocks", [])) for call in web_api.calls("response_url"))


def test_export_sends_every_no_and_reflection_of_the_person_decrypted_and_nothing_of_anyone_else(
    slack, web_api, database_url
):
    anna_leaves_traces_everywhere(slack, web_api, database_url)
    log_a_no(slack, web_api, person=BRAM, answers={**ANSWERS, STORY_BLOCK: BRAM_STORY})
    today = {datetime.now(AMSTERDAM).date()}

    slack.command(ANNA, "export")

    filename, exported, shared = exported_file(web_api)
    today.add(datetime.now(AMSTERDAM).date())
    assert filename in {f"nope-export-{day.isoformat()}.json" for day in today}
    assert shared["channel_id"] == "D" + ANNA.user_id
    assert "everything Nope keeps about you" in shared["initial_comment"]
    assert (exported["workspace_id"], exported["user_id"]) == ("T0001", ANNA.user_id)
    tables = exported["tables"]
    assert sorted(no["story"] for no in tables["rejections"]) == sorted([ANNA_STORY, ANNA_SECOND_STORY])
    assert all(datetime.fromisoformat(no["logged_at"]).tzinfo is not None for no in tables["rejections"])
    [reflection] = tables["reflections"]
    assert reflection["feeling_note"] == ANNA_FEELING
    assert reflection["head_story"] == "I always get rejected"
    assert reflection["brave_step"] == ANNA_STEP
    assert reflection["rejection_id"] in {no["id"] for no in tables["rejections"]}
    assert [(goal["target"], goal["period"]) for goal in tables["bravery_goals"]] == [(10, "month")]
    assert tables["shown_phrases"] and tables["managers"]
    [installed] = tables["slack_installations"]
    assert installed["user_id"] == ANNA.user_id
    text = json.dumps(exported)
    assert BRAM.user_id not in text and BRAM_STORY not in text
    assert ANNA_USER_TOKEN not in text and BOT_TOKEN not in text and "gAAAAA" not in text
    assert "Your data is on its way" in eventually(lambda: notices(web_api))


def test_the_export_comes_in_the_persons_language_even_with_nothing_stored(slack, web_api):
    slack.command(BRAM, "export")

    _, exported, shared = exported_file(web_api)
    assert "Hier is alles wat Nope over je bewaart" in shared["initial_comment"]
    assert exported["tables"]["rejections"] == [] and exported["tables"]["reflections"] == []


def test_when_slack_will_not_take_the_file_the_person_is_told_privately(slack, web_api):
    web_api.fail("files.completeUploadExternal", error="not_in_channel")

    slack.command(ANNA, "export")

    assert "your export was not sent" in eventually(lambda: notices(web_api))


def test_delete_asks_first_then_leaves_nothing_of_the_person_in_any_table(slack, web_api, database_url):
    anna_leaves_traces_everywhere(slack, web_api, database_url)
    log_a_no(slack, web_api, person=BRAM, answers={**ANSWERS, STORY_BLOCK: BRAM_STORY})
    week = date.today() - timedelta(days=date.today().weekday() + 7)
    engine = create_db_engine(database_url)
    assert claim_run(engine, "T0001", "C0DIGEST", week, datetime.now(UTC)) is not None
    engine.dispose()
    assert set(tables_mentioning(database_url, ANNA.user_id)) >= ANNA_TABLES
    [reminder_id] = stored_reminder_ids(database_url)
    assert reminder_id in web_api.scheduled()
    homes_before = len(web_api.calls("views.publish"))
    opened_before = len(web_api.calls("views.open"))

    slack.command(ANNA, "delete")

    confirmation = opened_view(web_api, opened_before)
    text = all_text(confirmation)
    assert "every no you logged" in text and "cannot be undone" in text
    assert "Weekly team tallies that were already posted stay as they are" in text
    assert (confirmation["submit"]["text"], confirmation["close"]["text"]) == ("Delete everything", "Keep my data")
    assert tables_mentioning(database_url, ANNA.user_id), "opening the confirmation deletes nothing"

    answer = slack.submit(ANNA, confirmation, {}).get_json()

    assert answer["response_action"] == "update"
    assert "Your data is deleted" in all_text(answer["view"])
    assert tables_mentioning(database_url, ANNA.user_id) == {}
    # Her colleague's no, the workspace's installation and the past week's tally are untouched.
    assert tables_mentioning(database_url, BRAM.user_id) == {"rejections": 1}
    assert tables_mentioning(database_url, BOT_TOKEN) == {}  # tokens stay encrypted
    engine = create_db_engine(database_url)
    with engine.connect() as connection:
        installer = connection.execute(select(SLACK_INSTALLATIONS)).one()
        assert connection.execute(select(SLACK_BOTS.c.team_id)).scalars().all() == ["T0001"]
    engine.dispose()
    assert (installer.team_id, installer.user_id, installer.user_token) == ("T0001", "", None)
    assert installer.bot_token
    assert tables_mentioning(database_url, "C0DIGEST") == {"digest_runs": 1}
    # The pending reminder is cancelled, and her App Home shows an empty log.
    assert eventually(lambda: not web_api.scheduled())
    home = published_home(web_api, count=homes_before + 1)
    assert "Nothing logged yet." in all_text(home)
    assert ANNA_STEP not in all_text(home)


def test_a_replayed_confirmation_deletes_only_the_submitters_own_data(slack, web_api, database_url):
    log_a_no(slack, web_api, answers={**ANSWERS, STORY_BLOCK: ANNA_STORY})
    log_a_no(slack, web_api, person=BRAM, answers={**ANSWERS, STORY_BLOCK: BRAM_STORY})
    opened_before = len(web_api.calls("views.open"))
    slack.command(ANNA, "delete")
    annas_confirmation = opened_view(web_api, opened_before)

    slack.submit(BRAM, annas_confirmation, {})

    assert tables_mentioning(database_url, ANNA.user_id) == {"rejections": 1}
    assert tables_mentioning(database_url, BRAM.user_id) == {}


def test_data_rights_work_while_a_manager_has_switched_nope_off(slack, web_api, database_url):
    log_a_no(slack, web_api, answers={**ANSWERS, STORY_BLOCK: ANNA_STORY})
    in_database(
        database_url,
        lambda session: save_settings(
            session, WorkspaceSettings(workspace_id="T0001", enabled=False), datetime.now(UTC)
        ),
    )
    opened_before = len(web_api.calls("views.open"))

    slack.command(ANNA, "export")
    _, exported, _ = exported_file(web_api)
    slack.command(ANNA, "delete")
    answer = slack.submit(ANNA, opened_view(web_api, opened_before), {}).get_json()

    assert [no["story"] for no in exported["tables"]["rejections"]] == [ANNA_STORY]
    assert "Your data is deleted" in all_text(answer["view"])
    assert tables_mentioning(database_url, ANNA.user_id) == {}


def test_the_confirmation_speaks_dutch(slack, web_api):
    slack.command(BRAM, "delete")

    confirmation = opened_view(web_api)
    assert confirmation["title"]["text"] == "Mijn gegevens wissen"
    assert "Dit kan niet ongedaan worden gemaakt." in all_text(confirmation)
    assert confirmation["submit"]["text"] == "Alles wissen"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_delete_views_fit_slacks_limits(lang):
    for view in (
        delete_confirmation_modal(ModalMetadata(lang, "Europe/Amsterdam")),
        deleted_view(lang),
        delete_failed_view(lang),
    ):
        View(**view).validate_json()
