"""The ``profile`` directive: the person card."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.util import logging

from ..data.issues import Subtype
from .base import DataDirective, display_path

if TYPE_CHECKING:
    from ..data.models import Model, Profile

logger = logging.getLogger(__name__)


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
    """

    file_kind: ClassVar[str] = "profile"
    css_class: ClassVar[str] = "sp-profile-block"
    option_spec: ClassVar = {
        key: value for key, value in DataDirective.option_spec.items() if key != "limit"
    }

    def render(self, records: list[Model]) -> list[nodes.Node]:
        from ..render.profile import render_profile

        profile: Profile = records[0]  # type: ignore[assignment]
        return [render_profile(profile, self._avatar_uri(profile))]

    def _avatar_uri(self, profile: Profile) -> str | None:
        """The avatar as a document-relative URI; Sphinx then copies it into the build."""
        if not profile.avatar:
            return None
        path = (self.data_dir / profile.avatar).resolve()
        location = f"{display_path(self.data_dir / 'profile.yaml')}:{profile.line}"
        if not path.is_relative_to(self.data_dir):
            logger.warning(
                "avatar %r lies outside the data folder; it is not shown",
                profile.avatar,
                location=location,
                type="profile",
                subtype=Subtype.FILE.value,
            )
            return None
        if not path.is_file():
            logger.warning(
                "avatar image not found: %s",
                display_path(path),
                location=location,
                type="profile",
                subtype=Subtype.FILE.value,
            )
            return None
        return self.doc_relative_uri(path)
