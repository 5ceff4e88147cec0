"""Reading Block Kit as Slack reads it: a block's id, a select's options, and the elements whose state
Slack reports back to the app."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

# `view.state.values`: block id -> action id -> the element's state.
State = Mapping[str, Mapping[str, Mapping[str, Any]]]


class Placed(NamedTuple):
    """An interactive element and where it sits: its block's id, and whether that block is an input."""

    block_id: str
    element: Mapping[str, Any]
    in_input: bool


def block_id_of(block: Mapping[str, Any], index: int) -> str:
    """A block's id; Slack makes one up for blocks sent without it, and so does the stand-in."""
    return str(block.get("block_id") or f"sb-block-{index}")


def all_options(element: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A select's options, those in option groups included."""
    groups = element.get("option_groups") or []
    return list(element.get("options") or []) + [option for group in groups for option in group.get("options", [])]


def interactive_elements(view: Mapping[str, Any]) -> Iterator[Placed]:
    """Every element a person can use: inputs, the elements of actions blocks, section accessories."""
    for index, block in enumerate(view.get("blocks") or []):
        block_id = block_id_of(block, index)
        if block.get("type") == "input" and block.get("element"):
            yield Placed(block_id, block["element"], in_input=True)
        elif block.get("type") == "actions":
            for element in block.get("elements") or []:
                yield Placed(block_id, element, in_input=False)
        elif block.get("type") == "section" and block.get("accessory"):
            yield Placed(block_id, block["accessory"], in_input=False)
