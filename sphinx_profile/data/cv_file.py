"""A whole CV file (RenderCV ``*_CV.yaml`` or JSON Resume) as its sections, in file order.

Each section is translated alone into records of the kind that shows it: the
kinds this project knows (experience, awards, skills…) where the section is
one of them, generic CV entries (``cv-section``) for every other one, so a
custom RenderCV section is shown under its own title. What cannot be shown is
reported, once, at its place in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .formats import jsonresume, parse_document, rendercv, text_entries
from .issues import DataIssue, Subtype
from .limits import DEFAULT_LIMITS, Limits, digest, read_file
from .loader import DataFileError, YamlDocument, decode
from .models import Model
from .validate import validate_document

RENDERCV_KINDS = ("experience", "education", "publications", "projects")
"""The RenderCV sections read as this project's kinds (by title); the others are generic."""


@dataclass(frozen=True)
class CvPart:
    """One section of a CV file: its title (``None`` for the profile), kind and records."""

    title: str | None
    key: str
    """The section's key in the file (``work``, ``Selected Talks``), for ``:sections:``."""
    kind: str
    records: tuple[Model, ...]


@dataclass(frozen=True)
class CvFile:
    path: Path
    parts: tuple[CvPart, ...] = ()
    issues: tuple[DataIssue, ...] = field(default_factory=tuple)
    missing: bool = False
    digest: str = ""
    """What the content was when read (see ``limits.current_digest``), for rebuilds."""


def load_cv_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> CvFile:
    """Read ``path`` within ``limits`` (cached by content); never raises for bad content."""
    from .store import cached

    read = read_file(path, limits.bytes)
    if read.raw is None:
        issues = (read.issue,) if read.issue and not read.missing else ()
        return CvFile(path, issues=issues, missing=read.missing, digest=read.digest)
    raw = read.raw
    return cached(_CACHE, (path, read.digest, limits), lambda: _parsed(path, raw, limits))


_CACHE: dict[tuple[object, ...], CvFile] = {}


def _parsed(path: Path, raw: bytes, limits: Limits) -> CvFile:
    content = digest(raw)
    try:
        document = parse_document(decode(raw), path, limits)
    except DataFileError as err:
        line, column = err.position or (0, 0)
        issue = DataIssue(err.message, line, column, err.subtype)
        return CvFile(path, issues=(issue,), digest=content)
    if jsonresume.is_json_resume(document.data):
        sections = _json_resume_sections(document)
    elif rendercv.is_rendercv(document.data):
        sections = _rendercv_sections(document)
    else:
        message = (
            f"{path.name} is neither a RenderCV file (with 'cv:') nor a JSON Resume "
            "(with 'basics'); the cv directive reads one of these"
        )
        return CvFile(path, issues=(DataIssue(message, 1, 1, Subtype.FILE),), digest=content)
    parts: list[CvPart] = []
    issues: dict[tuple[str, int, int], DataIssue] = {}
    for title, key, kind, translated in sections:
        if kind == "cv-section":
            translated = text_entries(translated)
        validated = validate_document(translated, kind, limits)
        for issue in validated.issues:
            # Each part repeats the warnings of the whole file: keep one of each.
            issues.setdefault((issue.message, issue.line, issue.column), issue)
        if validated.records:
            parts.append(CvPart(title, key, kind, tuple(validated.records)))
    for issue in document.issues():
        issues.setdefault((issue.message, issue.line, issue.column), issue)
    ordered = sorted(issues.values(), key=lambda issue: (issue.line, issue.column))
    return CvFile(path, tuple(parts), tuple(ordered), digest=content)


Section = tuple[str | None, str, str, YamlDocument]


def _json_resume_sections(document: YamlDocument) -> list[Section]:
    sections: list[Section] = []
    for key, value in document.data.items():
        if key in jsonresume.NOT_CV_CONTENT or value in (None, [], {}):
            continue
        kind = jsonresume.CV_SECTIONS.get(key)
        if kind is None and isinstance(value, list):
            kind = "cv-section"  # a section of the user's own, as a list of entries
        if kind is None:
            line, column = document.position((key,), key=True)
            document.warnings.append(
                (
                    f"section '{key}' is not a list of entries; the CV does not show it",
                    (line, column),
                )
            )
            continue
        translated = jsonresume.section_document(document, [key], kind)
        title = None if kind == "profile" else key
        sections.append((title, key, kind, translated))
    return sections


def _rendercv_sections(document: YamlDocument) -> list[Section]:
    sections: list[Section] = [(None, "profile", "profile", _rendercv_profile(document))]
    found = document.data["cv"].get("sections")
    if not isinstance(found, dict):
        return sections
    kinds = {
        title: kind
        for kind in RENDERCV_KINDS
        for title in rendercv.section_titles(document.data, kind)
    }
    for title, entries in found.items():
        if not isinstance(entries, list):
            position = document.position(("cv", "sections", title), key=True)
            document.warnings.append(
                (f"section '{title}' is not a list of entries; the CV does not show it", position)
            )
            continue
        kind = kinds.get(title, "cv-section")
        translated = rendercv.section_document(document, [title], kind)
        sections.append((rendercv_title(str(title)), str(title), kind, translated))
    return sections


def _rendercv_profile(document: YamlDocument) -> YamlDocument:
    return rendercv.from_rendercv(document, "profile", "")


_LOWER_IN_TITLES = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "if", "in", "into", "like"}
    | {"near", "nor", "of", "off", "on", "onto", "or", "over", "so", "than", "that", "the"}
    | {"to", "upon", "when", "with", "yet"}
)


def rendercv_title(key: str) -> str:
    """A section key as RenderCV shows it: ``welcome_to_RenderCV`` -> ``Welcome to RenderCV``.

    A key with spaces is a title already; in a snake_case key, words in lower case
    are capitalised except the small ones, and the first word always.
    """
    if " " in key:
        return key
    words = key.replace("_", " ").split()
    return " ".join(
        word.capitalize()
        if word.islower() and (index == 0 or word not in _LOWER_IN_TITLES)
        else word
        for index, word in enumerate(words)
    )
