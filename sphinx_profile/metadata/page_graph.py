"""JSON-LD in the head of the HTML pages that show the directives.

``html-page-context`` reads what the page's directives recorded in the domain
(:class:`~sphinx_profile.xref.shown.ShownOnPage`), loads the models through the
cached store, builds the graph with :mod:`~sphinx_profile.metadata.jsonld` and
appends a ``<script type="application/ld+json">`` to the page's ``metatags``.

``@id``\\ s are URLs: absolute from ``html_baseurl`` when it is set, else
relative to the page (valid JSON-LD, but only an absolute id names the same
node on every page). The person is ``<profile page>#person``; a publication
is ``<page of its longest list>#pub-<id>``, the anchor ``:pub:`` links to.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..config import profile_config
from ..data.names import name_matcher, normalize_name
from ..site import (
    PageUrls,
    listed_publications,
    load_records,
    profile_page,
    site_profile,
    writes_web_pages,
)
from ..xref.domain import profile_domain
from ..xref.shown import ShownOnPage, shown_on_pages
from . import jsonld
from .paper_pages import PAPER_CONTEXT_KEY

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..data.models import Education, Experience, Publication


def ids_with_pages(env: BuildEnvironment) -> set[str]:
    """The publications listed with ``:pages:`` somewhere: they have a page of their own."""
    shown = shown_on_pages(env).values()
    return {
        pub_id for seen in shown for listed in seen.lists if listed.pages for pub_id in listed.ids
    }


def publication_id_url(env: BuildEnvironment, urls: PageUrls, publication_id: str) -> str:
    """The ``@id`` of a publication: its anchor on the page with its longest list."""
    domain = profile_domain(env)
    found = domain.best_claim(publication_id)
    if found is None:
        return urls.page(urls.current, f"pub-{publication_id}")
    docname, claim = found
    return urls.page(docname, claim.anchor)


# -- the graph of a page ---------------------------------------------------------------


class GraphBuilder:
    """The JSON-LD nodes of one page."""

    def __init__(self, app: Sphinx, pagename: str) -> None:
        self.env = app.env
        self.config = app.config
        self.urls = PageUrls(app.builder, pagename)
        self.profile = site_profile(self.env)
        person_page = profile_page(self.env) or self.config.root_doc
        self.person_url = self.urls.page(person_page)
        self.person_id = self.urls.page(person_page, "person")
        names = [self.profile.name, *self.profile.aliases] if self.profile else []
        self.person_names = name_matcher(names)

    def is_person(self, name: str) -> bool:
        return normalize_name(name) in self.person_names

    def cites_person(self, work: jsonld.JsonObject) -> bool:
        return {"@id": self.person_id} in work.get("author", [])

    def person(self, seen: ShownOnPage) -> Iterator[jsonld.JsonObject]:
        """The page's ``ProfilePage`` and full ``Person``, or a reference to the person."""
        if self.profile is None:
            return
        shown = seen.profile
        if shown is None:
            yield jsonld.person_reference(self.profile, node_id=self.person_id, url=self.person_url)
            return
        profile = next(iter(load_records(self.config, shown.profile, "profile")), self.profile)
        page_url = self.urls.page(self.urls.current)
        title = self.env.titles.get(self.urls.current)
        yield jsonld.profile_page_node(
            page_url=page_url,
            person_id=self.person_id,
            name=title.astext() if title is not None else None,
        )
        experience: list[Experience] = load_records(self.config, shown.experience, "experience")
        education: list[Education] = load_records(self.config, shown.education, "education")
        yield jsonld.person_node(
            profile,
            node_id=self.person_id,
            url=self.person_url,
            image=self.urls.image(shown.avatar) if shown.avatar else None,
            experience=experience,
            education=education,
            awards=load_records(self.config, shown.awards, "awards"),
            skills=load_records(self.config, shown.skills, "skills"),
            today=_dt.date.today(),
        )

    def work(self, publication: Publication, page: str | None) -> jsonld.JsonObject:
        """A publication; ``page`` is its own page's name, when it has one."""
        from ..render.publications import title_url
        from .highwire import bare_arxiv, bare_doi

        same_as = []
        if publication.doi:
            same_as.append(f"https://doi.org/{bare_doi(publication.doi)}")
        if publication.arxiv:
            same_as.append(f"https://arxiv.org/abs/{bare_arxiv(publication.arxiv)}")
        paper = title_url(publication)
        url = self.urls.page(page) if page is not None else paper
        if paper and paper != url:
            same_as.insert(0, paper)
        return jsonld.work_node(
            publication,
            node_id=publication_id_url(self.env, self.urls, publication.id),
            url=url,
            same_as=same_as,
            person_id=self.person_id if self.profile else None,
            is_person=self.is_person,
        )

    def works(self, seen: ShownOnPage) -> Iterator[jsonld.JsonObject]:
        from ..render.publications import paper_pagename

        with_pages = ids_with_pages(self.env)
        done: set[str] = set()
        for listed in seen.lists:
            for publication in listed_publications(self.config, listed):
                if publication.id not in done:
                    done.add(publication.id)
                    page = paper_pagename(publication.id) if publication.id in with_pages else None
                    yield self.work(publication, page)

    def talks(self, seen: ShownOnPage) -> Iterator[jsonld.JsonObject]:
        """The talks the page shows, as ``Event``\\ s the person performs at.

        Those of the data folder's ``talks.yaml``, or of any file on the page of
        the profile card; an example page of someone else's talks names nobody.
        """
        if self.profile is None:
            return
        done: set[tuple[str, int]] = set()  # a talk in two lists of the page is one event
        for shown in seen.talks:
            if not shown.own and seen.profile is None:
                continue  # another file's talks, on a page without the card: maybe not yours
            lines = set(shown.lines)
            for talk in load_records(self.config, shown.source, "talks"):
                if talk.line in lines and (shown.source, talk.line) not in done:
                    done.add((shown.source, talk.line))
                    yield jsonld.talk_node(talk, person_id=self.person_id)


