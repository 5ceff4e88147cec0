"""Slack's end of Socket Mode, played on ws://127.0.0.1 for the tests.

Started beside a Web API stand-in, it turns Socket Mode on there: `apps.connections.open` with the
app-level token hands out this server's URL. An app that connects gets Slack's `hello`; then
`send` delivers a request in Slack's envelope (slash command, interaction or event, built by
`slack_standin.requests`) and `wait_for_ack` returns the app's ack for that envelope, with what it
answered and how long it took. `refresh` asks the app to reconnect, as Slack does every few hours.

The WebSocket protocol itself is the `websockets` package's (a test dependency): a conformant server
that is neither slack_sdk's client nor code of ours, so the tests never check Nope's transport with
the code they test.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

from slack_standin.requests import socket_mode_envelope
from slack_standin.web_api import SlackWebAPI

DEFAULT_APP_TOKEN = "xapp-1-A111-1-test"


@dataclass(frozen=True)
class Ack:
    """What the app sent back for one envelope: its payload (a response_action, a message) if any."""

    envelope_id: str
    payload: dict[str, Any] | None
    # From sending the envelope to receiving its ack: what Slack holds to its 3-second limit.
    seconds: float


class SocketModeServer:
    """Start with `start()` (or as a context manager) beside a started `SlackWebAPI`."""

    def __init__(self, web_api: SlackWebAPI, app_token: str = DEFAULT_APP_TOKEN, app_id: str = "A111") -> None:
        self.web_api = web_api
        self.app_token = app_token
        self.app_id = app_id
        # Slack's URLs carry a ticket; the app must connect with the one apps.connections.open handed out.
        self._path = f"/link/?ticket={uuid.uuid4()}&app_id={app_id}"
        self._changed = threading.Condition()
        # The newest connection is the one requests go to; an app that reconnects has two for a moment.
        self._connection: ServerConnection | None = None
        self._open: set[ServerConnection] = set()
        self._greeted = 0
        self._sent_at: dict[str, float] = {}
        self._acks: dict[str, Ack] = {}
        self._server: Server = serve(self._talk, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> SocketModeServer:
        self._thread.start()
        self.web_api.accept_socket_mode(self.app_token, self.url)
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join()

    def __enter__(self) -> SocketModeServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        host, port = self._server.socket.getsockname()[:2]
        return f"ws://{host}:{port}{self._path}"

    # -- the app's side of the connection -----------------------------------------------------

    def _talk(self, connection: ServerConnection) -> None:
        if connection.request is None or connection.request.path != self._path:
            connection.close(code=1008, reason="invalid ticket")
            return
        connection.send(json.dumps(self._hello()))
        with self._changed:
            self._connection = connection
            self._open.add(connection)
            self._greeted += 1
            self._changed.notify_all()
        try:
            for message in connection:
                self._record_ack(json.loads(message))
        except ConnectionClosed:
            pass
        finally:
            with self._changed:
                self._open.discard(connection)
                if self._connection is connection:
                    self._connection = None
                self._changed.notify_all()

    def _hello(self) -> dict[str, Any]:
        return {
            "type": "hello",
            "num_connections": 1,
            "debug_info": {"host": "applink-standin", "build_number": 1, "approximate_connection_time": 18060},
            "connection_info": {"app_id": self.app_id},
        }

    def _record_ack(self, ack: dict[str, Any]) -> None:
        envelope_id = str(ack.get("envelope_id") or "")
        with self._changed:
            sent_at = self._sent_at.get(envelope_id)
            if sent_at is not None:
                self._acks[envelope_id] = Ack(envelope_id, ack.get("payload"), time.monotonic() - sent_at)
                self._changed.notify_all()

    # -- what a test does -------------------------------------------------------------------

    def wait_connected(self, times: int = 1, timeout: float = 10.0) -> None:
        """Until an app has connected (for the `times`-th time), been greeted, and closed any older connection."""

        def connected() -> bool:
            return self._greeted >= times and self._open == {self._connection}

        with self._changed:
            if not self._changed.wait_for(connected, timeout):
                raise AssertionError(f"no app connected to the Socket Mode stand-in {times} time(s) within {timeout} s")

    def _current(self) -> ServerConnection:
        with self._changed:
            if self._connection is None:
                raise AssertionError("no app is connected to the Socket Mode stand-in")
            return self._connection

    def send(self, payload: Mapping[str, Any]) -> str:
        """Deliver `payload` (as an HTTP request would carry it) to the connected app; its envelope_id."""
        envelope_id = str(uuid.uuid4())
        connection = self._current()
        with self._changed:
            self._sent_at[envelope_id] = time.monotonic()
        connection.send(json.dumps(socket_mode_envelope(payload, envelope_id)))
        return envelope_id

    def refresh(self) -> None:
        """Slack's notice that it will drop this connection soon: the app is to open a new one."""
        notice = {"type": "disconnect", "reason": "refresh_requested", "debug_info": {"host": "applink-standin"}}
        self._current().send(json.dumps(notice))

    def wait_for_ack(self, envelope_id: str, timeout: float = 3.0) -> Ack:
        """The app's ack of the envelope, waited for up to `timeout` seconds (Slack waits 3)."""
        with self._changed:
            if not self._changed.wait_for(lambda: envelope_id in self._acks, timeout):
                raise AssertionError(f"no ack for envelope {envelope_id} within {timeout} s")
            return self._acks[envelope_id]
