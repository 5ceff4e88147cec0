"""The web pages of an install: the "Add to Slack" page, and what happened after Slack sent the person back."""

from __future__ import annotations

from html import escape

from coach.i18n import language_for_locale, translate

_STYLE = """
body{margin:0;font:16px/1.5 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d1c1d;
background:#f8f8f8;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:40px;max-width:480px}
h1{margin:0 0 12px;font-size:28px}p{margin:0 0 16px}ol{padding-left:20px}
a.button{display:inline-flex;align-items:center;gap:8px;background:#4a154b;color:#fff;border-radius:6px;
padding:12px 20px;font-weight:700;text-decoration:none}a.button:hover{background:#611f69}
code{background:#f3f3f3;border-radius:4px;padding:1px 4px}
""".strip()


def page_language(accept_language: str | None) -> str:
    """The browser's first choice (`nl-NL,nl;q=0.9,en;q=0.8` → nl)."""
    first = (accept_language or "").split(",")[0].split(";")[0].strip()
    return language_for_locale(first)


def _page(lang: str, title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


def install_page(lang: str, authorize_url: str) -> str:
    title = translate(lang, "install.title")
    body = (
        f"<h1>{escape(title)}</h1>"
        f"<p>{escape(translate(lang, 'install.pitch'))}</p>"
        f"<p>{escape(translate(lang, 'install.privacy'))}</p>"
        f'<p><a class="button" href="{escape(authorize_url, quote=True)}">'
        f"{escape(translate(lang, 'install.button'))}</a></p>"
    )
    return _page(lang, title, body)


def installed_page(lang: str, team_name: str | None, installer_is_manager: bool) -> str:
    title = translate(lang, "install.done_title")
    where = team_name or translate(lang, "install.your_workspace")
    steps = ["install.step_command", "install.step_settings" if installer_is_manager else "install.step_ask_admin"]
    items = "".join(f"<li>{escape(translate(lang, step))}</li>" for step in steps)
    body = f"<h1>{escape(title)}</h1><p>{escape(translate(lang, 'install.done', workspace=where))}</p><ol>{items}</ol>"
    return _page(lang, title, body)


def install_failed_page(lang: str, reason: str, install_path: str) -> str:
    """Why the install did not finish, and the way back to a fresh attempt."""
    known = {"invalid_state", "invalid_browser", "missing_code", "invalid_code", "access_denied", "storage_error"}
    explanation = translate(lang, f"install.failed.{reason if reason in known else 'other'}")
    title = translate(lang, "install.failed_title")
    body = (
        f"<h1>{escape(title)}</h1><p>{escape(explanation)}</p>"
        f'<p><a class="button" href="{escape(install_path, quote=True)}">'
        f"{escape(translate(lang, 'install.try_again'))}</a></p>"
    )
    return _page(lang, title, body)
