"""``sphinx-profile schema``: write the JSON Schema of each data file, for editors."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..data.models import RECORD_MODELS
from ..data.schema import all_schemas, file_schema

NAME = "schema"
HELP = (
    "write the JSON Schema of each data file (profile.schema.json, publications.schema.json…) "
    "for completion and checking in editors"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        default=Path(".schemas"),
        metavar="DIR",
        help="the folder to write them into, created if needed (default: .schemas, beside "
        "data/, where the '$schema=../.schemas/publications.schema.json' line of a data "
        "file made by 'sphinx-profile init' points)",
    )
    parser.add_argument(
        "--kind",
        choices=sorted(RECORD_MODELS),
        help="print the schema of this one kind of file to standard output instead",
    )


def run(args: argparse.Namespace) -> int:
    if args.kind:
        sys.stdout.write(_dump(file_schema(args.kind)))
        return 0
    output: Path = args.output
    try:
        output.mkdir(parents=True, exist_ok=True)
        schemas = all_schemas()
        for name, schema in schemas.items():
            (output / name).write_text(_dump(schema), encoding="utf-8")
    except OSError as err:
        print(f"sphinx-profile schema: cannot write to {output}: {err.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {len(schemas)} schema files to {output}: {', '.join(schemas)}")
    return 0


def _dump(schema: dict[str, object]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
