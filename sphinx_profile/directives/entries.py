"""``experience``, ``education``, ``projects`` and ``news``: lists in the seed's layout."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes

from .base import DataDirective, add_directives

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..data.models import Model


class ExperienceDirective(DataDirective):
    """``experience.yaml`` in file order.

    Doctree: ``container.sp-experience-block > bullet_list.sp-experience >
    list_item.sp-entry > paragraph.sp-entry-title (strong > reference), paragraph.sp-about,
    paragraph.sp-position,
    paragraph.sp-people, paragraph.sp-summary, bullet_list.sp-highlights, paragraph.sp-dates``.
    """

    file_kind: ClassVar[str] = "experience"
    css_class: ClassVar[str] = "sp-experience-block"

    def render(self, records: list[Model]) -> list[nodes.Node]:
        from ..render.entries import render_experience

        return [render_experience(self.limited(records), self.render_settings())]


class EducationDirective(DataDirective):
    """``education.yaml``; consecutive entries of one institution share one item.

    Doctree: ``container.sp-education-block > bullet_list.sp-education >
    list_item.sp-entry > paragraph.sp-entry-title, then per degree paragraph.sp-degree,
    paragraph.sp-people, paragraph.sp-summary, paragraph.sp-dates``.
    ``:limit:`` counts degrees, not institutions.
    """

    file_kind: ClassVar[str] = "education"
    css_class: ClassVar[str] = "sp-education-block"

    def render(self, records: list[Model]) -> list[nodes.Node]:
        from ..render.entries import render_education

        return [render_education(self.limited(records), self.render_settings())]


class ProjectsDirective(DataDirective):
    """``projects.yaml``.

    Doctree: ``list_item > paragraph.sp-entry-title > strong``, then ``paragraph.sp-organization``,
    ``paragraph.sp-role``, ``bullet_list.sp-highlights``, ``paragraph.sp-tags``,
    ``paragraph.sp-dates``.
    """

    file_kind: ClassVar[str] = "projects"
    css_class: ClassVar[str] = "sp-projects-block"

    def render(self, records: list[Model]) -> list[nodes.Node]:
        from ..render.entries import render_projects

        return [render_projects(self.limited(records), self.render_settings())]


class NewsDirective(DataDirective):
    """``news.yaml``, newest first: ``list_item > paragraph.sp-news-item > emphasis.sp-date``."""

    file_kind: ClassVar[str] = "news"
    css_class: ClassVar[str] = "sp-news-block"

    def render(self, records: list[Any]) -> list[nodes.Node]:
        from ..data.query import news_newest_first
        from ..render.entries import render_news
        from ..xref.shown import note_shown

        source = self.resolve_source(self.file_kind, self.options.get("source"))
        if source is not None:
            note_shown(self.env, news=str(source))  # the page a feed's items link to
        return [render_news(self.limited(news_newest_first(records)), self.render_settings())]


DIRECTIVES: dict[str, type[DataDirective]] = {
    "experience": ExperienceDirective,
    "education": EducationDirective,
    "projects": ProjectsDirective,
    "news": NewsDirective,
}


def setup_entries(app: Sphinx) -> None:
    """The dated-entry directives: experience, education, projects, news."""
    add_directives(app, DIRECTIVES)
