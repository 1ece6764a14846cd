"""Author-name matching for highlighting: documented, tolerant, no guessing.

Two spellings are the same person when they are equal after normalization:
accents removed (``Zhào`` = ``Zhao``), case folded, ``Last, First`` turned
into ``First Last``, dots and hyphens treated as spaces, runs of spaces
collapsed, and every apostrophe written as ``'`` (``O\u2019Connor`` = ``O'Connor``:
smart quotes and word processors turn one into the other). Initials are *not*
expanded: ``X. Zhao`` matches ``Xuanlei Zhao`` only if it is listed among the
profile's ``aliases`` (two people can share initials, and a wrong highlight on
a homepage is worse than a missing one).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# ASCII hyphen, Unicode hyphen, non-breaking hyphen, en dash.
_SEPARATORS = re.compile("[\\s.\\-\u2010\u2011\u2013]+")
# Right and left single quotes, modifier-letter apostrophe, prime, grave and acute accents.
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032`\u00b4", "'"))


# Rendering asks once or twice per author of every entry, and co-authors repeat.
@lru_cache(maxsize=8192)
def normalize_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    if plain.count(",") == 1:
        last, first = plain.split(",")
        plain = f"{first} {last}"
    return _SEPARATORS.sub(" ", plain.replace("{", "").replace("}", "")).strip().casefold()


def name_matcher(names: Iterable[str]) -> frozenset[str]:
    """The normalized forms to compare author names against."""
    return frozenset(normalize_name(name) for name in names if name and name.strip())
