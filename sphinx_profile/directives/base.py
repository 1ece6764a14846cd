"""What every data directive shares: locating files, reading them once, reporting problems."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from ..config import ProfileConfig, profile_config
from ..data.issues import DataIssue, Subtype, display_path
from ..warn import warn


class ReadFile(Protocol):
    """What a reader of data files gives: a digest, and whether and how it failed."""

    @property
    def digest(self) -> str: ...
    @property
    def missing(self) -> bool: ...
    @property
    def issues(self) -> tuple[DataIssue, ...]: ...


ReadT = TypeVar("ReadT", bound=ReadFile)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..data.limits import Limits
    from ..data.models import Model, Profile
    from ..data.store import LoadedFile
    from ..render.common import RenderSettings


def note_issue(env: BuildEnvironment, issue: DataIssue, path: Path) -> None:
    """Record a data-file problem; it is warned about once per build, after reading."""
    from ..xref.issues import note_data_issue, reported_issue

    note_data_issue(env, reported_issue(issue, path))


class DataDirective(SphinxDirective):
    """Base of the directives that render a data file.

    Subclasses set ``file_kind`` (the model kind, also the default file stem)
    and implement :meth:`render`.
    """

    file_kind: ClassVar[str]
    css_class: ClassVar[str]
    owner: str | None = None
    """Whom the file read is about, when it is a CV of another tool: highlighted."""
    has_content = False
    required_arguments = 0
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {
        "source": directives.unchanged_required,
        "class": directives.class_option,
        "limit": directives.nonnegative_int,
    }

    def run(self) -> list[nodes.Node]:
        loaded = self.load(self.file_kind, self.options.get("source"), main=True)
        if loaded is None or not loaded.records:
            return []
        self.owner = loaded.owner
        records = list(loaded.records)
        children = self.render(records)
        if not children:
            return []
        container = nodes.container(
            classes=["sp-block", self.css_class, *self.options.get("class", [])]
        )
        container.extend(children)
        self.set_source_info(container)
        return [container]

    def render(self, records: list[Model]) -> list[nodes.Node]:
        raise NotImplementedError

    def limited(self, records: list[Any]) -> list[Any]:
        limit = self.options.get("limit")
        return records[:limit] if limit is not None else records

    # -- locating and reading files ----------------------------------------------------

    @property
    def profile_config(self) -> ProfileConfig:
        return profile_config(self.config)

    @property
    def data_dir(self) -> Path:
        return self.profile_config.data_path  # made absolute when the config is read

    def resolve_source(self, kind: str, source: str | None) -> Path | None:
        """The file to read: ``source`` inside the data folder, or the kind's default file.

        Both must lie inside the data folder by their real path: a link that leads
        out of it is refused (a loop of links is read, and reported, as unreadable).
        """
        from ..data.limits import confined

        data_dir = self.data_dir
        if source is None:
            default = data_dir / f"{kind}.yaml"
            alternative = data_dir / f"{kind}.yml"
            path = alternative if not default.exists() and alternative.exists() else default
            if confined(path, data_dir) is None:
                message = "refused: it is a link to a file outside the data folder"
                note_issue(self.env, DataIssue(message, subtype=Subtype.FILE), path)
                return None
            return path
        found = confined(data_dir / source, data_dir)
        if found is None:
            warn(
                Subtype.FILE,
                "%s: refused :source: %r: it lies outside the data folder %s",
                self.name,
                source,
                display_path(data_dir),
                location=self.get_location(),
            )
            return None
        return found

    def load(
        self, kind: str, source: str | None = None, *, required: bool = True, main: bool = False
    ) -> LoadedFile | None:
        """Read a data file of ``kind`` through :meth:`read_file`.

        A missing optional file is silently ``None``; a missing required one warns
        and is still noted as a dependency, so the page is re-read once it exists.
        The ``main`` file of the directive is a dependency of the page as
        :meth:`note_main_file` says (the whole file, unless a subclass knows better).
        """
        from ..data.store import load_data_file

        def read(path: Path, limits: Limits) -> LoadedFile:
            return load_data_file(path, kind, limits=limits)

        found = self.read_file(kind, source, read, required=required, main=main)
        if found is None:
            return None
        path, loaded = found
        if kind == "publications" and loaded.left_out:
            from ..xref.issues import note_left_out

            for entry_id, issue in loaded.left_out:
                where = display_path(issue.path or path)  # a file of a folder of Markdown
                note_left_out(self.env, entry_id, f"{where}:{issue.line or 1}", issue)
        return loaded

    def read_file(
        self,
        kind: str,
        source: str | None,
        reader: Callable[[Path, Limits], ReadT],
        *,
        required: bool = True,
        main: bool = False,
    ) -> tuple[Path, ReadT] | None:
        """What every data file goes through: find it, note it as a dependency of the
        page with its digest, read it (``reader``, cached once per build), record its
        problems (warned once per build). ``None`` when there is nothing to show."""
        from ..data.store import LoadedFile
        from ..xref.incremental import note_data_file

        path = self.resolve_source(kind, source)
        if path is None or (not required and not path.exists()):
            return None
        loaded = reader(path, self.profile_config.limits)
        if isinstance(loaded, LoadedFile) and loaded.parts:
            # A folder of Markdown files (Jekyll, Hugo): each file is a dependency.
            self.env.note_dependency(str(path))
            for file, digest in loaded.parts:
                self.env.note_dependency(str(file))
                note_data_file(self.env, str(file), digest)
        elif not (main and self.note_main_file(path, loaded.digest)):
            self.env.note_dependency(str(path))
            note_data_file(self.env, str(path), loaded.digest)
        if loaded.missing:
            self.warn_missing(path)
            return None
        for issue in loaded.issues:
            note_issue(self.env, issue, path)
        return path, loaded

    def note_main_file(self, path: Path, digest: str) -> bool:
        """Record how the page depends on its main file; False: on the whole file (the default).

        The publication list depends on the entries it shows instead
        (:mod:`sphinx_profile.xref.entries`).
        """
        return False

    def warn_missing(self, path: Path) -> None:
        warn(
            Subtype.FILE,
            "%s: data file not found: %s (profile_data_dir is %r)",
            self.name,
            display_path(path),
            self.profile_config.data_dir,
            location=self.get_location(),
        )

    # -- settings shared by the renderers ----------------------------------------------

    def load_profile(self) -> Profile | None:
        loaded = self.load("profile", required=False)
        return loaded.records[0] if loaded and loaded.records else None  # type: ignore[return-value]

    def render_settings(self, profile: Profile | None = None) -> RenderSettings:
        # The owner a CV file names stands for the person when there is no profile.
        return self.profile_config.render_settings(profile, getattr(self, "owner", None))

    def with_shared_files(self, settings: RenderSettings) -> RenderSettings:
        """``settings`` with the data folder's co-authors, venues and (if shown) citations.

        Each file is optional; one that exists is a dependency of the page.
        """
        from dataclasses import replace

        from ..data.directory import coauthor_index, venue_index

        coauthors = self.load("coauthors", required=False)
        venues = self.load("venues", required=False)
        settings = replace(
            settings,
            coauthors=coauthor_index(coauthors.records) if coauthors else {},  # type: ignore[arg-type]
            venues=venue_index(venues.records) if venues else {},  # type: ignore[arg-type]
        )
        if "citations" in self.options or self.profile_config.citation_badges:
            settings = replace(settings, citations=self.citation_counts())
        return settings

    def citation_counts(self) -> dict[str, Any]:
        """Publication id -> its count, from ``citations.yaml`` (empty without the file)."""
        loaded = self.load("citations", required=False)
        return {record.id: record for record in loaded.records} if loaded else {}  # type: ignore[attr-defined]

    def doc_relative_uri(self, path: Path) -> str:
        """A URI for ``path`` relative to the current document, as image nodes expect."""
        doc_dir = Path(self.env.doc2path(self.env.docname)).parent
        return Path(os.path.relpath(path, doc_dir)).as_posix()


def add_directives(app: Sphinx, table: dict[str, type[DataDirective]]) -> None:
    """Register a family's directives under their names."""
    for name, directive in table.items():
        app.add_directive(name, directive)
