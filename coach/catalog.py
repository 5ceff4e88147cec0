"""The fixed choices a person makes when logging a no, with their stable ids."""

from __future__ import annotations

KINDS: tuple[str, ...] = (
    "job_application",
    "sales_pitch",
    "idea_at_work",
    "collaboration_request",
    "outreach",
    "creative_work",
    "social",
    "other",
)
FORMS: tuple[str, ...] = ("explicit", "silence", "left_out")
FEELINGS: tuple[str, ...] = (
    "hurt",
    "disappointed",
    "embarrassed",
    "frustrated",
    "unsure",
    "numb",
    "okay",
)
INTENSITIES: tuple[int, ...] = (1, 2, 3, 4, 5)
STORY_MAX_CHARS = 2000

# Who most likely said no, per kind: the feedback step starts there and the person can change it.
LIKELY_WHO: dict[str, str] = {
    "job_application": "recruiter",
    "sales_pitch": "client",
    "idea_at_work": "manager",
    "collaboration_request": "peer",
    "outreach": "peer",
    "creative_work": "peer",
    "social": "friend",
    "other": "peer",
}


def default_who(kind: str) -> str:
    return LIKELY_WHO.get(kind, "peer")
