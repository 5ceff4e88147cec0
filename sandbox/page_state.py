"""What the page shows one person right now, as HTML fragments in one JSON-ready dict."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from sandbox.mrkdwn import MONTHS, Viewer
from sandbox.render import FILE_URL, escape_html, render_home, render_message_body, render_modal
from sandbox.surfaces import Message, SharedFile, Surfaces
from sandbox.texts import text as sandbox_text
from sandbox.workspace import PEOPLE, TEAM_CHANNEL, dm_channel, person


def viewer_for(user_id: str) -> Viewer:
    someone = person(user_id)
    return Viewer(
        lang=someone.lang,
        zone=ZoneInfo(someone.tz),
        people={member.user_id: member.name for member in PEOPLE},
        channels={TEAM_CHANNEL.channel_id: TEAM_CHANNEL.name},
    )


def _file_html(shared: SharedFile) -> str:
    """An image shows in place; any other file is a download, as in Slack."""
    url, title = escape_html(FILE_URL.format(file_id=shared.file_id)), escape_html(shared.title or shared.filename)
    if shared.is_image:
        picture = f'<img src="{url}" alt="{escape_html(shared.alt_text)}">'
        return f'<figure class="sb-file">{picture}<figcaption>{title}</figcaption></figure>'
    return f'<a class="sb-file-link" href="{url}" download="{escape_html(shared.filename)}">{title}</a>'


def _message_html(message: Message, viewer: Viewer) -> str:
    lang = viewer.lang
    if message.author is None:
        name = "Nope"
        badge = f'<span class="sb-badge">{escape_html(sandbox_text(lang, "app_badge"))}</span>'
    else:
        name, badge = viewer.people.get(message.author, message.author), ""
    in_thread = "".join(_file_html(shared) for shared in message.files if shared.in_thread)
    thread = (
        f'<div class="sb-thread"><div class="sb-thread-label">{escape_html(sandbox_text(lang, "thread_reply"))}</div>'
        f"{in_thread}</div>"
        if in_thread
        else ""
    )
    attached = "".join(_file_html(shared) for shared in message.files if not shared.in_thread)
    ephemeral = message.visible_to is not None
    note = f'<div class="sb-ephemeral-note">{escape_html(sandbox_text(lang, "only_you"))}</div>' if ephemeral else ""
    css = "sb-message sb-ephemeral" if ephemeral else "sb-message"
    return (
        f'<article class="{css}" data-message-id="{escape_html(message.message_id)}">'
        f'<div class="sb-avatar{" sb-avatar-app" if message.author is None else ""}">{escape_html(name[:1])}</div>'
        f'<div class="sb-message-main"><div class="sb-message-meta"><strong>{escape_html(name)}</strong>{badge}'
        f"<time>{message.at.astimezone(viewer.zone).strftime('%H:%M')}</time></div>"
        f'<div class="sb-message-body">{render_message_body(message.blocks, message.text, viewer)}</div>'
        f"{attached}{thread}{note}</div></article>"
    )


def _conversation_html(surfaces: Surfaces, conversation: str, user_id: str, viewer: Viewer) -> str:
    messages = surfaces.messages(conversation, user_id)
    if not messages:
        return f'<p class="sb-empty">{escape_html(sandbox_text(viewer.lang, "empty_conversation"))}</p>'
    return "".join(_message_html(message, viewer) for message in messages)


def clock_label(surfaces: Surfaces, viewer: Viewer) -> str:
    moment = surfaces.clock.now().astimezone(viewer.zone)
    month = MONTHS.get(viewer.lang, MONTHS["en"])[moment.month - 1]
    return sandbox_text(viewer.lang, "clock", date=f"{moment.day} {month} {moment.year}, {moment:%H:%M}")


def page_state(surfaces: Surfaces, user_id: str) -> dict[str, Any]:
    viewer = viewer_for(user_id)
    with surfaces.lock:
        surfaces.sync()
        home = surfaces.home(user_id)
        open_view = surfaces.top_view(user_id)
        return {
            "version": surfaces.version,
            "clock": clock_label(surfaces, viewer),
            "conversations": {
                conversation: _conversation_html(surfaces, conversation, user_id, viewer)
                for conversation in (TEAM_CHANNEL.channel_id, dm_channel(user_id))
            },
            "home": (
                render_home(home, viewer)
                if home
                else f'<p class="sb-empty">{escape_html(sandbox_text(viewer.lang, "empty_home"))}</p>'
            ),
            "modal": (
                {
                    "view_id": open_view.view_id,
                    "key": open_view.hash,
                    "html": render_modal(open_view.view, viewer, open_view.state),
                }
                if open_view
                else None
            ),
        }
