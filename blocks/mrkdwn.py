"""Making text safe and useful inside Slack's mrkdwn."""

from __future__ import annotations

from datetime import datetime


def escape(text: str) -> str:
    """Escape the three characters Slack treats as control, so `<!channel>` or `<@U1>` ping nobody."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def local_date(moment: datetime) -> str:
    """A date Slack renders in the reader's own timezone and locale, with a plain fallback."""
    return f"<!date^{int(moment.timestamp())}^{{date_short}}|{moment.date().isoformat()}>"
