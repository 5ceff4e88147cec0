"""Who a request acts for in OAuth mode, read from the installation Nope stored: no Slack call before the ack.

Bolt's own authorize asks Slack's `auth.test` on every request, inside the 3 s Slack gives the
acknowledgement: with Slack slow every ack waited for it, and with Slack failing every request was
answered "not installed". What `auth.test` would say (the bot's ids and scopes) was stored at install.
"""

from __future__ import annotations

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import Authorize
from slack_bolt.context import BoltContext
from slack_sdk.oauth.installation_store import InstallationStore


class StoredInstallation(Authorize):
    def __init__(self, store: InstallationStore) -> None:
        self._store = store

    def __call__(
        self,
        *,
        context: BoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        actor_enterprise_id: str | None = None,
        actor_team_id: str | None = None,
        actor_user_id: str | None = None,
    ) -> AuthorizeResult | None:
        bot = self._store.find_bot(
            enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=context.is_enterprise_install
        )
        if bot is None or not bot.bot_token:
            return None
        return AuthorizeResult(
            enterprise_id=bot.enterprise_id,
            team_id=bot.team_id,
            bot_token=bot.bot_token,
            bot_id=bot.bot_id,
            bot_user_id=bot.bot_user_id,
            bot_scopes=bot.bot_scopes,
        )
