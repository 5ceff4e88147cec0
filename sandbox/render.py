"""Block Kit as HTML that looks like Slack: modals, the App Home and messages.

Every text is escaped (mrkdwn through `sandbox.mrkdwn`). Interactive elements carry `data-` attributes
(block id, action id, type) that the page reads to send Slack's payloads. A block or element this
module does not know is shown as an explicit marker (`UNKNOWN_CLASS`), never silently dropped: the
tests render everything Nope builds and assert the marker never appears.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from sandbox.mrkdwn import Viewer, mrkdwn_to_html, plain_text_to_html
from sandbox.texts import text as sandbox_text
from slack_standin.block_kit import State, all_options, block_id_of

UNKNOWN_CLASS = "sb-unknown"
FILE_URL = "/sandbox/files/{file_id}"
Element = dict[str, Any]


def escape_html(value: object) -> str:
    return html.escape(str(value), quote=True)


def unknown(kind: str, viewer: Viewer) -> str:
    return f'<div class="{UNKNOWN_CLASS}">{escape_html(sandbox_text(viewer.lang, "unknown_element", kind=kind))}</div>'


def text_object(obj: object, viewer: Viewer) -> str:
    if not isinstance(obj, dict):
        return ""
    if obj.get("type") == "mrkdwn":
        return mrkdwn_to_html(str(obj.get("text", "")), viewer)
    if obj.get("type") == "plain_text":
        return plain_text_to_html(str(obj.get("text", "")), emoji=obj.get("emoji") is not False)
    return unknown(f"text:{obj.get('type')}", viewer)


def _plain(obj: object) -> str:
    """The words of a plain_text object, for attributes and options."""
    return str(obj.get("text", "")) if isinstance(obj, dict) else ""


def _image_source(element: Element) -> str | None:
    url = element.get("image_url") or (element.get("slack_file") or {}).get("url")
    if isinstance(url, str) and urlsplit(url).scheme in {"http", "https"}:
        return url
    file_id = (element.get("slack_file") or {}).get("id")
    return FILE_URL.format(file_id=file_id) if isinstance(file_id, str) else None


def _image(element: Element, css_class: str) -> str:
    source, alt = _image_source(element), escape_html(element.get("alt_text", ""))
    if source is None:
        return f'<span class="{css_class}">{alt}</span>'
    return f'<img class="{css_class}" src="{escape_html(source)}" alt="{alt}" loading="lazy">'


# -- elements ---------------------------------------------------------------------------------


class ElementContext:
    """Where an element sits: its block's id, and what the person already entered there (state)."""

    def __init__(self, block_id: str, viewer: Viewer, state: State) -> None:
        self.block_id = block_id
        self.viewer = viewer
        self.state = state

    def current(self, element: Element) -> Mapping[str, Any] | None:
        return self.state.get(self.block_id, {}).get(str(element.get("action_id", "")))

    def attributes(self, element: Element, extra: str = "") -> str:
        return (
            f'data-sb-element data-type="{escape_html(element.get("type", ""))}" '
            f'data-action-id="{escape_html(element.get("action_id", ""))}" data-block-id="{escape_html(self.block_id)}"'
            + (f" {extra}" if extra else "")
        )


def _button(element: Element, where: ElementContext) -> str:
    style = element.get("style")
    css = "sb-button" + (f" sb-{style}" if style in {"primary", "danger"} else "")
    url = element.get("url")
    extra = f'data-value="{escape_html(element["value"])}"' if "value" in element else ""
    if isinstance(url, str) and urlsplit(url).scheme in {"http", "https"}:
        extra += f' data-url="{escape_html(url)}"'
    label = text_object(element.get("text"), where.viewer)
    return f'<button type="button" class="{css}" {where.attributes(element, extra)}>{label}</button>'


def _option_tag(value: str, label: str, selected: bool) -> str:
    chosen = " selected" if selected else ""
    return f'<option value="{escape_html(value)}"{chosen}>{escape_html(label)}</option>'


def _select(element: Element, where: ElementContext, choices: list[tuple[str, str]], chosen: set[str]) -> str:
    multiple = element.get("type", "").startswith("multi_")
    placeholder = _plain(element.get("placeholder")) or sandbox_text(where.viewer.lang, "choose")
    # A list box shows its placeholder as a first line that cannot be picked.
    first = f'<option value="" disabled>{escape_html(placeholder)}</option>' if multiple else ""
    tags = [first or _option_tag("", placeholder, not chosen)]
    tags += [_option_tag(value, label, value in chosen) for value, label in choices]
    multiple_attribute = f' multiple size="{min(len(choices) + 1, 6)}"' if multiple else ""
    return f'<select class="sb-select" {where.attributes(element)}{multiple_attribute}>{"".join(tags)}</select>'


def _chosen_options(element: Element, current: Mapping[str, Any] | None) -> set[str]:
    if current is not None:
        picked = current.get("selected_options") or [current.get("selected_option")]
    else:
        picked = element.get("initial_options") or [element.get("initial_option")]
    return {str(option["value"]) for option in picked if isinstance(option, dict) and "value" in option}


