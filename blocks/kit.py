"""The few Block Kit shapes Nope uses, as small dict factories."""

from __future__ import annotations

from typing import Any

Block = dict[str, Any]


def plain_text(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


def header(text: str) -> Block:
    return {"type": "header", "text": plain_text(text)}


def section(text: str, *, block_id: str | None = None, accessory: Block | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(text)}
    if block_id:
        block["block_id"] = block_id
    if accessory:
        block["accessory"] = accessory
    return block


def fields_section(fields: list[str]) -> Block:
    return {"type": "section", "fields": [mrkdwn(field) for field in fields]}


def context(text: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(text)]}


def divider() -> Block:
    return {"type": "divider"}


def button(text: str, action_id: str, *, value: str | None = None, primary: bool = False) -> Block:
    element: Block = {"type": "button", "text": plain_text(text), "action_id": action_id}
    if value is not None:
        element["value"] = value
    if primary:
        element["style"] = "primary"
    return element


def actions(*elements: Block, block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(elements)}
    if block_id:
        block["block_id"] = block_id
    return block


def option(text: str, value: str) -> dict[str, Any]:
    return {"text": plain_text(text), "value": value}


def static_select(
    action_id: str, placeholder: str, options: list[dict[str, Any]], initial: dict[str, Any] | None = None
) -> Block:
    element: Block = {
        "type": "static_select",
        "action_id": action_id,
        "placeholder": plain_text(placeholder),
        "options": options,
    }
    if initial is not None:
        element["initial_option"] = initial
    return element


def input_block(block_id: str, label: str, element: Block, *, optional: bool = False, hint: str | None = None) -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": plain_text(label),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = plain_text(hint)
    return block


def modal(
    *,
    title: str,
    blocks: list[Block],
    callback_id: str,
    close: str,
    submit: str | None = None,
    private_metadata: str = "",
) -> Block:
    view: Block = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain_text(title),
        "close": plain_text(close),
        "blocks": blocks,
        "private_metadata": private_metadata,
    }
    if submit:
        view["submit"] = plain_text(submit)
    return view


def readable_text(blocks: list[Block]) -> str:
    """The words of some blocks, one paragraph each, for a terminal or a log."""
    paragraphs: list[str] = []
    for block in blocks:
        texts = [block["text"]] if "text" in block else []
        texts += block.get("fields", []) + block.get("elements", [])
        paragraphs += [item["text"] for item in texts if isinstance(item.get("text"), str)]
        paragraphs += [item["text"]["text"] for item in texts if isinstance(item.get("text"), dict)]
    return "\n".join(paragraphs)
