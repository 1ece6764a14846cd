"""How :class:`~sphinx_profile.nodes.sp_markup` becomes output.

HTML builders write its markup straight to HTML (:func:`visit_markup_html`);
every other builder, or HTML with ``profile_direct_html = False``, gets the
nodes it stands for from :class:`ExpandMarkup`, before references are resolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxSmartQuotes, SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import sp_markup

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

    from .render.markup import Markup
    from .render.markup_html import Link


def expand_markup(doctree: nodes.Node) -> None:
    """Replace every ``sp_markup`` under ``doctree`` with its nodes."""
    from .render.markup_nodes import to_nodes

    for node in list(doctree.findall(sp_markup)):
        node.replace_self(to_nodes(node["markup"]))


def writes_direct_html(builder: Any, config: Any) -> bool:
    from .config import profile_config

    return builder.format == "html" and profile_config(config).direct_html


class BuilderPostTransform(SphinxPostTransform):
    @property
    def builder(self) -> Any:
        """The builder (its class where Sphinx keeps that, as 8.1 and later do)."""
        builder = getattr(self.env, "_builder_cls", None)
        return builder if builder is not None else self.app.builder


class ExpandMarkup(BuilderPostTransform):
    """Nodes for the builders that do not write markup themselves."""

    default_priority = 5  # before references are resolved (10): member names are xrefs

    def run(self, **kwargs: Any) -> None:
        if not writes_direct_html(self.builder, self.config):
            expand_markup(self.document)


def register_images(app: Any, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the thumbnails inside lists written straight to HTML.

    Sphinx copies the images its builder registered from the page's image nodes
    (``post_process_images``); a list kept as markup has none, so its images are
    registered here, in the main process also in a parallel build, as Sphinx does.
    """
    if not writes_direct_html(app.builder, app.config):
        return
    images = app.env.images
    for node in doctree.findall(sp_markup):
        for uri in node.get("images", ()):
            if uri in images:
                app.builder.images[uri] = images[uri][1]


PREVIEW_CLASS = "sp-pub-preview"
RASTER_SUFFIXES = (".png", ".jpg", ".jpeg")


class PreviewFallback(BuilderPostTransform):
    """Thumbnails are for the web: a PDF keeps a raster one (LaTeX takes no SVG), the
    plain-text builders none (they would print ``[image]``)."""

    default_priority = 200  # after ExpandMarkup
    formats = ("html",)

    def is_supported(self) -> bool:
        return not super().is_supported()  # every format but HTML

    def run(self, **kwargs: Any) -> None:
        keep_raster = self.builder.format == "latex"
        for image in list(self.document.findall(nodes.image)):
            if PREVIEW_CLASS not in image["classes"] or image.parent is None:
                continue
            if keep_raster and image["uri"].lower().endswith(RASTER_SUFFIXES):
                continue
            image.parent.remove(image)


def visit_markup_html(translator: Any, node: sp_markup) -> None:
    from .render.markup_html import HtmlWriter

    HtmlWriter(translator, link_resolver(translator)).write(node["markup"])
    raise nodes.SkipNode


def depart_markup_html(translator: Any, node: sp_markup) -> None:
    pass


def link_resolver(translator: Any) -> Callable[[Markup], Link | None]:
    """Where each kind of link goes on the page being written, as the nodes would."""
    from .render.markup_html import Link
    from .site import writes_web_pages
    from .xref.domain import profile_domain

    builder = translator.builder
    docname = builder.current_docname
    domain = profile_domain(builder.env)
    web_pages = writes_web_pages(builder)

    def resolve(content: Markup) -> Link | None:
        kind, _children, classes, attributes = content
        attributes = attributes or {}
        if kind == "reference":
            return Link(attributes["refuri"], bool(attributes.get("internal")), classes)
        if kind == "pending_xref":  # a member's name
            member, fallback = attributes["reftarget"], attributes.get("sp_fallback_url")
            found = domain.member_target(builder, docname, member, fallback)
            return Link(*found) if found else None
        if kind == "paper_link":
            if not web_pages:
                return None
            uri = builder.get_relative_uri(docname, attributes["pagename"])
            return Link(uri, True, ("sp-paper-link",))
        return None

    return resolve


class MarkupSmartQuotes(SphinxTransform):
    """Smart quotes, dashes and ellipses in lists, as Sphinx puts them in the rest of a page.

    Sphinx's ``SmartQuotes`` educates the text of paragraphs and titles; a list's
    text is not in nodes, so this does the same for it, right after, with
    Sphinx's own rules (``smartquotes``, ``smartquotes_action``,
    ``smartquotes_excludes``): the same characters as the nodes would get.
    """

    default_priority = 751  # right after Sphinx's SmartQuotes (750)

    def apply(self, **kwargs: Any) -> None:
        lists = list(self.document.findall(sp_markup))
        if not lists or not SphinxSmartQuotes(self.document, None).is_available():
            return
        from .render.markup import searchable_text
        from .render.smartquotes import educated

        action = self.config.smartquotes_action
        language = self.env.settings["language_code"]
        for node in lists:
            markup = educated(node["markup"], action, language)
            if markup is not node["markup"]:
                node["markup"] = markup
                node[:] = [nodes.Text(searchable_text(markup))]


def setup_markup_output(app: Sphinx) -> None:
    """The ``sp_markup`` placeholder, its smart quotes, expansion and image fallbacks."""
    # Other builders never meet it: ExpandMarkup replaces it with its nodes.
    app.add_node(sp_markup, html=(visit_markup_html, depart_markup_html))
    app.add_transform(MarkupSmartQuotes)
    app.add_post_transform(ExpandMarkup)
    app.add_post_transform(PreviewFallback)
    app.connect("doctree-resolved", register_images)
