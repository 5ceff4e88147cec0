"""`nope keys generate` and `nope keys rotate`: making a key, and moving stored data onto the newest one."""

from __future__ import annotations

import argparse
from typing import TextIO

from sqlalchemy.engine import Engine

from cli.arguments import Subparsers
from config import development_mode, encryption_keys, process_environment
from storage.crypto import Keyring, generate_key


def add_keys_parser(commands: Subparsers) -> None:
    keys = commands.add_parser("keys", help="encryption keys for stories and tokens at rest")
    keys_commands = keys.add_subparsers(dest="keys_command", required=True)
    keys_commands.add_parser("generate", help="print a new key for NOPE_ENCRYPTION_KEY")
    keys_commands.add_parser(
        "rotate",
        help="re-encrypt everything under the first key in NOPE_ENCRYPTION_KEY (list the old keys after it)",
    )


def run_keys(arguments: argparse.Namespace, engine: Engine | None, out: TextIO) -> int:
    if arguments.keys_command == "generate":
        print(generate_key(), file=out)
        return 0
    if engine is None:
        raise ValueError("rotating keys needs the database")
    from storage.key_rotation import rotate_all

    environ = process_environment()
    keys = encryption_keys(environ, development=development_mode(environ))
    for table, rows in rotate_all(engine, Keyring(keys)).items():
        print(f"{table}: {rows} row(s) re-encrypted", file=out)
    if len(keys) > 1:
        print("Everything is encrypted under the first key now: the others can be removed.", file=out)
    return 0
