"""Nope in its production shape under load while PostgreSQL restarts and Slack has a bad minute.

Run from the repository root (as root or as a user who may run PostgreSQL's initdb):

    .venv/bin/python bench/chaos.py [--seconds 300] [--clients 64] [--json bench/results/chaos.json]

What runs: gunicorn (2 workers x 8 threads, OAuth mode, several installed workspaces) and one
`nope scheduler` process, on a throwaway PostgreSQL cluster of its own (initdb on a free port), with
the Slack Web API stand-in in a process of its own. `--clients` threads send signed requests for
`--seconds`: log-a-no submissions, `/nope` and Home openings. On the way, Slack answers every call
500, 429 or slowly for a minute, and PostgreSQL is stopped for `--outage` seconds and started again.
Each workspace's digest falls due during the run; after the load, the bench waits until every one
has settled (a digest that failed is retried 15 minutes later, so this can take that long).

It prints and checks: no response >= 500; the no's stored equal the log-a-no submissions Slack was
told succeeded (none lost, none twice); each digest posted exactly once (the run rows and the
channel's messages); each worker's memory at the start and the end; the ack p99 before, during and
after the trouble, beside the bare Bolt floor measured the same way. Exit 0 when every check holds.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.ack_latency import APPS, HOST, SIGNING_SECRET, GunicornServer, GunicornSettings, percentile  # noqa: E402
from bench.stand_in_process import StandIn, StartError  # noqa: E402
from bench.throwaway_postgres import ThrowawayPostgres  # noqa: E402
from blocks.log_rejection_modal import FEELING_BLOCK, FORM_BLOCK, KIND_BLOCK, STORY_BLOCK, log_rejection_modal  # noqa: E402
from blocks.metadata import ModalMetadata  # noqa: E402
from blocks.reflection_views import (  # noqa: E402
    BRAVE_STEP_DATE_BLOCK,
    BRAVE_STEP_TEXT_BLOCK,
    BRAVE_STEP_TIME_BLOCK,
    brave_step_view,
    revisioned,
)
from slack_standin import requests  # noqa: E402
from slack_standin.requests import FORM, JSON, Sender, Workspace  # noqa: E402
from slack_standin.signing import signed_headers  # noqa: E402
from slack_standin.view_state import fill_in  # noqa: E402
from slack_standin.web_api import Channel, Member  # noqa: E402

WORKSPACES = 8
PEOPLE_PER_WORKSPACE = 8
CLIENT_ID, CLIENT_SECRET = "chaos-client-id", "chaos-client-secret"
STORY = "A quiet no after the pitch."
# How late Slack's slow answers come during its bad minute: well past the app's patience.
SLACK_SLOW_SECONDS = 8.0
# A share of each kind of request, summing to 1.
MIX = (("log", 0.4), ("command", 0.3), ("home", 0.2), ("brave", 0.1))
# Reflections begun before the run, per person, whose brave steps the clients submit.
REFLECTIONS_EACH = 40
SETTINGS = GunicornSettings(workers=2, threads=8, keep_alive=5)


@dataclass(frozen=True)
class Someone:
    workspace: Workspace
    user_id: str

    @property
    def sender(self) -> Sender:
        return Sender(self.user_id, self.user_id.lower())


def workspace(index: int) -> Workspace:
    return Workspace(f"T0CHAOS{index:02d}", f"chaos{index}", app_id="A0CHAOS", verification_token="chaos-token")


def bot_token(team_id: str) -> str:
    return f"xoxb-chaos-{team_id.lower()}"


def channel_of(team_id: str) -> str:
    return "C" + team_id.removeprefix("T")


def everyone() -> list[Someone]:
    return [
        Someone(workspace(w), f"U0C{w:02d}P{p:02d}")
        for w in range(1, WORKSPACES + 1)
        for p in range(1, PEOPLE_PER_WORKSPACE + 1)
    ]


# -- arranging ----------------------------------------------------------------------------------------


def install_workspaces(database_url: str, encryption_key: str, start: datetime) -> dict[str, datetime]:
    """Every workspace installed (its bot token stored as the OAuth flow stores it) with a digest channel;
    the digests fall due one after another during the run. Returns when each is due."""
    from slack_sdk.oauth.installation_store import Installation

    from digest.settings import WorkspaceSettings
    from storage.crypto import use_keys
    from storage.db import create_db_engine, session_factory
    from storage.installations import installation_store
    from storage.migrate import upgrade
    from storage.workspaces import save_settings

    use_keys((encryption_key,))
    engine = create_db_engine(database_url)
    upgrade(engine)
    store = installation_store(CLIENT_ID, engine)
    due: dict[str, datetime] = {}
    sessions = session_factory(engine)
    for index in range(1, WORKSPACES + 1):
        team_id = workspace(index).team_id
        store.save(
            Installation(
                app_id="A0CHAOS",
                team_id=team_id,
                bot_token=bot_token(team_id),
                bot_id="BBOT",
                bot_user_id="UBOT",
                bot_scopes="commands,chat:write",
                user_id=f"U0C{index:02d}P01",
            )
        )
        # Spread over the run, several inside Slack's bad minute and the database's outage.
        moment = (start + timedelta(minutes=1 + index % 5)).replace(second=0, microsecond=0)
        due[team_id] = moment
        with sessions.begin() as session:
            save_settings(
                session,
                WorkspaceSettings(
                    workspace_id=team_id,
                    timezone="UTC",
                    digest_weekday=moment.weekday(),
                    digest_time=moment.strftime("%H:%M"),
                    min_group=1,
                    channels=(channel_of(team_id),),
                ),
                start,
            )
    engine.dispose()
    return due


def seed_reflections(database_url: str, people: list[Someone], each: int) -> dict[str, list[int]]:
    """`each` no's per person with a reflection begun, as "Reflect now" begins one: the brave steps to come."""
    from coach.records import NewRejection
    from storage.db import create_db_engine, session_factory
    from use_cases.core import with_sessions
    from use_cases.log_rejection import log_rejection
    from use_cases.person import SLACK, Person
    from use_cases.reflection import start

    engine = create_db_engine(database_url)
    core = with_sessions(session_factory(engine))
    no = NewRejection(
        kind="pitch", form="explicit", feeling="disappointed", intensity=3, story=None, counts_in_tally=True
    )
    reflections: dict[str, list[int]] = {}
    for someone in people:
        person = Person(SLACK, someone.workspace.team_id, someone.user_id)
        for _ in range(each):
            logged = log_rejection(core, person, no)
            screen = start(core, person, logged.rejection_id)  # type: ignore[union-attr]
            reflections.setdefault(someone.user_id, []).append(screen.reflection_id)  # type: ignore[union-attr]
    engine.dispose()
    return reflections


