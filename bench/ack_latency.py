"""Time-to-ack of `/nope` under load: Nope served by gunicorn versus a bare Bolt app (the floor).

Run from the repository root:

    .venv/bin/python bench/ack_latency.py [--requests 400] [--json bench/results/ack.json]

It starts the Slack Web API stand-in, serves each app in turn with gunicorn on 127.0.0.1, sends
signed `/nope` slash commands from 1, 8 and 32 concurrent clients, and prints p50/p99 time-to-ack.
Targets: p99 < 100 ms at 32 clients, and p99 within 1.5x of the bare floor at every level.
Nothing leaves 127.0.0.1. It exits 0 unless a server (or the stand-in) fails to start.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
# `python bench/ack_latency.py` puts bench/ (not the root) on sys.path; the app's modules live at the root.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.stand_in_process import StandIn, StartError  # noqa: E402
from slack_standin import requests  # noqa: E402
from slack_standin.requests import FORM, Sender, Workspace  # noqa: E402
from slack_standin.signing import signed_headers  # noqa: E402
from slack_standin.web_api import Channel, Member  # noqa: E402
from storage.crypto import generate_key  # noqa: E402

SIGNING_SECRET = "bench-signing-secret"
TEAM_ID = "T0001"
USER_IDS = [f"U0BENCH{n}" for n in range(1, 9)]
WORKSPACE = Workspace(TEAM_ID, "bench", app_id="A0BENCH", verification_token="bench-verification-token")
CHANNEL = Channel("C0BENCH", "general")
HOST = "127.0.0.1"
P99_TARGET_MS = 100.0
P99_TARGET_CONCURRENCY = 32
FLOOR_RATIO_TARGET = 1.5
APPS = {"bare": "bench.bare_wsgi:application", "real": "app:create_app_from_environment()"}


# -- gunicorn -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GunicornSettings:
    workers: int
    threads: int
    keep_alive: int

    def args(self) -> list[str]:
        args = [
            "--workers",
            str(self.workers),
            "--worker-class",
            "gthread",
            "--threads",
            str(self.threads),
            # Longer than any pause between a client's requests (warm-up barrier, level start),
            # so persistent connections stay open and we measure requests, not TCP handshakes.
            "--keep-alive",
            str(self.keep_alive),
            "--timeout",
            "30",
            "--graceful-timeout",
            "5",
            "--log-level",
            "warning",
        ]
        if _gunicorn_has_setting("control_socket_disable"):
            # gunicorn >= 25 otherwise creates a control socket under ~/.gunicorn.
            args.append("--no-control-socket")
        return args


def _gunicorn_has_setting(name: str) -> bool:
    from gunicorn.config import KNOWN_SETTINGS

    return any(setting.name == name for setting in KNOWN_SETTINGS)


def free_port() -> int:
    # Bind to port 0 and let go: a tiny race with other processes, harmless on a quiet machine.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class GunicornServer:
    """One gunicorn master (and its workers) serving `target` on a free 127.0.0.1 port."""

    def __init__(self, name: str, target: str, settings: GunicornSettings, env: dict[str, str], workdir: Path):
        self.name = name
        self.port = free_port()
        self.log_path = workdir / f"gunicorn-{name}.log"
        self.command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--chdir",
            str(REPO_ROOT),
            "--bind",
            f"{HOST}:{self.port}",
            *settings.args(),
            target,
        ]
        self._log = self.log_path.open("wb")
        # Own session, so a last-resort kill can take the whole group (master and workers) by its id.
        self.process = subprocess.Popen(
            self.command,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, path: str | None, timeout: float = 60.0) -> None:
        """Poll until `path` answers 200 (or, with no path, until a worker answers anything)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StartError(f"gunicorn ({self.name}) exited with {self.process.returncode}.")
            try:
                with socket.create_connection((HOST, self.port), timeout=1):
                    pass
                # The master binds before the workers have imported the app, so an accepted
                # connection alone does not mean anyone will answer; ask for a response too.
                conn = http.client.HTTPConnection(HOST, self.port, timeout=5)
                try:
                    conn.request("GET", path or "/")
                    response = conn.getresponse()
                    response.read()
                finally:
                    conn.close()
                if path is None or response.status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise StartError(f"gunicorn ({self.name}) was not ready within {timeout:.0f} s.")

    def log_tail(self, lines: int = 30) -> str:
        self._log.flush()
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # SIGTERM: graceful; our clients have closed their connections.
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        self._log.close()


