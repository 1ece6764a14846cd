"""Arguments that several subcommands share."""

from __future__ import annotations

import argparse
from pathlib import Path


def folder_argument(parser: argparse.ArgumentParser, default: str, help: str) -> None:
    """An optional positional ``DIR``: the folder the command works in."""
    parser.add_argument(
        "directory", nargs="?", type=Path, default=Path(default), metavar="DIR", help=help
    )
