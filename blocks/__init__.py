"""Pure builders: plain values in, Block Kit dicts out. No I/O, no database, no Slack client."""
