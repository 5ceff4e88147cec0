"""What an operator counts (Prometheus): acknowledgements by surface and how long they took, Slack's
refusals by method and error, digests by outcome, database failures.

A module of its own below every layer: the use cases count digests and database failures through it,
and prometheus_client is neither a platform SDK nor a web framework. Under gunicorn each worker counts
for itself; with PROMETHEUS_MULTIPROC_DIR set, every worker writes its numbers to files in that
directory and each worker's /metrics adds them all up (prometheus_client's multiprocess mode).
"""

from __future__ import annotations

import os

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client import multiprocess as multiprocess_mode

MULTIPROCESS_DIRECTORY = "PROMETHEUS_MULTIPROC_DIR"

ACKS = Counter("nope_acks", "Slack requests acknowledged, by surface", ["surface"])
# Slack waits 3 s for an acknowledgement: the buckets are finer where it matters.
ACK_SECONDS = Histogram(
    "nope_ack_seconds",
    "Time from a Slack request's arrival to its acknowledgement, by surface",
    ["surface"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0),
)
SLACK_API_ERRORS = Counter(
    "nope_slack_api_errors", "Failed Slack Web API attempts, by method and Slack's error", ["method", "error"]
)
DIGESTS = Counter("nope_digests", "Weekly digests, by outcome: posted, failed, skipped", ["outcome"])
DATABASE_ERRORS = Counter("nope_database_errors", "Database failures met while serving or working", ["error"])


def count_digest(outcome: str) -> None:
    DIGESTS.labels(outcome=outcome).inc()


def count_database_error(error: BaseException) -> None:
    # The class name only: a statement's parameters may hold a person's words.
    DATABASE_ERRORS.labels(error=error.__class__.__name__).inc()


def exposition() -> tuple[bytes, str]:
    """The metrics in Prometheus's text format, and its content type: all workers' when multiprocess."""
    if os.environ.get(MULTIPROCESS_DIRECTORY):
        registry = CollectorRegistry()
        multiprocess_mode.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
