"""Slack's side, played locally: the Web API stand-in, request signing, the requests Slack sends an
app, and the `state.values` of a view. The tests, the benchmark and the sandbox share it; Socket
Mode's WebSocket end (`socket_mode`, on the `websockets` dev dependency) only the tests use.

It is not Nope: Nope's own code never imports it, and it imports nothing of Nope's
(tests/test_repository.py holds both), so the tests never sign or build a request with the code
they test.
"""
