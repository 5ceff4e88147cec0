"""Settings come from the environment; a missing one stops start-up with one clear sentence."""

from __future__ import annotations

import pytest

from config import DEFAULT_DATABASE_URL, DEFAULT_SLACK_API_URL, ConfigError, has_slack_credentials, load_config
from tests.conftest import TEST_ENCRYPTION_KEY

COMPLETE = {"SLACK_SIGNING_SECRET": "secret", "SLACK_BOT_TOKEN": "xoxb-1", "NOPE_ENCRYPTION_KEY": TEST_ENCRYPTION_KEY}


def test_defaults_are_the_embedded_single_process_setup():
    config = load_config(COMPLETE)
    assert config.database_url == DEFAULT_DATABASE_URL == "sqlite:///nope.db"
    assert config.slack_api_url == DEFAULT_SLACK_API_URL
    assert config.port == 3000


def test_every_setting_can_be_given():
    config = load_config(
        {
            **COMPLETE,
            "SLACK_API_URL": "http://127.0.0.1:9/api",
            "DATABASE_URL": "postgresql://db/nope",
            "PORT": "8080",
        }
    )
    assert config.slack_api_url == "http://127.0.0.1:9/api/"
    assert config.database_url == "postgresql://db/nope"
    assert config.port == 8080


@pytest.mark.parametrize("missing", ["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN"])
def test_a_missing_required_setting_names_itself_and_how_to_set_it(missing):
    environ = {name: value for name, value in COMPLETE.items() if name != missing}
    with pytest.raises(ConfigError) as raised:
        load_config(environ)
    message = str(raised.value)
    assert message.startswith(f"{missing} is not set")
    assert ".env" in message and "\n" not in message


@pytest.mark.parametrize(("name", "value"), [("PORT", "eighty"), ("PORT", "70000"), ("SLACK_API_URL", "slack.com/api")])
def test_a_malformed_setting_is_explained(name, value):
    with pytest.raises(ConfigError, match=name):
        load_config({**COMPLETE, name: value})


SOCKET_MODE = {
    "SLACK_APP_TOKEN": "xapp-1-A111-1-abc",
    "SLACK_BOT_TOKEN": "xoxb-1",
    "NOPE_ENCRYPTION_KEY": TEST_ENCRYPTION_KEY,
}


def test_socket_mode_needs_no_signing_secret():
    config = load_config(SOCKET_MODE)
    assert config.socket_mode and not config.oauth_enabled
    assert (config.app_token, config.signing_secret) == ("xapp-1-A111-1-abc", "")
    assert not load_config(COMPLETE).socket_mode


def test_an_app_token_alone_means_slack_is_meant_not_the_sandbox():
    assert has_slack_credentials({"SLACK_APP_TOKEN": "xapp-1"})
    assert not has_slack_credentials({"PORT": "3000"})


@pytest.mark.parametrize(
    ("settings", "sentence"),
    [
        ({"SLACK_APP_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN must be an app-level token starting with xapp-"),
        ({"SLACK_CLIENT_ID": "1.2"}, "Socket Mode (SLACK_APP_TOKEN) serves one workspace"),
        ({"SLACK_CLIENT_SECRET": "s"}, "Socket Mode (SLACK_APP_TOKEN) serves one workspace"),
        ({"SLACK_BOT_TOKEN": ""}, "SLACK_BOT_TOKEN is not set: Socket Mode (SLACK_APP_TOKEN) needs"),
    ],
)
def test_a_wrong_socket_mode_setup_is_one_sentence(settings, sentence):
    with pytest.raises(ConfigError) as raised:
        load_config({**SOCKET_MODE, **settings})
    message = str(raised.value)
    assert message.startswith(sentence)
    assert message.endswith(".") and message.count(". ") == 0 and "\n" not in message
