"""The Slack door assembled: the Bolt app behind Flask with every listener bound, the OAuth install, serving."""
