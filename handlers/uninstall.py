"""A workspace removes Nope (`app_uninstalled`) or takes its bot token back (`tokens_revoked`): forget it.

Bolt runs only the first listener that matches a request, so its own token revocation handlers are
called from these listeners instead of being enabled beside them. A retried delivery never gets here
twice: `event_retries` answers it first.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_bolt.listener.builtins import TokenRevocationListeners

from handlers.acks import acknowledge
from handlers.services import Services
from storage.erasure import forget_workspace


def register(app: App, services: Services) -> None:
    # Only in OAuth mode is there an installation store to clean up.
    store = app.installation_store
    revocation = TokenRevocationListeners(store) if store is not None else None

    def forget(context: BoltContext) -> None:
        # An org-wide uninstall names the organisation only (or flags itself as one).
        org_wide = bool(context.is_enterprise_install) or not context.team_id
        with services.sessions.begin() as session:
            forget_workspace(
                session, workspace_id=None if org_wide else context.team_id, organisation_id=context.enterprise_id
            )

    def on_app_uninstalled(context: BoltContext) -> None:
        if revocation is not None:
            revocation.handle_app_uninstalled_events(context)
        forget(context)

    def on_tokens_revoked(event: dict[str, Any], context: BoltContext) -> None:
        if revocation is not None:
            revocation.handle_tokens_revoked_events(event, context)
        # Without its bot token Nope can do nothing more for the workspace. Revoked user tokens are
        # only those people's sign-ins, which Bolt's handler has removed: the data stays.
        if event.get("tokens", {}).get("bot"):
            forget(context)

    app.event("app_uninstalled")(ack=acknowledge, lazy=[on_app_uninstalled])
    app.event("tokens_revoked")(ack=acknowledge, lazy=[on_tokens_revoked])
