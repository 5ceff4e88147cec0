"""When the platform does not answer: settings are neither refused nor saved on a guess."""

from __future__ import annotations

import pytest

from tests.use_cases.platform import ANNA
from tests.use_cases.test_settings import ANSWERS
from use_cases import settings
from use_cases.core import Invalid
from use_cases.ports import PlatformError


def test_an_admin_the_platform_says_nothing_about_is_neither_refused_nor_let_in(core, platform):
    platform.admins_.append(ANNA.user_id)
    platform.refuse = True

    with pytest.raises(PlatformError):
        settings.open_settings(core, ANNA, platform)
    with pytest.raises(PlatformError):
        settings.save(core, ANNA, ANSWERS, platform)


def test_channels_the_platform_did_not_answer_about_save_nothing(core, platform):
    platform.admins_.append(ANNA.user_id)
    platform.silent_channels.add("C0TEAM")

    unanswered = settings.save(core, ANNA, ANSWERS, platform)

    assert isinstance(unanswered, Invalid) and "did not answer" in unanswered.errors["channels"]
    assert settings.open_settings(core, ANNA, platform).settings.channels == ()
