"""A Jekyll collection or a Hugo section named as a directive's ``:source:``.

``:source: _publications/`` reads every Markdown file of the folder through the
same readers as ``sphinx-profile import``, so a site can show an old site's
entries while it moves, with a warning for each key that is not shown, at its
line in its own file.
"""

from __future__ import annotations

from pathlib import Path

from ..limits import DEFAULT_LIMITS, Limits
from ..loader import DataFileError, load_yaml_file
from . import hugoblox, jekyll
from .collection import CollectionEntry
from .frontmatter import markdown_files

FOLDER_KINDS = ("publications", "talks", "teaching", "projects", "news")
"""What a folder of Markdown files may hold."""


def is_hugo_section(folder: Path) -> bool:
    """Hugo page bundles (``<name>/index.md``) rather than Jekyll's one file per entry."""
    return any(path.name.startswith("index.") for path in markdown_files(folder))


def read_entries(folder: Path, kind: str, limits: Limits = DEFAULT_LIMITS) -> list[CollectionEntry]:
    """Every entry of ``folder`` read as records of ``kind``."""
    from ..models import RECORD_MODELS

    if kind not in FOLDER_KINDS or kind not in RECORD_MODELS:
        raise DataFileError(f"a folder of Markdown files holds no {kind}")
    if is_hugo_section(folder):
        if kind not in ("publications", "talks"):
            raise DataFileError(f"a HugoBlox section holds no {kind}")
        return hugoblox.read_section(folder, kind, hugo_owner(folder), limits)
    return jekyll.read_collection(folder, kind, limits=limits)


HUGO_SECTIONS = {"publication": "publications", "publications": "publications", "event": "talks"}


def folder_kind(folder: Path) -> str | None:
    """What a folder holds, from its name: ``_publications`` (Jekyll), ``publication`` (Hugo)."""
    kind = jekyll.COLLECTIONS.get(folder.name) or HUGO_SECTIONS.get(folder.name)
    return kind if kind and markdown_files(folder) else None


def folder_files(folder: Path) -> list[Path]:
    """The files whose change changes what ``folder`` holds."""
    return markdown_files(folder)


def hugo_owner(folder: Path) -> str | None:
    """The display name of the site's owner (``me`` in author lists), from the Hugo site the
    section belongs to: ``data/authors/me.yaml`` two folders up from ``content/<section>``."""
    site = folder.resolve().parent.parent
    path = site / "data" / "authors" / "me.yaml"
    try:
        data = load_yaml_file(path).data if path.is_file() else None
    except (DataFileError, OSError):
        return None
    name = data.get("name") if isinstance(data, dict) else None
    display = name.get("display") if isinstance(name, dict) else name
    return str(display) if display else None
