"""``sphinx-profile validate``: check data files without building, as pre-commit and CI need.

Every problem of every file is printed as ``file:line:column: message``, the
form editors and terminals jump to; the exit status is 1 if there is any.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..data.formats import kinds_of, load_document
from ..data.issues import DataIssue, Subtype
from ..data.loader import DEFAULT_MAX_BYTES, DataFileError
from ..data.models import RECORD_MODELS, Profile
from ..data.store import READERS, load_data_file
from ..data.validate import image_problem

NAME = "validate"
HELP = "check data files and print every problem as file:line:column: message"

FOREIGN_SUFFIXES = {".bib": ["publications"]}
"""Suffixes whose files always hold one kind, whatever their name."""


@dataclass(frozen=True)
class Problem:
    file: str
    issue: DataIssue

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.issue.line or None,
            "column": self.issue.column or None,
            "message": self.issue.message,
            "subtype": self.issue.subtype.value,
        }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[Path("data")],
        metavar="PATH",
        help="a data folder, whose known files are all checked (default: data), or data files",
    )
    parser.add_argument(
        "--kind",
        choices=sorted(RECORD_MODELS),
        help="what the data files given by name hold, when their name does not say",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--max-file-size",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="BYTES",
        help=f"refuse larger files, as profile_max_file_size does (default: {DEFAULT_MAX_BYTES})",
    )


def run(args: argparse.Namespace) -> int:
    checks: list[tuple[Path, str | None]] = []
    for path in args.paths:
        if path.is_dir() and _kind_named(path):  # refused as the build refuses it
            checks.append((path, path.stem))
        elif path.is_dir():
            found = data_files(path, args.max_file_size)
            if not found:
                _note(f"no data files found in {path}")
            checks.extend(found)
        elif path.is_file():
            kinds = [args.kind] if args.kind else kinds_of_file(path, args.max_file_size)
            if not kinds:
                _note(f"cannot tell what {path} holds; say it with --kind")
                return 2
            checks.extend((path, kind) for kind in kinds)
        else:
            _note(f"no such file or folder: {path}")
            return 2
    if not checks:
        return 1
    problems = check(checks, args.max_file_size)
    files = len({path for path, _ in checks})
    if args.format == "json":
        json.dump([problem.as_json() for problem in problems], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for problem in problems:
            print(problem.issue.located(problem.file))
        count = (
            f"{len(problems)} problem{'s' * (len(problems) != 1)}" if problems else "no problems"
        )
        print(f"checked {files} data file{'s' * (files != 1)}: {count}")
    return 1 if problems else 0


def _note(message: str) -> None:
    print(f"sphinx-profile validate: {message}", file=sys.stderr)


def data_files(folder: Path, max_bytes: int) -> list[tuple[Path, str | None]]:
    """``(file, kind)`` for every data file of ``folder``.

    The kind is ``None`` for a file whose name and content do not say what it
    holds (one read through a ``:source:`` option): it is checked as YAML only.
    A folder with the name of a kind's file (``publications.yaml/``) is listed
    too: the build reads that name by default, and reports that it cannot.
    """
    found: list[tuple[Path, str | None]] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in READERS:
            continue
        if not path.is_file() and not (path.is_dir() and _kind_named(path)):
            continue
        if path.name.endswith(".schema.json"):
            continue
        kinds: list[str | None] = [*kinds_of_file(path, max_bytes)]
        found.extend((path, kind) for kind in kinds or [None])
    return found


def _kind_named(path: Path) -> bool:
    """Whether ``path`` has the name of a kind's data file (``publications.yaml``)."""
    return path.stem in RECORD_MODELS and path.suffix.lower() in READERS


def kinds_of_file(path: Path, max_bytes: int) -> list[str]:
    """The kinds a file holds: by its name, its suffix, or its content (JSON Resume, RenderCV)."""
    if path.stem in RECORD_MODELS:
        return [path.stem]
    if path.suffix.lower() in FOREIGN_SUFFIXES:
        return FOREIGN_SUFFIXES[path.suffix.lower()]
    if path.suffix.lower() not in (".yaml", ".yml", ".json"):
        return []
    try:
        document = load_document(path, max_bytes)
    except (DataFileError, OSError):
        return []
    return kinds_of(document) or []


def check(checks: Iterable[tuple[Path, str | None]], max_bytes: int) -> list[Problem]:
    """Every problem of every ``(file, kind)``, once each, in file and line order."""
    problems: dict[tuple[str, int, int, str], Problem] = {}
    for path, kind in checks:
        if kind is None:
            issues = _syntax_issues(path, max_bytes)
        else:
            loaded = load_data_file(path, kind, max_bytes)
            issues = list(loaded.issues)
            if kind == "profile" and loaded.records:
                issues.extend(_avatar_issues(loaded.records[0], path))  # type: ignore[arg-type]
        for issue in issues:
            key = (str(path), issue.line, issue.column, issue.message)
            problems.setdefault(key, Problem(str(path), issue))
    return sorted(problems.values(), key=lambda p: (p.file, p.issue.line, p.issue.column))


def _avatar_issues(profile: Profile, path: Path) -> list[DataIssue]:
    if not profile.avatar:
        return []
    problem = image_problem(profile.avatar, path.parent)
    if problem is None:
        return []
    return [DataIssue(problem, profile.line, 0, Subtype.FILE)]


def _syntax_issues(path: Path, max_bytes: int) -> list[DataIssue]:
    """The problems of a file of unknown kind: whether it can be read and parsed at all."""
    if path.suffix.lower() not in (".yaml", ".yml", ".json"):
        return []
    try:
        document = load_document(path, max_bytes)
    except DataFileError as err:
        line, column = err.position or (0, 0)
        return [DataIssue(err.message, line, column, err.subtype)]
    except OSError as err:
        return [DataIssue(f"cannot read: {err.strerror}", subtype=Subtype.FILE)]
    return [
        DataIssue(message, *position, *subtype) for message, position, *subtype in document.warnings
    ]
