"""The sandbox's own words (its Slack-like frame and controls), in English and Dutch.

Nope's own texts come from Nope; these are the words Slack itself would show around them, in the
language of the person the page is showing.
"""

from __future__ import annotations

from coach.i18n import DEFAULT_LANGUAGE

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "page_title": "Nope sandbox",
        "you_are": "You are",
        "admin": "workspace admin",
        "channels": "Channels",
        "apps": "Apps",
        "home_tab": "Home",
        "messages_tab": "Messages",
        "message_to": "Message {place}",
        "send": "Send",
        "composer_hint": "Type /nope to log a no; /nope help lists the rest",
        "controls": "Sandbox",
        "clock": "Sandbox clock: {date}",
        "next_week": "Next week",
        "post_digest": "Post this week's digest now",
        "reset": "Reset sandbox",
        "reset_confirm": "Wipe every no, reflection and message in the sandbox?",
        "digest_posted": "This week's digest is posted in #{channel}.",
        "digest_already": "This week's digest was already posted in #{channel}: the next one can go out next week.",
        "digest_failed": "The digest could not be posted: {error}",
        "moved_on": "The sandbox clock moved on a week.",
        "reset_done": "The sandbox is empty again.",
        "only_you": "Only visible to you",
        "optional": "(optional)",
        "cancel": "Cancel",
        "choose": "Choose an option",
        "app_badge": "APP",
        "thread_reply": "in the thread",
        "command_failed": '{command} failed with the error "{error}"',
        "view_refused": "Slack could not show what Nope sent back ({error}).",
        "unknown_element": "The sandbox cannot show a {kind} element.",
        "empty_conversation": "No messages yet.",
        "empty_home": "Nope has not published a Home tab for you yet.",
    },
    "nl": {
        "page_title": "Nope-sandbox",
        "you_are": "Je bent",
        "admin": "workspacebeheerder",
        "channels": "Kanalen",
        "apps": "Apps",
        "home_tab": "Home",
        "messages_tab": "Berichten",
        "message_to": "Bericht aan {place}",
        "send": "Verstuur",
        "composer_hint": "Typ /nope om een nee vast te leggen; /nope help toont de rest",
        "controls": "Sandbox",
        "clock": "Sandboxklok: {date}",
        "next_week": "Volgende week",
        "post_digest": "Plaats de samenvatting van deze week nu",
        "reset": "Sandbox leegmaken",
        "reset_confirm": "Alle nee's, reflecties en berichten in de sandbox wissen?",
        "digest_posted": "De samenvatting van deze week staat in #{channel}.",
        "digest_already": "De samenvatting van deze week staat al in #{channel}: de volgende kan volgende week.",
        "digest_failed": "De samenvatting kon niet geplaatst worden: {error}",
        "moved_on": "De sandboxklok is een week verder gezet.",
        "reset_done": "De sandbox is weer leeg.",
        "only_you": "Alleen zichtbaar voor jou",
        "optional": "(optioneel)",
        "cancel": "Annuleren",
        "choose": "Kies een optie",
        "app_badge": "APP",
        "thread_reply": "in de draad",
        "command_failed": '{command} is mislukt met de fout "{error}"',
        "view_refused": "Slack kon niet tonen wat Nope terugstuurde ({error}).",
        "unknown_element": "De sandbox kan een {kind}-element niet tonen.",
        "empty_conversation": "Nog geen berichten.",
        "empty_home": "Nope heeft nog geen Home-tab voor je gepubliceerd.",
    },
}


def text(lang: str, key: str, /, **values: object) -> str:
    words = TEXTS.get(lang, TEXTS[DEFAULT_LANGUAGE])[key]
    return words.format(**values) if values else words
