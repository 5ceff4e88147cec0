"""The coach in one call: traps with their counter-questions, new stories and feedback questions."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from coach.content import language_or_default
from coach.language import detect_language
from coach.library import feedback_questions, reframes
from coach.traps import counter_question, detect_traps


@dataclass(frozen=True)
class TrapResult:
    id: str
    evidence: str
    question: str


@dataclass
class CoachResult:
    lang: str
    traps: list[TrapResult]
    reframes: list[str]
    feedback_questions: list[str]

    def to_dict(self) -> dict[str, Any]:
        """`{"lang": ..., "traps": [{"id", "evidence", "question"}], "reframes": [...], "feedback_questions": [...]}`"""
        return asdict(self)


def coach_text(text: str, lang: str | None = None, kind: str = "other", who: str = "peer") -> CoachResult:
    """Coach one text; `lang` None means: detect it from the text."""
    lang = language_or_default(lang) if lang else detect_language(text)
    hits = detect_traps(text, lang)
    return CoachResult(
        lang=lang,
        traps=[TrapResult(hit.id, hit.evidence, counter_question(hit.id, lang)) for hit in hits],
        reframes=[phrase.text for phrase in reframes(kind, [hit.id for hit in hits], lang)],
        feedback_questions=[phrase.text for phrase in feedback_questions(kind, who, lang)],
    )
