"""Stand-ins for Slack, for trying Nope and testing it without a workspace."""
