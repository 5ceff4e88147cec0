"""Nope's side of Slack's Web API: the client, who people are, and the Slack implementation of the
application layer's ports (private messages, the directory, channels and the digest post)."""
