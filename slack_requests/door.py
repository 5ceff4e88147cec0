"""What every Slack listener is bound to: the core use cases run on, and who people are on Slack."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient

from slack_api.people import PeopleDirectory
from slack_requests.requests import SlackRequest
from use_cases.core import Core
from use_cases.person import Person


@dataclass(frozen=True)
class Door:
    core: Core
    people: PeopleDirectory

    def person(self, client: WebClient, asked: SlackRequest) -> Person:
        """Who is asking, with their language and timezone from Slack (cached briefly)."""
        return self.people.lookup(client, asked.workspace_id, asked.user_id, asked.organisation_id)
