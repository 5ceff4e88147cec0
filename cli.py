"""The `nope` command line: `nope serve`, `nope db upgrade`, `nope coach`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from coach.command_line import add_coach_parser, run_coach
from config import database_url, process_environment


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nope", description="Nope: log a no, count the courage.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="serve the Slack app over HTTP on $PORT (same as `python app.py`)")
    db = commands.add_parser("db", help="database tasks")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="bring the schema at $DATABASE_URL to the newest version")
    add_coach_parser(commands)
    return parser


def _db_upgrade() -> int:
    from storage.db import create_db_engine
    from storage.migrate import upgrade

    try:
        upgrade(create_db_engine(database_url(process_environment())))
    except SQLAlchemyError as error:
        print(f"nope: could not upgrade the database: {error.__class__.__name__}: {error}", file=sys.stderr)
        return 1
    print("The database schema is up to date.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if arguments.command == "serve":
        import app

        return app.main()
    if arguments.command == "coach":
        return run_coach(arguments, sys.stdin, sys.stdout)
    return _db_upgrade()


if __name__ == "__main__":
    sys.exit(main())