# -- load generation ----------------------------------------------------------------------------


def command_body(n: int, stand_in: StandIn) -> str:
    """The form body Slack posts for `/nope` typed by the n-th request's user."""
    user_id = USER_IDS[n % len(USER_IDS)]
    fields = requests.slash_command(
        WORKSPACE,
        Sender(user_id, user_id.lower()),
        command="/nope",
        text="",
        channel=CHANNEL,
        response_url=stand_in.response_url(f"bench-{n}"),
        trigger_id=f"{n}.{int(time.time())}.benchtrigger",
    )
    return requests.command_body(fields)


@dataclass
class LevelResult:
    app: str
    concurrency: int
    requests: int
    errors: int
    p50_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    requests_per_s: float
    acked: int
    modals_opened: int
    lazy_backlog_s: float
    capped: bool
    error_kinds: dict[str, int] = field(default_factory=dict)


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile: an actual observed value, no interpolation."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


class _Client:
    """One simulated Slack sender: a persistent HTTP/1.1 connection, reopened after an error."""

    def __init__(self, port: int) -> None:
        self._port = port
        self._conn: http.client.HTTPConnection | None = None

    def post(self, body: str) -> tuple[float, str | None]:
        """Send one signed command; return (seconds to full response, error kind or None)."""
        headers = signed_headers(SIGNING_SECRET, body, FORM)
        payload = body.encode()
        if self._conn is None:
            # Connect outside the timed section: Slack reuses connections, so handshakes are not ack time.
            self._conn = http.client.HTTPConnection(HOST, self._port, timeout=10)
            self._conn.connect()
        started = time.perf_counter()
        try:
            self._conn.request("POST", "/slack/events", body=payload, headers=headers)
            response = self._conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as error:
            elapsed = time.perf_counter() - started
            self.close()
            return elapsed, type(error).__name__
        elapsed = time.perf_counter() - started
        if response.will_close:
            self.close()
        return elapsed, None if response.status == 200 else f"HTTP {response.status}"

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def run_level(
    app: str,
    port: int,
    concurrency: int,
    requests: int,
    warmup: int,
    time_cap: float,
    stand_in: StandIn,
    numbering: itertools.count[int],
) -> LevelResult:
    """Warm up, then send `requests` commands from `concurrency` threads; wait for the lazy work."""
    opened_before = stand_in.counts()["views.open"]
    warmup_left = itertools.count()  # next() on itertools.count is atomic under the GIL
    measured_left = itertools.count()
    samples: list[float] = []
    error_kinds: Counter[str] = Counter()
    acked = 0
    lock = threading.Lock()
    window: dict[str, float] = {}
    barrier = threading.Barrier(concurrency, action=lambda: window.setdefault("start", time.perf_counter()))

    def worker() -> None:
        nonlocal acked
        client = _Client(port)
        try:
            # Warm-up (not measured): connections opened, both gunicorn workers and caches hot.
            while next(warmup_left) < warmup:
                _, error = client.post(command_body(next(numbering), stand_in))
                if error is None:
                    with lock:
                        acked += 1
            # Bounded, so one stuck client cannot hang the run.
            barrier.wait(timeout=120)
            deadline = window["start"] + time_cap
            while next(measured_left) < requests and time.perf_counter() < deadline:
                # Build and sign before the clock starts: that is Slack's work, not the app's.
                body = command_body(next(numbering), stand_in)
                elapsed, error = client.post(body)
                with lock:
                    if error is None:
                        samples.append(elapsed)
                        acked += 1
                    else:
                        error_kinds[error] += 1
            with lock:
                window["end"] = max(window.get("end", 0.0), time.perf_counter())
        finally:
            client.close()

    threads = [threading.Thread(target=worker, name=f"client-{i}") for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    last_ack = time.perf_counter()

    # Let the lazy views.open calls finish before the next level, so one level's backlog does not
    # slow the next; how long that takes shows how far the lazy work fell behind the acks.
    opened = 0
    drain_deadline = last_ack + 10
    while True:
        opened = stand_in.counts()["views.open"] - opened_before
        if opened >= acked or time.perf_counter() > drain_deadline:
            break
        time.sleep(0.05)
    backlog = max(0.0, time.perf_counter() - last_ack) if opened >= acked else math.inf

    samples.sort()
    sent = len(samples) + sum(error_kinds.values())
    duration = window.get("end", last_ack) - window.get("start", last_ack)
    return LevelResult(
        app=app,
        concurrency=concurrency,
        requests=sent,
        errors=sum(error_kinds.values()),
        p50_ms=percentile(samples, 50) * 1000,
        p99_ms=percentile(samples, 99) * 1000,
        mean_ms=(sum(samples) / len(samples) * 1000) if samples else math.nan,
        max_ms=(samples[-1] * 1000) if samples else math.nan,
        requests_per_s=sent / duration if duration > 0 else math.nan,
        acked=acked,
        modals_opened=opened,
        lazy_backlog_s=backlog,
        capped=sent < requests,
        error_kinds=dict(error_kinds),
    )


# -- reporting ----------------------------------------------------------------------------------


def _ms(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.1f}"


def print_table(results: list[LevelResult]) -> None:
    header = (
        f"{'app':<5} {'conc':>4} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'max ms':>8} {'req/s':>8} {'modals/acks':>12} {'lazy drain s':>12}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        drain = "timeout" if math.isinf(r.lazy_backlog_s) else f"{r.lazy_backlog_s:.2f}"
        note = " (time cap hit)" if r.capped else ""
        print(
            f"{r.app:<5} {r.concurrency:>4} {r.requests:>8} {r.errors:>6} {_ms(r.p50_ms):>8} "
            f"{_ms(r.p99_ms):>8} {_ms(r.max_ms):>8} {r.requests_per_s:>8.0f} "
            f"{f'{r.modals_opened}/{r.acked}':>12} {drain:>12}{note}"
        )
        if r.error_kinds:
            print(f"      errors: {r.error_kinds}")


def compare(results: list[LevelResult]) -> list[dict[str, Any]]:
    """Per concurrency: real p99 / bare p99, and whether each target holds."""
    by_key = {(r.app, r.concurrency): r for r in results}
    rows = []
    for concurrency in sorted({r.concurrency for r in results}):
        real, bare = by_key.get(("real", concurrency)), by_key.get(("bare", concurrency))
        if real is None or bare is None:
            continue
        ratio = real.p99_ms / bare.p99_ms if bare.p99_ms > 0 else math.nan
        row: dict[str, Any] = {
            "concurrency": concurrency,
            "real_p99_ms": real.p99_ms,
            "bare_p99_ms": bare.p99_ms,
            "ratio": ratio,
            "within_floor_ratio": (not math.isnan(ratio)) and ratio <= FLOOR_RATIO_TARGET,
        }
        if concurrency == P99_TARGET_CONCURRENCY:
            row["under_p99_target"] = (not math.isnan(real.p99_ms)) and real.p99_ms < P99_TARGET_MS
        rows.append(row)
    return rows


def print_comparison(rows: list[dict[str, Any]]) -> None:
    print()
    print(f"{'conc':>4} {'real p99':>9} {'bare p99':>9} {'ratio':>6}  targets")
    for row in rows:
        verdicts = [f"ratio <= {FLOOR_RATIO_TARGET}x: {'PASS' if row['within_floor_ratio'] else 'FAIL'}"]
        if "under_p99_target" in row:
            verdicts.append(f"p99 < {P99_TARGET_MS:.0f} ms: {'PASS' if row['under_p99_target'] else 'FAIL'}")
        ratio = "n/a" if math.isnan(row["ratio"]) else f"{row['ratio']:.2f}"
        print(
            f"{row['concurrency']:>4} {_ms(row['real_p99_ms']):>9} {_ms(row['bare_p99_ms']):>9} "
            f"{ratio:>6}  {'; '.join(verdicts)}"
        )


def _json_safe(value: Any) -> Any:
    # JSON has no NaN/Infinity; null says "not measured".
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_safe(item) for item in value]
    return value


# -- main ---------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=400, help="measured requests per level [400]")
    parser.add_argument("--warmup", type=int, default=64, help="unmeasured requests before each level [64]")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32], help="client counts [1 8 32]")
    parser.add_argument("--time-cap", type=float, default=15.0, help="max seconds per level [15]")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers [2]")
    parser.add_argument("--threads", type=int, default=8, help="gunicorn threads per worker [8]")
    parser.add_argument("--apps", nargs="+", choices=sorted(APPS), default=["bare", "real"])
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results as JSON")
    return parser.parse_args(argv)


