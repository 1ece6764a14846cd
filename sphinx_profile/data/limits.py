"""The bounds on the work a data file can cause, and the one function that reads a file.

A homepage's data is untrusted: a few hundred bytes can ask a naive reader for
gigabytes (aliases that repeat a long text, BibTeX macros that double each
other), for a stack deeper than Python allows (emphasis nested hundreds of
levels), or for a read that never ends (a FIFO, ``/dev/zero``). Every reader
(YAML, JSON, BibTeX) takes one :class:`Limits` and reads through
:func:`read_bytes`; each bound has a ``profile_max_*`` setting and a warning
subtype (see ``docs/guide/validation.rst``).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .issues import DataIssue, Subtype

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

DEFAULT_MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Each bound, with the setting that changes it."""

    bytes: int = DEFAULT_MAX_BYTES
    """``profile_max_file_size``: bytes read from one file; reading stops there."""
    characters: int = DEFAULT_MAX_BYTES
    """``profile_max_characters``: characters of text once aliases and macros are expanded.

    As many as the largest file may hold bytes: only a repeat makes more.
    """
    values: int = 200_000
    """``profile_max_values``: values (texts, numbers, lists, mappings), aliases counted again."""
    depth: int = 64
    """``profile_max_depth``: nesting of lists and mappings."""
    markup_depth: int = 16
    """``profile_max_markup_depth``: nesting of inline Markdown; deeper markup stays text."""
    digits: int = 100
    """``profile_max_digits``: digits of a number; a longer string of digits stays text."""


DEFAULT_LIMITS = Limits()

MARKUP_DEPTH_CEILING = 100
"""The deepest nesting a setting may allow: each level costs several frames of the stack."""


class LimitExceeded(Exception):
    """A bound was reached: the file is refused with this message, at ``line`` if known."""

    def __init__(self, message: str, subtype: Subtype, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.subtype = subtype
        self.line = line
        self.column = column


class NotARegularFile(OSError):
    """The path names a FIFO, a device, a folder or a socket: never read."""


def file_type(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of a regular file; :class:`LimitExceeded` if it holds more.

    ``stat`` is not trusted for the size (a link to ``/dev/zero`` says 0) nor
    for the type (the file may change between the checks): the file is opened
    without blocking (a FIFO would wait for a writer for ever), its type checked
    on the open file, and the read stops one byte past the bound whatever the
    size said. Raises ``OSError`` (``NotARegularFile`` among them) when it
    cannot be read.
    """
    mode = os.stat(path).st_mode  # a socket cannot even be opened: say what it is
    if not stat.S_ISREG(mode):
        raise NotARegularFile(f"it is {file_type(mode)}, not a regular file")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFile(f"it is {file_type(status.st_mode)}, not a regular file")
        if status.st_size > max_bytes:
            raise _too_large(f"file is {status.st_size:,} bytes", max_bytes)
        raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise _too_large("file holds more bytes than its size said", max_bytes)
    return raw


def _too_large(what: str, max_bytes: int) -> LimitExceeded:
    return LimitExceeded(
        f"{what}, above the limit of {max_bytes:,} "
        "(raise profile_max_file_size if this is intended)",
        Subtype.SIZE,
        1,
        1,
    )


def digest(raw: bytes) -> str:
    """A digest of a file's content: what incremental builds compare, not its mtime."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


@dataclass(frozen=True)
class FileRead:
    """A data file read within its bound: its bytes, or the problem that stopped the read."""

    raw: bytes | None
    digest: str
    """Of the content, or a word for why there is none (``missing``, ``too-large``…)."""
    issue: DataIssue | None = None
    missing: bool = False


def read_file(path: Path, max_bytes: int) -> FileRead:
    """:func:`read_bytes`, its problems as an issue of the file: never raises."""
    try:
        raw = read_bytes(path, max_bytes)
    except FileNotFoundError:
        issue = DataIssue("data file not found", subtype=Subtype.FILE)
        return FileRead(None, "missing", issue, missing=True)
    except LimitExceeded as err:
        return FileRead(
            None, "too-large", DataIssue(err.message, err.line, err.column, err.subtype)
        )
    except OSError as err:
        issue = DataIssue(cannot_read(err), subtype=Subtype.FILE)
        return FileRead(None, f"unreadable:{err.errno}:{err}", issue)
    return FileRead(raw, digest(raw))


def current_digest(path: Path, max_bytes: int) -> str:
    """The digest of ``path`` now, or a word for why it has none (missing, unreadable…)."""
    return read_file(path, max_bytes).digest


def cannot_read(err: OSError) -> str:
    """Why a file cannot be read, in words (a symlink loop named as such)."""
    if isinstance(err, NotARegularFile):
        return f"refused: {err}"
    if err.errno == errno.ELOOP:
        return "cannot read: the path is a loop of symbolic links"
    return f"cannot read: {err.strerror or err}"


def real_path(path: Path) -> Path:
    """Where ``path`` really leads; a loop of links ends the walk instead of raising.

    (``Path.resolve`` raises ``RuntimeError`` on a loop before Python 3.13.)
    """
    return Path(os.path.realpath(path))


def confined(path: Path, folder: Path) -> Path | None:
    """The real path of ``path`` if it lies inside ``folder`` (also by real path), else None."""
    real = real_path(path)
    return real if real.is_relative_to(real_path(folder)) else None


MARKDOWN_RULES = ("emphasis", "link", "backticks", "escape", "entity")
"""The inline Markdown of free-text fields: the renderer and the checks parse the same."""


@cache
def markdown_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(list(MARKDOWN_RULES))


def markdown_depth(text: str) -> int:
    """How deep the inline Markdown of ``text`` nests (``***a***`` is 2)."""
    tokens = markdown_parser().parseInline(text)
    depth = deepest = 0
    for token in tokens[0].children or () if tokens else ():
        depth += token.nesting
        deepest = max(deepest, depth)
    return deepest
