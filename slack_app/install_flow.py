"""OAuth installs with Bolt's flow: our pages around it, and the installer made the first manager."""

from __future__ import annotations

import logging

from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy.engine import Engine

from config import Config
from slack_api.client import SLACK_FAILURES, slack_client
from slack_api.people import is_workspace_admin
from slack_app.install_pages import install_failed_page, install_page, installed_page, page_language
from storage.installations import installation_store, oauth_state_store
from use_cases.core import Core
from use_cases.person import SLACK, Person
from use_cases.settings import add_installer

logger = logging.getLogger(__name__)

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
# What the bot may do; manifest.yml asks for the same (a test keeps the two equal).
BOT_SCOPES = (
    "commands",
    "chat:write",
    "im:write",
    "files:write",
    "users:read",
    "channels:read",
    "groups:read",
    "channels:join",
    "channels:history",
    "groups:history",
)
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _language(request: BoltRequest) -> str:
    return page_language((request.headers.get("accept-language") or [None])[0])


class NopeOAuthFlow(OAuthFlow):
    def build_install_page_html(self, url: str, request: BoltRequest) -> str:
        return install_page(_language(request), url)


def _make_installer_manager(config: Config, core: Core, installation: Installation) -> bool:
    """The installer manages Nope from the start when Slack says they are an admin or owner."""
    client = slack_client(config, token=installation.bot_token)
    try:
        user = client.users_info(user=installation.user_id).get("user") or {}
    except SLACK_FAILURES as error:
        logger.warning("users.info failed for the installer: %s", error)
        return False
    # An org-wide install has no workspace: the installer manages their own workspace in the org.
    workspace_id = installation.team_id or user.get("team_id")
    if not is_workspace_admin(user) or not workspace_id:
        return False
    installer = Person(SLACK, workspace_id, installation.user_id, organisation_id=installation.enterprise_id)
    add_installer(core, installer)
    return True


def install_flow(config: Config, core: Core, engine: Engine) -> NopeOAuthFlow:
    def succeeded(args: SuccessArgs) -> BoltResponse:
        installation = args.installation
        manager = _make_installer_manager(config, core, installation)
        team_name = installation.team_name or installation.enterprise_name
        return BoltResponse(status=200, body=installed_page(_language(args.request), team_name, manager), headers=HTML)

    def failed(args: FailureArgs) -> BoltResponse:
        logger.info("an install did not finish: %s", args.reason)
        page = install_failed_page(_language(args.request), args.reason, INSTALL_PATH)
        return BoltResponse(status=args.suggested_status_code, body=page, headers=HTML)

    settings = OAuthSettings(
        client_id=config.client_id,
        client_secret=config.client_secret,
        scopes=list(BOT_SCOPES),
        installation_store=installation_store(config.client_id, engine),
        state_store=oauth_state_store(engine),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        callback_options=CallbackOptions(success=succeeded, failure=failed),
    )
    return NopeOAuthFlow(client=slack_client(config), settings=settings)
