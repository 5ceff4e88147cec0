"""What an operator's tools ask the web process: is it alive (/healthz), may it take traffic (/readyz),
what has it counted (/metrics); and every request gets an id, in its X-Request-Id and its log lines.
"""

from __future__ import annotations

from flask import Flask, Response, jsonify, request
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from logs import REQUEST_ID, request_id_from
from metrics import exposition
from storage.db import database_answers
from storage.migrate import is_up_to_date

REQUEST_ID_HEADER = "X-Request-Id"


def _readiness(engine: Engine) -> tuple[dict[str, str], bool]:
    """Whether the database answers and its schema is the newest migration, each said in a word."""
    unreachable = {"database": "unreachable", "schema": "unknown"}
    if not database_answers(engine):
        return unreachable, False
    try:
        up_to_date = is_up_to_date(engine)
    except SQLAlchemyError:  # gone between the two questions
        return unreachable, False
    return {"database": "ok", "schema": "ok" if up_to_date else "out of date"}, up_to_date


def register_operations(flask_app: Flask, engine: Engine) -> None:
    @flask_app.before_request
    def take_request_id() -> None:
        token = REQUEST_ID.set(request_id_from(request.headers.get(REQUEST_ID_HEADER)))
        request.environ["nope.request_id_token"] = token

    @flask_app.after_request
    def tell_request_id(response: Response) -> Response:
        request_id = REQUEST_ID.get()
        if request_id:
            response.headers[REQUEST_ID_HEADER] = request_id
        return response

    @flask_app.teardown_request
    def forget_request_id(_error: BaseException | None) -> None:
        token = request.environ.pop("nope.request_id_token", None)
        if token is not None:
            REQUEST_ID.reset(token)

    @flask_app.get("/healthz")
    def healthz() -> Response:
        """Liveness: the process answers. Whether it can serve is /readyz's question."""
        return jsonify(status="ok")

    @flask_app.get("/readyz")
    def readyz() -> tuple[Response, int]:
        checks, ready = _readiness(engine)
        return jsonify(status="ready" if ready else "unavailable", **checks), 200 if ready else 503

    @flask_app.get("/metrics")
    def metrics() -> Response:
        body, content_type = exposition()
        return Response(body, content_type=content_type)