def page_graph(app: Sphinx, pagename: str, context: dict[str, Any]) -> jsonld.JsonObject | None:
    """The graph of a page that shows the directives, or of a per-paper page; else None."""
    paper = context.get(PAPER_CONTEXT_KEY)
    seen = ShownOnPage() if paper is not None else shown_on_pages(app.env).get(pagename)
    if seen is None:
        return None
    graph = GraphBuilder(app, pagename)
    works = [graph.work(paper, pagename)] if paper is not None else list(graph.works(seen))
    talks = list(graph.talks(seen))
    people = list(graph.person(seen))
    if seen.profile is None and not talks and not any(graph.cites_person(w) for w in works):
        people = []  # a page of other people's papers (a lab member's) need not name you
    nodes = [*people, *works, *talks]
    return jsonld.graph(nodes) if nodes else None


def site_signature(env: BuildEnvironment) -> tuple[Any, ...]:
    """What every page's graph takes from the other pages: the ``@id``\\ s and page URLs."""
    domain = profile_domain(env)
    claims = []
    for publication_id in sorted(domain.publications):
        found = domain.best_claim(publication_id)
        if found is not None:
            claims.append((publication_id, found[0], found[1].anchor))
    return (profile_page(env), tuple(sorted(ids_with_pages(env))), tuple(claims))


def outdated_metadata_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the pages whose JSON-LD changed though they were not read again.

    A profile page, when the positions or degrees changed: its ``Person`` lists
    them but the page does not show them. Every page with metadata, when the
    profile page, an ``@id`` or the set of per-paper pages changed elsewhere.
    These pages are written again, not read again.
    """
    if not profile_config(app.config).jsonld or not writes_web_pages(app.builder):
        return []
    shown = shown_on_pages(env)
    outdated = set()
    for docname, seen in shown.items():
        profile = seen.profile
        if profile is not None and profile.stamp != profile.current_stamp():
            seen.profile = profile.stamped()
            outdated.add(docname)
    domain = profile_domain(env)
    signature = site_signature(env)
    if domain.data["jsonld_signature"] not in (None, signature):
        outdated.update(shown)
    domain.data["jsonld_signature"] = signature
    return sorted(outdated)


def add_jsonld(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the page's graph as a script in its head."""
    if not profile_config(app.config).jsonld or not writes_web_pages(app.builder):
        return
    data = page_graph(app, pagename, context)
    if data is not None:
        context["metatags"] = context.get("metatags", "") + jsonld.script_tag(data)


def setup_jsonld(app: Sphinx) -> None:
    """JSON-LD in the head of the pages that show the directives."""
    app.connect("html-page-context", add_jsonld)
    app.connect("env-get-updated", outdated_metadata_pages)
