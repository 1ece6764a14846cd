"""Problems found in data files, in a form independent of Sphinx."""

from __future__ import annotations

import enum
from dataclasses import dataclass
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


@dataclass(frozen=True)
class DataIssue:
    """One problem, at a 1-based line and column of a file."""

    message: str
    line: int = 0
    column: int = 0
    subtype: Subtype = Subtype.DATA

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
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
