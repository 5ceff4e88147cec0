"""The whole path: `/nope` -> modal -> submission -> stored -> App Home, in both languages."""

from __future__ import annotations

from sqlalchemy import select

from blocks.log_rejection_modal import (
    FEELING_BLOCK,
    FORM_BLOCK,
    INTENSITY_BLOCK,
    KIND_BLOCK,
    STORY_BLOCK,
    TALLY_BLOCK,
)
from storage.db import create_db_engine
from storage.models import Base, Rejection
from tests.conftest import ANNA, BRAM, SIGNING_SECRET
from tests.harness import SlackSide, all_text, opened_view, published_home

ANSWERS = {KIND_BLOCK: "job_application", FORM_BLOCK: "silence", FEELING_BLOCK: "disappointed"}


def stored_rows(database_url: str, model: type[Base]) -> list:
    """Every row of `model`'s table, read with a connection of its own (as another process would)."""
    engine = create_db_engine(database_url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(select(model).order_by(model.id)))
    finally:
        engine.dispose()


def stored_rejections(database_url: str) -> list[Rejection]:
    return stored_rows(database_url, Rejection)


def test_nope_opens_the_modal_with_the_trigger_and_an_empty_ack(slack, web_api):
    response = slack.command(ANNA)

    assert response.status_code == 200
    assert response.get_data(as_text=True) == ""
    call = web_api.wait_for("views.open")[0]
    assert call.params["trigger_id"] == f"{slack._triggers}.1234.trigger"
    view = opened_view(web_api)
    assert view["title"]["text"] == "Log a no"
    assert [block.get("block_id") for block in view["blocks"] if block["type"] == "input"] == [
        KIND_BLOCK,
        FORM_BLOCK,
        FEELING_BLOCK,
        INTENSITY_BLOCK,
        STORY_BLOCK,
        TALLY_BLOCK,
    ]
    users_info = web_api.calls("users.info")[0]
    assert users_info.params["include_locale"] in (True, "true", "1", 1)


def test_logging_a_no_stores_it_and_answers_in_the_modal(slack, web_api, database_url):
    slack.command(ANNA)
    view = opened_view(web_api)

    response = slack.submit(ANNA, view, {**ANSWERS, INTENSITY_BLOCK: "4", STORY_BLOCK: "No reply after the interview."})

    assert response.status_code == 200
    answer = response.get_json()
    assert answer["response_action"] == "update"
    assert "One brave attempt, counted." in all_text(answer["view"])
    assert "This is your first no this week." in all_text(answer["view"])
    [row] = stored_rejections(database_url)
    assert (row.workspace_id, row.user_id, row.kind, row.form, row.feeling, row.intensity) == (
        "T0001",
        ANNA.user_id,
        "job_application",
        "silence",
        "disappointed",
        4,
    )
    assert row.story == "No reply after the interview."
    assert row.counts_in_tally is True


def test_the_tally_opt_out_is_stored_and_acknowledged(slack, web_api, database_url):
    slack.command(ANNA)
    response = slack.submit(ANNA, opened_view(web_api), {**ANSWERS, TALLY_BLOCK: []})

    assert "This one stays out of the team tally." in all_text(response.get_json()["view"])
    assert [row.counts_in_tally for row in stored_rejections(database_url)] == [False]


def test_the_app_home_shows_the_new_no_after_logging(slack, web_api):
    slack.command(ANNA)
    slack.submit(ANNA, opened_view(web_api), ANSWERS)

    home = published_home(web_api)  # refreshed by the submission itself
    assert web_api.calls("views.publish")[0].params["user_id"] == ANNA.user_id
    text = all_text(home)
    assert "*All time*\n1" in text
    assert "*This week*\n1" in text
    assert "*Streak*\n1 week" in text
    assert "*Job application*" in text and "Disappointed (3/5)" in text


def test_a_second_no_in_the_week_is_counted_in_the_acknowledgement(slack, web_api):
    for _ in range(2):
        slack.command(ANNA)
    first, second = opened_view(web_api, 0), opened_view(web_api, 1)
    slack.submit(ANNA, first, ANSWERS)

    response = slack.submit(ANNA, second, ANSWERS)

    assert "That makes 2 no's this week: 2 times you tried." in all_text(response.get_json()["view"])


def test_dutch_locale_gets_dutch_everywhere(slack, web_api):
    slack.command(BRAM)
    view = opened_view(web_api)
    assert view["title"]["text"] == "Leg een nee vast"

    response = slack.submit(BRAM, view, ANSWERS)

    assert "Weer een dappere poging, geteld." in all_text(response.get_json()["view"])
    home = published_home(web_api)
    assert "Jouw nee's" in all_text(home)
    assert "*Sollicitatie*" in all_text(home)


def test_text_after_nope_is_the_story_of_a_new_no(slack, web_api):
    slack.command(ANNA, text="my pitch got turned down")

    story_input = next(block for block in opened_view(web_api)["blocks"] if block.get("block_id") == STORY_BLOCK)
    assert story_input["element"]["initial_value"] == "my pitch got turned down"


def test_data_survives_a_restart(slack, web_api, build_app):
    slack.command(ANNA)
    slack.submit(ANNA, opened_view(web_api), ANSWERS)
    published_home(web_api)

    restarted = SlackSide(build_app(), SIGNING_SECRET, web_api)
    restarted.open_home(ANNA)

    home = published_home(web_api, count=2)
    assert "*All time*\n1" in all_text(home)
