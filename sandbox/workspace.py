"""The sandbox's demo workspace: a few people, one team channel, and Nope's DM with each person."""

from __future__ import annotations

from dataclasses import dataclass

from coach.i18n import language_for_locale
from slack_standin.requests import Workspace
from slack_standin.web_api import Channel, Member

TEAM_ID = "T0SANDBOX"
TEAM_NAME = "Nope sandbox"
BOT_TOKEN = "xoxb-sandbox"
# Where the page's requests come from, as Slack names it in each request.
WORKSPACE = Workspace(TEAM_ID, "nope-sandbox", app_id="A0NOPE", verification_token="sandbox-verification-token")
TEAM_CHANNEL = Channel("C0TEAM", "team")
# Four people: the digest shows numbers only once three different people logged a no that week.
PEOPLE = (
    Member("U0ANNA", "Anna", locale="en-US", tz="Europe/Amsterdam", is_admin=True),
    Member("U0BRAM", "Bram", locale="nl-NL", tz="Europe/Amsterdam"),
    Member("U0CHRIS", "Chris", locale="en-GB", tz="Europe/London"),
    Member("U0DEWI", "Dewi", locale="nl-NL", tz="Europe/Amsterdam"),
)


@dataclass(frozen=True)
class Person:
    """A demo person as the page shows them."""

    user_id: str
    name: str
    lang: str
    tz: str
    is_admin: bool


def person(user_id: str | None) -> Person:
    """The demo person with this id; the first (the admin) for an unknown id."""
    member = next((member for member in PEOPLE if member.user_id == user_id), PEOPLE[0])
    return Person(member.user_id, member.name, language_for_locale(member.locale), member.tz, member.is_admin)


def everyone() -> list[Person]:
    return [person(member.user_id) for member in PEOPLE]


def dm_channel(user_id: str) -> str:
    """The id of a person's DM with Nope, as the stand-in's `conversations.open` hands it out."""
    return "D" + user_id
