"""One HTML page per publication, with the Highwire tags Google Scholar reads.

A ``publication-list`` with ``:pages:`` (or every list, with
``profile_publication_pages = True``) records its entries in the domain and
wraps each title in :class:`~sphinx_profile.output.nodes.sp_paper_link`.
When the HTML is written:

* :func:`link_paper_titles` (``doctree-resolved``) turns each such title into
  a link to ``publications/<id>.html``, or into plain text for other builders;
* :func:`collect_paper_pages` (``html-collect-pages``) renders the pages from
  docutils nodes through ``builder.render_partial`` and the theme's
  ``page.html``, with ``citation_*`` meta tags in the head.

Every HTML build checks the pages against the data files as they are then, so
they never lag behind the lists: a page is written again when its entry, its
list page (name, title, address) or the site (configuration, theme, titles,
profile, metadata from other pages) changed, or its file is missing; the page
of an entry that left the data is removed (``stale_pages``). A build where
none of that changed loads no data file for them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..config import ProfileConfig, profile_config
from ..data.issues import Subtype
from ..locale import _
from ..output.nodes import sp_paper_link
from ..reach.sitemap import SITEMAP
from ..render.inline_html import html_text
from ..site import PageUrls, listed_publications, profile_page, site_profile, writes_web_pages
from ..warn import warn
from ..xref.domain import profile_domain
from ..xref.shown import shown_on_pages
from .highwire import citation_tags, meta_tags
from .stale_pages import record_written_pages, remove_stale_pages, written_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

    from ..data.models import Profile, Publication
    from ..render.common import RenderSettings


PAPER_CONTEXT_KEY = "sp_publication"
"""Context key of a per-paper page: ``(publication, docname of its list)``."""

PAGE_TEMPLATE = "page.html"
"""The theme's own page template: the pages look like every other page of the site."""


