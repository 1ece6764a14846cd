"""``talks``, ``teaching``, ``awards``, ``service``, ``skills`` and ``cv-section``.

Like ``experience`` (``directives.entries``): one data file each, in file order,
with ``:source:``, ``:class:`` and ``:limit:``; the dated kinds also take
``:years:`` and ``:group-by:``, talks and service ``:types:``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ..data.choices import CV_GROUPS, SERVICE_TYPES, TALK_TYPES
from ..data.issues import Subtype
from ..warn import warn
from .base import DataDirective, add_directives
from .options import one_of, some_of, year_range

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..render.common import RenderSettings


def cv_renderer(kind: str) -> Callable[[Sequence[Any], RenderSettings], nodes.Element]:
    """The function that renders a list of records of ``kind`` (lazily imported)."""
    from ..render import cv, entries

    renderers: dict[str, Callable[[Sequence[Any], RenderSettings], nodes.Element]] = {
        "talks": cv.render_talks,
        "teaching": cv.render_teaching,
        "awards": cv.render_awards,
        "service": cv.render_service,
        "skills": cv.render_skills,
        "cv-section": cv.render_cv_entries,
        "experience": entries.render_experience,
        "education": entries.render_education,
        "projects": entries.render_projects,
        "news": entries.render_news,
    }
    return renderers[kind]


def group_label(kind: str) -> Callable[[str], str]:
    """Headings of ``:group-by: type`` groups of ``kind``; ``Other`` for entries without one."""
    from ..locale import _
    from ..render.cv import service_type_heading, talk_type_heading

    if kind == "talks":
        return talk_type_heading
    if kind == "service":
        return service_type_heading
    return lambda key: key or str(_("Other"))


class _CvListDirective(DataDirective):
    """A data file rendered by ``cv_renderer(file_kind)``, filtered and grouped.

    Doctree: ``container.sp-block.sp-<kind>-block > [sp_heading] bullet_list.sp-<kind> >
    list_item.sp-entry > paragraph.sp-entry-title, paragraph.sp-subtitle, …,
    paragraph.sp-dates``.
    """

    option_spec: ClassVar[dict[str, Any]] = {
        **DataDirective.option_spec,
        "years": year_range,
        "group-by": one_of(CV_GROUPS),
    }

    def chosen(self, records: list[Any]) -> list[Any]:
        """The entries ``:types:``, ``:years:`` and ``:limit:`` keep, in file order."""
        from ..data.cv_query import filter_entries

        options = self.options
        return self.limited(filter_entries(records, options.get("types", ()), options.get("years")))

    def render(self, records: list[Any]) -> list[nodes.Node]:
        from ..data.cv_query import group_entries
        from ..render.cv import render_groups

        chosen = self.chosen(records)
        if not chosen:
            return []
        groups = group_entries(
            chosen, self.options.get("group-by", "none"), group_label(self.file_kind)
        )
        # The profile's name is left out of a talk's co-authors.
        settings = self.render_settings(self.load_profile())
        return render_groups(groups, cv_renderer(self.file_kind), settings)


class TalksDirective(_CvListDirective):
    """``talks.yaml``: title and type, event and place, co-authors, summary, links, date."""

    file_kind: ClassVar[str] = "talks"
    css_class: ClassVar[str] = "sp-talks-block"

    option_spec: ClassVar[dict[str, Any]] = {
        **_CvListDirective.option_spec,
        "types": some_of(TALK_TYPES),
        "map": directives.flag,
    }

    def render(self, records: list[Any]) -> list[nodes.Node]:
        rendered = super().render(records)
        self._note_shown(records, rendered)
        if "map" in self.options and rendered:
            from ..render.cv import render_talk_places

            rendered.extend(render_talk_places(self.chosen(records)))
        return rendered

    def _note_shown(self, records: list[Any], rendered: list[nodes.Node]) -> None:
        """Record the talks shown, for the page's JSON-LD ``Event``\\ s."""
        from ..xref.shown import TalksShown, note_shown

        source = self.resolve_source(self.file_kind, self.options.get("source"))
        if source is None or not rendered:
            return
        lines = tuple(talk.line for talk in self.chosen(records))
        own = source == self.resolve_source(self.file_kind, None)
        note_shown(self.env, talks=TalksShown(str(source), lines, own))


class TeachingDirective(_CvListDirective):
    """``teaching.yaml``; consecutive terms of one course share one item."""

    file_kind: ClassVar[str] = "teaching"
    css_class: ClassVar[str] = "sp-teaching-block"


class AwardsDirective(_CvListDirective):
    """``awards.yaml``: name, awarder, summary, date."""

    file_kind: ClassVar[str] = "awards"
    css_class: ClassVar[str] = "sp-awards-block"


class ServiceDirective(_CvListDirective):
    """``service.yaml``; one line per role and venue: ``Reviewer, NeurIPS 2023, 2024``."""

    file_kind: ClassVar[str] = "service"
    css_class: ClassVar[str] = "sp-service-block"
    option_spec: ClassVar[dict[str, Any]] = {
        **_CvListDirective.option_spec,
        "types": some_of(SERVICE_TYPES),
    }


class SkillsDirective(DataDirective):
    """``skills.yaml``: ``list_item > paragraph.sp-entry-title > strong (name), keywords``."""

    file_kind: ClassVar[str] = "skills"
    css_class: ClassVar[str] = "sp-skills-block"

    def render(self, records: list[Any]) -> list[nodes.Node]:
        return [cv_renderer("skills")(self.limited(records), self.render_settings())]


class CvSectionDirective(_CvListDirective):
    """Any other section, from a list of generic entries or RenderCV entries (``:source:``).

    The optional argument is shown as the section's heading (an ``sp_heading``).
    """

    file_kind: ClassVar[str] = "cv-section"
    css_class: ClassVar[str] = "sp-cv-section-block"
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {
        **DataDirective.option_spec,
        "years": year_range,
        "group-by": one_of(CV_GROUPS),
    }

    def render(self, records: list[Any]) -> list[nodes.Node]:
        from ..output.nodes import sp_heading

        rendered = super().render(records)
        if self.arguments and rendered:
            title = self.arguments[0]
            return [sp_heading(title, title, classes=["sp-cv-heading"]), *rendered]
        return rendered

    def run(self) -> list[nodes.Node]:
        if "source" not in self.options:
            warn(
                Subtype.OPTION,
                "%s: give the data file as :source: (a list of entries)",
                self.name,
                location=self.get_location(),
            )
            return []
        return super().run()


DIRECTIVES: dict[str, type[DataDirective]] = {
    "talks": TalksDirective,
    "teaching": TeachingDirective,
    "awards": AwardsDirective,
    "service": ServiceDirective,
    "skills": SkillsDirective,
    "cv-section": CvSectionDirective,
}


def setup_cv_sections(app: Sphinx) -> None:
    """The CV section directives: talks, teaching, awards, service, skills, cv-section."""
    add_directives(app, DIRECTIVES)
