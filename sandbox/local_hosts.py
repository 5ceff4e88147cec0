"""The sandbox answers only requests addressed to this machine by name: a page on another site that
makes its own name resolve to 127.0.0.1 (DNS rebinding) sends its own name as Host, and is refused.
"""

from __future__ import annotations

from flask import Flask, Response, request

LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})
REFUSAL = "This sandbox answers on localhost only. / Deze sandbox antwoordt alleen op localhost.\n"


def host_name(host: str) -> str:
    """The Host header without its port: `localhost:3000` is localhost, `[::1]:3000` is [::1]."""
    name, colon, port = host.rpartition(":")
    if colon and port.isdigit() and not name.endswith(":"):
        return name.lower()
    return host.lower()


def refuse_other_hosts(flask_app: Flask) -> None:
    @flask_app.before_request
    def only_local_names() -> Response | None:
        if host_name(request.headers.get("Host", "")) in LOCAL_NAMES:
            return None
        return Response(REFUSAL, status=400, mimetype="text/plain")
