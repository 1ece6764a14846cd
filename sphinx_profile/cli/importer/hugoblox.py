"""An HugoBlox site as a sphinx-profile site."""

from __future__ import annotations

from pathlib import Path

from .site import ImportedSite


def looks_like(source: Path) -> bool:
    return (source / "content").is_dir()


def import_site(source: Path) -> ImportedSite:
    raise NotImplementedError
