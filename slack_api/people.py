"""Who a person is to Nope: their language and timezone, from Slack's `users.info`, cached briefly."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient

from coach.i18n import DEFAULT_LANGUAGE, language_for_locale
from slack_api.client import SLACK_FAILURES
from use_cases.person import SLACK, Person

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Profile:
    lang: str
    timezone_name: str
    is_admin: bool = False


UNKNOWN_PROFILE = Profile(lang=DEFAULT_LANGUAGE, timezone_name="UTC")


def is_workspace_admin(user: dict[str, Any]) -> bool:
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))


class PeopleDirectory:
    """A small in-process cache: a locale rarely changes, and `/nope` must open its modal fast."""

    def __init__(self, ttl_seconds: float = 3600, max_entries: int = 10_000) -> None:
        self._ttl_seconds = ttl_seconds
        self._max_entries = max_entries
        self._entries: OrderedDict[tuple[str, str], tuple[float, Profile]] = OrderedDict()
        self._lock = threading.Lock()

    def lookup(self, client: WebClient, workspace_id: str, user_id: str, organisation_id: str | None = None) -> Person:
        profile = self._profile(client, workspace_id, user_id)
        return Person(
            platform=SLACK,
            workspace_id=workspace_id,
            user_id=user_id,
            lang=profile.lang,
            timezone_name=profile.timezone_name,
            organisation_id=organisation_id,
            is_admin=profile.is_admin,
        )

    def _profile(self, client: WebClient, workspace_id: str, user_id: str) -> Profile:
        key = (workspace_id, user_id)
        now = time.monotonic()
        with self._lock:
            cached = self._entries.get(key)
            if cached and cached[0] > now:
                return cached[1]
        profile = self._fetch(client, user_id)
        if profile is UNKNOWN_PROFILE:
            # Not cached: a passing Slack hiccup must not pin someone to English for an hour.
            return profile
        with self._lock:
            self._entries[key] = (now + self._ttl_seconds, profile)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
        return profile

    @staticmethod
    def _fetch(client: WebClient, user_id: str) -> Profile:
        try:
            user = client.users_info(user=user_id, include_locale=True).get("user") or {}
        except SLACK_FAILURES as error:
            # English and UTC are fine defaults; failing to open the modal would not be.
            logger.warning("users.info failed for %s: %s", user_id, error)
            return UNKNOWN_PROFILE
        return Profile(
            lang=language_for_locale(user.get("locale")),
            timezone_name=user.get("tz") or "UTC",
            is_admin=is_workspace_admin(user),
        )
