"""The application layer: every use case a person or the scheduler triggers, whatever the platform.

A door (Slack's `handlers/`, later Teams') parses a request into plain values, calls a use case here
and renders what it returns. Whatever a use case must send out (a DM, a reminder, a channel post,
"is this person an admin?") goes through the small interfaces in `ports`, which each door
implements. Nothing here imports a platform SDK or a web framework (import-linter checks it).
"""
