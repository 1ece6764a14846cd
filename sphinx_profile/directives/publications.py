"""The ``publication-list`` directive: filter, sort, limit, group, render."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ..data.choices import (
    LIST_TYPES,
    PUBLICATION_GROUPS,
    PUBLICATION_SORTS,
    PUBLICATION_STYLES,
)
from ..data.issues import DataIssue, Subtype
from ..warn import warn
from .base import DataDirective, add_directives, note_issue
from .members import PERSON_OPTIONS
from .options import comma_list, one_of, type_list, year_range

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..data.models import Publication
    from ..render.common import RenderSettings
    from ..xref.entries import ListQuery
    from .members import MemberEntry


# Options that leave entries out: a list without any is the natural :pub: target.
FILTER_OPTIONS = frozenset(
    {"selected", "topics", "types", "tags", "years", "exclude-types", "author", "limit", "person"}
)


class PublicationListDirective(DataDirective):
    """Render ``publications.yaml`` (or ``:source:``), filtered, sorted and grouped.

    Doctree (each list is one ``sp_markup`` node until the page is written; this is
    what it stands for, and what builders other than HTML get)::

        container.sp-block.sp-publications-block
          sp_heading                     (one per group, when grouped; not a section)
          bullet_list.sp-publications.sp-<style>
            list_item.sp-pub
              paragraph.sp-pub-title  (target ids=pub-<id>, then the title)
              compact: paragraph.sp-pub-meta  (sp_badge | role | references)
              full:    paragraph.sp-pub-authors, paragraph.sp-pub-venue, paragraph.sp-pub-links

    With ``:pages:`` the title's text is inside an ``sp_paper_link`` (see
    ``sphinx_profile.metadata.paper_pages``) and each entry gets a page of its own.
    """

    file_kind: ClassVar[str] = "publications"
    css_class: ClassVar[str] = "sp-publications-block"
    overlay_path: Path | None = None
    option_spec: ClassVar = {
        **DataDirective.option_spec,
        "selected": directives.flag,
        "topics": comma_list,
        "types": type_list,
        "tags": comma_list,
        "years": year_range,
        "group-by": one_of(PUBLICATION_GROUPS),
        "group-order": comma_list,
        "sort": one_of(PUBLICATION_SORTS),
        "style": one_of(PUBLICATION_STYLES),
        "author": comma_list,
        "exclude-types": type_list,
        "list": one_of(LIST_TYPES),
        "reversed": directives.flag,
        "overlay": directives.unchanged_required,
        "pages": directives.flag,
        "previews": directives.flag,
        "no-index": directives.flag,
        "citations": directives.flag,
        **PERSON_OPTIONS,
    }

    def run(self) -> list[nodes.Node]:
        from ..xref.entries import note_list_query

        self.query: ListQuery | None = None
        result = super().run()
        if self.query is not None:
            note_list_query(self.env, self.query)
        return result

    def note_main_file(self, path: Path, digest: str) -> bool:
        """The page depends on the entries it shows, not on the whole file (see ``run``)."""
        from ..xref.entries import ListQuery

        self.query = ListQuery(str(path), digest, None, None)
        return True

    def render(self, records: list[Any]) -> list[nodes.Node]:
        from ..data.names import name_matcher
        from ..data.query import ListSelection, PublicationFilter, group_publications
        from ..render.inline_html import html_text
        from ..render.publications import (
            ListLayout,
            publication_anchor,
            render_publication_groups,
            type_heading,
        )
        from ..xref.entries import shown_entries
        from ..xref.incremental import note_publications

        entry = None
        if "person" in self.options:
            from .members import find_member

            entry = find_member(self)
            if entry is None:
                return []
        publications: list[Publication] = self._with_overlay(records)
        options = self.options
        criteria = PublicationFilter(
            selected="selected" in options,
            topics=options.get("topics", ()),
            types=options.get("types", ()),
            tags=options.get("tags", ()),
            years=options.get("years"),
            exclude_types=options.get("exclude-types", ()),
            authors=name_matcher(options.get("author", ())),
        )
        wanted = [("topic", options.get("topics", ()), "topics")]
        wanted.append(("tag", options.get("tags", ()), "tags"))
        if options.get("group-by") == "topic":
            wanted.append(("topic in :group-order:", options.get("group-order", ()), "topics"))
        selection = ListSelection(
            criteria,
            person=entry.names if entry is not None else None,
            sort=options.get("sort", "date"),
            limit=options.get("limit"),
            wanted_names=tuple((what, tuple(names), key) for what, names, key in wanted if names),
        )
        unknown = selection.unknown_names(publications)
        self._warn_unknown_names(unknown)
        chosen = selection.select(publications)
        if self.query is not None:
            overlay = str(self.overlay_path) if self.overlay_path else None
            self.query = self.query._replace(
                overlay=overlay,
                selection=selection,
                shown=shown_entries(chosen),
                unknown=tuple(unknown),
            )
        if "no-index" not in options:  # as Sphinx's own :no-index: - not a :pub: target
            note_publications(
                self.env,
                ((pub.id, publication_anchor(pub), html_text(pub.title)) for pub in chosen),
                len(chosen),
                complete=not FILTER_OPTIONS & self.options.keys(),
            )
        pages = self._note_shown(chosen)
        group_by = options.get("group-by", "none")
        groups = group_publications(
            chosen,
            group_by,
            options.get("group-order", ()),
            labels=type_heading if group_by == "type" else _other_label,
        )
        style = options.get("style", "full")
        layout = ListLayout(
            style=style,
            list_type=options.get("list", "bullet"),
            reversed="reversed" in options,
            paper_pages=pages,
            previews=style == "full" or "previews" in options,
        )
        previews = self._previews(chosen) if layout.previews else {}
        # Anchors already on this page (temp_data lives while one page is read).
        anchored = self.env.temp_data.setdefault("sp_anchors", set())
        settings = self._settings(entry)
        self._warn_unlinked_scholar_ids(chosen, settings)
        return list(render_publication_groups(groups, layout, settings, anchored, previews))

    def _warn_unlinked_scholar_ids(
        self, chosen: list[Publication], settings: RenderSettings
    ) -> None:
        """al-folio's ``google_scholar_id`` needs your Scholar user id, from the profile."""
        if settings.scholar_user is not None:
            return
        first = next((pub for pub in chosen if pub.google_scholar_id), None)
        source = self.resolve_source(self.file_kind, self.options.get("source"))
        if first is None or source is None:
            return
        message = (
            "field 'google_scholar_id' is not shown: the profile has no Google Scholar "
            "link with your user id (scholar: https://scholar.google.com/citations?user=…)"
        )
        line = first.line_of("google_scholar_id")
        note_issue(self.env, DataIssue(message, line, subtype=Subtype.NOT_SHOWN), source)

    def _previews(self, chosen: list[Publication]) -> dict[str, str]:
        """Each thumbnail as Sphinx's image nodes name it, noted for copying like an avatar.

        The same check as avatars (``data_image_uri``): inside the data folder, what
        its name says, an SVG published as its inert copy; problems are warnings at
        the entry's line.
        """
        from .profile import data_image_uri

        source = self.resolve_source(self.file_kind, self.options.get("source"))
        found: dict[str, str] = {}
        if source is None:
            return found
        for publication in chosen:
            line = publication.line_of("preview")
            uri = data_image_uri(self, publication.preview, source, line, "preview")
            if uri is None:
                continue
            relative, absolute = self.env.relfn2path(uri, self.env.docname)
            self.env.images.add_file(self.env.docname, relative)
            self.env.note_dependency(absolute)
            found[publication.id] = relative
        return found

    def _settings(self, entry: MemberEntry | None) -> RenderSettings:
        """The site's person highlighted, or with ``:person:`` that member instead."""
        from dataclasses import replace

        from ..xref.incremental import note_member_links
        from .members import member_names_index

        if entry is None:
            settings = self.render_settings(self.load_profile())
        else:
            settings = replace(self.render_settings(), highlight=entry.names, person=entry.names)
        members = member_names_index(self)
        if members:
            note_member_links(self.env)
            settings = replace(settings, members=members)
        return self.with_shared_files(settings)

    def _note_shown(self, chosen: list[Publication]) -> bool:
        """Record the entries shown, for the page's metadata; whether they get pages."""
        from ..xref.shown import ListShown, note_shown

        pages = "pages" in self.options or self.profile_config.publication_pages
        source = self.resolve_source(self.file_kind, self.options.get("source"))
        if source is not None:
            overlay = str(self.overlay_path) if self.overlay_path else None
            ids = tuple(pub.id for pub in chosen)
            note_shown(self.env, listed=ListShown(str(source), overlay, ids, pages))
        return pages

    def _with_overlay(self, publications: list[Publication]) -> list[Publication]:
        """Apply ``:overlay:``; an overlay id that matches nothing is reported at its line."""
        from ..data.overlay import apply_overlay

        if "overlay" not in self.options:
            return publications
        loaded = self.load("publication-overlay", self.options["overlay"])
        if loaded is None:
            return publications
        self.overlay_path = loaded.path
        merged, unmatched = apply_overlay(publications, loaded.records)  # type: ignore[arg-type]
        for overlay in unmatched:
            message = (
                f"overlay id {overlay.id!r} matches no publication of "
                f"{self.options.get('source', 'publications.yaml')}"
            )
            note_issue(self.env, DataIssue(message, overlay.line), loaded.path)
        return merged

    def _warn_unknown_names(self, unknown: list[tuple[str, str]]) -> None:
        """A topic or tag no entry has is most likely a typo: say so."""
        for what, name in unknown:
            warn(
                Subtype.OPTION,
                "%s: no publication has the %s %r",
                self.name,
                what,
                name,
                location=self.get_location(),
            )


def _other_label(key: str) -> str:
    from ..locale import _

    return key or str(_("Other"))


DIRECTIVES: dict[str, type[DataDirective]] = {"publication-list": PublicationListDirective}


def setup_publications(app: Sphinx) -> None:
    """The ``publication-list`` directive."""
    add_directives(app, DIRECTIVES)
