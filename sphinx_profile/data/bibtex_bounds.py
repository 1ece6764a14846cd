"""pybtex's BibTeX parser, held to the bounds of ``limits``: linear work, bounded expansion.

Two things in a small ``.bib`` file can make the parser itself unbounded:

* ``@string`` macros that concatenate each other (``m1 = m0 # m0``,
  ``m2 = m1 # m1``…) double at each line: 40 lines ask for a terabyte. The
  characters of every value are counted as it is parsed, before pybtex joins
  the parts, and the file is refused past ``profile_max_characters``.
* pybtex looks for the next of several characters (``"``, ``{``, ``}``, ``@``)
  with one search per character, each to the end of the file when that
  character does not occur again: quadratic for a value left open. One search
  for all of them finds the same (nearest) one in linear time.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .issues import Subtype
from .limits import Limits


class ExpansionExceeded(Exception):
    """Macro expansion went past the bound, at ``line``."""

    def __init__(self, limit: int, line: int) -> None:
        super().__init__(limit, line)
        self.message = (
            f"@string macros expand to more than {limit:,} characters "
            "(macros that repeat each other; profile_max_characters)"
        )
        self.subtype = Subtype.EXPANSION
        self.line = line


def parse_bounded(parser: Any, text: str, limits: Limits) -> Any:
    """``parser.parse_string(text)`` (a pybtex ``Parser``), the scanner held to ``limits``.

    Raises :class:`ExpansionExceeded`; pybtex's own errors as pybtex does.
    """
    # pybtex's Parser.parse_string, with the bounded scanner below.
    parser.unnamed_entry_counter = 1
    parser.command_start = 0
    scanner = _scanner_class()(
        text,
        keyless_entries=parser.keyless_entries,
        handle_error=parser.handle_error,
        want_entry=parser.data.want_entry,
        filename=parser.filename,
        macros=parser.macros,
    )
    scanner.max_characters = limits.characters
    for entry in scanner:
        entry_type = entry[0].lower()
        if entry_type == "preamble":
            parser.process_preamble(*entry[1])
        elif entry_type != "string":
            parser.process_entry(entry[0], *entry[1])
    return parser.data


@cache
def _scanner_class() -> type:
    from pybtex.database.input.bibtex import LowLevelParser
    from pybtex.scanner import Token

    class BoundedScanner(LowLevelParser):
        max_characters = Limits().characters
        characters = 0
        pos: int

        def parse_value(self) -> None:
            super().parse_value()
            # The parts are the macros' own strings, not copies: their lengths
            # cost nothing, the join pybtex makes next is what would not fit.
            self.characters += sum(len(part) for part in self.current_value)
            if self.characters > self.max_characters:
                raise ExpansionExceeded(self.max_characters, self.lineno)

        def skip_to(self, patterns: list[Any]) -> Any:
            search, winners = _combined(tuple(patterns))
            match = search(self.text, self.pos)
            if match is None:
                return None
            value = self.text[self.pos : match.end()]
            self.pos = match.end()
            self.update_lineno(value)
            return Token(value, winners[match.lastgroup])

    return BoundedScanner


_COMBINED: dict[tuple[int, ...], tuple[Any, dict[str | None, Any]]] = {}


def _combined(patterns: tuple[Any, ...]) -> tuple[Any, dict[str | None, Any]]:
    """One regular expression finding the nearest match of any of ``patterns``.

    pybtex keeps the match that ends first; the patterns it searches for
    together are single characters, for which that is the one that starts first.
    """
    key = tuple(id(pattern) for pattern in patterns)
    found = _COMBINED.get(key)
    if found is None:
        parts = "|".join(
            f"(?P<p{index}>{pattern.search.__self__.pattern})"
            for index, pattern in enumerate(patterns)
        )
        winners: dict[str | None, Any] = {f"p{i}": p for i, p in enumerate(patterns)}
        found = _COMBINED[key] = (re.compile(parts).search, winners)
    return found
