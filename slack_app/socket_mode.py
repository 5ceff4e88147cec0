"""Socket Mode: Nope opens a WebSocket to Slack and takes Slack's requests there, so a developer's
machine needs no public URL. Bolt's own handler on slack_sdk's built-in client (no extra dependency)
drives the same Bolt app as /slack/events: the same listeners and the same work after the ack."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk.errors import SlackApiError

from config import Config, StartupError
from slack_api.client import SLACK_FAILURES, error_code


def connect_socket_mode(config: Config, app: App) -> SocketModeHandler:
    """Connected to Slack (slack_sdk reconnects by itself from then on), or one sentence why not."""
    # The app's client is Nope's Web API client: apps.connections.open goes to SLACK_API_URL too.
    handler = SocketModeHandler(app, app_token=config.app_token, web_client=app.client)
    try:
        handler.connect()
    except SlackApiError as error:
        handler.close()
        raise StartupError(
            f"Slack did not accept SLACK_APP_TOKEN at {config.slack_api_url} ({error_code(error)}): check the "
            "app-level token (scope connections:write) on your app's Basic Information page, and that Socket Mode "
            "is on."
        ) from None
    except SLACK_FAILURES as error:
        handler.close()
        raise StartupError(
            f"Slack's Web API at {config.slack_api_url} does not answer ({error}): Socket Mode connects through it, "
            "so start Nope again once it does."
        ) from None
    return handler
