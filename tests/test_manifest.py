"""manifest.yml creates the app as it is, and Slack's published schema accepts it; so does its Socket Mode
twin, manifest.socket-mode.yml, which differs only where Socket Mode needs it to."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from handlers.commands import COMMAND
from slack_app.install_flow import BOT_SCOPES, REDIRECT_PATH
from tests.payloads import MANIFEST_SCHEMA

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "manifest.yml"
SOCKET_MODE_MANIFEST = ROOT / "manifest.socket-mode.yml"


def load_manifest(path: Path = MANIFEST) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", [MANIFEST, SOCKET_MODE_MANIFEST], ids=lambda path: path.name)
def test_manifest_validates_against_slacks_schema(path):
    schema = json.loads(MANIFEST_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(load_manifest(path), schema)


def test_the_socket_mode_manifest_is_the_same_app_without_request_urls():
    socket_mode = load_manifest(SOCKET_MODE_MANIFEST)
    assert socket_mode["settings"]["socket_mode_enabled"] is True
    # Everything else as in manifest.yml, less what only a public address needs.
    public = load_manifest()
    assert public["settings"].pop("socket_mode_enabled") is False
    socket_mode["settings"].pop("socket_mode_enabled")
    del public["features"]["slash_commands"][0]["url"]
    del public["settings"]["event_subscriptions"]["request_url"]
    del public["settings"]["interactivity"]["request_url"]
    del public["oauth_config"]["redirect_urls"]
    assert socket_mode == public


def test_manifest_declares_every_surface_nope_serves():
    manifest = load_manifest()
    [command] = manifest["features"]["slash_commands"]
    assert command["command"] == COMMAND
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["event_subscriptions"]["bot_events"] == [
        "app_home_opened",
        "app_uninstalled",
        "tokens_revoked",
    ]
    assert manifest["settings"]["org_deploy_enabled"] is True
    assert manifest["oauth_config"]["redirect_urls"] == ["https://nope.example.com" + REDIRECT_PATH]
    urls = {
        command["url"],
        manifest["settings"]["interactivity"]["request_url"],
        manifest["settings"]["event_subscriptions"]["request_url"],
    }
    assert len(urls) == 1 and urls.pop().endswith("/slack/events")


def test_manifest_asks_for_the_least_privilege_nope_needs():
    scopes = load_manifest()["oauth_config"]["scopes"]
    assert sorted(scopes["bot"]) == sorted(BOT_SCOPES)
    assert len(BOT_SCOPES) == 10
    assert "user" not in scopes


def test_a_broken_manifest_is_caught_by_the_schema():
    schema = json.loads(MANIFEST_SCHEMA.read_text(encoding="utf-8"))
    manifest = load_manifest()
    manifest["features"]["slash_commands"][0]["command"] = "nope"  # commands start with a slash
    try:
        jsonschema.validate(manifest, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema accepted a command without a leading slash")
