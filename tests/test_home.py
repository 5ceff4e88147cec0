"""The App Home shows a person their own log: counts, streak, last five. Nobody else's data, ever."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

from coach.records import NewRejection
from slack_standin.signing import signed_headers
from storage.db import create_db_engine, session_factory
from storage.rejections import add_rejection
from tests import payloads
from tests.conftest import ANNA, BRAM, SIGNING_SECRET, config_for
from tests.harness import JSON, SlackSide, all_text, published_home

NOW = datetime.now(UTC)


def log_directly(database_url: str, user_id: str, *moments: datetime, kind: str = "sales_pitch") -> None:
    """Earlier weeks' no's, written straight to the database the app uses."""
    engine = create_db_engine(database_url)
    with session_factory(engine).begin() as session:
        for moment in moments:
            add_rejection(
                session,
                workspace_id="T0001",
                organisation_id=None,
                user_id=user_id,
                logged_at=moment,
                new_rejection=NewRejection(kind, "explicit", "frustrated", 2, "secret words", True),
            )
    engine.dispose()


def test_an_empty_home_encourages_the_first_no(slack, web_api):
    slack.open_home(ANNA)

    text = all_text(published_home(web_api))
    assert "*All time*\n0" in text
    assert "*Streak*\n0 weeks" in text
    assert "Nothing logged yet." in text


def test_home_counts_streak_and_last_five(slack, web_api, database_url):
    weeks_ago = [NOW - timedelta(weeks=n) for n in (1, 2, 3, 5)]
    log_directly(database_url, ANNA.user_id, NOW, NOW, *weeks_ago)

    slack.open_home(ANNA)

    home = published_home(web_api)
    text = all_text(home)
    assert "*All time*\n6" in text
    assert "*This week*\n2" in text
    assert "*Streak*\n4 weeks" in text  # this week and the three before; week 4 is missing
    recent_header = next(i for i, block in enumerate(home["blocks"]) if "Your last no's" in str(block))
    recent_section = home["blocks"][recent_header + 1]
    assert recent_section["text"]["text"].count("Sales pitch / client") == 5
    assert "<!date^" in recent_section["text"]["text"]  # dates in the reader's own timezone


def test_home_never_shows_another_persons_data_or_anyones_free_text(slack, web_api, database_url):
    log_directly(database_url, BRAM.user_id, NOW, NOW, NOW, kind="social")

    slack.open_home(ANNA)

    text = all_text(published_home(web_api))
    assert "*All time*\n0" in text
    assert "Social" not in text
    assert "secret words" not in text
    assert web_api.calls("views.publish")[0].params["user_id"] == ANNA.user_id


def test_the_messages_tab_does_not_publish_the_home(slack, web_api):
    response = slack.open_home(ANNA, tab="messages")
    assert response.status_code == 200
    assert not web_api.calls("views.publish")


def test_the_org_wide_install_payload_is_served(slack, web_api):
    envelope = payloads.payload_json("app_home_opened.bolt_test.json")
    envelope["event"]["tab"] = "home"
    envelope["event"]["user"] = ANNA.user_id
    assert slack.post(json.dumps(envelope), JSON).status_code == 200
    assert published_home(web_api)["type"] == "home"


def test_a_retried_event_delivery_is_acknowledged_and_handled_once(slack, web_api):
    event = payloads.payload_json("app_home_opened.docs_inner_event.json")
    event["user"] = ANNA.user_id
    envelope = payloads.payload_json("app_uninstalled.docs.json")
    envelope.update(workspace_id=ANNA.team_id, event=event, event_id="Ev0RETRY")
    body = json.dumps(envelope)
    first = slack.post(body, JSON)
    retry_headers = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    retry = slack.client.post(
        "/slack/events", data=body, headers={**signed_headers(SIGNING_SECRET, body, JSON), **retry_headers}
    )
    another = slack.event(event, event_id="Ev0OTHER")

    assert first.status_code == retry.status_code == another.status_code == 200
    web_api.wait_for("views.publish", count=2)
    time.sleep(0.3)
    assert len(web_api.calls("views.publish")) == 2  # the first delivery and the other event, not the retry


def test_an_unavailable_database_leaves_the_home_as_it_was(web_api, app_factory):
    config = config_for(web_api, "sqlite:////nonexistent-dir/nope.db")
    flask_app = app_factory(config)
    slack = SlackSide(flask_app, SIGNING_SECRET, web_api)

    assert slack.open_home(ANNA).status_code == 200

    web_api.wait_for("users.info")
    time.sleep(0.3)
    assert not web_api.calls("views.publish")
