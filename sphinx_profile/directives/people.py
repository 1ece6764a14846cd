"""The ``people`` directive: a lab's members as cards or a list, grouped by position."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..data.choices import PEOPLE_GROUPS, PEOPLE_STYLES
from ..data.issues import Subtype
from ..warn import warn
from .base import DataDirective, add_directives
from .members import build_date
from .options import comma_list, one_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..data.models import Member
    from ..data.people import Status


class PeopleDirective(DataDirective):
    """Render ``people.yaml`` (or ``:source:``) as cards or a list, grouped by position.

    Doctree::

        container.sp-block.sp-people-block
          sp_heading                       (one per group, when grouped; not a section)
          bullet_list.sp-member-cards      (or .sp-member-list for :style: list)
            list_item.sp-person
              image.sp-person-photo        (cards, HTML only)
              paragraph.sp-person-name > pending_xref (member) > strong
              paragraph.sp-person-position / .sp-person-now / .sp-person-interests
              paragraph.sp-person-links > reference.sp-link …
    """

    file_kind: ClassVar[str] = "people"
    css_class: ClassVar[str] = "sp-people-block"
    option_spec: ClassVar = {
        **DataDirective.option_spec,
        "group-by": one_of(PEOPLE_GROUPS),
        "group-order": comma_list,
        "positions": comma_list,
        "current": directives.flag,
        "alumni": directives.flag,
        "style": one_of(PEOPLE_STYLES),
    }

    def render(self, records: list[Any]) -> list[nodes.Node]:
        from ..data.people import ALUMNI, PeopleFilter, filter_people, group_people
        from ..data.query import unknown_names
        from ..locale import _
        from ..render.people import render_people_groups
        from ..xref.incremental import note_member_links

        people: list[Member] = records
        options = self.options
        today = build_date()
        positions = options.get("positions", ())
        for name in unknown_names(positions, [m.position for m in people if m.position]):
            self._warn_option(f"no member has the position {name!r}")
        chosen = filter_people(people, PeopleFilter(self._status(), positions), today)
        chosen = self.limited(chosen)
        group_by = options.get("group-by", "position")
        order = options.get("group-order") or self.profile_config.people_order
        groups = group_people(chosen, group_by, order, today)
        if "group-order" in options:
            keys = [key for key, _members in groups if key is not None]
            for name in unknown_names(options["group-order"], keys):
                self._warn_option(f"no {group_by} group {name!r} in :group-order:")
        fallback = _("Members") if group_by == "position" else _("Other")

        def heading(key: str | None) -> str | None:
            if key is None:
                return None
            return str(_("Alumni")) if key == ALUMNI else key or str(fallback)

        style = options.get("style", "cards")
        photos = self._photos(chosen) if style == "cards" else {}
        note_member_links(self.env)
        labelled = [(heading(key), members) for key, members in groups]
        return list(render_people_groups(labelled, style, photos, self.render_settings(), today))

    def _status(self) -> Status:
        current, alumni = "current" in self.options, "alumni" in self.options
        if current and alumni:
            self._warn_option(":current: and :alumni: together show everyone; give one")
            return "all"
        return "current" if current else "alumni" if alumni else "all"

    def _photos(self, people: list[Member]) -> dict[str, str]:
        from .profile import data_image_uri

        source = self.resolve_source(self.file_kind, self.options.get("source"))
        assert source is not None  # the file was read
        photos = {}
        for member in people:
            uri = data_image_uri(self, member.photo, source, member.line_of("photo"), "photo")
            if uri is not None:
                photos[member.id] = uri
        return photos

    def _warn_option(self, message: str) -> None:
        warn(Subtype.OPTION, "%s: %s", self.name, message, location=self.get_location())


class PeoplePhotoFallback(SphinxPostTransform):
    """Outside HTML, people cards are a plain list: their photos (and placeholders) are left out."""

    default_priority = 200
    formats = ("html",)

    def is_supported(self) -> bool:
        # Every format but HTML: Sphinx's own check, inverted, works in every version.
        return not super().is_supported()

    def run(self, **kwargs: Any) -> None:
        from ..render.people import PHOTO_CLASS, PLACEHOLDER_CLASS

        for image in list(self.document.findall(nodes.image)):
            if PHOTO_CLASS in image["classes"] and image.parent is not None:
                image.parent.remove(image)
        for placeholder in list(self.document.findall(nodes.inline)):
            if PLACEHOLDER_CLASS in placeholder["classes"] and placeholder.parent is not None:
                placeholder.parent.remove(placeholder)


DIRECTIVES: dict[str, type[DataDirective]] = {"people": PeopleDirective}


def setup_people(app: Sphinx) -> None:
    """The ``people`` directive, and its plain-list form outside HTML."""
    add_directives(app, DIRECTIVES)
    app.add_post_transform(PeoplePhotoFallback)
