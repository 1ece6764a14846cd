"""Layout for paper and plain text: the profile card and entry lists read like a CV.

HTML lays pages out with CSS; LaTeX and text get these post-transforms instead:

* the dates of an entry move up to the line they belong to (the organisation,
  or the degree) as an ``sp_dates`` node: flush right in LaTeX
  (``\\sphinxprofiledates`` in ``sphinxprofile.sty``), in parentheses in text;
* the profile card becomes a heading: its photo is kept only where the builder
  can include the image, the headline, affiliation and location share a line,
  and the links form one line;
* in plain text, the profile's links and a publication's links are listed one
  a line with their addresses (``paper: https://…``), which are never wrapped.

``sphinxprofile.sty`` (in ``texinputs/``) is loaded by every LaTeX document and
copied next to the ``.tex`` files; it styles the classes these nodes carry
(``sphinxclasssp-profile`` and the like, ``\\DUrole{sp-profile-name}``).
"""

from __future__ import annotations

import mimetypes
import posixpath
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from .base import BuilderPostTransform
from .nodes import sp_dates

logger = logging.getLogger(__name__)

LATEX_PACKAGE = "sphinxprofile"
LATEX_PACKAGE_FILE = Path(__file__).parent.parent / "texinputs" / f"{LATEX_PACKAGE}.sty"

# The paragraphs a date range can join, nearest first.
_DATE_ANCHORS = ("sp-degree", "sp-term-line", "sp-entry-title")
# Paragraphs of links, listed one a line with their addresses in plain text.
_LINK_LINES = ("sp-pub-links", "sp-links")
_HEADLINE_PARTS = ("sp-headline", "sp-affiliation", "sp-location")
_MIDDLE_DOT = " \N{MIDDLE DOT} "


class PrintLayoutTransform(BuilderPostTransform):
    """Every format but HTML: dates beside their entry, the profile card as a heading."""

    default_priority = 400  # after Sphinx's image converters (priority 10)
    formats = ("html",)

    def is_supported(self) -> bool:
        # Every format but HTML: Sphinx's own check, inverted.
        return not super().is_supported()

    def run(self, **kwargs: Any) -> None:
        plain_text = self.builder.format == "text"
        for paragraph in list(self.document.findall(nodes.paragraph)):
            if "sp-dates" in paragraph["classes"]:
                move_dates(paragraph)
        for card in list(self.document.findall(nodes.container)):
            if "sp-profile" in card["classes"]:
                self.profile_heading(card, plain_text)
        if plain_text:
            for paragraph in list(self.document.findall(nodes.paragraph)):
                links = [name for name in _LINK_LINES if name in paragraph["classes"]]
                if links:
                    paragraph.replace_self(address_lines(paragraph, links))

    def profile_heading(self, card: nodes.container, plain_text: bool) -> None:
        for image in list(card.findall(nodes.image)):
            if not self.can_include(image, card):
                image.parent.remove(image)
        for body in card.findall(nodes.container):
            if "sp-profile-body" in body["classes"]:
                _one_line_headline(body)
                _links_line(body, plain_text)
        for name in card.findall(nodes.paragraph):
            if "sp-profile-name" in name["classes"]:
                children = list(name.children)
                name.clear()
                name += nodes.inline("", "", *children, classes=["sp-profile-name"])

    def can_include(self, image: nodes.image, card: nodes.Element) -> bool:
        """A photo the builder can place: never in text, in LaTeX only PDF, PNG or JPEG."""
        supported = list(getattr(self.builder, "supported_image_types", []))
        if self.builder.format == "text" or not supported:
            return False
        mimetype = mimetypes.guess_type(image["uri"])[0]
        if mimetype in supported:
            return True
        logger.info(
            "the profile photo %s is left out of the %s output: use a %s image to show it",
            # The name only: an SVG is published from its inert copy in the build folder.
            posixpath.basename(image["uri"]),
            self.builder.name,
            " or ".join(kind.split("/")[-1].upper() for kind in supported),
            location=card,
        )
        return False


def move_dates(paragraph: nodes.paragraph) -> None:
    """``paragraph.sp-dates`` -> ``sp_dates`` at the end of the line the dates belong to."""
    parent = paragraph.parent
    if parent is None:
        return
    index = parent.index(paragraph)
    anchor = None
    for sibling in reversed(parent.children[:index]):
        if isinstance(sibling, nodes.paragraph) and set(sibling["classes"]) & set(_DATE_ANCHORS):
            anchor = sibling
            break
    if anchor is None:
        return
    text = paragraph.astext()
    anchor += sp_dates(text, text, classes=["sp-dates"])
    parent.remove(paragraph)


def _one_line_headline(body: nodes.container) -> None:
    """Headline, affiliation and location on one line, between middle dots."""
    parts = [
        child
        for child in body.children
        if isinstance(child, nodes.paragraph) and set(child["classes"]) & set(_HEADLINE_PARTS)
    ]
    if len(parts) < 2:
        return
    line = nodes.paragraph(classes=["sp-headline"])
    for index, part in enumerate(parts):
        if index:
            line += nodes.inline(_MIDDLE_DOT, _MIDDLE_DOT, classes=["sp-sep"])
        line.extend(part.children)
    body.replace(parts[0], line)
    for part in parts[1:]:
        body.remove(part)


def address_lines(links: nodes.Element, classes: list[str]) -> nodes.line_block:
    """``label: address``, one link a line, for plain text (where links have no target)."""
    block = nodes.line_block(classes=classes)
    for reference in links.findall(nodes.reference):
        line = nodes.line()
        line += reference.deepcopy()
        if reference.get("refuri"):
            line += nodes.Text(": " + str(reference["refuri"]).removeprefix("mailto:"))
        block += line
    return block


def _links_line(body: nodes.container, plain_text: bool) -> None:
    """The list of profile links as one line, or one a line with addresses in text."""
    for links in list(body.findall(nodes.bullet_list)):
        if "sp-profile-links" not in links["classes"]:
            continue
        if plain_text:
            links.replace_self(address_lines(links, ["sp-profile-links"]))
            continue
        line = nodes.paragraph(classes=["sp-profile-links"])
        for index, reference in enumerate(links.findall(nodes.reference)):
            if index:
                line += nodes.inline(_MIDDLE_DOT, _MIDDLE_DOT, classes=["sp-sep"])
            line += reference.deepcopy()
        links.replace_self(line)


def copy_latex_package(app: Sphinx, exception: Exception | None) -> None:
    """Put ``sphinxprofile.sty`` beside the ``.tex`` files, which load it."""
    if exception is None and app.builder.format == "latex":
        shutil.copyfile(LATEX_PACKAGE_FILE, Path(app.outdir) / LATEX_PACKAGE_FILE.name)


def setup_print_layout(app: Sphinx) -> None:
    """The print layout of LaTeX and text output, and the LaTeX package it needs."""
    app.add_post_transform(PrintLayoutTransform)
    app.add_latex_package(LATEX_PACKAGE)
    app.connect("build-finished", copy_latex_package)