def _static_select(element: Element, where: ElementContext) -> str:
    choices = [(str(option.get("value", "")), _plain(option.get("text"))) for option in all_options(element)]
    return _select(element, where, choices, _chosen_options(element, where.current(element)))


def _directory_select(
    element: Element, where: ElementContext, directory: Mapping[str, str], state_key: str, initial_key: str
) -> str:
    """A user or conversation picker: Slack fills its options from the workspace."""
    current = where.current(element)
    picked = current.get(state_key) if current is not None else element.get(initial_key)
    chosen = set(picked) if isinstance(picked, list) else ({picked} if isinstance(picked, str) else set())
    return _select(element, where, list(directory.items()), chosen)


def _people_select(element: Element, where: ElementContext) -> str:
    multi = element["type"].startswith("multi_")
    state_key, initial_key = ("selected_users", "initial_users") if multi else ("selected_user", "initial_user")
    return _directory_select(element, where, where.viewer.people, state_key, initial_key)


def _conversation_select(element: Element, where: ElementContext) -> str:
    multi = element["type"].startswith("multi_")
    noun = "channel" if "channels" in element["type"] else "conversation"
    state_key = f"selected_{noun}s" if multi else f"selected_{noun}"
    initial_key = f"initial_{noun}s" if multi else f"initial_{noun}"
    channels = {channel_id: f"# {name}" for channel_id, name in where.viewer.channels.items()}
    return _directory_select(element, where, channels, state_key, initial_key)


def _choice_list(element: Element, where: ElementContext, input_type: str) -> str:
    chosen = _chosen_options(element, where.current(element))
    name = escape_html(f"{where.block_id}.{element.get('action_id', '')}")
    items = []
    for option in element.get("options") or []:
        value = str(option.get("value", ""))
        checked = " checked" if value in chosen else ""
        description = option.get("description")
        described = (
            f'<span class="sb-description">{text_object(description, where.viewer)}</span>' if description else ""
        )
        items.append(
            f'<label class="sb-choice"><input type="{input_type}" name="{name}" value="{escape_html(value)}"{checked}>'
            f"<span>{text_object(option.get('text'), where.viewer)}{described}</span></label>"
        )
    return f'<div class="sb-choices" {where.attributes(element)}>{"".join(items)}</div>'


def _radio_buttons(element: Element, where: ElementContext) -> str:
    return _choice_list(element, where, "radio")


def _checkboxes(element: Element, where: ElementContext) -> str:
    return _choice_list(element, where, "checkbox")


def _typed(element: Element, where: ElementContext, state_key: str, initial_key: str) -> str:
    current = where.current(element)
    value = current.get(state_key) if current is not None else element.get(initial_key)
    return "" if value is None else str(value)


def _datepicker(element: Element, where: ElementContext) -> str:
    value = escape_html(_typed(element, where, "selected_date", "initial_date"))
    return f'<input class="sb-field" type="date" value="{value}" {where.attributes(element)}>'


def _timepicker(element: Element, where: ElementContext) -> str:
    value = escape_html(_typed(element, where, "selected_time", "initial_time"))
    return f'<input class="sb-field" type="time" value="{value}" {where.attributes(element)}>'


def _text_input(element: Element, where: ElementContext) -> str:
    value = _typed(element, where, "value", "initial_value")
    placeholder = escape_html(_plain(element.get("placeholder")))
    limit = f' maxlength="{int(element["max_length"])}"' if "max_length" in element else ""
    common = f'class="sb-field" placeholder="{placeholder}"{limit} {where.attributes(element)}'
    if element.get("multiline"):
        return f'<textarea rows="4" {common}>{escape_html(value)}</textarea>'
    return f'<input type="text" value="{escape_html(value)}" {common}>'


def _number_input(element: Element, where: ElementContext) -> str:
    value = escape_html(_typed(element, where, "value", "initial_value"))
    step = "any" if element.get("is_decimal_allowed") else "1"
    bounds = "".join(
        f' {attribute}="{escape_html(element[key])}"'
        for attribute, key in (("min", "min_value"), ("max", "max_value"))
        if key in element
    )
    return f'<input class="sb-field" type="number" step="{step}" value="{value}"{bounds} {where.attributes(element)}>'


def _image_element(element: Element, _where: ElementContext) -> str:
    return _image(element, "sb-thumb")


ELEMENTS: dict[str, Callable[[Element, ElementContext], str]] = {
    "button": _button,
    "static_select": _static_select,
    "multi_static_select": _static_select,
    "users_select": _people_select,
    "multi_users_select": _people_select,
    "conversations_select": _conversation_select,
    "multi_conversations_select": _conversation_select,
    "channels_select": _conversation_select,
    "multi_channels_select": _conversation_select,
    "radio_buttons": _radio_buttons,
    "checkboxes": _checkboxes,
    "datepicker": _datepicker,
    "timepicker": _timepicker,
    "plain_text_input": _text_input,
    "number_input": _number_input,
    "image": _image_element,
}