def link_paper_titles(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: a title with a page of its own is a link in HTML, text elsewhere."""
    builder = app.builder
    linked = writes_web_pages(builder)
    for node in list(doctree.findall(sp_paper_link)):
        if not linked:
            node.replace_self(node.children)
            continue
        uri = builder.get_relative_uri(docname, node["pagename"])
        reference = nodes.reference(
            "", "", *node.children, refuri=uri, internal=True, classes=["sp-paper-link"]
        )
        node.replace_self(reference)


def paper_settings(config: ProfileConfig, profile: Profile | None) -> RenderSettings:
    """The settings of the lists, with the whole author list shown."""
    return replace(config.render_settings(profile), max_authors=0, link_titles=False)


def paper_entries(app: Sphinx) -> dict[str, tuple[Publication, str]]:
    """Page name -> (publication, page of its list), for the entries of lists with pages.

    Lists are taken in the order of their pages' names; the first to show an id wins.
    """
    env = app.env
    shown = shown_on_pages(env)
    entries: dict[str, tuple[Publication, str]] = {}
    origins: dict[str, tuple[str, str]] = {}
    clashes: set[tuple[str, tuple[str, str]]] = set()
    # A document's own file wins (``publications/index`` of dirhtml is ``publications/``).
    taken = {app.builder.get_target_uri(doc) for doc in env.all_docs}
    for docname in sorted(shown):
        for listed in shown[docname].lists:
            if not listed.pages:
                continue
            # Imported only now: a site without paper pages never loads the renderers.
            from ..render.publications import paper_pagename

            for publication in listed_publications(app.config, listed):
                pagename = paper_pagename(publication.id)
                origin = (listed.source, publication.id)
                if pagename in origins:
                    if origins[pagename] != origin and (pagename, origin) not in clashes:
                        clashes.add((pagename, origin))
                        _warn_clash(pagename, origins[pagename], origin, publication.line)
                    continue
                origins[pagename] = origin
                if app.builder.get_target_uri(pagename) in taken:
                    warn(
                        Subtype.DATA,
                        "no page of its own for publication %r: a document is already at %s",
                        publication.id,
                        app.builder.get_target_uri(pagename),
                        location=(docname, None),
                    )
                    continue
                entries[pagename] = (publication, docname)
    return entries


def _warn_clash(pagename: str, first: tuple[str, str], second: tuple[str, str], line: int) -> None:
    from ..directives.base import display_path

    warn(
        Subtype.DATA,
        "publications %r (%s) and %r (%s) would share the page %s; it shows the first",
        first[1],
        display_path(Path(first[0])),
        second[1],
        display_path(Path(second[0])),
        pagename,
        location=f"{display_path(Path(second[0]))}:{line or ''}",
    )


def paper_doctree(
    publication: Publication, settings: RenderSettings, back: tuple[str, str]
) -> nodes.section:
    """Title, authors, venue and date, links, abstract, body, BibTeX and a link back.

    The lines under the title are those of the list's ``full`` style; the
    abstract and BibTeX are open sections rather than toggles.
    """
    from ..output.expand import to_node_list, to_nodes
    from ..render.inline_html import inline_html
    from ..render.publications import publication_anchor, render_publication, shown_bibtex

    section = nodes.section(ids=[publication_anchor(publication)], classes=["sp-paper"])
    section += nodes.title(publication.title, "", *to_node_list(inline_html(publication.title)))
    lines = render_publication(publication, "full", settings)[1:]  # the title is the heading
    section.extend(to_nodes(line) for line in lines if line.kind != "toggle")
    if publication.abstract:
        section += _subsection(
            "abstract",
            str(_("Abstract")),
            nodes.paragraph(publication.abstract, publication.abstract),
        )
    if publication.body:
        from ..render.markdown_blocks import markdown_blocks

        section += nodes.container(
            "", *markdown_blocks(publication.body), classes=["sp-paper-body"]
        )
    if publication.bibtex:
        bibtex = shown_bibtex(publication, settings)
        code = nodes.literal_block(bibtex, bibtex, language="bibtex")
        section += _subsection("bibtex", "BibTeX", code)
    uri, title = back
    link = nodes.reference(title, title, refuri=uri, internal=True)
    section += nodes.paragraph("", "", link, classes=["sp-paper-back"])
    return section


def _subsection(name: str, title: str, body: nodes.Node) -> nodes.section:
    section = nodes.section(ids=[f"sp-{name}"], classes=[f"sp-paper-{name}"])
    section += nodes.title(title, title)
    section += body
    return section


def _start_page(builder: StandaloneHTMLBuilder, pagename: str) -> None:
    """Give the builder the per-page state that its ``write_doc`` gives a document.

    The translator reads section and figure numbers and the image and download
    paths from the builder. ``write_doc`` sets them for each document it writes, so
    without this a paper page would be rendered with the last written document's
    numbers and paths, and after a build that wrote no document (nothing changed)
    with none at all: the translator then fails on the missing ``fignumbers``.
    A paper page has no numbered sections or figures of its own.
    """
    target = builder.get_target_uri(pagename)
    builder.secnumbers = {}
    builder.fignumbers = {}
    builder.imgpath = relative_uri(target, "_images")
    builder.dlpath = relative_uri(target, "_downloads")
    builder.current_docname = pagename


def collect_paper_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: ``(pagename, context, template)`` of the paper pages to write.

    A page is written when what it is made from changed (:func:`page_signature`)
    or its file is missing; when nothing any page is made from changed
    (:func:`pages_plan`), the data files are not even loaded.
    """
    if not writes_web_pages(app.builder):
        return
    builder = cast("StandaloneHTMLBuilder", app.builder)
    previous_plan, previous = written_pages(builder)
    shown = shown_on_pages(app.env).values()
    if not any(listed.pages for seen in shown for listed in seen.lists):
        # No paper pages (nor the data layer loaded for them); an earlier build's go.
        remove_stale_pages(builder, ())
        record_written_pages(builder, None, {})
        return
    site = site_signature(app)
    plan = pages_plan(app, site)
    every = SITEMAP in app.extensions  # sphinx-sitemap lists the pages written
    if plan == previous_plan and not every and all(_written(builder, p) for p in previous):
        return
    entries = paper_entries(app)
    remove_stale_pages(builder, entries)
    signatures: dict[str, str] = {}
    if entries:
        yield from _paper_pages(app, builder, entries, site, previous, signatures, every)
    record_written_pages(builder, plan, signatures)


def _paper_pages(
    app: Sphinx,
    builder: StandaloneHTMLBuilder,
    entries: dict[str, tuple[Publication, str]],
    site: str,
    previous: dict[str, str],
    signatures: dict[str, str],
    every: bool,
) -> Iterator[tuple[str, dict[str, Any], str]]:
    # Imported here: a site without paper pages never loads the renderers and models.
    from ..render.publications import publication_anchor
    from ..xref.entries import entry_digest

    settings = paper_settings(profile_config(app.config), site_profile(app.env))
    for pagename, (publication, docname) in entries.items():
        title_node = app.env.titles.get(docname)
        title = title_node.astext() if title_node is not None else docname
        uri = builder.get_relative_uri(pagename, docname)
        # The entry's JSON-LD @id is its anchor on the page with its best list.
        claim = profile_domain(app.env).best_claim(publication.id)
        target = (claim[0], claim[1].anchor) if claim is not None else None
        signature = _digest(site, entry_digest(publication), docname, title, uri, target)
        signatures[pagename] = signature
        if not every and previous.get(pagename) == signature and _written(builder, pagename):
            continue
        _start_page(builder, pagename)
        urls = PageUrls(builder, pagename)
        back = (f"{uri}#{publication_anchor(publication)}", title)
        title_html = builder.render_partial(nodes.title(title, title))["title"]
        plain_title = html_text(publication.title)
        page_url = urls.page(pagename) if urls.base else None
        context = {
            "title": builder.render_partial(nodes.title(plain_title, plain_title))["title"],
            "body": builder.render_partial(paper_doctree(publication, settings, back))["fragment"],
            "metatags": meta_tags(citation_tags(publication, page_url)),
            "parents": [{"link": uri, "title": title_html}],
            "display_toc": False,
            PAPER_CONTEXT_KEY: publication,
        }
        yield pagename, context, PAGE_TEMPLATE


def site_signature(app: Sphinx) -> str:
    """What every paper page takes from the site rather than from its entry.

    The configuration (every value that rebuilds anything: the pages are made
    from what the directives read and what the writer writes) and the theme
    (Sphinx's own ``.buildinfo`` hashes, the newest template), the versions,
    the documents and their titles (the theme's navigation), the site's
    profile (and its page: the person's JSON-LD ``@id``), the sidebar card and
    the feed links.
    """
    import sphinx

    from .. import __version__

    env = app.env
    builder = cast("StandaloneHTMLBuilder", app.builder)
    build_info = getattr(builder, "build_info", None)
    templates = getattr(builder, "templates", None)
    newest = templates.newest_template_mtime() if templates is not None else 0
    domain_data = profile_domain(env).data
    profile = site_profile(env)
    shown = shown_on_pages(env)
    return _digest(
        sphinx.__version__,
        __version__,
        _config_values(app),
        getattr(build_info, "config_hash", ""),
        getattr(build_info, "tags_hash", ""),
        newest,
        sorted((doc, title.astext()) for doc, title in env.titles.items()),
        sorted((doc, sorted(included)) for doc, included in env.toctree_includes.items()),
        profile.model_dump_json() if profile is not None else None,
        profile_page(env),  # the person's @id, in every paper page's JSON-LD
        domain_data["sidebar_signature"],
        sorted((doc, seen.news) for doc, seen in shown.items() if seen.news),
    )


def _config_values(app: Sphinx) -> list[tuple[str, str]]:
    """Every configuration value that rebuilds anything, as text.

    A value whose text names an object's address (``<function f at 0x…>``)
    differs in every process; it is left out, as Sphinx's own ``.buildinfo``
    hash leaves out what it cannot compare.
    """
    values = [(item.name, _stable_text(item.value)) for item in app.config if item.rebuild]
    # Paths inside the project are named from it (the same wherever it is built).
    project = str(app.srcdir)
    return sorted(
        (name, text.replace(project, "<project>")) for name, text in values if " at 0x" not in text
    )


def _stable_text(value: Any) -> str:
    """``repr(value)``, with the items of sets and dictionaries in sorted order.

    (The order of a set's items differs from one process to the next.)
    """
    if isinstance(value, set | frozenset):
        return "{" + ", ".join(sorted(_stable_text(item) for item in value)) + "}"
    if isinstance(value, dict):
        items = (f"{_stable_text(k)}: {_stable_text(v)}" for k, v in value.items())
        return "{" + ", ".join(sorted(items)) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_stable_text(item) for item in value) + "]"
    return repr(value)


