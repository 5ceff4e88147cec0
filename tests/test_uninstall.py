"""Removing Nope from a workspace (or an organisation) erases the workspace: nothing with its id is left."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import select

from coach.records import NewRejection
from digest.settings import WorkspaceSettings
from slack_standin.signing import signed_headers
from storage.db import create_db_engine
from storage.digest_runs import claim_run
from storage.installations import installation_store
from storage.models import SLACK_BOTS, SLACK_INSTALLATIONS, Manager, Workspace
from storage.rejections import add_rejection
from storage.workspaces import save_settings
from tests import payloads
from tests.conftest import ANNA, BRAM, SIGNING_SECRET
from tests.database_traces import in_database, tables_mentioning
from tests.harness import JSON, Person, SlackSide

# The OAuth install's own fixtures (`oauth_config`, `people`) and helpers, so the workspace is installed for real.
from tests.test_install import ADMIN, ORG, TEAM, installed, oauth_config, people, start_install  # noqa: F401
from tests.test_reflection_flow import eventually, log_a_no

CARL = Person("U0CARL", team_id="T0002")  # another workspace, which keeps everything
NOW = datetime.now(UTC)


def deliver(slack: SlackSide, payload_name: str, *, retry: int | None = None, **envelope: object):
    """One of Slack's documented event payloads, with some envelope fields replaced; a retry says so in its headers."""
    body = payloads.payload_json(payload_name)
    body.update(envelope)
    text = json.dumps(body)
    headers = signed_headers(SIGNING_SECRET, text, JSON)
    if retry is not None:
        headers.update({"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"})
    return slack.client.post("/slack/events", data=text, headers=headers)


def no_logged_directly(team_id: str, user_id: str, enterprise_id: str | None = None):
    def log(session) -> None:
        new_rejection = NewRejection("sales_pitch", "explicit", "hurt", 3, "private words", True)
        add_rejection(
            session,
            workspace_id=team_id,
            organisation_id=enterprise_id,
            user_id=user_id,
            logged_at=NOW,
            new_rejection=new_rejection,
        )

    return log


def workspace_of_organisation(team_id: str, enterprise_id: str):
    def configure(session) -> None:
        save_settings(session, WorkspaceSettings(workspace_id=team_id, channels=("C0ORG",)), NOW)
        session.get(Workspace, team_id).organisation_id = enterprise_id

    return configure


def installed_directly(database_url: str, team_id: str | None, enterprise_id: str | None = None) -> None:
    """An installation as the OAuth flow stores it (bot included), for a workspace or a whole organisation."""
    engine = create_db_engine(database_url)
    installation_store("111.222", engine).save(
        Installation(
            app_id="ANOPE",
            enterprise_id=enterprise_id,
            team_id=team_id,
            bot_token=f"xoxb-{team_id or enterprise_id}",
            bot_id="BBOT",
            bot_user_id="UBOT",
            user_id="U0INSTALLER",
            is_enterprise_install=team_id is None,
        )
    )
    engine.dispose()


def workspace_in_full_use(slack, web_api, database_url: str) -> None:
    """T0001: no's through the app, settings with a digest channel, a posted week, a manager, an installation."""
    log_a_no(slack, web_api)
    log_a_no(slack, web_api, person=BRAM)

    def settings(session) -> None:
        save_settings(session, WorkspaceSettings(workspace_id="T0001", channels=("C0DIGEST",)), NOW)
        session.add(Manager(workspace_id="T0001", user_id=ANNA.user_id, added_at=NOW))

    in_database(database_url, settings)
    engine = create_db_engine(database_url)
    assert claim_run(engine, "T0001", "C0DIGEST", date(2026, 11, 23), NOW) is not None
    engine.dispose()
    installed_directly(database_url, "T0001")
    assert set(tables_mentioning(database_url, "T0001")) >= {
        "rejections",
        "workspaces",
        "digest_channels",
        "digest_runs",
        "managers",
        "slack_installations",
        "slack_bots",
    }


def test_app_uninstalled_leaves_nothing_of_the_workspace_in_any_table(slack, web_api, database_url):
    workspace_in_full_use(slack, web_api, database_url)
    log_a_no(slack, web_api, person=CARL)

    response = slack.event({"type": "app_uninstalled"}, team_id="T0001")

    assert response.status_code == 200
    assert eventually(lambda: not tables_mentioning(database_url, "T0001", ANNA.user_id, BRAM.user_id))
    assert tables_mentioning(database_url, "T0002") == {"rejections": 1}


