"""The sandbox in a real browser (Debian's chromium, headless): demo people log no's, reflect, open the
App Home and post the digest, all through Nope's real request path. Screenshots land in tests/artifacts/.

The tests share one sandbox and play one story in order: each starts where the one before it left off.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from blocks import settings_view
from sandbox.mrkdwn import Viewer
from sandbox.render import UNKNOWN_CLASS, render_blocks, render_home, render_modal
from sandbox.server import Sandbox, start_server
from slack_standin.web_api import json_param
from tests.conftest import TEST_ENCRYPTION_KEY

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ANNA, BRAM, CHRIS = "U0ANNA", "U0BRAM", "U0CHRIS"
# Nope answers lazily; a busy CI machine gets more than Playwright's default five seconds.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Sandbox]]:
    database = tmp_path_factory.mktemp("sandbox") / "nope.db"
    # The suite's key: its autouse fixture puts that key in use before every test in this process.
    running, server = start_server(0, f"sqlite:///{database}", (TEST_ENCRYPTION_KEY,))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}/sandbox", running
    server.close()
    server.task_dispatcher.shutdown()
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail("/usr/bin/chromium is missing: apt-get install chromium (.ci/run does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    yield context.new_page()
    context.close()


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"sandbox-{name}.png"))


def be(page: Page, base_url: str, user_id: str) -> None:
    page.goto(f"{base_url}?as={user_id}")


def type_in_composer(page: Page, text: str) -> None:
    page.fill("#sb-message", text)
    page.press("#sb-message", "Enter")


def log_a_no(page: Page) -> None:
    type_in_composer(page, "/nope")
    modal = page.locator(".sb-modal")
    modal.locator("select[data-action-id=kind_select]").select_option(index=1)
    modal.locator("[data-action-id=form_choice] input").first.check()
    modal.locator("select[data-action-id=feeling_select]").select_option(index=2)
    modal.locator("[data-sb=submit]").click()


def test_a_person_logs_a_no_and_reflects_on_it(sandbox, page):
    base_url, _ = sandbox
    be(page, base_url, ANNA)
    type_in_composer(page, "/nope The recruiter never wrote back <b>after</b> the interview")
    modal = page.locator(".sb-modal")
    expect(modal.locator("h2")).to_have_text("Log a no")
    # The story came in through the command's text; the page shows it as typed, tags and all.
    expect(modal.locator("textarea[data-action-id=story_input]")).to_have_value(
        "The recruiter never wrote back <b>after</b> the interview"
    )
    modal.locator("[data-sb=submit]").click()
    # Slack's `errors` response: each message under its own field, the person's words still there.
    expect(modal.locator(".sb-error[data-error-for=kind]")).not_to_be_empty()
    expect(modal.locator(".sb-error[data-error-for=form]")).not_to_be_empty()
    expect(modal.locator(".sb-error[data-error-for=story]")).to_be_empty()
    screenshot(page, "01-errors-on-the-right-fields")

    modal.locator("select[data-action-id=kind_select]").select_option("job_application")
    modal.locator("[data-action-id=form_choice] input[value=silence]").check()
    modal.locator("select[data-action-id=feeling_select]").select_option(index=1)
    modal.locator("[data-sb=submit]").click()
    # `response_action: update`: the same modal now says the no is logged.
    expect(modal.locator("[data-action-id=reflect_now]")).to_be_visible()
    screenshot(page, "02-no-logged")

    modal.locator("[data-action-id=reflect_now]").click()
    expect(modal.locator("h2")).to_contain_text("1")
    modal.locator("textarea[data-action-id=feeling_note_input]").fill("Flat, then annoyed.")
    modal.locator("[data-sb=submit]").click()
    expect(modal.locator("textarea[data-action-id=head_story_input]")).to_be_visible()
    modal.locator("textarea[data-action-id=head_story_input]").fill("I always get rejected, nobody ever wants me.")
    screenshot(page, "03-reflection-story")
    modal.locator("[data-sb=submit]").click()
    # The coach found the thinking traps in that sentence and offers new stories to pick.
    expect(modal.locator("[data-action-id=reflect_use_reframe]").first).to_be_visible()
    modal.locator("[data-action-id=reflect_use_reframe]").first.click()
    expect(modal.locator("textarea[data-action-id=new_story_input]")).not_to_have_value("")
    screenshot(page, "04-reflection-reframe")
    modal.locator("[data-sb=submit]").click()

    questions = modal.locator("[data-action-id=reflect_ask_question]")
    expect(questions.first).to_be_visible()
    offered = questions.count()
    questions.first.click()
    # The question asked is marked as sent and loses its button.
    expect(questions).to_have_count(offered - 1)
    modal.locator("[data-sb=submit]").click()

    expect(modal.locator("input[data-action-id=step_date_picker]")).to_be_visible()
    modal.locator("[data-action-id=reflect_use_step]").first.click()
    expect(modal.locator("textarea[data-action-id=step_text_input]")).not_to_have_value("")
    screenshot(page, "05-reflection-brave-step")
    modal.locator("[data-sb=submit]").click()
    expect(modal.locator("[data-sb=submit]")).to_have_count(0)
    screenshot(page, "06-reflection-done")
    modal.locator("[data-sb=close]").last.click()
    expect(modal).to_have_count(0)

    # The feedback question picked on the way came to the person's DM with Nope.
    page.click("[data-place=app]")
    page.click("[data-tab=messages]")
    expect(page.locator("#sb-conversation .sb-message")).to_have_count(1)
    expect(page.locator("#sb-conversation")).to_contain_text("feedback")
    screenshot(page, "07-dm-feedback-question")


def test_the_app_home_shows_the_persons_own_log(sandbox, page):
    base_url, _ = sandbox
    be(page, base_url, ANNA)
    page.click("[data-place=app]")
    home = page.locator("#sb-home")
    expect(home.locator(".sb-header").first).to_be_visible()
    expect(home.locator("[data-action-id=open_log_no]")).to_be_visible()
    # The brave step planned in the reflection is waiting to be done.
    expect(home.locator("[data-action-id=brave_step_done]")).to_have_count(1)
    screenshot(page, "08-app-home")


def test_help_is_an_ephemeral_answer_with_mrkdwn_rendered(sandbox, page):
    base_url, _ = sandbox
    be(page, base_url, BRAM)
    type_in_composer(page, "/nope help")
    answer = page.locator("#sb-conversation .sb-ephemeral").last
    expect(answer).to_contain_text("Alleen zichtbaar voor jou")
    expect(answer.locator("li").first).to_be_visible()
    expect(answer.locator("strong").first).to_be_visible()
    screenshot(page, "09-help-in-dutch")


def test_the_admin_posts_the_digest_with_three_peoples_nos(sandbox, page):
    base_url, _ = sandbox
    for someone in (BRAM, CHRIS):
        be(page, base_url, someone)
        log_a_no(page)
        expect(page.locator(".sb-modal [data-action-id=reflect_now]")).to_be_visible()
        page.locator(".sb-modal [data-sb=close]").last.click()
    be(page, base_url, ANNA)
    page.click("[data-control=digest]")
    expect(page.locator("#sb-notice")).to_contain_text("posted")
    digest = page.locator("#sb-conversation .sb-message").last
    # Three people logged a no this week: the numbers show, and the chart image follows in the thread.
    expect(digest.locator(".sb-header").first).to_contain_text("3")
    expect(digest.locator(".sb-file img")).to_be_visible()
    assert digest.locator(".sb-file img").evaluate("image => image.naturalWidth") > 0
    screenshot(page, "10-weekly-digest")

    page.click("[data-control=digest]")
    expect(page.locator("#sb-notice")).to_contain_text("already")


def test_next_week_brings_the_brave_steps_reminder_and_a_new_digest(sandbox, page):
    base_url, _ = sandbox
    be(page, base_url, ANNA)
    page.click("[data-control=next-week]")
    expect(page.locator("#sb-notice")).to_contain_text("week")
    # The reminder Nope scheduled for the step planned in the reflection has arrived in the DM.
    page.click("[data-place=app]")
    page.click("[data-tab=messages]")
    reminder = page.locator("#sb-conversation .sb-message").last
    expect(reminder.locator("[data-action-id=brave_step_done]")).to_be_visible()
    screenshot(page, "11-reminder-next-week")
    reminder.locator("[data-action-id=brave_step_done]").click()
    # Through its response_url the reminder turns into the celebration, without the button.
    expect(reminder.locator("[data-action-id=brave_step_done]")).to_have_count(0)
    expect(reminder).not_to_be_empty()

    page.click("[data-control=digest]")
    expect(page.locator("#sb-notice")).to_contain_text("posted")
    page.click("[data-place=channel]")
    # Nobody logged a no in the new week: the digest encourages, without numbers.
    expect(page.locator("#sb-conversation .sb-message")).to_have_count(2)
    expect(page.locator("#sb-conversation .sb-message").last.locator(".sb-file")).to_have_count(0)
    screenshot(page, "12-quiet-digest-next-week")


def test_everything_nope_sent_during_the_run_renders_without_a_fallback(sandbox):
    _, running = sandbox
    viewer = Viewer(people={ANNA: "Anna"}, channels={"C0TEAM": "team"})
    rendered = []
    for call in running.web_api.calls():
        if call.method in {"views.open", "views.update", "views.push"}:
            rendered.append(render_modal(json_param(call.params, "view"), viewer))
        elif call.method == "views.publish":
            rendered.append(render_home(json_param(call.params, "view"), viewer))
        elif call.params.get("blocks"):
            rendered.append(render_blocks(json_param(call.params, "blocks"), viewer))
    assert len(rendered) >= 15
    assert not [html for html in rendered if UNKNOWN_CLASS in html]


def test_the_admin_picks_channels_and_people_in_the_settings(sandbox, page):
    base_url, _ = sandbox
    be(page, base_url, ANNA)
    type_in_composer(page, "/nope settings")
    modal = page.locator(".sb-modal")
    channels = modal.locator(f"select[data-action-id={settings_view.CHANNELS_ACTION}]")
    # The conversation picker starts from the digest channel the workspace has.
    expect(channels.locator("option[selected]")).to_have_text("# team")
    modal.locator(f"select[data-action-id={settings_view.MANAGERS_ACTION}]").select_option([BRAM, CHRIS])
    modal.locator(f"input[data-action-id={settings_view.TIME_ACTION}]").fill("10:30")
    screenshot(page, "13-settings-with-pickers")
    modal.locator("[data-sb=submit]").click()
    expect(modal.locator("[data-sb=submit]")).to_have_count(0)
    expect(modal).to_contain_text("10:30")
    screenshot(page, "14-settings-saved")
    modal.locator("[data-sb=close]").last.click()
    expect(modal).to_have_count(0)


def test_reset_wipes_the_sandbox(sandbox, page):
    base_url, _ = sandbox
    be(page, base_url, ANNA)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-control=reset]")
    expect(page.locator("#sb-notice")).not_to_be_empty()
    expect(page.locator("#sb-conversation .sb-message")).to_have_count(0)
    page.click("[data-place=app]")
    # The Home tab is published again from an empty database: no steps, no reflections waiting.
    expect(page.locator("#sb-home [data-action-id=open_log_no]")).to_be_visible()
    expect(page.locator("#sb-home [data-action-id=brave_step_done]")).to_have_count(0)
    screenshot(page, "15-after-reset")


def test_a_typed_message_shows_exactly_as_typed_markup_and_all(sandbox, page):
    base_url, _ = sandbox
    be(page, base_url, BRAM)
    typed = "<script>alert(1)</script> & <b>bold</b> &lt;"
    type_in_composer(page, typed)
    message = page.locator("#sb-conversation .sb-message").last
    expect(message.locator(".sb-text")).to_have_text(typed)
    expect(message.locator("script, b")).to_have_count(0)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]"])
def test_the_sandbox_answers_its_local_names_with_or_without_port(sandbox, host):
    address = urlsplit(sandbox[0])
    for named in (host, f"{host}:{address.port}"):
        assert get_with_host(address.port, address.path, named)[0] == 200


def test_another_host_name_is_refused_so_a_rebound_dns_name_reads_nothing(sandbox):
    address = urlsplit(sandbox[0])
    for host in (f"attacker.example:{address.port}", "attacker.example", "localhost.attacker.example"):
        status, body = get_with_host(address.port, address.path, host)
        assert status == 400 and "localhost only" in body
    assert get_with_host(address.port, "/sandbox/api/state?as=U0ANNA", "attacker.example")[0] == 400


def get_with_host(port: int, path: str, host: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()
