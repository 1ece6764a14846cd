"""What each page shows, for the page's metadata (JSON-LD, per-paper pages, feeds).

It owns the records the directives leave (a profile card, publication lists,
talks, news) in the domain's ``shown`` data, and their reading: the metadata
is made when the page is written, from these records and the data files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import NamedTuple

from sphinx.environment import BuildEnvironment

from .domain import profile_domain


class ProfileShown(NamedTuple):
    """A page's ``profile`` card: the files its JSON-LD ``Person`` is made from."""

    profile: str
    avatar: str | None = None
    experience: str | None = None
    education: str | None = None
    stamp: tuple[tuple[int, int] | None, ...] = ()
    """Size and mtime of the other files when the page was last written."""
    awards: str | None = None
    skills: str | None = None

    def current_stamp(self) -> tuple[tuple[int, int] | None, ...]:
        files = (self.experience, self.education, self.awards, self.skills)
        return tuple(_file_stamp(path) for path in files)

    def stamped(self) -> ProfileShown:
        return self._replace(stamp=self.current_stamp())


def _file_stamp(path: str | None) -> tuple[int, int] | None:
    try:
        stat = os.stat(path) if path else None
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns) if stat else None


class ListShown(NamedTuple):
    """A page's ``publication-list``: the files it read and the entries it showed."""

    source: str
    overlay: str | None
    ids: tuple[str, ...]
    pages: bool
    """Whether the entries have pages of their own (``:pages:``)."""


class TalksShown(NamedTuple):
    """A page's ``talks`` list: the file and the lines of the talks it showed."""

    source: str
    lines: tuple[int, ...]
    own: bool = True
    """Whether the file is the data folder's ``talks.yaml``: the site's person's talks."""


@dataclass
class ShownOnPage:
    profile: ProfileShown | None = None
    lists: list[ListShown] = field(default_factory=list)
    talks: list[TalksShown] = field(default_factory=list)
    news: list[str] = field(default_factory=list)
    """The news files the page's ``news`` directives read: where a feed's items link to."""


def shown_on_pages(env: BuildEnvironment) -> dict[str, ShownOnPage]:
    """docname -> what the page's directives showed (kept in the domain's data)."""
    return profile_domain(env).shown


def note_shown(
    env: BuildEnvironment,
    profile: ProfileShown | None = None,
    listed: ListShown | None = None,
    talks: TalksShown | None = None,
    news: str | None = None,
) -> None:
    """Record that the current page shows a profile card, a publication list, talks or news."""
    seen = shown_on_pages(env).setdefault(env.docname, ShownOnPage())
    if profile is not None and seen.profile is None:
        seen.profile = profile
    if listed is not None:
        seen.lists.append(listed)
    if talks is not None:
        seen.talks.append(talks)
    if news is not None and news not in seen.news:
        seen.news.append(news)
