"""The weekly anonymous team digest, platform-neutral: the anonymity rule, its content, charts, schedule.

Nothing here imports Slack, Bolt, Flask, SQLAlchemy or `storage`: callers hand in plain records
(`Contribution`, `WeekActivity`) and get plain records, PNG bytes and text back, so a Teams
adapter can reuse it unchanged.
"""
