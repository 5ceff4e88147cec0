"""Scoring the trap detector against the labelled sentences in tests/data, and the table it prints.

`REPORT` collects one table per scored file; the terminal-summary hook in conftest.py prints it at
the end of every pytest run, so the quality figures are visible without extra flags.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from coach.traps import CORE_TRAPS, TRAP_IDS, detect_traps

DATA_DIR = Path(__file__).with_name("data")
REPORT: list[str] = []


@dataclass(frozen=True)
class Case:
    text: str
    traps: frozenset[str]


def load_cases(name: str) -> list[Case]:
    lines = (DATA_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [Case(row["text"], frozenset(row["traps"])) for row in map(json.loads, lines) if row]


@dataclass
class Quality:
    true_positives: Counter[str] = field(default_factory=Counter)
    false_positives: Counter[str] = field(default_factory=Counter)
    false_negatives: Counter[str] = field(default_factory=Counter)
    trap_free: int = 0
    false_alarms: int = 0

    def precision(self, trap: str) -> float:
        found = self.true_positives[trap] + self.false_positives[trap]
        return self.true_positives[trap] / found if found else 0.0

    def recall(self, trap: str) -> float:
        labelled = self.true_positives[trap] + self.false_negatives[trap]
        return self.true_positives[trap] / labelled if labelled else 0.0

    def f1(self, trap: str) -> float:
        precision, recall = self.precision(trap), self.recall(trap)
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def macro_f1(self) -> float:
        return sum(self.f1(trap) for trap in CORE_TRAPS) / len(CORE_TRAPS)

    def false_alarm_rate(self) -> float:
        """Share of trap-free sentences in which any trap was reported."""
        return self.false_alarms / self.trap_free if self.trap_free else 0.0


def score(cases: list[Case], lang: str) -> Quality:
    quality = Quality()
    for case in cases:
        found = {hit.id for hit in detect_traps(case.text, lang)}
        quality.true_positives.update(found & case.traps)
        quality.false_positives.update(found - case.traps)
        quality.false_negatives.update(case.traps - found)
        if not case.traps:
            quality.trap_free += 1
            quality.false_alarms += bool(found)
    return quality


def table(name: str, quality: Quality) -> list[str]:
    lines = [f"{name}: macro-F1 (core four) {quality.macro_f1():.3f}, false alarms {quality.false_alarm_rate():.1%}"]
    lines.append(f"  {'trap':<23}{'precision':>10}{'recall':>8}{'F1':>7}{'labelled':>10}{'found':>7}")
    for trap in TRAP_IDS:
        labelled = quality.true_positives[trap] + quality.false_negatives[trap]
        found = quality.true_positives[trap] + quality.false_positives[trap]
        core = "*" if trap in CORE_TRAPS else " "
        lines.append(
            f" {core}{trap:<23}{quality.precision(trap):>10.2f}{quality.recall(trap):>8.2f}{quality.f1(trap):>7.2f}"
            f"{labelled:>10}{found:>7}"
        )
    return lines