def test_an_org_wide_uninstall_erases_every_workspace_of_the_organisation(slack, web_api, database_url):
    # E111's traces: a workspace's settings (its no, older, without the organisation's id), no's of a
    # workspace without settings, the org-wide installation.
    in_database(database_url, workspace_of_organisation("T0101", "E111"))
    in_database(database_url, no_logged_directly("T0101", "W0AAA"))
    in_database(database_url, no_logged_directly("T0102", "W0BBB", "E111"))
    # Tables without an enterprise column are reached through the workspaces found.
    in_database(database_url, lambda session: session.add(Manager(workspace_id="T0102", user_id="W0BBB", added_at=NOW)))
    installed_directly(database_url, None, "E111")
    in_database(database_url, no_logged_directly(CARL.team_id, CARL.user_id))
    assert set(tables_mentioning(database_url, "E111")) == {
        "rejections",
        "workspaces",
        "slack_installations",
        "slack_bots",
    }

    # Bolt's own test payload: an org-wide uninstall names the enterprise only.
    response = deliver(slack, "app_uninstalled.bolt_test.json")

    assert response.status_code == 200
    assert eventually(lambda: not tables_mentioning(database_url, "E111", "T0101", "T0102", "W0AAA", "W0BBB"))
    assert tables_mentioning(database_url, "T0002") == {"rejections": 1}


def test_revoked_bot_tokens_erase_the_workspace_but_revoked_user_tokens_do_not(slack, web_api, database_url):
    workspace_in_full_use(slack, web_api, database_url)
    log_a_no(slack, web_api, person=CARL)
    only_users = {"type": "tokens_revoked", "tokens": {"oauth": [ANNA.user_id]}}

    deliver(slack, "tokens_revoked.docs.json", team_id="T0001", event=only_users, event_id="EvUSERS")
    # The documented payload revokes bot and user tokens; its erasure, started after the one above, shows
    # that the one above has run.
    deliver(slack, "tokens_revoked.docs.json", team_id="T0002", event_id="EvOTHER")
    assert eventually(lambda: not tables_mentioning(database_url, "T0002", CARL.user_id))
    assert set(tables_mentioning(database_url, "T0001")) >= {"rejections", "workspaces", "slack_bots"}

    deliver(slack, "tokens_revoked.docs.json", team_id="T0001", event_id="EvBOTS")

    assert eventually(lambda: not tables_mentioning(database_url, "T0001", ANNA.user_id, BRAM.user_id))


def test_a_retried_uninstall_is_handled_once(slack, web_api, database_url):
    log_a_no(slack, web_api)
    first = slack.event({"type": "app_uninstalled"}, team_id="T0001", event_id="EvUNINSTALL")
    assert first.status_code == 200
    assert eventually(lambda: not tables_mentioning(database_url, ANNA.user_id))

    # Nope is installed again and used, and only then does Slack's retry of the old delivery arrive.
    log_a_no(slack, web_api)
    retry = deliver(
        slack,
        "app_uninstalled.docs.json",
        retry=1,
        team_id="T0001",
        event_id="EvUNINSTALL",
        event={"type": "app_uninstalled"},
    )
    in_database(database_url, no_logged_directly(CARL.team_id, CARL.user_id))
    slack.event({"type": "app_uninstalled"}, team_id=CARL.team_id)  # started after the retry, so done after it
    assert eventually(lambda: not tables_mentioning(database_url, CARL.team_id))

    assert retry.status_code == 200
    assert tables_mentioning(database_url, ANNA.user_id) == {"rejections": 1}


def test_in_oauth_mode_bolts_own_revocation_handling_runs_too(
    app_factory,
    oauth_config,  # noqa: F811 (the imported fixture)
    web_api,
    people,  # noqa: F811
    database_url,
):
    nope = app_factory(oauth_config)
    browser = nope.test_client()
    _, state = start_install(browser)
    installed(web_api)
    assert browser.get(f"/slack/oauth_redirect?code=code-1&state={state}").status_code == 200
    slack = SlackSide(nope, SIGNING_SECRET, web_api)
    in_database(database_url, no_logged_directly(TEAM, ADMIN.user_id, ORG))
    envelope = {"team_id": TEAM, "enterprise_id": ORG}

    # The installer withdraws their own user token: Bolt drops their installation row, the data stays.
    only_user = {"type": "tokens_revoked", "tokens": {"oauth": [ADMIN.user_id]}}
    deliver(slack, "tokens_revoked.docs.json", event=only_user, event_id="EvADMIN", **envelope)
    in_database(database_url, no_logged_directly("T0OTHER", "U0OTHER"))
    deliver(slack, "tokens_revoked.docs.json", team_id="T0OTHER", event_id="EvOTHER")  # started after, so done after
    assert eventually(lambda: not tables_mentioning(database_url, "T0OTHER"))
    traces = tables_mentioning(database_url, TEAM)
    assert "slack_installations" not in traces
    assert {"rejections", "managers", "slack_bots"} <= set(traces)

    deliver(slack, "app_uninstalled.docs.json", event_id="EvGONE", **envelope)

    assert eventually(lambda: not tables_mentioning(database_url, TEAM, ORG, ADMIN.user_id))
    engine = create_db_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(select(SLACK_INSTALLATIONS.c.id)).all() == []
        assert connection.execute(select(SLACK_BOTS.c.id)).all() == []
    engine.dispose()
