"""The Slack Web API stand-in in a process of its own, for benchmarks.

Why a separate process: the stand-in does real work per call (JSON, keeping count), and in the
measured process it would hold the GIL while client threads wait to read their answers, inflating
every time measured.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from slack_standin.web_api import Channel, Member, SlackWebAPI


class StartError(Exception):
    """A server did not come up; the message says which and why."""


def _serve(conn: Connection, team_id: str, arranged: Arranged, latency_seconds: float) -> None:
    """Child process: run the stand-in and answer the handle's requests over the pipe, until "stop"."""
    api = SlackWebAPI(team_id=team_id, validate_blocks=False, keep_calls=False, latency_seconds=latency_seconds).start()
    for member in arranged.members:
        api.add_member(member)
    for channel in arranged.channels:
        api.add_channel(channel)
    for bot_token, installed_team_id in arranged.tokens.items():
        api.know_token(bot_token, installed_team_id)
    conn.send({"api_url": api.api_url, "bot_token": api.bot_token, "base_url": api.base_url})
    try:
        while True:
            message = conn.recv()
            if message == "counts":
                conn.send(dict(api.counts()))
            elif message == "reminders":
                conn.send(_reminders(api, arranged.members))
            elif message == "posts":
                conn.send({channel.channel_id: len(api.history(channel.channel_id)) for channel in arranged.channels})
            elif isinstance(message, tuple) and message[0] == "storm":
                api.storm(message[1])
            elif message == "calm":
                api.calm()
            elif message == "stop":
                break
    except EOFError:
        pass  # The parent went away: stop too.
    finally:
        api.stop()
        conn.close()


@dataclass(frozen=True)
class Arranged:
    """What the stand-in knows before the first call: people, channels, and installs' bot tokens by team."""

    members: Sequence[Member] = ()
    channels: Sequence[Channel] = ()
    tokens: Mapping[str, str] = field(default_factory=dict)


def _reminders(api: SlackWebAPI, members: Sequence[Member]) -> dict[str, tuple[int, int]]:
    """Per person: messages scheduled for them and not deleted, and messages posted to them now."""
    scheduled = Counter(str(params.get("channel", "")) for params in api.scheduled().values())
    return {
        member.user_id: (
            scheduled["D" + member.user_id] + scheduled[member.user_id],
            len(api.history("D" + member.user_id)) + len(api.history(member.user_id)),
        )
        for member in members
    }


class StandIn:
    """Handle on the stand-in process: its URLs and a count of the calls it has received."""

    def __init__(
        self,
        team_id: str,
        members: Sequence[Member] = (),
        latency_seconds: float = 0.0,
        *,
        channels: Sequence[Channel] = (),
        tokens: Mapping[str, str] | None = None,
    ) -> None:
        # spawn: a clean interpreter, nothing inherited from the parent's threads.
        context = multiprocessing.get_context("spawn")
        self._conn, child_conn = context.Pipe()
        self._process = context.Process(
            target=_serve,
            args=(child_conn, team_id, Arranged(list(members), list(channels), dict(tokens or {})), latency_seconds),
            daemon=True,
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

    def posts(self) -> dict[str, int]:
        """How many messages each arranged channel holds."""
        self._conn.send("posts")
        return self._conn.recv()

    def reminders(self) -> dict[str, tuple[int, int]]:
        """Per person: (messages scheduled for them and not deleted, messages posted to them)."""
        self._conn.send("reminders")
        return self._conn.recv()

    def storm(self, slow_seconds: float) -> None:
        """From now on every call answers 500, 429 or slowly, in turn (see SlackWebAPI.storm)."""
        self._conn.send(("storm", slow_seconds))

    def calm(self) -> None:
        self._conn.send("calm")

    def stop(self) -> None:
        with contextlib.suppress(OSError):  # the child may already be gone
            self._conn.send("stop")
        self._process.join(5)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(5)
        self._conn.close()
