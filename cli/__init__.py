"""The `nope` command line: serve, db upgrade, coach, digest, retention, keys, workspace set, scheduler."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from coach.command_line import add_coach_parser, run_coach
from config import ConfigError, database_url, load_config, log_format, process_environment
from logs import configure_logging
from storage.crypto import use_keys
from storage.migrate import SchemaOutOfDate
from use_cases.core import Core, StorageUnavailable

# Commands that post to Slack need its token and API address; the others only the database.
POSTING_COMMANDS = {("digest", "send"), ("digest", "send-due"), ("scheduler", None)}


def _parser() -> argparse.ArgumentParser:
    from cli.digest import add_digest_parsers
    from cli.keys import add_keys_parser
    from cli.retention import add_retention_parser

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


def _core() -> Core:
    """The database the app uses; the embedded SQLite default is brought up to date first."""
    from storage.db import create_db_engine, session_factory
    from storage.migrate import upgrade_embedded_or_check
    from use_cases.core import with_sessions

    engine = create_db_engine(database_url(process_environment()))
    upgrade_embedded_or_check(engine)
    return with_sessions(session_factory(engine))


def _db_upgrade() -> int:
    from config import development_mode, encryption_keys
    from storage.db import create_db_engine
    from storage.migrate import upgrade

    environ = process_environment()
    # With the keys, a migration that starts encrypting a column encrypts what it already holds;
    # without them those values stay readable in clear until `nope keys rotate`.
    if environ.get("NOPE_ENCRYPTION_KEY") or development_mode(environ):
        use_keys(encryption_keys(environ, development=development_mode(environ)))
    upgrade(create_db_engine(database_url(environ)))
    print("The database schema is up to date.")
    return 0


def _operate(arguments: argparse.Namespace) -> int:
    from cli import digest, keys, retention

    subcommand = getattr(arguments, f"{arguments.command}_command", None)
    config = load_config(serving=False) if (arguments.command, subcommand) in POSTING_COMMANDS else None
    if config is not None:
        # In OAuth mode each workspace's bot token is read, encrypted, from the database.
        use_keys(config.encryption_keys)
    core = _core()
    if arguments.command == "keys":
        return keys.run_keys(arguments, core.engine, sys.stdout)
    if arguments.command == "retention":
        return retention.run_retention(arguments, core, sys.stdout)
    if arguments.command == "workspace":
        return digest.run_workspace_set(arguments, core, sys.stdout)
    if arguments.command == "scheduler":
        return digest.run_scheduler(core, config)
    return digest.run_digest(arguments, core, config, sys.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    try:
        configure_logging(log_format(process_environment()))
    except ConfigError as error:
        print(f"nope: {error}", file=sys.stderr)
        return 2
    if arguments.command == "serve":
        from cli.serve import serve_from_environment

        return serve_from_environment()
    if arguments.command == "coach":
        return run_coach(arguments, sys.stdin, sys.stdout)
    if arguments.command == "keys" and arguments.keys_command == "generate":
        from cli.keys import run_keys

        return run_keys(arguments, None, sys.stdout)
    try:
        return _db_upgrade() if arguments.command == "db" else _operate(arguments)
    except (ConfigError, SchemaOutOfDate) as error:
        print(f"nope: {error}", file=sys.stderr)
        return 2
    except StorageUnavailable as error:
        print(f"nope: the database failed while {error}: {error.__cause__.__class__.__name__}", file=sys.stderr)
        return 1
    except SQLAlchemyError as error:
        print(f"nope: the database failed: {error.__class__.__name__}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
