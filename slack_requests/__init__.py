"""Slack's requests coming in: parsed once into typed values, form answers read for the use cases, the
acknowledgements, and the Door every listener is bound to."""
