"""Builds Nope's Slack door: the Bolt app behind a Flask app, with every listener bound to the core."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from flask import Flask, Response, jsonify, request
from slack_bolt import App
from slack_bolt.adapter.flask import SlackRequestHandler
from slack_bolt.error import BoltError
from slack_sdk.errors import SlackClientError
from slack_sdk.signature import SignatureVerifier
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from coach.i18n import LANGUAGES, translate
from config import Config, StartupError, load_config, log_format, process_environment
from handlers import register_listeners
from logs import ContextCarryingExecutor, configure_logging
from slack_api.client import slack_client
from slack_api.people import PeopleDirectory
from slack_app import database_outage
from slack_app.authorize import StoredInstallation
from slack_app.install_flow import INSTALL_PATH, REDIRECT_PATH, install_flow
from slack_app.operations import register_operations
from slack_requests import ack_metrics, event_retries
from slack_requests.door import Door
from slack_requests.requests import attach_request
from storage.crypto import EncryptionKeyError, use_keys
from storage.db import create_db_engine, session_factory
from storage.installations import installation_store
from storage.migrate import SchemaOutOfDate, upgrade_embedded_or_check
from use_cases.core import Core, utc_now, with_sessions

logger = logging.getLogger("nope")

# Threads for the lazy work after an ack (Slack calls, which may sleep through a 429's Retry-After).
# More of them compete with the request threads for the interpreter lock: with 16, p99 time-to-ack
# at 8 concurrent clients doubled (bench/ack_latency.py).
LISTENER_THREADS = 8


def prepare_schema(engine: Engine) -> None:
    try:
        upgrade_embedded_or_check(engine)
    except SchemaOutOfDate as error:
        raise StartupError(str(error)) from None
    except SQLAlchemyError as error:
        # Start anyway: /readyz reports the database until it answers.
        logger.warning("The database does not answer yet (%s); /readyz will say so.", error.__class__.__name__)


def _single_workspace_app(config: Config, listener_executor: ThreadPoolExecutor) -> App:
    def bolt_app(verify_token: bool) -> App:
        return App(
            signing_secret=config.signing_secret,
            client=slack_client(config),
            # Each ack runs in the request's own thread and the response leaves as soon as it
            # returns: acks never queue behind slow lazy work, and lazy work starts only after the
            # ack function (and its database commit) has finished.
            process_before_response=True,
            listener_executor=listener_executor,
            token_verification_enabled=verify_token,
        )

    try:
        return bolt_app(verify_token=True)
    except (BoltError, SlackClientError) as error:
        raise StartupError(
            f"Slack did not accept SLACK_BOT_TOKEN at {config.slack_api_url} ({error}): "
            "check the token on your app's OAuth & Permissions page."
        ) from None
    except OSError as error:
        # Slack unreachable right now: start anyway; Bolt checks the token on the first request.
        logger.warning("Slack's Web API at %s does not answer (%s); starting anyway.", config.slack_api_url, error)
        return bolt_app(verify_token=False)


def _multi_workspace_app(config: Config, core: Core, engine: Engine, listener_executor: ThreadPoolExecutor) -> App:
    """OAuth mode: every request is authorised with its own workspace's installation."""
    return App(
        signing_secret=config.signing_secret,
        client=slack_client(config),
        oauth_flow=install_flow(config, core, engine),
        authorize=StoredInstallation(installation_store(config.client_id, engine)),
        # Without an installation there is no token to ask for the person's language: say it in both.
        user_facing_authorize_error_message="\n".join(translate(lang, "install.not_installed") for lang in LANGUAGES),
        process_before_response=True,
        listener_executor=listener_executor,
    )


def build_bolt_app(config: Config, door: Door, engine: Engine, listener_executor: ThreadPoolExecutor) -> App:
    if config.oauth_enabled:
        app = _multi_workspace_app(config, door.core, engine, listener_executor)
    else:
        app = _single_workspace_app(config, listener_executor)
    database_outage.register(app, door.core)
    ack_metrics.register(app)
    event_retries.register(app, door.core)
    app.use(attach_request)
    register_listeners(app, door)
    return app


def _serve_slack_over_http(flask_app: Flask, bolt_app: App, config: Config) -> None:
    """Slack's requests as signed HTTP posts to /slack/events, and in OAuth mode the install pages."""
    slack_handler = SlackRequestHandler(bolt_app)
    verifier = SignatureVerifier(config.signing_secret)

    @flask_app.post("/slack/events")
    def slack_events() -> Response | tuple[Response, int]:
        try:
            return slack_handler.handle(request)
        except ValueError:
            # Bolt parses the body before it checks the signature; a body it cannot parse is
            # refused as Slack's own rules say: unsigned gets 401, signed but malformed gets 400.
            body = request.get_data(as_text=True)
            if not verifier.is_valid_request(body, dict(request.headers)):
                return jsonify(error="invalid signature"), 401
            return jsonify(error="malformed payload"), 400

    if config.oauth_enabled:

        @flask_app.get(INSTALL_PATH)
        @flask_app.get(REDIRECT_PATH)
        def install() -> Response:
            return slack_handler.handle(request)


def create_app(config: Config, *, clock: Callable[[], datetime] = utc_now) -> Flask:
    """The application factory: one Flask app serving Slack's requests and a health check.

    In Socket Mode Slack's requests come over the WebSocket that `slack_app.socket_mode` opens for the
    Bolt app kept in `extensions["nope.bolt_app"]`, and the Flask app answers the health check only.
    """
    try:
        use_keys(config.encryption_keys)
    except EncryptionKeyError as error:
        raise StartupError(f"NOPE_ENCRYPTION_KEY: {error}.") from None
    engine = create_db_engine(config.database_url)
    prepare_schema(engine)
    door = Door(core=with_sessions(session_factory(engine), clock), people=PeopleDirectory())
    # Lazy work runs in the request's context: its log lines carry the request's id.
    listener_executor = ContextCarryingExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="nope-listener")
    bolt_app = build_bolt_app(config, door, engine, listener_executor)

    flask_app = Flask(__name__)
    # Kept so whoever owns the app (a test, a shutdown hook) can finish its work and close the pool.
    flask_app.extensions["nope.engine"] = engine
    flask_app.extensions["nope.core"] = door.core
    flask_app.extensions["nope.listener_executor"] = listener_executor
    flask_app.extensions["nope.bolt_app"] = bolt_app
    if not config.socket_mode:
        _serve_slack_over_http(flask_app, bolt_app, config)

    register_operations(flask_app, engine)
    return flask_app


def freeze_startup_objects() -> None:
    """What start-up built lives as long as the process: keep it out of every later garbage collection.

    Without this, full collections walk the ~90,000 objects of Bolt, SQLAlchemy and Flask and
    pause every request in flight for tens of milliseconds.
    """
    gc.collect()
    gc.freeze()


def create_app_from_environment() -> Flask:
    """For WSGI servers: `gunicorn 'app:create_app_from_environment()'` (settings as for `python app.py`)."""
    configure_logging(log_format(process_environment()))
    flask_app = create_app(load_config())
    freeze_startup_objects()
    return flask_app
