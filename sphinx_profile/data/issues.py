"""Problems found in data files, in a form independent of Sphinx."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path


class Subtype(enum.StrEnum):
    """Warning subtypes: each is ``profile.<value>`` for ``suppress_warnings``."""

    DATA = "data"
    """A record or field is invalid: wrong type, unknown key, bad date, duplicate id."""
    FILE = "file"
    """A data file is missing, unreadable, too large or not valid YAML."""
    URL = "url"
    """A link was dropped because its scheme is unsafe."""
    CONFIG = "config"
    """A ``profile_*`` configuration value is invalid and its default is used."""
    OPTION = "option"
    """A directive option names something that does not exist (a topic, a group)."""
    REF = "ref"
    """A cross-reference names an unknown publication."""
    DEPENDENCY = "dependency"
    """An optional dependency needed for a feature is not installed."""
    DUPLICATE_KEY = "duplicate_key"
    """A BibTeX key is repeated: every entry is kept, the later ones under a derived id."""
    SIZE = "size"
    """A data file is larger than ``profile_max_file_size``; it is not read."""
    EXPANSION = "expansion"
    """YAML aliases or BibTeX macros expand to more than ``profile_max_characters``."""
    VALUES = "values"
    """A data file holds more than ``profile_max_values`` values, aliases counted again."""
    DEPTH = "depth"
    """Lists and mappings are nested deeper than ``profile_max_depth``."""
    MARKUP = "markup"
    """Inline Markdown is nested deeper than ``profile_max_markup_depth``; the rest is text."""
    DIGITS = "digits"
    """A number has more digits than ``profile_max_digits``; it is read as text."""
    IMAGE = "image"
    """An image is not what its name says, or active content was removed from an SVG."""
    REDIRECT = "redirect"
    """A page's ``redirect_from`` names an address that cannot redirect to it."""
    FEED = "feed"
    """The news feed cannot be written as asked (no news file, no ``html_baseurl``)."""
    NOT_SHOWN = "not-shown"
    """A field or section of another tool's file (RenderCV, JSON Resume, al-folio) that
    this site does not show; reported once per file and field."""


@dataclass(frozen=True)
class DataIssue:
    """One problem, at a 1-based line and column of a file.

    The message is made :func:`printable`: keys, ids and file names come from
    the data, and must not be able to write a line of their own into the log.
    """

    message: str
    line: int = 0
    column: int = 0
    subtype: Subtype = Subtype.DATA
    path: Path | None = field(default=None, kw_only=True)
    """The file the problem is in, when the source is a folder of files."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", printable(self.message))

    def located(self, filename: str) -> str:
        """``file:line:column: message``, the form compilers and editors understand."""
        where = filename
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working directory if below it."""
    try:
        return printable(str(path.relative_to(Path.cwd())))
    except ValueError:
        return printable(str(path))


def printable(text: str) -> str:
    """``text`` with every control or invisible formatting character shown as an escape.

    A line end, a carriage return or an ANSI colour code in a key or a file name
    would otherwise start a forged ``file:1: ERROR:`` line in a CI log. Printable
    text (spaces and every script included) is left as it is.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def _escape(char: str) -> str:
    return repr(char)[1:-1]  # "\\n", "\\x1b", "\\u2028": never a quote, which is printable
