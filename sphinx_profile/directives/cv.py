"""The ``cv`` directive: every section of a CV, each under its heading, in order.

With ``:source:`` a RenderCV ``*_CV.yaml`` or a JSON Resume ``.json`` (all of
its sections, in the file's order); without it the data folder's files, in the
order of ``profile_cv_sections``. ``:sections:`` picks and orders sections.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes

from ..config import CV_KINDS
from ..data.issues import Subtype
from ..locale import _
from ..warn import warn
from .base import DataDirective, add_directives
from .options import comma_list

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..data.cv_file import CvPart


SECTION_TITLES = {
    "education": _("Education"),
    "experience": _("Experience"),
    "work": _("Experience"),
    "publications": _("Publications"),
    "talks": _("Talks"),
    "teaching": _("Teaching"),
    "awards": _("Awards"),
    "service": _("Service"),
    "volunteer": _("Volunteering"),
    "projects": _("Projects"),
    "skills": _("Skills"),
    "news": _("News"),
    "languages": _("Languages"),
    "interests": _("Interests"),
    "certificates": _("Certificates"),
    "references": _("References"),
}
"""Headings of the data folder's kinds and of JSON Resume's sections, translated."""


def _key(name: str) -> str:
    return " ".join(name.replace("_", " ").replace("-", " ").casefold().split())


class CvDirective(DataDirective):
    """Every section of a CV.

    Doctree: ``container.sp-block.sp-cv-block``, then per section an
    ``sp_heading.sp-cv-heading`` (a ``\\section*`` in LaTeX) and the nodes of
    that section's own directive (the profile card first, without a heading).
    """

    file_kind: ClassVar[str] = "cv"
    css_class: ClassVar[str] = "sp-cv-block"
    option_spec: ClassVar[dict[str, Any]] = {
        **DataDirective.option_spec,
        "sections": comma_list,
    }

    cv_path: Path | None = None
    """The CV file read (``:source:``), whose folder images are relative to."""

    def run(self) -> list[nodes.Node]:
        source = self.options.get("source")
        parts = self._file_parts(source) if source else self._folder_parts()
        if parts is None:
            return []
        container = nodes.container(
            classes=["sp-block", self.css_class, *self.options.get("class", [])]
        )
        for part in self._picked(parts):
            rendered = self._render_part(part)
            if not rendered:
                continue
            if part.title is not None:
                title = str(part.title)
                container += _cv_heading(title)
            container.extend(rendered)
        self.set_source_info(container)
        return [container] if container.children else []

    # -- where the sections come from --------------------------------------------------

    def _file_parts(self, source: str) -> list[CvPart] | None:
        from ..data.cv_file import load_cv_file

        found = self.read_file("cv", source, load_cv_file)
        if found is None:
            return None
        self.cv_path, loaded = found
        return [
            part if part.kind == "profile" else _titled(part, self._title(part))
            for part in loaded.parts
        ]

    def _title(self, part: CvPart) -> str:
        translated = SECTION_TITLES.get(part.key) if part.title == part.key else None
        return str(translated) if translated is not None else str(part.title)

    def _folder_parts(self) -> list[CvPart]:
        from ..data.cv_file import CvPart

        parts = []
        for kind in self.profile_config.cv_sections:
            if kind not in CV_KINDS:  # warned about when the configuration was read
                continue
            loaded = self.load(kind, required=False)
            if loaded is not None and loaded.records:
                parts.append(CvPart(str(SECTION_TITLES[kind]), kind, kind, loaded.records))
        return parts

    def _picked(self, parts: list[CvPart]) -> list[CvPart]:
        """``:sections:``: the sections named, in that order (by key, kind or title)."""
        wanted = self.options.get("sections")
        if not wanted:
            return parts
        picked: list[CvPart] = []
        for name in wanted:
            found = [
                part
                for part in parts
                if _key(name) in {_key(part.key), _key(part.kind), _key(str(part.title or ""))}
            ]
            if not found:
                known = ", ".join(part.key for part in parts)
                warn(
                    Subtype.OPTION,
                    "%s: no section %r to show; this CV has %s",
                    self.name,
                    name,
                    known or "no sections",
                    location=self.get_location(),
                )
            picked.extend(part for part in found if part not in picked)
        return picked

    # -- rendering -----------------------------------------------------------------------

    def _render_part(self, part: CvPart) -> list[nodes.Node]:
        records: Sequence[Any] = part.records
        if part.kind == "profile":
            return self._profile_card(records[0])
        settings = self.render_settings(self.load_profile())
        if part.kind == "publications":
            from ..data.query import sort_publications
            from ..render.publications import ListLayout, render_publication_groups

            groups = [(None, sort_publications(records, "date"))]
            anchored = self.env.temp_data.setdefault("sp_anchors", set())
            layout = ListLayout(style="full", list_type="bullet", reversed=False, paper_pages=False)
            return list(render_publication_groups(groups, layout, settings, anchored))
        if part.kind == "news":
            from ..data.query import news_newest_first

            records = news_newest_first(records)
        if part.kind == "talks" and self.cv_path is None:
            self._note_talks(records)
        from .cv_sections import cv_renderer

        return [cv_renderer(part.kind)(records, settings)]

    def _note_talks(self, talks: Sequence[Any]) -> None:
        """The data folder's talks, for the page's JSON-LD (as the ``talks`` directive)."""
        from ..xref.shown import TalksShown, note_shown

        source = self.resolve_source("talks", None)
        if source is not None:
            lines = tuple(talk.line for talk in talks)
            note_shown(self.env, talks=TalksShown(str(source), lines, own=True))

    def _profile_card(self, profile: Any) -> list[nodes.Node]:
        from ..output.expand import to_nodes
        from ..render.profile import render_profile
        from .profile import data_image_uri

        uri = None
        if profile.avatar and self.cv_path is not None:
            line = profile.line_of("avatar")
            uri = data_image_uri(self, profile.avatar, self.cv_path, line)
        card = render_profile(profile, uri, link_style=self.profile_config.link_style)
        block = nodes.container(classes=["sp-block", "sp-profile-block"])
        block += to_nodes(card)
        return [block]


def _titled(part: CvPart, title: str) -> CvPart:
    from dataclasses import replace

    return replace(part, title=title)


def _cv_heading(title: str) -> nodes.Element:
    from ..output.nodes import sp_heading

    return sp_heading(title, title, classes=["sp-cv-heading"])


DIRECTIVES: dict[str, type[DataDirective]] = {"cv": CvDirective}


def setup_cv(app: Sphinx) -> None:
    """The ``cv`` directive."""
    add_directives(app, DIRECTIVES)