# -- the load -----------------------------------------------------------------------------------------


def log_body(someone: Someone, trigger_id: str) -> str:
    view = log_rejection_modal("en", "Europe/Amsterdam")
    answers = {KIND_BLOCK: "job_application", FORM_BLOCK: "silence", FEELING_BLOCK: "disappointed", STORY_BLOCK: STORY}
    shown = requests.view_in_payload(
        view, someone.workspace, view_id="V0CHAOS", state=fill_in(view, answers), view_hash="1.chaos"
    )
    payload = requests.view_submission(someone.workspace, someone.sender, shown, trigger_id=trigger_id)
    return requests.form_body(payload)


def brave_step_body(someone: Someone, reflection_id: int, trigger_id: str) -> str:
    """The brave step of a reflection, due tomorrow at 10:00 UTC: Nope schedules its reminder."""
    metadata = ModalMetadata(lang="en", timezone_name="UTC", reflection_id=reflection_id)
    view = {**brave_step_view(metadata, None, None, "10:00"), "private_metadata": metadata.encode()}
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    answers = {
        revisioned(BRAVE_STEP_TEXT_BLOCK, metadata): "Ask for one more introduction",
        BRAVE_STEP_DATE_BLOCK: tomorrow,
        BRAVE_STEP_TIME_BLOCK: "10:00",
    }
    shown = requests.view_in_payload(
        view, someone.workspace, view_id="V0BRAVE", state=fill_in(view, answers), view_hash="1.brave"
    )
    payload = requests.view_submission(someone.workspace, someone.sender, shown, trigger_id=trigger_id)
    return requests.form_body(payload)


