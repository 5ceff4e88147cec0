"""Who a person is to Nope: their language and timezone, from Slack's `users.info`, cached briefly."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk import WebClient

from coach.i18n import DEFAULT_LANGUAGE, language_for_locale
from handlers.web_client import SLACK_FAILURES

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Person:
    lang: str
    timezone_name: str
    # A workspace admin or owner, as Slack said when last asked (cached: fine for showing, not for allowing).
    is_admin: bool = False

    @property
    def zone(self) -> tzinfo:
        return zone_for(self.timezone_name)


UNKNOWN_PERSON = Person(lang=DEFAULT_LANGUAGE, timezone_name="UTC")


def zone_for(timezone_name: str | None) -> tzinfo:
    try:
        return ZoneInfo(timezone_name) if timezone_name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


class PeopleDirectory:
    """A small in-process cache: a locale rarely changes, and `/nope` must open its modal fast."""

    def __init__(self, ttl_seconds: float = 3600, max_entries: int = 10_000) -> None:
        self._ttl_seconds = ttl_seconds
        self._max_entries = max_entries
        self._entries: OrderedDict[tuple[str, str], tuple[float, Person]] = OrderedDict()
        self._lock = threading.Lock()

    def lookup(self, client: WebClient, workspace_id: str, user_id: str) -> Person:
        key = (workspace_id, user_id)
        now = time.monotonic()
        with self._lock:
            cached = self._entries.get(key)
            if cached and cached[0] > now:
                return cached[1]
        person = self._fetch(client, user_id)
        if person is UNKNOWN_PERSON:
            # Not cached: a passing Slack hiccup must not pin someone to English for an hour.
            return person
        with self._lock:
            self._entries[key] = (now + self._ttl_seconds, person)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
        return person

    @staticmethod
    def _fetch(client: WebClient, user_id: str) -> Person:
        try:
            user = client.users_info(user=user_id, include_locale=True).get("user") or {}
        except SLACK_FAILURES as error:
            # English and UTC are fine defaults; failing to open the modal would not be.
            logger.warning("users.info failed for %s: %s", user_id, error)
            return UNKNOWN_PERSON
        return Person(
            lang=language_for_locale(user.get("locale")),
            timezone_name=user.get("tz") or "UTC",
            is_admin=is_workspace_admin(user),
        )


def is_workspace_admin(user: dict[str, Any]) -> bool:
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
