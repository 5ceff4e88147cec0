"""OAuth install end to end: the install page, Slack's redirect with a code, the stored installation,
and requests from that workspace answered with its own token."""

from __future__ import annotations

import json
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from blocks.settings_view import CHANNELS_BLOCK
from config import Config
from slack_api.workspaces import slack_workspaces
from slack_standin.web_api import Channel, Installation, Member
from storage.db import create_db_engine, session_factory
from storage.models import SLACK_BOTS, SLACK_INSTALLATIONS, Manager
from storage.workspaces import organisation_of, workspace_settings
from tests import payloads
from tests.conftest import SIGNING_SECRET, TEST_ENCRYPTION_KEY
from tests.harness import FORM, JSON, Person, SlackSide, fill_in, opened_view

TEAM = "T0INSTALL"
ORG = "E0001"  # the enterprise of tests/fixtures/slack/payloads/slash_command.txt
ADMIN = Person("U0ADMIN", team_id=TEAM)
MEMBER = "U0MEMBER"
BOT_TOKEN = "xoxb-team-install-token"


@pytest.fixture
def oauth_config(web_api, database_url) -> Config:
    return Config(
        signing_secret=SIGNING_SECRET,
        client_id="111.222",
        client_secret="client-secret",
        slack_api_url=web_api.api_url,
        database_url=database_url,
        encryption_keys=(TEST_ENCRYPTION_KEY,),
    )


@pytest.fixture
def nope(app_factory, oauth_config):
    return app_factory(oauth_config).test_client()


def start_install(nope, language: str = "en-GB,en;q=0.9") -> tuple[str, str]:
    """Open the install page as a browser would; returns the page and the state in its Slack link."""
    page = nope.get("/slack/install", headers={"Accept-Language": language})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    link = re.search(r'href="(https://slack\.com/oauth/v2/authorize[^"]+)"', html).group(1).replace("&amp;", "&")
    query = parse_qs(urlsplit(link).query)
    assert query["client_id"] == ["111.222"]
    assert "commands" in query["scope"][0].split(",")
    return html, query["state"][0]


def installed(web_api, installer: str = ADMIN.user_id, code: str = "code-1") -> None:
    web_api.expect_install(
        Installation(code=code, bot_token=BOT_TOKEN, team_id=TEAM, enterprise_id=ORG, installer_id=installer)
    )


@pytest.fixture
def people(web_api):
    web_api.add_member(Member(ADMIN.user_id, "ada", is_admin=True))
    web_api.add_member(Member(MEMBER, "max"))


def test_the_install_page_offers_add_to_slack_in_the_browsers_language(nope):
    english, _ = start_install(nope)
    dutch, _ = start_install(nope, "nl-NL,nl;q=0.9,en;q=0.5")
    assert "Add to Slack" in english and "encrypted" in english
    assert "Toevoegen aan Slack" in dutch


def test_an_install_stores_the_workspace_with_its_token_encrypted_and_serves_its_requests(
    nope, web_api, people, database_url, oauth_config
):
    _, state = start_install(nope)
    installed(web_api)

    done = nope.get(f"/slack/oauth_redirect?code=code-1&state={state}")

    assert done.status_code == 200
    page = done.get_data(as_text=True)
    assert "Nope is installed" in page and "/nope settings" in page
    exchange = web_api.calls("oauth.v2.access")[0]
    assert exchange.params["code"] == "code-1"
    engine = create_db_engine(database_url)
    with engine.connect() as connection:
        stored = connection.execute(select(SLACK_INSTALLATIONS.c.team_id, SLACK_INSTALLATIONS.c.bot_token)).one()
        bot_token = connection.execute(select(SLACK_BOTS.c.bot_token)).scalar_one()
        managers = connection.execute(select(Manager.workspace_id, Manager.user_id)).all()
    engine.dispose()
    assert stored.team_id == TEAM
    assert BOT_TOKEN not in stored.bot_token and BOT_TOKEN not in bot_token
    assert managers == [(TEAM, ADMIN.user_id)]

    slack = SlackSide(nope.application, SIGNING_SECRET, web_api)
    assert slack.command(ADMIN).status_code == 200
    opened = web_api.wait_for("views.open")[0]
    assert opened.token == BOT_TOKEN


def test_an_installer_who_is_not_an_admin_is_not_made_a_manager(nope, web_api, people, database_url):
    _, state = start_install(nope)
    installed(web_api, installer=MEMBER)

    page = nope.get(f"/slack/oauth_redirect?code=code-1&state={state}").get_data(as_text=True)

    assert "Ask a workspace admin" in page
    engine = create_db_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(select(Manager.user_id)).all() == []
    engine.dispose()


