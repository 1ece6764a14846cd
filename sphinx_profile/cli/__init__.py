"""The ``sphinx-profile`` command: work with the data files without building the site.

Each subcommand is a module with ``NAME``, ``HELP``, ``add_arguments(parser)``
and ``run(args) -> exit status``, listed once in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from . import citations, importer, init, schema, validate

COMMANDS: list[ModuleType] = [init, importer, validate, schema, citations]

CLOSED_PIPE = 141
"""The exit status when the reader of the output went away (``| head``): that of a
command stopped by SIGPIPE, as a shell reports it."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-profile",
        description="Create a sphinx-profile site (or import one from academicpages, al-folio or "
        "HugoBlox), check its data files, write their JSON Schemas and refresh citation counts.",
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
    try:
        status: int = args.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # ``sphinx-profile validate | head``: the reader has all it wants, which is no
        # error of ours. Stop quietly; stdout goes to the null device so that the
        # flush at exit does not raise the same error again (as Python's documentation
        # of SIGPIPE advises).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return CLOSED_PIPE
    return status