def prepare_database(database_url: str) -> None:
    """Create the schema before gunicorn starts.

    Why: every gunicorn worker runs create_app, and two workers upgrading one brand-new SQLite file
    at once race (the loser logs "The database does not answer yet"). Start-up is not what we
    measure, so settle the schema once, with the app's own migration code.
    """
    try:
        from storage.db import create_db_engine
        from storage.migrate import upgrade
    except ImportError as error:
        raise StartError(f"The app's storage modules do not import: {error}") from error

    try:
        engine = create_db_engine(database_url)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
    except Exception as error:  # any failure here means the real app could not start either
        raise StartError(f"Could not prepare the benchmark database: {error!r}") from error


def benchmark_app(
    app: str,
    args: argparse.Namespace,
    settings: GunicornSettings,
    env: dict[str, str],
    workdir: Path,
    stand_in: StandIn,
    numbering: itertools.count[int],
) -> list[LevelResult]:
    server = GunicornServer(app, APPS[app], settings, env, workdir)
    try:
        try:
            server.wait_ready("/healthz" if app == "real" else None)
        except StartError:
            print(f"--- gunicorn ({app}) log ---\n{server.log_tail()}", file=sys.stderr)
            raise
        print(f"{app}: gunicorn ready on {HOST}:{server.port}", flush=True)
        results = []
        for concurrency in args.concurrency:
            result = run_level(
                app,
                server.port,
                concurrency,
                args.requests,
                max(args.warmup, 2 * concurrency),
                args.time_cap,
                stand_in,
                numbering,
            )
            print(
                f"  {app} x{concurrency}: p50 {_ms(result.p50_ms)} ms, p99 {_ms(result.p99_ms)} ms, "
                f"{result.errors} errors",
                flush=True,
            )
            results.append(result)
        if any(r.errors for r in results):
            print(f"--- gunicorn ({app}) log tail ---\n{server.log_tail()}")
        return results
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # One gunicorn at a time, same settings for both: the two apps never compete for the 2 cores.
    settings = GunicornSettings(workers=args.workers, threads=args.threads, keep_alive=5)
    workdir = Path(tempfile.mkdtemp(prefix="nope-bench-"))
    stand_in: StandIn | None = None
    results: list[LevelResult] = []
    try:
        members = [
            Member(user_id, f"bench{n}", locale="en-US", tz="Europe/Amsterdam")
            for n, user_id in enumerate(USER_IDS, start=1)
        ]
        stand_in = StandIn(TEAM_ID, members)
        database_url = f"sqlite:///{workdir / 'nope.db'}"
        prepare_database(database_url)
        env = {
            **os.environ,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_BOT_TOKEN": stand_in.bot_token,
            "SLACK_API_URL": stand_in.api_url,
            "NOPE_ENCRYPTION_KEY": generate_key(),
            "DATABASE_URL": database_url,
        }
        print(f"gunicorn: {' '.join(settings.args())}  (cpus: {os.cpu_count()})")
        print(
            f"load: {args.requests} requests per level after {args.warmup} warm-up, "
            f"concurrency {args.concurrency}, time cap {args.time_cap:.0f} s per level"
        )
        print(f"stand-in: {stand_in.api_url}\n", flush=True)
        numbering = itertools.count(1)
        for app in args.apps:
            results += benchmark_app(app, args, settings, env, workdir, stand_in, numbering)
    except StartError as error:
        print(f"ack_latency: {error}", file=sys.stderr)
        return 2
    finally:
        if stand_in is not None:
            stand_in.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    print_table(results)
    rows = compare(results)
    if rows:
        print_comparison(rows)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "gunicorn": settings.args(),
            "cpus": os.cpu_count(),
            "requests_per_level": args.requests,
            "warmup": args.warmup,
            "results": [asdict(r) for r in results],
            "comparison": rows,
        }
        args.json.write_text(json.dumps(_json_safe(document), indent=2) + "\n")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