def pages_plan(app: Sphinx, site: str) -> str:
    """Everything the paper pages are made from, without loading a data file.

    The lists with pages (their entries' ids), the content of their files
    (digests), their pages' names, titles and addresses, and the site.
    """
    from ..data.limits import current_digest

    env, builder = app.env, app.builder
    max_bytes = profile_config(app.config).max_file_size
    lists = []
    for docname, seen in sorted(shown_on_pages(env).items()):
        for listed in seen.lists:
            if listed.pages:
                files = [p for p in (listed.source, listed.overlay) if p]
                # Named from the project (the record is the same wherever it is built).
                names = [os.path.relpath(path, app.srcdir) for path in files]
                digests = [current_digest(Path(path), max_bytes) for path in files]
                uri = builder.get_target_uri(docname)
                lists.append((docname, uri, names, listed.ids, listed.pages, digests))
    return _digest(site, lists, sorted(env.all_docs))


def _digest(*parts: Any) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def _written(builder: StandaloneHTMLBuilder, pagename: str) -> bool:
    return Path(builder.get_outfilename(pagename)).is_file()


def setup_paper_pages(app: Sphinx) -> None:
    """A page per publication (``profile_publication_pages``), and titles linking to it."""
    app.connect("doctree-resolved", link_paper_titles)
    app.connect("html-collect-pages", collect_paper_pages)
