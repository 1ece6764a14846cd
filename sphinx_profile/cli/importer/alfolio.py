"""An al-folio site as a sphinx-profile site."""

from __future__ import annotations

from pathlib import Path

from .site import ImportedSite


def looks_like(source: Path) -> bool:
    return (source / "_bibliography").is_dir() and (source / "_config.yml").is_file()


def import_site(source: Path) -> ImportedSite:
    raise NotImplementedError
