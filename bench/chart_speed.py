"""How fast the digest's chart is drawn: `python bench/chart_speed.py [--runs N]`.

Times `digest_chart_png` (drawing and PNG encoding) on random 8-week histories, in English and Dutch:
busy and quiet teams, some weeks hidden under the anonymity threshold, now and then all of them.
Prints p50, p99 and max in ms (wall clock), p50 and p99 of the CPU time alone (the same figure on a
busy machine), and the PNG's size. Target: p99 under 20 ms (wall clock) for one chart.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from dataclasses import replace
from datetime import date

from digest.chart import digest_chart_png
from digest.content import HISTORY_WEEKS, Digest, WeekActivity, build_digest
from digest.weeks import previous_weeks

THIS_WEEK = date(2026, 11, 23)
TARGET_P99_MS = 20.0


def digests(lang: str, count: int, seed: int = 7) -> list[Digest]:
    """`count` digests that differ only in their history, each drawn from a different team size."""
    chooser = random.Random(seed)
    base = build_digest(lang, THIS_WEEK, {}, WeekActivity(0, 0), None, 3)
    weeks = previous_weeks(THIS_WEEK, HISTORY_WEEKS)
    made = []
    for _ in range(count):
        busiest = chooser.choice((5, 40, 400))
        hidden_share = chooser.choice((0.0, 0.2, 1.0))
        counts = [None if chooser.random() < hidden_share else chooser.randint(0, busiest) for _ in weeks]
        made.append(replace(base, history=tuple(zip(weeks, counts, strict=True))))
    return made


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=1000, method="inclusive")[round(share * 1000) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1_000, help="charts per language (default 1000)")
    runs = parser.parse_args().runs
    worst = 0.0
    print(
        f"{'lang':<6}{'runs':>6}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'cpu p50':>9}{'cpu p99':>9}"
        f"{'PNG KB p50':>12}{'PNG KB max':>12}"
    )
    for lang in ("en", "nl"):
        samples = digests(lang, runs)
        for digest in samples[:20]:  # warm up: fonts loaded, stubs and palette built
            digest_chart_png(digest)
        spent, cpu, sizes = [], [], []
        for digest in samples:
            started, started_cpu = time.perf_counter_ns(), time.thread_time_ns()
            sizes.append(len(digest_chart_png(digest)) / 1024)
            cpu.append((time.thread_time_ns() - started_cpu) / 1e6)
            spent.append((time.perf_counter_ns() - started) / 1e6)
        p99 = percentile(spent, 0.99)
        worst = max(worst, p99)
        print(
            f"{lang:<6}{runs:>6}{percentile(spent, 0.50):>9.2f}{p99:>9.2f}{max(spent):>9.2f}"
            f"{percentile(cpu, 0.50):>9.2f}{percentile(cpu, 0.99):>9.2f}"
            f"{statistics.median(sizes):>12.1f}{max(sizes):>12.1f}"
        )
    verdict = "met" if worst < TARGET_P99_MS else "MISSED"
    print(f"target p99 < {TARGET_P99_MS:.0f} ms per chart: {verdict} (worst p99 {worst:.2f} ms)")
    return 0 if worst < TARGET_P99_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