def element_html(element: Element, where: ElementContext) -> str:
    render = ELEMENTS.get(str(element.get("type")))
    return render(element, where) if render else unknown(f"element:{element.get('type')}", where.viewer)


# -- blocks -----------------------------------------------------------------------------------


def _header(block: Element, where: ElementContext) -> str:
    return f'<h3 class="sb-header">{text_object(block.get("text"), where.viewer)}</h3>'


def _section(block: Element, where: ElementContext) -> str:
    body = f'<div class="sb-text">{text_object(block["text"], where.viewer)}</div>' if "text" in block else ""
    if block.get("fields"):
        fields = "".join(f'<div class="sb-field-text">{text_object(f, where.viewer)}</div>' for f in block["fields"])
        body += f'<div class="sb-fields">{fields}</div>'
    accessory = block.get("accessory")
    side = f'<div class="sb-accessory">{element_html(accessory, where)}</div>' if accessory else ""
    return f'<div class="sb-section"><div class="sb-section-body">{body}</div>{side}</div>'


def _divider(_block: Element, _where: ElementContext) -> str:
    return '<hr class="sb-divider">'


def _context(block: Element, where: ElementContext) -> str:
    parts = [
        _image(element, "sb-context-image") if element.get("type") == "image" else text_object(element, where.viewer)
        for element in block.get("elements", [])
    ]
    return f'<div class="sb-context">{"".join(f"<span>{part}</span>" for part in parts)}</div>'


def _image_block(block: Element, where: ElementContext) -> str:
    title = f"<figcaption>{text_object(block['title'], where.viewer)}</figcaption>" if block.get("title") else ""
    return f'<figure class="sb-image">{title}{_image(block, "sb-picture")}</figure>'


def _actions(block: Element, where: ElementContext) -> str:
    return f'<div class="sb-actions">{"".join(element_html(e, where) for e in block.get("elements", []))}</div>'


def _input(block: Element, where: ElementContext) -> str:
    lang = where.viewer.lang
    optional_words = escape_html(sandbox_text(lang, "optional"))
    optional = f' <span class="sb-optional">{optional_words}</span>' if block.get("optional") else ""
    hint = f'<div class="sb-hint">{text_object(block["hint"], where.viewer)}</div>' if block.get("hint") else ""
    block_id = escape_html(where.block_id)
    return (
        f'<div class="sb-input"{" data-dispatch" if block.get("dispatch_action") else ""}>'
        f'<label class="sb-label">{text_object(block.get("label"), where.viewer)}{optional}</label>'
        f"{element_html(block.get('element') or {}, where)}{hint}"
        f'<div class="sb-error" data-error-for="{block_id}"></div></div>'
    )


BLOCKS: dict[str, Callable[[Element, ElementContext], str]] = {
    "header": _header,
    "section": _section,
    "divider": _divider,
    "context": _context,
    "image": _image_block,
    "actions": _actions,
    "input": _input,
}


def render_blocks(blocks: list[Element], viewer: Viewer, state: State | None = None) -> str:
    rendered = []
    for index, block in enumerate(blocks):
        render = BLOCKS.get(str(block.get("type")))
        where = ElementContext(block_id_of(block, index), viewer, state or {})
        inner = render(block, where) if render else unknown(f"block:{block.get('type')}", viewer)
        rendered.append(f'<div class="sb-block" data-block-id="{escape_html(where.block_id)}">{inner}</div>')
    return "".join(rendered)


# -- surfaces ---------------------------------------------------------------------------------


def render_modal(view: Element, viewer: Viewer, state: State | None = None) -> str:
    """A modal as Slack draws it: title and close cross, the blocks, then Cancel and Submit."""
    close = _plain(view.get("close")) or sandbox_text(viewer.lang, "cancel")
    submit = view.get("submit")
    submit_button = (
        f'<button type="button" class="sb-button sb-primary" data-sb="submit">{escape_html(_plain(submit))}</button>'
        if submit
        else ""
    )
    return (
        '<div class="sb-modal" role="dialog" aria-modal="true">'
        f'<header class="sb-modal-header"><h2>{escape_html(_plain(view.get("title")))}</h2>'
        f'<button type="button" class="sb-modal-x" data-sb="close" aria-label="{escape_html(close)}">×</button>'
        "</header>"
        f'<div class="sb-modal-body">{render_blocks(view.get("blocks") or [], viewer, state)}</div>'
        f'<footer class="sb-modal-footer"><button type="button" class="sb-button" data-sb="close">{escape_html(close)}'
        f"</button>{submit_button}</footer></div>"
    )


def render_home(view: Element, viewer: Viewer) -> str:
    return f'<div class="sb-home-view">{render_blocks(view.get("blocks") or [], viewer)}</div>'


def render_message_body(blocks: list[Element] | None, fallback: str, viewer: Viewer) -> str:
    """A message's blocks, or its text (as mrkdwn) when it has none, as Slack shows it."""
    if blocks:
        return render_blocks(blocks, viewer)
    return f'<div class="sb-text">{mrkdwn_to_html(fallback, viewer)}</div>'
