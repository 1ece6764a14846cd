"""The record of the paper pages written: stale ones removed, unchanged ones not written again.

Sphinx removes nothing from the output folder: a page it no longer writes
stays, with the content it had. The paper pages an earlier build wrote and
this one does not are those whose entry left the data (or its list lost
``:pages:``): they are removed. Each page's name is kept with the signature of
what it was made from (see ``paper_pages``), in the output folder beside
Sphinx's ``.buildinfo``, so a clean output folder starts with none and every
page is written.
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


def written_pages(builder: StandaloneHTMLBuilder) -> tuple[str | None, dict[str, str]]:
    """``(plan, pagename -> signature)`` of the paper pages the last build left in place."""
    try:
        previous = json.loads((Path(builder.outdir) / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, {}
    if isinstance(previous, list):  # as written before pages had signatures
        return None, {name: "" for name in previous if isinstance(name, str)}
    if not isinstance(previous, dict) or not isinstance(previous.get("pages"), dict):
        return None, {}
    pages = {
        k: v for k, v in previous["pages"].items() if isinstance(k, str) and isinstance(v, str)
    }
    plan = previous.get("plan")
    return (plan if isinstance(plan, str) else None), pages


def remove_stale_pages(builder: StandaloneHTMLBuilder, pagenames: Iterable[str]) -> list[Path]:
    """Remove the paper pages the last build wrote and this one does not.

    Returns the files removed. Only files inside the output folder, named as the
    last build recorded them, are ever removed.
    """
    outdir = Path(builder.outdir)
    _plan, previous = written_pages(builder)
    removed = []
    for pagename in set(previous) - set(pagenames):
        target = Path(builder.get_outfilename(pagename)).resolve()
        if target.is_relative_to(outdir.resolve()) and target.is_file():
            target.unlink()
            removed.append(target)
            logger.info("removed the page of a publication no longer listed: %s", pagename)
    return removed


def record_written_pages(
    builder: StandaloneHTMLBuilder, plan: str | None, pages: dict[str, str]
) -> None:
    """Remember the paper pages now in the output folder, with their signatures."""
    outdir = Path(builder.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    record = {"plan": plan, "pages": dict(sorted(pages.items()))}
    (outdir / RECORD).write_text(json.dumps(record), encoding="utf-8")
