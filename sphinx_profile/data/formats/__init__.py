"""Other tools' files read as this project's records: JSON Resume and RenderCV.

Both are recognised by content, whatever the file is called: a mapping with
JSON Resume's sections (``basics``, ``work``…) or with RenderCV's ``cv:``. JSON
is read by the YAML loader (JSON is YAML), so every value keeps its line and
column, and the translation carries them over (see :mod:`.translate`).
"""

from __future__ import annotations

from pathlib import Path

from ..limits import DEFAULT_LIMITS, Limits
from ..loader import DataFileError, YamlDocument, parse_yaml, read_text
from . import jsonresume, keyed, rendercv

FOREIGN_KINDS = ("profile", "experience", "education", "publications", "projects")


def read_json(text: str, path: Path, kind: str, limits: Limits) -> YamlDocument:
    """A ``.json`` file: a JSON Resume, or records of this project's schema written as JSON."""
    return translate(parse_document(text, path, limits), kind, path.name)


def load_document(
    path: Path, max_bytes: int | None = None, limits: Limits = DEFAULT_LIMITS
) -> YamlDocument:
    """A YAML or JSON file as it is, before any translation."""
    return parse_document(read_text(path, max_bytes or limits.bytes), path, limits)


def parse_document(text: str, path: Path, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    if path.suffix.lower() == ".json":
        # JSON allows tabs wherever it allows spaces; YAML does not in indentation.
        # A raw tab cannot occur inside a JSON string, so this changes no value,
        # and it keeps every column where it was.
        text = text.replace("\t", " ")
    return parse_yaml(text, limits)


def translate(document: YamlDocument, kind: str, name: str) -> YamlDocument:
    """``document`` in this project's schema: translated if it is another tool's file."""
    if jsonresume.is_json_resume(document.data):
        if kind not in jsonresume.SECTIONS:
            raise DataFileError(f"{name} is a JSON Resume file, which holds no {kind}")
        return jsonresume.from_json_resume(document, kind, name)
    if rendercv.is_rendercv(document.data):
        if kind not in FOREIGN_KINDS:
            raise DataFileError(f"{name} is a RenderCV file, which holds no {kind}")
        return rendercv.from_rendercv(document, kind, name)
    if kind == "cv-section":
        return text_entries(document)
    if keyed.is_keyed(document, kind):
        return keyed.from_keyed(document, kind)
    return document


def text_entries(document: YamlDocument) -> YamlDocument:
    """A bare text in a list of CV entries (RenderCV's text entry) is an entry of that text."""
    if isinstance(document.data, list):
        for index, item in enumerate(document.data):
            if isinstance(item, str):
                document.data[index] = {"summary": item}
                position = document.position((index,))
                document.value_positions[(index, "summary")] = position
                document.key_positions[(index, "summary")] = position
    return document


def kinds_of(document: YamlDocument) -> list[str] | None:
    """The kinds of records another tool's file holds; ``None`` for this project's own."""
    if jsonresume.is_json_resume(document.data):
        return jsonresume.kinds_in(document.data)
    if rendercv.is_rendercv(document.data):
        return rendercv.kinds_in(document.data)
    return None
