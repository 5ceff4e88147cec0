"""What a Nope modal carries in `private_metadata`, so a submission needs no extra Slack call."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from coach.i18n import DEFAULT_LANGUAGE, LANGUAGES

PRIVATE_METADATA_MAX_CHARS = 3000


@dataclass(frozen=True)
class ModalMetadata:
    lang: str = DEFAULT_LANGUAGE
    timezone_name: str = "UTC"
    # The reflection a reflection step belongs to (checked against its owner on every use).
    reflection_id: int | None = None
    # Bumped whenever a view is rebuilt with a new prefilled text: Slack keeps what was typed
    # into an input for as long as its block_id stays the same.
    revision: int = 0
    # The coach phrases the current step shows, so a "use this" click can rebuild the same view.
    shown: tuple[str, ...] = field(default_factory=tuple)

    def encode(self) -> str:
        stored: dict[str, object] = {"lang": self.lang, "tz": self.timezone_name}
        if self.reflection_id is not None:
            stored["rid"] = self.reflection_id
        if self.revision:
            stored["rev"] = self.revision
        shown = list(self.shown)
        # Keep within Slack's limit by dropping the last phrases rather than failing the view.
        while shown and len(json.dumps({**stored, "shown": shown}, ensure_ascii=False)) > PRIVATE_METADATA_MAX_CHARS:
            shown.pop()
        if shown:
            stored["shown"] = shown
        return json.dumps(stored, ensure_ascii=False)

    def next_revision(self, shown: tuple[str, ...] | None = None) -> ModalMetadata:
        return replace(self, revision=self.revision + 1, shown=self.shown if shown is None else shown)

    @classmethod
    def decode(cls, private_metadata: str | None) -> ModalMetadata:
        """Read what `encode` wrote; anything unreadable falls back to English and UTC."""
        try:
            stored = json.loads(private_metadata or "")
        except ValueError:
            return cls()
        if not isinstance(stored, dict):
            return cls()
        lang, timezone_name = stored.get("lang"), stored.get("tz")
        reflection_id, revision, shown = stored.get("rid"), stored.get("rev"), stored.get("shown")
        return cls(
            lang=lang if lang in LANGUAGES else DEFAULT_LANGUAGE,
            timezone_name=timezone_name if isinstance(timezone_name, str) else "UTC",
            reflection_id=reflection_id if isinstance(reflection_id, int) else None,
            revision=revision if isinstance(revision, int) else 0,
            shown=tuple(text for text in shown if isinstance(text, str)) if isinstance(shown, list) else (),
        )
