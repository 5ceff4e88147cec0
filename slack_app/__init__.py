"""The Slack door: the Bolt app behind Flask, its requests parsed once, the OAuth install, and serving."""
