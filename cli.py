"""The `nope` command line: serve, db upgrade, coach, digest, retention, keys, workspace set, scheduler."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from coach.command_line import add_coach_parser, run_coach
from config import ConfigError, database_url, load_config, process_environment
from storage.migrate import SchemaOutOfDate

# Commands that post to Slack need its token and API address; the others only the database.
POSTING_COMMANDS = {("digest", "send"), ("digest", "send-due"), ("scheduler", None)}


def _parser() -> argparse.ArgumentParser:
    from handlers.digest_commands import add_digest_parsers
    from handlers.keys_commands import add_keys_parser
    from handlers.retention_commands import add_retention_parser

    parser = argparse.ArgumentParser(prog="nope", description="Nope: log a no, count the courage.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="serve the Slack app over HTTP on $PORT (same as `python app.py`)")
    db = commands.add_parser("db", help="database tasks")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="bring the schema at $DATABASE_URL to the newest version")
    add_coach_parser(commands)
    add_digest_parsers(commands)
    add_retention_parser(commands)
    add_keys_parser(commands)
    return parser


def _sessions() -> sessionmaker[Session]:
    """The database the app uses; the embedded SQLite default is brought up to date first."""
    from storage.db import create_db_engine, session_factory
    from storage.migrate import upgrade_embedded_or_check

    engine = create_db_engine(database_url(process_environment()))
    upgrade_embedded_or_check(engine)
    return session_factory(engine)


def _db_upgrade() -> int:
    from storage.db import create_db_engine
    from storage.migrate import upgrade

    upgrade(create_db_engine(database_url(process_environment())))
    print("The database schema is up to date.")
    return 0


def _operate(arguments: argparse.Namespace) -> int:
    from handlers import digest_commands, keys_commands, retention_commands

    subcommand = getattr(arguments, f"{arguments.command}_command", None)
    config = load_config(serving=False) if (arguments.command, subcommand) in POSTING_COMMANDS else None
    sessions = _sessions()
    if arguments.command == "keys":
        return keys_commands.run_keys(arguments, sessions.kw["bind"], sys.stdout)
    if arguments.command == "retention":
        return retention_commands.run_retention(arguments, sessions, sys.stdout)
    if arguments.command == "workspace":
        return digest_commands.run_workspace_set(arguments, sessions, sys.stdout)
    if arguments.command == "scheduler":
        return digest_commands.run_scheduler(sessions, config)
    return digest_commands.run_digest(arguments, sessions, config, sys.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if arguments.command == "serve":
        import app

        return app.main()
    if arguments.command == "coach":
        return run_coach(arguments, sys.stdin, sys.stdout)
    if arguments.command == "keys" and arguments.keys_command == "generate":
        from handlers.keys_commands import run_keys

        return run_keys(arguments, None, sys.stdout)
    try:
        return _db_upgrade() if arguments.command == "db" else _operate(arguments)
    except (ConfigError, SchemaOutOfDate) as error:
        print(f"nope: {error}", file=sys.stderr)
        return 2
    except SQLAlchemyError as error:
        print(f"nope: the database failed: {error.__class__.__name__}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
