"""The platform-neutral domain: what a no is, the words Nope uses, personal progress.

Nothing here imports Slack, Bolt or Flask, so a Teams adapter can reuse it unchanged.
"""