def test_a_replayed_or_unknown_state_is_refused_with_a_page_that_says_why(nope, web_api, people):
    _, state = start_install(nope)
    installed(web_api)
    assert nope.get(f"/slack/oauth_redirect?code=code-1&state={state}").status_code == 200

    replayed = nope.get(f"/slack/oauth_redirect?code=code-1&state={state}")
    forged = nope.get("/slack/oauth_redirect?code=code-1&state=made-up")

    for refused in (replayed, forged):
        assert refused.status_code in {400, 401}
        page = refused.get_data(as_text=True)
        assert "The install did not finish" in page
        assert 'href="/slack/install"' in page
    assert len(web_api.calls("oauth.v2.access")) == 1


def test_a_cancelled_install_says_nothing_was_installed(nope):
    start_install(nope)
    page = nope.get("/slack/oauth_redirect?error=access_denied&state=x").get_data(as_text=True)
    assert "cancelled" in page and "Nothing was installed" in page


def test_a_workspace_that_never_installed_gets_no_answer_from_its_requests(nope, web_api, people):
    slack = SlackSide(nope.application, SIGNING_SECRET, web_api)
    response = slack.command(Person(MEMBER, team_id="T0STRANGER"))
    assert response.status_code == 200
    answer = web_api.wait_for("response_url")[0].params["text"]
    assert "not installed" in answer and "niet meer) geïnstalleerd" in answer
    assert web_api.calls("views.open") == []


ORG_ADMIN = "W111"  # the user of the Enterprise Grid examples in tests/fixtures/slack/payloads


def org_command(slack, team_id: str, text: str) -> None:
    body = payloads.slash_command_body(
        text=text,
        user_id=ORG_ADMIN,
        team_id=team_id,
        enterprise_id="E111",
        is_enterprise_install="true",
        response_url=slack.web_api.response_url(f"org-{team_id}"),
        trigger_id=slack.trigger_id(),
    )
    assert slack.post(body, FORM).status_code == 200


def org_submit(slack, view, team_id: str, answers) -> dict:
    payload = payloads.view_submission(view, fill_in(view, answers), ORG_ADMIN, team_id)
    payload["is_enterprise_install"] = True
    return slack.post(payloads.form_body(payload), FORM).get_json()


def test_an_org_wide_install_serves_every_workspace_of_the_org_with_its_own_settings(
    nope, web_api, oauth_config, database_url
):
    web_api.add_member(Member(ORG_ADMIN, "owner", is_owner=True))
    web_api.add_channel(Channel("C0ONE", "team-one"))
    web_api.add_channel(Channel("C0TWO", "team-two"))
    _, state = start_install(nope)
    web_api.expect_install(
        Installation(
            code="org-code",
            bot_token="xoxb-org-token",
            team_id=None,
            enterprise_id="E111",
            is_enterprise_install=True,
            installer_id=ORG_ADMIN,
        )
    )
    assert nope.get(f"/slack/oauth_redirect?code=org-code&state={state}").status_code == 200
    slack = SlackSide(nope.application, SIGNING_SECRET, web_api)

    # The org-wide app_home_opened envelope from tests/fixtures/slack/payloads, as Slack sends it.
    envelope = payloads.payload_json("app_home_opened.bolt_test.json")
    envelope["event"]["tab"] = "home"
    assert slack.post(json.dumps(envelope), JSON).status_code == 200
    assert web_api.wait_for("views.publish")[0].token == "xoxb-org-token"

    for team_id, channel in (("T111", "C0ONE"), ("T222", "C0TWO")):
        already_open = len(web_api.calls("views.open"))
        org_command(slack, team_id, "settings")
        view = opened_view(web_api, already_open)
        saved = org_submit(slack, view, team_id, {CHANNELS_BLOCK: [channel]})
        assert saved["response_action"] == "update", saved

    engine = create_db_engine(database_url)
    sessions = session_factory(engine)
    with sessions() as session:
        assert workspace_settings(session, "T111").channels == ("C0ONE",)
        assert workspace_settings(session, "T222").channels == ("C0TWO",)
        assert organisation_of(session, "T111") == organisation_of(session, "T222") == "E111"
    workspaces = slack_workspaces(oauth_config, sessions)
    assert workspaces("T111").client.token == workspaces("T222").client.token == "xoxb-org-token"
    assert workspaces("T0ELSEWHERE") is None
    engine.dispose()


def test_an_installed_workspaces_requests_are_acked_without_asking_slack_even_when_slack_fails(nope, web_api, people):
    _, state = start_install(nope)
    installed(web_api)
    nope.get(f"/slack/oauth_redirect?code=code-1&state={state}")
    slack = SlackSide(nope.application, SIGNING_SECRET, web_api)
    asked_at_install = len(web_api.calls("auth.test"))
    web_api.storm(slow_seconds=8)  # every Slack call fails or hangs from now on

    started = time.perf_counter()
    acked = slack.command(ADMIN)

    assert acked.status_code == 200 and time.perf_counter() - started < 1
    # Who the request acts for was read from the stored installation.
    assert len(web_api.calls("auth.test")) == asked_at_install
