"""What an import did, file by file: converted, kept as prose, or not converted and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

CONVERTED = "converted"
PROSE = "kept as prose"
NOT_CONVERTED = "not converted"
OUTCOMES = (CONVERTED, PROSE, NOT_CONVERTED)


@dataclass
class FileReport:
    source: str
    """The file (or folder) of the old site, relative to its root."""
    outcome: str
    target: str = ""
    """What it became in the new site (``data/publications.yaml``, ``index.md``)."""
    notes: list[str] = field(default_factory=list)


@dataclass
class Report:
    files: list[FileReport] = field(default_factory=list)

    def add(
        self, source: str, outcome: str, target: str = "", notes: list[str] | None = None
    ) -> FileReport:
        entry = FileReport(source, outcome, target, list(notes or []))
        self.files.append(entry)
        return entry

    def of(self, outcome: str) -> list[FileReport]:
        return [entry for entry in self.files if entry.outcome == outcome]

    def summary(self) -> str:
        counts = ", ".join(f"{len(self.of(outcome))} {outcome}" for outcome in OUTCOMES)
        return f"{len(self.files)} files and folders: {counts}"

    def render(self, kind: str, source: Path, redirects: dict[str, str] | None = None) -> str:
        """The report as Markdown (``IMPORT.md``, also printed)."""
        lines = [
            f"# Import from {kind}",
            "",
            f"Source: `{source}`. {self.summary()}.",
            "",
            "Build the new site with `sphinx-build -W -b html . _build/html`.",
        ]
        for outcome in OUTCOMES:
            entries = self.of(outcome)
            if not entries:
                continue
            lines += ["", f"## {outcome.capitalize()}", ""]
            for entry in entries:
                target = f" → `{entry.target}`" if entry.target else ""
                lines.append(f"- `{entry.source}`{target}")
                lines.extend(f"  - {note}" for note in entry.notes)
        if redirects:
            lines += ["", "## Redirects", "", "The old addresses lead to the new pages:", ""]
            lines += [f"- `{_address(old)}` → `{new}`" for old, new in sorted(redirects.items())]
        return "\n".join(lines) + "\n"


def _address(docname: str) -> str:
    """``about/index`` -> ``/about/``, ``resume`` -> ``/resume.html``: as a browser asks for it."""
    if docname.endswith("/index"):
        return f"/{docname.removesuffix('index')}"
    return f"/{docname}.html"
