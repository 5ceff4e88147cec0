"""A workspace removes Nope (`app_uninstalled`) or takes its bot token back (`tokens_revoked`): forget it.

Bolt runs only the first listener that matches a request, so its own token revocation handlers are
called from these listeners instead of being enabled beside them. A retried delivery never gets here
twice: `slack_requests.event_retries` answers it first.
"""

from __future__ import annotations

from functools import partial

from slack_bolt import App, BoltContext
from slack_bolt.listener.builtins import TokenRevocationListeners

from slack_requests.acks import acknowledge
from slack_requests.door import Door
from slack_requests.requests import SlackRequest
from use_cases.data_rights import forget


def _forget(door: Door, asked: SlackRequest) -> None:
    # An org-wide uninstall names the organisation only (or flags itself as one).
    workspace_id = None if asked.org_wide else asked.workspace_id
    forget(door.core, workspace_id=workspace_id, organisation_id=asked.organisation_id)


def on_app_uninstalled(
    door: Door, revocation: TokenRevocationListeners | None, asked: SlackRequest, context: BoltContext
) -> None:
    if revocation is not None:
        revocation.handle_app_uninstalled_events(context)
    _forget(door, asked)


def on_tokens_revoked(
    door: Door, revocation: TokenRevocationListeners | None, asked: SlackRequest, context: BoltContext
) -> None:
    if revocation is not None:
        revocation.handle_tokens_revoked_events(asked.event, context)
    # Without its bot token Nope can do nothing more for the workspace. Revoked user tokens are
    # only those people's sign-ins, which Bolt's handler has removed: the data stays.
    if asked.event.get("tokens", {}).get("bot"):
        _forget(door, asked)


def register(app: App, door: Door) -> None:
    # Only in OAuth mode is there an installation store to clean up.
    store = app.installation_store
    revocation = TokenRevocationListeners(store) if store is not None else None
    app.event("app_uninstalled")(ack=acknowledge, lazy=[partial(on_app_uninstalled, door, revocation)])
    app.event("tokens_revoked")(ack=acknowledge, lazy=[partial(on_tokens_revoked, door, revocation)])
