"""How fast the coach reads a 1,000-character story: `python bench/coach_speed.py [--runs N]`.

Times `coach_text` and `detect_traps` alone, in English and Dutch, on texts stitched together from the
labelled sentences in tests/data (each run a different text, so no run is cheaper than a real one).
Target: p99 under 2 ms for a 1,000-character text.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from coach.coaching import coach_text
from coach.traps import detect_traps

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
TEXT_CHARS = 1_000
TARGET_P99_MS = 2.0


def stories(lang: str, count: int, seed: int = 7) -> list[str]:
    """`count` texts of exactly TEXT_CHARS characters, each a different mix of sentences."""
    lines = (DATA_DIR / f"traps_{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    sentences = [json.loads(line)["text"] for line in lines if line]
    chooser = random.Random(seed)
    texts = []
    for _ in range(count):
        text = ""
        while len(text) < TEXT_CHARS:
            text += chooser.choice(sentences) + " "
        texts.append(text[:TEXT_CHARS])
    return texts


def timings_ms(call: Callable[[str], object], texts: list[str]) -> list[float]:
    for text in texts[:50]:  # warm up: compiled patterns, loaded content
        call(text)
    spent = []
    for text in texts:
        started = time.perf_counter_ns()
        call(text)
        spent.append((time.perf_counter_ns() - started) / 1e6)
    return spent


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=1000, method="inclusive")[round(share * 1000) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2_000, help="texts per language and function (default 2000)")
    runs = parser.parse_args().runs
    worst = 0.0
    print(f"{'function':<14}{'lang':<6}{'runs':>6}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for lang in ("en", "nl"):
        texts = stories(lang, runs)
        for name, call in (
            ("detect_traps", lambda text, lang=lang: detect_traps(text, lang)),
            ("coach_text", lambda text, lang=lang: coach_text(text, lang, "job_application", "recruiter")),
        ):
            spent = timings_ms(call, texts)
            p99 = percentile(spent, 0.99)
            worst = max(worst, p99)
            print(f"{name:<14}{lang:<6}{runs:>6}{percentile(spent, 0.50):>9.3f}{p99:>9.3f}{max(spent):>9.3f}")
    verdict = "met" if worst < TARGET_P99_MS else "MISSED"
    print(f"target p99 < {TARGET_P99_MS} ms on {TEXT_CHARS}-character texts: {verdict} (worst p99 {worst:.3f} ms)")
    return 0 if worst < TARGET_P99_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
