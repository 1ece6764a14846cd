"""``sphinx-profile import SOURCE DEST``: an academicpages, al-folio or HugoBlox site as a new site.

The readers of the old site's files are Sphinx-free (:mod:`sphinx_profile.data.formats`);
each template's importer (:mod:`.academicpages`, :mod:`.alfolio`, :mod:`.hugoblox`)
fills an :class:`~.site.ImportedSite`, which :mod:`.site` writes with its report.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from . import academicpages, alfolio, hugoblox
from .site import REPORT_NAME, ImportedSite, existing, write_site

NAME = "import"
HELP = "make a new site from an academicpages, al-folio or HugoBlox site, with a report"

IMPORTERS: dict[str, tuple[Callable[[Path], bool], Callable[[Path], ImportedSite]]] = {
    "al-folio": (alfolio.looks_like, alfolio.import_site),
    "academicpages": (academicpages.looks_like, academicpages.import_site),
    "hugoblox": (hugoblox.looks_like, hugoblox.import_site),
}
"""Template -> (does a folder look like one of its sites, the importer); tried in this order."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, metavar="SOURCE", help="the old site's folder")
    parser.add_argument("dest", type=Path, metavar="DEST", help="the new site's folder")
    parser.add_argument(
        "--from",
        dest="kind",
        choices=sorted(IMPORTERS),
        help="the template of the old site (default: found from its files)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite files that already exist")


def detect(source: Path) -> str | None:
    """The template ``source`` was made with, from its files."""
    return next((kind for kind, (looks_like, _) in IMPORTERS.items() if looks_like(source)), None)


def run(args: argparse.Namespace) -> int:
    source: Path = args.source
    dest: Path = args.dest
    if not source.is_dir():
        return _fail(f"{source} is not a folder")
    kind = args.kind or detect(source)
    if kind is None:
        return _fail(
            f"{source} does not look like an academicpages, al-folio or HugoBlox site; "
            "name its template with --from"
        )
    site = IMPORTERS[kind][1](source)
    taken = existing(site, dest)
    if taken and not args.force:
        shown = ", ".join(taken[:5]) + (f" and {len(taken) - 5} more" if len(taken) > 5 else "")
        return _fail(
            f"{dest} already has {shown}; nothing was written. Choose an empty folder, or add "
            "--force to overwrite these files."
        )
    try:
        count = write_site(site, dest)
    except OSError as err:
        return _fail(f"cannot write {err.filename}: {err.strerror}")
    print(site.report.render(site.kind, source, site.redirects))
    print(f"Wrote {count} files to {dest}; this report is {dest / REPORT_NAME}.")
    print(f"Next: cd {dest} && sphinx-build -W -b html . _build/html")
    return 0


def _fail(message: str) -> int:
    print(f"sphinx-profile import: {message}", file=sys.stderr)
    return 1
