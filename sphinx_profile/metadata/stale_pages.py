"""Pages of papers that left the data are removed from the output, not left stale.

Sphinx removes nothing from the output folder: a page it no longer writes
stays, with the content it had. Paper pages are made from the data on every
HTML build (``paper_pages``), so the ones an earlier build wrote and this one
does not are those whose entry left the data (or its list lost ``:pages:``).
Their names are kept in the output folder, beside Sphinx's ``.buildinfo``, so
a clean output folder starts with none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.builders.html import StandaloneHTMLBuilder

logger = logging.getLogger(__name__)

RECORD = ".sphinx-profile-pages.json"
"""The paper pages the last build wrote, in the output folder."""


def remove_stale_pages(builder: StandaloneHTMLBuilder, pagenames: Iterable[str]) -> list[Path]:
    """Remove the paper pages the last build wrote and this one does not; remember these.

    Returns the files removed. Only files inside the output folder, named as the
    last build recorded them, are ever removed.
    """
    outdir = Path(builder.outdir)
    record = outdir / RECORD
    current = sorted(set(pagenames))
    try:
        previous = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = []
    removed = []
    for pagename in set(previous if isinstance(previous, list) else []) - set(current):
        if not isinstance(pagename, str):
            continue
        target = Path(builder.get_outfilename(pagename)).resolve()
        if target.is_relative_to(outdir.resolve()) and target.is_file():
            target.unlink()
            removed.append(target)
            logger.info("removed the page of a publication no longer listed: %s", pagename)
    outdir.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(current), encoding="utf-8")
    return removed
