"""The ``profile`` directive: the person card."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ..data.issues import DataIssue, Subtype
from ..data.limits import digest
from ..warn import warn
from .base import DataDirective, add_directives, note_issue
from .members import PERSON_OPTIONS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..data.citations import Metrics
    from ..data.models import Model, Profile


class ProfileDirective(DataDirective):
    """Render ``profile.yaml`` as a card.

    Doctree::

        container.sp-block.sp-profile-block
          container.sp-profile
            image.sp-avatar                (when ``avatar`` is set)
            container.sp-profile-body
              paragraph.sp-profile-name > strong
              paragraph.sp-headline / .sp-affiliation / .sp-location / .sp-bio
              bullet_list.sp-profile-links > list_item > paragraph > reference

    With ``:person: <id>`` the card is that member's, from the people file
    (``:people:``, default ``people.yaml``) or from ``people/<id>.yaml`` beside
    it, and the page becomes the member's page: member names elsewhere link to it.
    """

    file_kind: ClassVar[str] = "profile"
    css_class: ClassVar[str] = "sp-profile-block"
    option_spec: ClassVar = {
        **{key: value for key, value in DataDirective.option_spec.items() if key != "limit"},
        **PERSON_OPTIONS,
        "metrics": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        if "person" not in self.options:
            return super().run()
        return self._member_card()

    def _member_card(self) -> list[nodes.Node]:
        from ..render.people import render_member_card
        from ..xref.incremental import note_member_page
        from .members import build_date, find_member, warn_ignored_source

        warn_ignored_source(self)
        entry = find_member(self)
        if entry is None:
            return []
        note_member_page(self.env, entry.member.id)
        if entry.profile is not None:
            image, data_file = entry.profile.avatar, entry.profile_file
            line = entry.profile.line_of("avatar")
        else:
            image, data_file, line = (
                entry.member.photo,
                entry.people_file,
                entry.member.line_of("photo"),
            )
        uri = data_image_uri(
            self, image, data_file, line, "photo" if entry.profile is None else "avatar"
        )
        card = render_member_card(
            entry.member, entry.profile, uri, self.render_settings(), build_date()
        )
        container = nodes.container(
            classes=["sp-block", self.css_class, "sp-member", *self.options.get("class", [])]
        )
        container += card
        self.set_source_info(container)
        return [container]

    def render(self, records: list[Model]) -> list[nodes.Node]:
        from ..output.expand import to_nodes
        from ..render.profile import render_profile

        profile: Profile = records[0]  # type: ignore[assignment]
        uri = self._avatar_uri(profile)
        self._note_shown(profile, uri)
        card = render_profile(
            profile,
            uri,
            self._metrics(),
            self.config.language or "en",
            link_style=self.profile_config.link_style,
        )
        return [to_nodes(card)]

    def _metrics(self) -> Metrics | None:
        """Papers, citations, h-index and i10-index, with ``:metrics:`` or the setting.

        ``:metrics: papers.bib`` counts the publications of that file (default
        ``publications.yaml``); the counts come from ``citations.yaml``.
        """
        from ..data.citations import metrics

        if "metrics" not in self.options and not self.profile_config.citation_metrics:
            return None
        if (
            not (self.data_dir / "citations.yaml").exists()
            and not (self.data_dir / "citations.yml").exists()
        ):
            warn(
                Subtype.FILE,
                "%s: citation metrics need citations.yaml in the data folder %s "
                "(sphinx-profile citations update writes it)",
                self.name,
                self.profile_config.data_dir,
                location=self.get_location(),
            )
            return None
        publications = self.load("publications", self.options.get("metrics") or None)
        if publications is None:
            return None
        counts = self.citation_counts()
        ids = [record.id for record in publications.records]  # type: ignore[attr-defined]
        return metrics(len(ids), (counts[pub_id].count for pub_id in ids if pub_id in counts))

    def _note_shown(self, profile: Profile, avatar_uri: str | None) -> None:
        """Record the card for the page's JSON-LD ``Person`` (see ``metadata.page_graph``).

        The Person also lists the positions, degrees, awards and skills of the
        data folder's ``experience``, ``education``, ``awards`` and ``skills``
        files, which need not exist yet.
        """
        from ..xref.shown import ProfileShown, note_shown

        source = self.resolve_source(self.file_kind, self.options.get("source"))
        if source is None:
            return
        avatar = None
        if avatar_uri:  # the file published (an SVG's inert copy), as Sphinx found it
            doc_dir = Path(self.env.doc2path(self.env.docname)).parent
            avatar = os.path.normpath(doc_dir / avatar_uri)
        experience, education, awards, skills = (
            str(path) if (path := self.resolve_source(kind, None)) else None
            for kind in ("experience", "education", "awards", "skills")
        )
        shown = ProfileShown(
            str(source), avatar, experience, education, awards=awards, skills=skills
        )
        note_shown(self.env, profile=shown.stamped())

    def _avatar_uri(self, profile: Profile) -> str | None:
        """The avatar as a document-relative URI; Sphinx then copies it into the build."""
        source = self.resolve_source("profile", self.options.get("source"))
        return data_image_uri(
            self,
            profile.avatar,
            source or self.data_dir / "profile.yaml",
            profile.line_of("avatar"),
        )


def data_image_uri(
    directive: DataDirective, image: str | None, data_file: Path, line: int, what: str = "avatar"
) -> str | None:
    """An image named in ``data_file`` (relative to the data folder) as a URI for an image node.

    The image must lie inside the data folder and be what its name says; an SVG
    is published as its inert copy (see ``data.images``). Problems are warnings
    at ``data_file:line``.
    """
    if not image:
        return None
    from ..data.images import check_image
    from ..xref.incremental import note_data_file

    checked = check_image(image, directive.data_dir, what, directive.profile_config.max_file_size)
    for message, subtype in checked.problems:
        note_issue(directive.env, DataIssue(message, line, subtype=subtype), data_file)
    if checked.path is None:
        return None
    note_data_file(directive.env, str(checked.path), checked.digest)
    published = checked.path
    if checked.svg is not None:
        published = _write_inert_copy(directive, checked.path.name, checked.svg)
    return directive.doc_relative_uri(published)


def _write_inert_copy(directive: DataDirective, name: str, svg: bytes) -> Path:
    """The inert SVG in the build's doctree folder, from where Sphinx copies it.

    Named by content, so parallel readers write the same file, and replaced whole.
    """
    folder = Path(directive.env.doctreedir) / "sphinx_profile_images" / digest(svg)
    path = folder / name
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f".{name}.{os.getpid()}"
        partial.write_bytes(svg)
        os.replace(partial, path)
    return path


DIRECTIVES: dict[str, type[DataDirective]] = {"profile": ProfileDirective}


def setup_profile(app: Sphinx) -> None:
    """The ``profile`` directive."""
    add_directives(app, DIRECTIVES)
