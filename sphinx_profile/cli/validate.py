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
from ..data.formats.folders import folder_kind
from ..data.images import check_image
from ..data.issues import DataIssue, Subtype
from ..data.limits import DEFAULT_LIMITS, Limits, cannot_read, confined
from ..data.loader import DataFileError
from ..data.models import RECORD_MODELS, Member, Model, Profile
from ..data.store import READERS, load_data_file

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
    for option, field, unit, what in _LIMIT_OPTIONS:
        default = getattr(DEFAULT_LIMITS, field)
        parser.add_argument(
            option,
            type=int,
            default=default,
            metavar=unit,
            help=f"{what}, as profile_{option[2:].replace('-', '_')} does (default: {default})",
        )


_LIMIT_OPTIONS = (
    ("--max-file-size", "bytes", "BYTES", "refuse larger files"),
    ("--max-characters", "characters", "N", "refuse files that expand to more characters"),
    ("--max-values", "values", "N", "refuse files that expand to more values"),
    ("--max-depth", "depth", "N", "refuse deeper nesting"),
    ("--max-markup-depth", "markup_depth", "N", "report deeper inline Markdown"),
    ("--max-digits", "digits", "N", "read longer numbers as text"),
)
"""The options of the bounds (``data.limits``), each named as its ``profile_*`` setting."""


def limits_of(args: argparse.Namespace) -> Limits:
    values = {
        field: getattr(args, option[2:].replace("-", "_")) for option, field, *_ in _LIMIT_OPTIONS
    }
    return Limits(**values)


def run(args: argparse.Namespace) -> int:
    limits = limits_of(args)
    checks: list[tuple[Path, str | None]] = []
    for path in args.paths:
        if path.is_dir() and _kind_named(path):  # refused as the build refuses it
            checks.append((path, path.stem))
        elif path.is_dir() and (kind := args.kind or folder_kind(path)):
            checks.append((path, kind))  # a Jekyll collection or Hugo section, as :source: reads it
        elif path.is_dir():
            found = data_files(path, limits)
            if not found:
                _note(f"no data files found in {path}")
            checks.extend(found)
        elif path.exists() or path.is_symlink():  # a FIFO or a device is checked, and refused
            kinds = [args.kind] if args.kind else kinds_of_file(path, limits)
            if not kinds:
                _note(f"cannot tell what {path} holds; say it with --kind")
                return 2
            checks.extend((path, kind) for kind in kinds)
        else:
            _note(f"no such file or folder: {path}")
            return 2
    if not checks:
        return 1
    folders = {path.resolve() for path in args.paths if path.is_dir()}
    problems = check(checks, limits, folders)
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


def data_files(folder: Path, limits: Limits = DEFAULT_LIMITS) -> list[tuple[Path, str | None]]:
    """``(file, kind)`` for every data file of ``folder``.

    The kind is ``None`` for a file whose name and content do not say what it
    holds (one read through a ``:source:`` option): it is checked as YAML only.
    A folder with the name of a kind's file (``publications.yaml/``) is listed
    too: the build reads that name by default, and reports that it cannot; and so
    is a data file's name that is not a regular file (a FIFO, a device, a loop of
    links): the check refuses it, as the build does.
    """
    found: list[tuple[Path, str | None]] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in READERS:
            continue
        if path.is_dir() and not _kind_named(path):
            continue
        if path.name.endswith(".schema.json"):
            continue
        kinds: list[str | None] = [*kinds_of_file(path, limits)]
        found.extend((path, kind) for kind in kinds or [None])
    return found


def _kind_named(path: Path) -> bool:
    """Whether ``path`` has the name of a kind's data file (``publications.yaml``)."""
    return path.stem in RECORD_MODELS and path.suffix.lower() in READERS


def kinds_of_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    """The kinds a file holds: by its name, its suffix, or its content (JSON Resume, RenderCV)."""
    if path.stem in RECORD_MODELS:
        return [path.stem]
    if path.suffix.lower() in FOREIGN_SUFFIXES:
        return FOREIGN_SUFFIXES[path.suffix.lower()]
    if path.suffix.lower() not in (".yaml", ".yml", ".json"):
        return []
    try:
        document = load_document(path, limits=limits)
    except (DataFileError, OSError):
        return []
    return kinds_of(document) or []


OUTSIDE = "refused: it is a link to a file outside the data folder"


def check(
    checks: Iterable[tuple[Path, str | None]],
    limits: Limits = DEFAULT_LIMITS,
    folders: Iterable[Path] = (),
) -> list[Problem]:
    """Every problem of every ``(file, kind)``, once each, in file and line order.

    A file of one of ``folders`` (data folders given whole) must lie inside it
    by its real path, as the build requires of the files it reads by default.
    """
    problems: dict[tuple[str, int, int, str], Problem] = {}
    folders = set(folders)
    for path, kind in checks:
        issues: list[DataIssue]
        if path.parent.resolve() in folders and confined(path, path.parent) is None:
            issues = [DataIssue(OUTSIDE, subtype=Subtype.FILE)]
        elif kind is None:
            issues = _syntax_issues(path, limits)
        else:
            loaded = load_data_file(path, kind, limits=limits)
            issues = [*loaded.issues, *_image_issues(loaded.records, path.parent, limits)]
        for issue in issues:
            file = str(issue.path or path)  # a file of a folder read as one source
            key = (file, issue.line, issue.column, issue.message)
            problems.setdefault(key, Problem(file, issue))
    return sorted(problems.values(), key=lambda p: (p.file, p.issue.line, p.issue.column))


def _image_issues(records: Iterable[Model], folder: Path, limits: Limits) -> list[DataIssue]:
    """The problems of avatars and photos, as the build finds them (``data.images``)."""
    issues: list[DataIssue] = []
    for record in records:
        if isinstance(record, Profile) and record.avatar:
            image, line, what = record.avatar, record.line_of("avatar"), "avatar"
        elif isinstance(record, Member) and record.photo:
            image, line, what = record.photo, record.line_of("photo"), "photo"
        else:
            continue
        checked = check_image(image, folder, what, limits.bytes)
        issues.extend(DataIssue(message, line, 0, subtype) for message, subtype in checked.problems)
    return issues


def _syntax_issues(path: Path, limits: Limits) -> list[DataIssue]:
    """The problems of a file of unknown kind: whether it can be read and parsed at all."""
    if path.suffix.lower() not in (".yaml", ".yml", ".json"):
        return []
    try:
        document = load_document(path, limits=limits)
    except DataFileError as err:
        line, column = err.position or (0, 0)
        return [DataIssue(err.message, line, column, err.subtype)]
    except OSError as err:
        return [DataIssue(cannot_read(err), subtype=Subtype.FILE)]
    return document.issues()
