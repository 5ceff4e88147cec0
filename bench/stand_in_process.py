"""The Slack Web API stand-in in a process of its own, for benchmarks.

Why a separate process: the stand-in does real work per call (JSON, keeping count), and in the
measured process it would hold the GIL while client threads wait to read their answers, inflating
every time measured.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections import Counter
from collections.abc import Sequence
from multiprocessing.connection import Connection

from slack_standin.web_api import Member, SlackWebAPI


class StartError(Exception):
    """A server did not come up; the message says which and why."""


def _serve(conn: Connection, team_id: str, members: Sequence[Member], latency_seconds: float) -> None:
    """Child process: run the stand-in and answer "counts" / "stop" over the pipe."""
    api = SlackWebAPI(team_id=team_id, validate_blocks=False, keep_calls=False, latency_seconds=latency_seconds).start()
    for member in members:
        api.add_member(member)
    conn.send({"api_url": api.api_url, "bot_token": api.bot_token, "base_url": api.base_url})
    try:
        while True:
            message = conn.recv()
            if message == "counts":
                conn.send(dict(api.counts()))
            elif message == "stop":
                break
    except EOFError:
        pass  # The parent went away: stop too.
    finally:
        api.stop()
        conn.close()


class StandIn:
    """Handle on the stand-in process: its URLs and a count of the calls it has received."""

    def __init__(self, team_id: str, members: Sequence[Member] = (), latency_seconds: float = 0.0) -> None:
        # spawn: a clean interpreter, nothing inherited from the parent's threads.
        context = multiprocessing.get_context("spawn")
        self._conn, child_conn = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child_conn, team_id, list(members), latency_seconds), daemon=True
        )
        self._process.start()
        child_conn.close()
        if not self._conn.poll(30):
            self.stop()
            raise StartError("The Slack Web API stand-in did not start within 30 s.")
        info = self._conn.recv()
        self.api_url: str = info["api_url"]
        self.bot_token: str = info["bot_token"]
        self.base_url: str = info["base_url"]

    def response_url(self, name: str) -> str:
        # Same shape as SlackWebAPI.response_url, built here to avoid a round trip per request.
        return f"{self.base_url}/response/{name}"

    def counts(self) -> Counter[str]:
        self._conn.send("counts")
        return Counter(self._conn.recv())

    def stop(self) -> None:
        with contextlib.suppress(OSError):  # the child may already be gone
            self._conn.send("stop")
        self._process.join(5)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(5)
        self._conn.close()
