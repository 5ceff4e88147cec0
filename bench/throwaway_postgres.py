"""A PostgreSQL cluster of the benchmark's own, on a free port, that it may stop and start at will.

Why not the machine's server: the chaos benchmark stops the database in the middle of its run, and
must not take anyone else's down with it. Debian's server binaries are used (`initdb`, `pg_ctl`);
as root they run as the `postgres` account, which PostgreSQL requires.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from pathlib import Path

from bench.ack_latency import HOST, free_port


class PostgresError(Exception):
    """The cluster could not be made, started or stopped; the message holds PostgreSQL's words."""


def _server_binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda path: int(path.parts[-3]))
    if not found:
        raise PostgresError("no PostgreSQL server binaries in /usr/lib/postgresql: apt-get install postgresql")
    return found[-1].parent


class ThrowawayPostgres:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self._bin = _server_binaries()
        self._as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self._made = False

    @property
    def url(self) -> str:
        return f"postgresql://postgres@{HOST}:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self._as_postgres, *command], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PostgresError(f"{Path(command[0]).name} failed: {done.stderr.strip() or done.stdout.strip()}")

    def _make(self) -> None:
        self.folder.mkdir(parents=True)
        if self._as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
            # The parent (a private temporary folder) must let the postgres account through.
            self.folder.parent.chmod(0o755)
        self._run(str(self._bin / "initdb"), "-D", str(self.folder / "data"), "-U", "postgres", "-A", "trust")
        self._made = True

    def start(self) -> None:
        if not self._made:
            self._make()
        options = f"-p {self.port} -c listen_addresses={HOST} -k {self.folder} -c max_connections=200"
        self._run(
            str(self._bin / "pg_ctl"),
            "-D",
            str(self.folder / "data"),
            "-o",
            options,
            "-w",
            "-l",
            str(self.folder / "server.log"),
            "start",
        )

    def stop(self) -> None:
        """A fast shutdown: open connections are cut, as when the server restarts for an upgrade."""
        self._run(str(self._bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        if self._made:
            with contextlib.suppress(PostgresError):  # already stopped
                self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
