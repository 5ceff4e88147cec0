"""The sandbox's page and its JSON endpoints, mounted at /sandbox beside Nope's own routes."""

from __future__ import annotations

import mimetypes
from typing import Any

from flask import Blueprint, Response, abort, jsonify, render_template, request
from werkzeug.utils import secure_filename

from sandbox.controls import SandboxControls
from sandbox.page_state import clock_label, page_state, viewer_for
from sandbox.slack_platform import Click, Outcome, SlackPlatform
from sandbox.texts import TEXTS
from sandbox.texts import text as sandbox_text
from sandbox.workspace import TEAM_CHANNEL, TEAM_NAME, dm_channel, everyone, person


def _entered(raw: object) -> dict[str, dict[str, list[str]]]:
    """The page's report of a modal's inputs, keeping only the shape the sandbox understands."""
    if not isinstance(raw, dict):
        return {}
    return {
        str(block_id): {
            str(action_id): [str(value) for value in values]
            for action_id, values in actions.items()
            if isinstance(values, list)
        }
        for block_id, actions in raw.items()
        if isinstance(actions, dict)
    }


def sandbox_blueprint(platform: SlackPlatform, controls: SandboxControls) -> Blueprint:
    surfaces = platform.surfaces
    blueprint = Blueprint(
        "sandbox", __name__, url_prefix="/sandbox", static_folder="static", template_folder="templates"
    )

    def sent() -> tuple[dict[str, Any], str]:
        """The request's JSON (only JSON: another site's page cannot post it here) and who sends it."""
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            abort(415)
        return body, person(str(body.get("as", ""))).user_id

    def answer(user_id: str, outcome: Outcome | None = None, notice: str | None = None) -> Response:
        outcome = outcome or Outcome()
        return jsonify(
            state=page_state(surfaces, user_id), errors=outcome.errors, problem=outcome.problem, notice=notice
        )

    @blueprint.get("")
    def page() -> str:
        someone = person(request.args.get("as"))
        return render_template(
            "sandbox_page.html",
            me=someone,
            people=everyone(),
            team_name=TEAM_NAME,
            team_channel=TEAM_CHANNEL,
            dm=dm_channel(someone.user_id),
            t=TEXTS[someone.lang],
            clock=clock_label(surfaces, viewer_for(someone.user_id)),
        )

    @blueprint.get("/files/<file_id>")
    def shared_file(file_id: str) -> Response:
        shared = surfaces.file(file_id)
        if shared is None:
            abort(404)
        info, content = shared
        if info.is_image:
            return Response(content, mimetype=mimetypes.guess_type(info.filename)[0])
        # Anything else is downloaded, never shown on the sandbox's own page (an uploaded .html would run there).
        return Response(
            content,
            mimetype="application/octet-stream",
            headers={"Content-Disposition": f'attachment; filename="{secure_filename(info.filename) or file_id}"'},
        )

    @blueprint.get("/api/state")
    def state() -> Response:
        return jsonify(state=page_state(surfaces, person(request.args.get("as")).user_id))

    @blueprint.post("/api/message")
    def message() -> Response:
        body, user_id = sent()
        conversation = str(body.get("conversation", ""))
        if conversation not in {TEAM_CHANNEL.channel_id, dm_channel(user_id)}:
            abort(400)
        platform.type_message(user_id, conversation, str(body.get("text", "")))
        return answer(user_id)

    @blueprint.post("/api/action")
    def action() -> Response:
        body, user_id = sent()
        click = Click(
            surface=str(body.get("surface", "")),
            surface_id=str(body.get("surface_id", "")),
            block_id=str(body.get("block_id", "")),
            action_id=str(body.get("action_id", "")),
            picked=[str(value) for value in body.get("picked") or []],
        )
        platform.click(user_id, click, _entered(body.get("entered")))
        return answer(user_id)

    @blueprint.post("/api/submit")
    def submit() -> Response:
        body, user_id = sent()
        return answer(user_id, platform.submit(user_id, str(body.get("view_id", "")), _entered(body.get("entered"))))

    @blueprint.post("/api/close")
    def close() -> Response:
        body, user_id = sent()
        platform.close(user_id, str(body.get("view_id", "")))
        return answer(user_id)

    @blueprint.post("/api/home")
    def home() -> Response:
        _body, user_id = sent()
        platform.open_home(user_id)
        return answer(user_id)

    @blueprint.post("/api/digest")
    def digest() -> Response:
        _body, user_id = sent()
        outcome = controls.post_digest()
        key = {"posted": "digest_posted", "already": "digest_already"}.get(outcome.result, "digest_failed")
        lang = person(user_id).lang
        return answer(user_id, notice=sandbox_text(lang, key, channel=TEAM_CHANNEL.name, error=outcome.error))

    @blueprint.post("/api/next-week")
    def next_week() -> Response:
        _body, user_id = sent()
        controls.next_week()
        return answer(user_id, notice=sandbox_text(person(user_id).lang, "moved_on"))

    @blueprint.post("/api/reset")
    def reset() -> Response:
        _body, user_id = sent()
        controls.reset()
        return answer(user_id, notice=sandbox_text(person(user_id).lang, "reset_done"))

    return blueprint