def command_body(someone: Someone, trigger_id: str, response_url: str) -> str:
    fields = requests.slash_command(
        someone.workspace,
        someone.sender,
        command="/nope",
        text="",
        channel=Channel("D" + someone.user_id, "directmessage"),
        response_url=response_url,
        trigger_id=trigger_id,
    )
    return requests.command_body(fields)


def home_body(someone: Someone, event_id: str) -> str:
    event = requests.app_home_opened(someone.user_id, "D" + someone.user_id)
    return json.dumps(requests.event_callback(someone.workspace, event, event_id=event_id))


@dataclass
class Tally:
    """What the clients saw, kept under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    # (seconds since the load started, surface, seconds to the answer, HTTP status or error name)
    answers: list[tuple[float, str, float, str]] = field(default_factory=list)
    # Log-a-no submissions acknowledged as stored, by person.
    stored: Counter[str] = field(default_factory=Counter)
    # Log-a-no submissions refused with a message on the modal (nothing stored).
    refused: Counter[str] = field(default_factory=Counter)
    # Brave steps acknowledged as saved (the reflection moved on), by person: one reminder each.
    brave_steps: Counter[str] = field(default_factory=Counter)
    # Answers whose log-a-no outcome cannot be known (no answer at all).
    unknown: int = 0
    # A client that stopped on a bug of the benchmark's own makes the run count for nothing.
    client_failures: list[str] = field(default_factory=list)


def classify_answer(status: int, body: bytes) -> str:
    """A submission's outcome: 'stored' when the modal moves on, 'refused' when it shows an error."""
    if status != 200:
        return "other"
    try:
        answer = json.loads(body or b"{}")
    except ValueError:
        return "other"
    if answer.get("response_action") == "update":
        return "stored"
    if answer.get("response_action") == "errors":
        return "refused"
    return "other"


