"""The ``sphinx-profile`` command: work with the data files without building the site.

Each subcommand is a module with ``NAME``, ``HELP``, ``add_arguments(parser)``
and ``run(args) -> exit status``, listed once in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from . import init, schema, validate

COMMANDS: list[ModuleType] = [init, validate, schema]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-profile",
        description="Create a sphinx-profile site, check its data files and write their JSON "
        "Schemas.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = commands.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; the return value is the exit status."""
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status
