"""The sandbox's own controls: post this week's digest now, move the clock a week on, start afresh."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from sandbox.clock import SandboxClock
from sandbox.surfaces import Surfaces
from sandbox.workspace import TEAM_CHANNEL, TEAM_ID
from storage.models import Base
from use_cases.core import Core
from use_cases.digest_delivery import send_digest_now
from use_cases.ports import WorkspaceFor
from use_cases.settings import change


@dataclass(frozen=True)
class DigestOutcome:
    """`posted`, `already` (this channel had this week's digest) or `failed`, with Slack's error."""

    result: str
    error: str = ""


def wipe_rows(engine: Engine) -> None:
    """Every table's rows, children before parents; the schema (and its version) stays."""
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


class SandboxControls:
    def __init__(
        self, engine: Engine, core: Core, workspaces: WorkspaceFor, clock: SandboxClock, surfaces: Surfaces
    ) -> None:
        self.engine = engine
        self.core = core
        self.workspaces = workspaces
        self.clock = clock
        self.surfaces = surfaces

    def set_up_workspace(self) -> None:
        """The demo workspace's digest goes to its team channel (the other settings are Nope's defaults)."""
        change(self.core, TEAM_ID, {"channels": (TEAM_CHANNEL.channel_id,)})

    def post_digest(self) -> DigestOutcome:
        report = send_digest_now(self.core, self.workspaces, TEAM_ID, TEAM_CHANNEL.channel_id, self.clock.now())
        if report.posted:
            return DigestOutcome("posted")
        if report.failed:
            return DigestOutcome("failed", report.failed[0][2])
        return DigestOutcome("already")

    def next_week(self) -> None:
        self.clock.next_week()
        # Reminders scheduled for the week just skipped arrive now, as they would have.
        self.surfaces.sync()

    def reset(self) -> None:
        wipe_rows(self.engine)
        self.clock.reset()
        self.surfaces.reset()
        self.set_up_workspace()