class Client:
    """One of Slack's senders: a persistent connection, reopened after an error, 10 s read timeout."""

    def __init__(self, port: int) -> None:
        self._port = port
        self._conn: http.client.HTTPConnection | None = None

    def post(self, body: str, content_type: str) -> tuple[float, int | str, bytes]:
        headers = signed_headers(SIGNING_SECRET, body, content_type)
        if self._conn is None:
            self._conn = http.client.HTTPConnection(HOST, self._port, timeout=10)
        started = time.perf_counter()
        try:
            self._conn.request("POST", "/slack/events", body=body.encode(), headers=headers)
            response = self._conn.getresponse()
            answer = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.close()
            return time.perf_counter() - started, type(error).__name__, b""
        if response.will_close:
            self.close()
        return time.perf_counter() - started, response.status, answer

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def run_load(
    port: int,
    people: list[Someone],
    clients: int,
    seconds: float,
    stand_in: StandIn,
    mix: tuple[tuple[str, float], ...],
    reflections: dict[str, list[int]] | None = None,
) -> Tally:
    """`clients` threads, each one person sending requests of the kinds in `mix` for `seconds`."""
    tally = Tally()
    numbering = itertools.count(1)  # next() on a count is atomic under the GIL
    started = time.perf_counter()

    def sender(index: int) -> None:
        chooser = random.Random(index)
        client = Client(port)
        someone = people[index % len(people)]
        # Each reflection's brave step is submitted once, by its owner's client (one client per person).
        brave_steps_left = list((reflections or {}).get(someone.user_id, []))
        try:
            while (now := time.perf_counter() - started) < seconds:
                number = next(numbering)
                surface = chooser.choices([name for name, _ in mix], [share for _, share in mix])[0]
                trigger_id = f"{number}.{int(time.time())}.chaos"
                if surface == "brave" and not brave_steps_left:
                    surface = "command"
                if surface == "brave":
                    body, kind = brave_step_body(someone, brave_steps_left.pop(), trigger_id), FORM
                elif surface == "log":
                    body, kind = log_body(someone, trigger_id), FORM
                elif surface == "command":
                    body, kind = command_body(someone, trigger_id, stand_in.response_url(f"chaos-{number}")), FORM
                else:
                    body, kind = home_body(someone, f"Ev0CHAOS{number:08d}"), JSON
                elapsed, status, answer = client.post(body, kind)
                with tally.lock:
                    tally.answers.append((now, surface, elapsed, str(status)))
                    if surface in {"log", "brave"}:
                        outcome = classify_answer(status, answer) if isinstance(status, int) else "unknown"
                        if outcome == "stored":
                            (tally.stored if surface == "log" else tally.brave_steps)[someone.user_id] += 1
                        elif outcome == "refused" and surface == "log":
                            tally.refused[someone.user_id] += 1
                        elif outcome == "unknown":
                            tally.unknown += 1
        except Exception as error:
            with tally.lock:
                tally.client_failures.append(repr(error))
            raise
        finally:
            client.close()

    threads = [threading.Thread(target=sender, args=(i,), name=f"client-{i}") for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


# -- the trouble --------------------------------------------------------------------------------------


@dataclass
class Trouble:
    """Slack's bad minute, then PostgreSQL's outage, on a thread of its own; when each began and ended."""

    stand_in: StandIn
    postgres: ThrowawayPostgres
    slack_at: float
    slack_seconds: float
    database_at: float
    database_seconds: float
    slack: tuple[float, float] = (0.0, 0.0)
    database: tuple[float, float] = (0.0, 0.0)
    thread: threading.Thread | None = None

    def begin(self) -> None:
        self.thread = threading.Thread(target=self._unfold, args=(time.perf_counter(),), name="trouble", daemon=True)
        self.thread.start()

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()

    def _unfold(self, started: float) -> None:
        def wait_until(moment: float) -> float:
            time.sleep(max(0.0, moment - (time.perf_counter() - started)))
            return time.perf_counter() - started

        slack_began = wait_until(self.slack_at)
        self.stand_in.storm(SLACK_SLOW_SECONDS)
        self.slack = (slack_began, wait_until(self.slack_at + self.slack_seconds))
        self.stand_in.calm()
        database_began = wait_until(self.database_at)
        self.postgres.stop()
        time.sleep(self.database_seconds)
        self.postgres.start()
        self.database = (database_began, time.perf_counter() - started)


# -- what happened ------------------------------------------------------------------------------------


def worker_memory_mb(master_pid: int) -> dict[int, float]:
    """Each gunicorn worker's resident memory, by process id."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    found = {}
    for pid in map(int, children):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                found[pid] = int(line.split()[1]) / 1024
    return found


def _rows(database_url: str, query: str) -> list[dict[str, Any]]:
    from sqlalchemy import text

    from storage.db import create_db_engine

    engine = create_db_engine(database_url)
    try:
        with engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(text(query))]
    finally:
        engine.dispose()


def stored_rejections(database_url: str) -> Counter[str]:
    rows = _rows(database_url, "SELECT user_id, count(*) AS stored FROM rejections GROUP BY user_id")
    return Counter({row["user_id"]: row["stored"] for row in rows})


def digest_runs(database_url: str) -> list[dict[str, Any]]:
    return _rows(database_url, "SELECT workspace_id, channel_id, status, attempts FROM digest_runs ORDER BY 1")


def wait_for_digests(database_url: str, due: dict[str, datetime], patience: float) -> list[dict[str, Any]]:
    """Until every due digest's run has settled (posted, or given up), or `patience` seconds pass."""
    deadline = time.monotonic() + patience
    while True:
        runs = digest_runs(database_url)
        settled = {run["workspace_id"] for run in runs if run["status"] in {"posted", "abandoned"}}
        if settled >= set(due) or time.monotonic() > deadline:
            return runs
        unsettled = [run for run in runs if run["workspace_id"] not in settled]
        missing = sorted(set(due) - {run["workspace_id"] for run in runs})
        print(f"  {time.strftime('%H:%M:%S')} not settled yet: {unsettled}; not started: {missing}", flush=True)
        time.sleep(30)


Answer = tuple[float, str, float, str]


def statuses_by_phase(answers: list[Answer], trouble: Trouble) -> dict[str, dict[str, int]]:
    """The answers' statuses in Slack's bad minute, the database's outage, and the rest of the run."""
    phases: dict[str, Counter[str]] = {"slack": Counter(), "database": Counter(), "calm": Counter()}
    for moment, _, _, status in answers:
        if trouble.slack[0] <= moment < trouble.slack[1]:
            phases["slack"][status] += 1
        elif trouble.database[0] <= moment < trouble.database[1]:
            phases["database"][status] += 1
        else:
            phases["calm"][status] += 1
    return {phase: dict(counts) for phase, counts in phases.items()}


def p99_ms(answers: list[Answer], surface: str | None = None, window: tuple[float, float] | None = None) -> float:
    times = sorted(
        elapsed
        for moment, kind, elapsed, status in answers
        if status == "200"
        and (surface is None or kind == surface)
        and (window is None or window[0] <= moment < window[1])
    )
    return percentile(times, 99) * 1000


def calm_windows(trouble: Trouble, seconds: float) -> list[tuple[float, float]]:
    """Before Slack's bad minute, between it and the outage (once the retries are over), after the outage."""
    return [(0.0, trouble.slack[0]), (trouble.slack[1] + 15, trouble.database[0]), (trouble.database[1] + 15, seconds)]


@dataclass
class Findings:
    responses: int
    by_status: dict[str, int]
    by_phase: dict[str, dict[str, int]]
    at_least_500: int
    log_submissions_stored: int
    log_submissions_refused: int
    log_submissions_unanswered: int
    rows_stored: int
    people_with_rows_not_matching: dict[str, tuple[int, int]]
    digests_due: int
    digest_runs: list[dict[str, Any]]
    digest_posts_by_channel: dict[str, int]
    digests_exactly_once: bool
    brave_steps_saved: int
    reminders_scheduled: int
    reminders_sent_at_once: int
    people_with_reminders_not_matching: dict[str, tuple[int, int]]
    worker_rss_mb_start: dict[int, float]
    worker_rss_mb_end: dict[int, float]
    command_p99_ms_calm: float
    command_p99_ms_slack_trouble: float
    command_p99_ms_database_trouble: float
    floor_command_p99_ms: float
    slack_trouble_s: tuple[float, float]
    database_trouble_s: tuple[float, float]
    passed: bool = False


@dataclass(frozen=True)
class Afterwards:
    """What the database and Slack hold once the run is over."""

    runs: list[dict[str, Any]]
    # Messages in each digest channel.
    posts: dict[str, int]
    # No's stored by person during the run (the seeded ones left out).
    stored: Counter[str]
    # Per person: reminders scheduled and not deleted, and messages sent to them at once.
    reminders: dict[str, tuple[int, int]]


def judge(
    tally: Tally,
    trouble: Trouble,
    seconds: float,
    memory: tuple[dict[int, float], dict[int, float]],
    afterwards: Afterwards,
    due: dict[str, datetime],
    floor_p99_ms: float,
) -> Findings:
    runs, posts, stored = afterwards.runs, afterwards.posts, afterwards.stored
    reminders_off = {
        user_id: (tally.brave_steps[user_id], sum(afterwards.reminders.get(user_id, (0, 0))))
        for user_id in set(tally.brave_steps) | set(afterwards.reminders)
        if tally.brave_steps[user_id] != sum(afterwards.reminders.get(user_id, (0, 0)))
    }
    statuses = Counter(status for _, _, _, status in tally.answers)
    at_least_500 = sum(count for status, count in statuses.items() if status.isdigit() and int(status) >= 500)
    mismatched = {
        user_id: (tally.stored[user_id], stored[user_id])
        for user_id in set(tally.stored) | set(stored)
        if tally.stored[user_id] != stored[user_id]
    }
    posted = {run["channel_id"] for run in runs if run["status"] == "posted"}
    once = len(runs) == len(due) and all(posts.get(channel_of(team_id)) == 1 for team_id in due)
    once = once and posted == {channel_of(team_id) for team_id in due}
    calm = [answer for answer in tally.answers if any(a <= answer[0] < b for a, b in calm_windows(trouble, seconds))]
    findings = Findings(
        responses=len(tally.answers),
        by_status=dict(statuses),
        by_phase=statuses_by_phase(tally.answers, trouble),
        at_least_500=at_least_500,
        log_submissions_stored=sum(tally.stored.values()),
        log_submissions_refused=sum(tally.refused.values()),
        log_submissions_unanswered=tally.unknown,
        rows_stored=sum(stored.values()),
        people_with_rows_not_matching=mismatched,
        digests_due=len(due),
        digest_runs=runs,
        digest_posts_by_channel=posts,
        digests_exactly_once=once,
        brave_steps_saved=sum(tally.brave_steps.values()),
        reminders_scheduled=sum(scheduled for scheduled, _ in afterwards.reminders.values()),
        reminders_sent_at_once=sum(sent for _, sent in afterwards.reminders.values()),
        people_with_reminders_not_matching=reminders_off,
        worker_rss_mb_start=memory[0],
        worker_rss_mb_end=memory[1],
        command_p99_ms_calm=p99_ms(calm, "command"),
        command_p99_ms_slack_trouble=p99_ms(tally.answers, "command", trouble.slack),
        command_p99_ms_database_trouble=p99_ms(tally.answers, "command", trouble.database),
        floor_command_p99_ms=floor_p99_ms,
        slack_trouble_s=trouble.slack,
        database_trouble_s=trouble.database,
    )
    findings.passed = at_least_500 == 0 and not mismatched and tally.unknown == 0 and once
    findings.passed = findings.passed and not tally.client_failures and not reminders_off
    return findings


def print_findings(findings: Findings) -> None:
    def mb(memory: dict[int, float]) -> str:
        return ", ".join(f"{value:.0f}" for _, value in sorted(memory.items())) or "none"

    print()
    print(f"responses: {findings.responses:,} by status {findings.by_status}")
    print(f"  >= 500: {findings.at_least_500}; by phase {findings.by_phase}")
    print(
        f"log-a-no: {findings.log_submissions_stored:,} acknowledged as stored, "
        f"{findings.log_submissions_refused:,} refused on the modal, {findings.log_submissions_unanswered} unanswered; "
        f"rows stored {findings.rows_stored:,}; people whose rows differ: {findings.people_with_rows_not_matching or 0}"
    )
    runs = [(run["workspace_id"], run["status"], run["attempts"]) for run in findings.digest_runs]
    print(f"digests: {findings.digests_due} due; runs (workspace, status, attempts) {runs}")
    print(f"  messages per channel {findings.digest_posts_by_channel}; exactly once: {findings.digests_exactly_once}")
    print(
        f"brave steps: {findings.brave_steps_saved:,} saved; reminders scheduled {findings.reminders_scheduled:,}, "
        f"sent at once {findings.reminders_sent_at_once:,}; people whose reminders differ: "
        f"{findings.people_with_reminders_not_matching or 0}"
    )
    print(f"worker RSS MB at start: {mb(findings.worker_rss_mb_start)}; at the end: {mb(findings.worker_rss_mb_end)}")
    calm, floor = findings.command_p99_ms_calm, findings.floor_command_p99_ms
    ratio = calm / floor
    print(
        f"/nope ack p99: calm {calm:.1f} ms (bare floor {floor:.1f} ms, "
        f"ratio {ratio:.2f}); Slack's bad minute {findings.command_p99_ms_slack_trouble:.1f} ms; "
        f"database outage {findings.command_p99_ms_database_trouble:.1f} ms"
    )
    print(f"trouble: Slack {findings.slack_trouble_s}, database {findings.database_trouble_s} (s since start)")
    print(f"\nevery check holds: {'yes' if findings.passed else 'NO'}")


# -- main ---------------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=300.0, help="how long the clients send [300]")
    parser.add_argument("--clients", type=int, default=64, help="concurrent clients [64]")
    parser.add_argument("--slack-at", type=float, default=60.0, help="when Slack starts misbehaving, in s [60]")
    parser.add_argument("--slack-seconds", type=float, default=60.0, help="how long Slack misbehaves [60]")
    parser.add_argument("--outage", type=float, default=15.0, help="seconds PostgreSQL is down, from half-way [15]")
    parser.add_argument("--floor-seconds", type=float, default=30.0, help="how long the bare floor is measured [30]")
    parser.add_argument("--patience", type=float, default=20 * 60, help="seconds to wait for digests [1200]")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the findings as JSON")
    return parser.parse_args()


def measure_floor(args: argparse.Namespace, env: dict[str, str], workdir: Path, stand_in: StandIn) -> float:
    """The bare Bolt app answering /nope from the same clients: the floor's p99, in ms."""
    server = GunicornServer("bare", APPS["bare"], SETTINGS, {**env, "SLACK_BOT_TOKEN": stand_in.bot_token}, workdir)
    try:
        server.wait_ready(None)
        tally = run_load(server.port, everyone(), args.clients, args.floor_seconds, stand_in, (("command", 1.0),))
        return p99_ms(tally.answers, "command")
    finally:
        server.stop()


def tail(path: Path, lines: int) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def start_scheduler(env: dict[str, str], workdir: Path) -> subprocess.Popen[bytes]:
    """`nope scheduler`, as the deployment runs it."""
    log = (workdir / "scheduler.log").open("wb")
    nope = Path(sys.executable).with_name("nope")
    return subprocess.Popen([str(nope), "scheduler"], cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def main() -> int:
    from storage.crypto import generate_key

    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="nope-chaos-"))
    people = everyone()
    postgres = ThrowawayPostgres(workdir / "postgres")
    stand_in: StandIn | None = None
    server: GunicornServer | None = None
    scheduler: subprocess.Popen[bytes] | None = None
    try:
        postgres.start()
        key = generate_key()
        due = install_workspaces(postgres.url, key, datetime.now(UTC))
        reflections = seed_reflections(postgres.url, people, REFLECTIONS_EACH)
        stand_in = StandIn(
            "T0CHAOS01",
            [Member(someone.user_id, someone.user_id.lower()) for someone in people],
            latency_seconds=0.02,
            channels=[Channel(channel_of(team_id), f"team-{team_id.lower()}") for team_id in due],
            tokens={bot_token(team_id): team_id for team_id in due},
        )
        env = {
            **{name: value for name, value in os.environ.items() if not name.startswith(("SLACK_", "NOPE_"))},
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_CLIENT_ID": CLIENT_ID,
            "SLACK_CLIENT_SECRET": CLIENT_SECRET,
            "SLACK_API_URL": stand_in.api_url,
            "NOPE_ENCRYPTION_KEY": key,
            "DATABASE_URL": postgres.url,
            "NOPE_SCHEDULER": "off",
        }
        floor_p99 = measure_floor(args, env, workdir, stand_in)
        print(f"bare floor: /nope p99 {floor_p99:.1f} ms at {args.clients} clients", flush=True)
        scheduler = start_scheduler(env, workdir)
        server = GunicornServer("nope", APPS["real"], SETTINGS, env, workdir)
        server.wait_ready("/healthz")
        memory_start = worker_memory_mb(server.process.pid)
        print(
            f"gunicorn 2x8 on {HOST}:{server.port} with `nope scheduler` and PostgreSQL on port {postgres.port}; "
            f"{args.clients} clients for {args.seconds:.0f} s",
            flush=True,
        )
        trouble = Trouble(stand_in, postgres, args.slack_at, args.slack_seconds, args.seconds / 2, args.outage)
        trouble.begin()
        tally = run_load(server.port, people, args.clients, args.seconds, stand_in, MIX, reflections)
        trouble.wait()
        memory_end = worker_memory_mb(server.process.pid)
        print("load done; waiting for the digests to settle", flush=True)
        runs = wait_for_digests(postgres.url, due, args.patience)
        stored = stored_rejections(postgres.url)
        stored.subtract({user_id: len(ids) for user_id, ids in reflections.items()})
        afterwards = Afterwards(runs, stand_in.posts(), +stored, stand_in.reminders())
        findings = judge(tally, trouble, args.seconds, (memory_start, memory_end), afterwards, due, floor_p99)
        if not findings.passed:
            print(f"--- gunicorn log tail ---\n{server.log_tail(60)}")
            print(f"--- scheduler log tail ---\n{tail(workdir / 'scheduler.log', 60)}")
    except StartError as error:
        print(f"chaos: {error}", file=sys.stderr)
        if server is not None:
            print(server.log_tail(), file=sys.stderr)
        return 2
    finally:
        if server is not None:
            server.stop()
        if scheduler is not None:
            scheduler.terminate()
            scheduler.wait(15)
        if stand_in is not None:
            stand_in.stop()
        postgres.destroy()
        shutil.rmtree(workdir, ignore_errors=True)

    print_findings(findings)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(asdict(findings), indent=2, default=str) + "\n")
    return 0 if findings.passed else 1


if __name__ == "__main__":
    sys.exit(main())
