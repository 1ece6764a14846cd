"""What ``:person: <id>`` needs: the member's entry, their own profile, everyone's names."""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils.parsers.rst import directives

from ..data.issues import Subtype
from ..warn import warn

if TYPE_CHECKING:
    from ..data.models import Member, Profile
    from .base import DataDirective


PERSON_OPTIONS: dict[str, Any] = {
    "person": directives.unchanged_required,
    "people": directives.unchanged_required,
}
"""``:person: <id>`` and ``:people: <file>``, shared by ``profile`` and ``publication-list``."""

MEMBER_FILES = "people"
"""Per-member profiles: ``people/<id>.yaml`` in the folder of the people file."""


def build_date() -> _dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` for reproducible builds.

    It separates current members from alumni (an ``end`` before it).
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date()
    return _dt.date.today()


class MemberEntry(NamedTuple):
    member: Member
    people_file: Path
    profile: Profile | None
    """The member's own profile file (``people/<id>.yaml``), when there is one."""
    profile_file: Path

    @property
    def names(self) -> frozenset[str]:
        """The normalized spellings of the member's name, to select and highlight."""
        from ..data.names import name_matcher
        from ..data.people import member_names

        return name_matcher(member_names(self.member, self.profile))


def find_member(directive: DataDirective) -> MemberEntry | None:
    """The entry of ``:person:`` in the people file; a warning when there is none."""
    person = directive.options["person"].strip()
    loaded = directive.load("people", directive.options.get("people"))
    if loaded is None:
        return None
    from ..data.models import Member, Profile

    members = (record for record in loaded.records if isinstance(record, Member))
    member = next((record for record in members if record.id == person), None)
    if member is None:
        warn(
            Subtype.OPTION,
            "%s: no member with id %r in %s",
            directive.name,
            person,
            loaded.path.name,
            location=directive.get_location(),
        )
        return None
    from ..xref.incremental import note_member_file

    own_file = loaded.path.parent / MEMBER_FILES / f"{person}.yaml"
    # Read again when the file comes or goes (a missing file cannot be a dependency).
    note_member_file(directive.env, str(own_file), own_file.is_file())
    profile = None
    # A link that leads nowhere readable (a loop, a FIFO) is read too, so it is reported.
    if own_file.is_file() or own_file.is_symlink():
        own = directive.load("profile", str(own_file.relative_to(directive.data_dir)))
        if own is not None and own.records and isinstance(own.records[0], Profile):
            profile = own.records[0]
    return MemberEntry(member, loaded.path, profile, own_file)


def warn_ignored_source(directive: DataDirective) -> None:
    if "source" in directive.options:
        warn(
            Subtype.OPTION,
            "%s: :source: is ignored with :person:; name the people file with :people:",
            directive.name,
            location=directive.get_location(),
        )


def member_names_index(directive: DataDirective) -> dict[str, str]:
    """Normalized name -> member id, when ``profile_link_members`` is on (else empty)."""
    from ..data.people import name_index

    if not directive.profile_config.link_members:
        return {}
    source = directive.options.get("people")
    loaded = directive.load("people", source, required=source is not None)
    if loaded is None:
        return {}
    return name_index(loaded.records)  # type: ignore[arg-type]
