"""The prose of a Jekyll or Hugo page as MyST Markdown: what converts, and notes on the rest.

Kramdown and Goldmark Markdown is mostly CommonMark, which MyST reads as it
is. What differs is handled here: Liquid tags (``{% ... %}``, ``{{ ... }}``)
and Hugo shortcodes (``{{< ... >}}``), Kramdown attribute lists (``{: .notice}``),
headings (the page title becomes the one ``#`` heading, the others move one
level down), and links to the old site's own files, which are copied.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

_FOR_LOOP = re.compile(
    r"\{%-?\s*for\s+\w+\s+in\s+(?:site\.|paginator\.)?([\w.]+)[^%]*-?%\}"
    r"((?:(?!\{%-?\s*for\b).)*?)\{%-?\s*endfor\s*-?%\}",
    re.DOTALL,
)
"""An innermost Liquid loop: its body holds no other loop."""
_WRAPPED_BLOCK = re.compile(r"<ul>\s*(\n```\{[\w-]+\}.*?\n```\n)\s*</ul>", re.DOTALL)
_BLOCK_TAG = re.compile(
    r"\{%-?\s*(if|unless|elsif|else|endif|endunless|capture|endcapture|assign|include|"
    r"include_relative|raw|endraw|comment|endcomment|case|when|endcase|bibliography)\b[^%]*-?%\}"
)
_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.DOTALL)
_OUTPUT = re.compile(r"\{\{(?![<%])-?\s*([^{}]*?)\s*-?\}\}")  # {{< … >}} is Hugo's
_SHORTCODE = re.compile(r"\{\{[<%]\s*/?\s*(\w[\w-]*)[^}]*[>%]\}\}")
_BLOCK_IAL = re.compile(r"^\s*\{:\s*([^}]*)\}\s*$", re.MULTILINE)
_INLINE_IAL = re.compile(r"\{:\s*([^}]*)\}")
_TOC = re.compile(r"^\s*[*-]\s+TOC\s*\n\s*\{:\s*\.?toc\s*\}\s*$", re.MULTILINE | re.IGNORECASE)
_MD_LINK = re.compile(r"(!?\[[^\]]*\]\()\s*<?([^)\s>]+)>?(\s+\"[^\"]*\")?\)")
_HTML_URL = re.compile(r"""((?:src|href)\s*=\s*)(["'])([^"']+)\2""", re.IGNORECASE)
_IMAGE_DIRECTIVE = re.compile(r"^(```\{image\}\s+)(\S+)\s*$", re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

_KNOWN_SPACING = re.compile(r"\n{3,}")


@dataclass
class Prose:
    """A page's Markdown, converted, with what was not."""

    text: str
    notes: list[str] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    """Paths of the old site's files the prose links to (``files/paper1.pdf``)."""


@dataclass
class ProseContext:
    """What the conversion needs to know of the old site."""

    variables: dict[str, str] = field(default_factory=dict)
    """Liquid outputs with a known value (``site.author.name``); ``base_path`` is empty."""
    listings: dict[str, str] = field(default_factory=dict)
    """A collection (``publications``) -> the MyST block that lists it on the new site."""
    site_urls: tuple[str, ...] = ()
    """The old site's own addresses: links to them are links to its files."""
    tags: dict[str, str] = field(default_factory=dict)
    """A Liquid tag (``bibliography``) -> the MyST block that takes its place."""
    local_file: Callable[[str], bool] = lambda path: False
    """Whether the old site has a file at this path (``files/paper1.pdf``)."""
    file_prefix: str = "/_extra/"
    """Where copied files sit in the new site, from its root."""
    labels: set[str] = field(default_factory=set)
    """The MyST targets the converted pages define so far (each may be defined once)."""


def convert(body: str, context: ProseContext, title: str | None = None) -> Prose:
    """``body`` as MyST; with ``title``, the page starts with it as its ``#`` heading."""
    prose = Prose(body)
    text = _COMMENT.sub("", body)
    text = _shortcodes(text, prose)  # before Liquid: {{% callout %}} is not a Liquid tag
    text = _known_tags(text, context, prose)
    text = _figures(text, context, prose)
    text = _layout_divs(text, prose)
    text = _liquid_loops(text, context, prose)
    text = _liquid_outputs(text, context, prose)
    text = _liquid_tags(text, prose)
    text = _attribute_lists(text, context, prose)
    text = _links(text, context, prose)
    text = _headings(text.strip("\n"), title)
    prose.text = _KNOWN_SPACING.sub("\n\n", text).strip() + "\n"
    return prose


def _known_tags(text: str, context: ProseContext, prose: Prose) -> str:
    for name, block in context.tags.items():
        pattern = re.compile(r"\{%-?\s*" + re.escape(name) + r"\b[^%]*-?%\}")
        replacement = f"\n\n{block}\n\n".replace("\\", "\\\\")  # a template, not a function
        text, count = pattern.subn(replacement, text, count=1)
        if count:
            prose.notes.append(f"Liquid tag {{% {name} %}} replaced by the list below it")
            text = pattern.sub("", text)
    return text


_FIGURE = re.compile(r"\{%-?\s*include\s+figure(?:\.liquid|\.html)?\s+(.*?)-?%\}", re.DOTALL)
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")


def _figures(text: str, context: ProseContext, prose: Prose) -> str:
    """al-folio's ``{% include figure.liquid path=… title=… %}`` and Minimal Mistakes'
    ``{% include figure image_path=… caption=… %}`` as MyST figures."""

    def replace(match: re.Match[str]) -> str:
        attributes = {
            key: next(value for value in values if value is not None)
            for key, *values in _ATTRIBUTE.findall(match.group(1))
        }
        image = attributes.get("path") or attributes.get("image_path") or ""
        path = local_path(image, context) if "{{" not in image else None
        if path is None:
            prose.notes.append(f"figure {image!r} removed: the image is not a file of the site")
            return ""
        prose.files.add(path)
        caption = attributes.get("caption") or attributes.get("title") or ""
        alt = attributes.get("alt") or caption
        options = f":alt: {alt}\n" if alt else ""
        return f"\n\n```{{figure}} {context.file_prefix}{path}\n{options}\n{caption}\n```\n\n"

    return _FIGURE.sub(replace, text)


_DIV_OPEN = re.compile(r"^\s*<div\b[^>]*>\s*$")
_DIV_CLOSE = re.compile(r"^\s*</div>\s*$")


def _layout_divs(text: str, prose: Prose) -> str:
    """Lines that only open or close a ``<div>`` (Bootstrap's rows and columns) go, and what
    they held is no longer indented, so Markdown inside them is read as Markdown again."""
    lines: list[str] = []
    depth = removed = 0
    for line in text.split("\n"):
        if _DIV_OPEN.match(line):
            depth, removed = depth + 1, removed + 1
        elif _DIV_CLOSE.match(line) and depth:
            depth -= 1
        else:
            lines.append(line.strip() if depth else line)
    if removed:
        prose.notes.append(f"{removed} HTML <div> layout tags removed (their content is kept)")
    return "\n".join(lines)


def _liquid_loops(text: str, context: ProseContext, prose: Prose) -> str:
    """Loops over a collection become its list; other loops go, unless they hold such a list
    (academicpages loops over categories, then over publications)."""
    blocks = set(context.listings.values())

    def replace(match: re.Match[str]) -> str:
        collection, body = match.group(1), match.group(2)
        block = context.listings.get(collection)
        if block:
            prose.notes.append(f"Liquid loop over site.{collection} replaced by the list below it")
            return f"\n\n{block}\n\n"
        if any(block in body for block in blocks):
            return body
        prose.notes.append(f"Liquid loop over {collection} removed (no list of it here)")
        return ""

    while True:
        text, count = _FOR_LOOP.subn(replace, text)
        if not count:
            break
    # The HTML list the loop filled now holds the directive: it goes.
    return _WRAPPED_BLOCK.sub(r"\1", text)


def _liquid_outputs(text: str, context: ProseContext, prose: Prose) -> str:
    def replace(match: re.Match[str]) -> str:
        expression = match.group(1).split("|")[0].strip()
        if expression in context.variables:
            return context.variables[expression]
        if expression in ("base_path", "site.baseurl", "site.url"):
            return ""
        prose.notes.append(f"Liquid output {{{{ {match.group(1).strip()} }}}} removed")
        return ""

    return _OUTPUT.sub(replace, text)


def _liquid_tags(text: str, prose: Prose) -> str:
    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        if not re.search(r"include\s+base_path", tag):
            prose.notes.append(f"Liquid tag {_short(tag)} removed (its content is kept)")
        return ""

    text = _BLOCK_TAG.sub(replace, text)
    rest = re.findall(r"\{%.*?%\}", text, re.DOTALL)
    for tag in rest:
        prose.notes.append(f"Liquid tag {_short(tag)} removed")
    return re.sub(r"\{%.*?%\}", "", text, flags=re.DOTALL)


_CALLOUT = re.compile(
    r"\{\{[<%]\s*(?:callout|alert)\s+(\w+)\s*[>%]\}\}(.*?)\{\{[<%]\s*/(?:callout|alert)\s*[>%]\}\}",
    re.DOTALL,
)
CALLOUTS = {"note": "note", "tip": "tip", "warning": "warning", "danger": "danger"}
"""HugoBlox's callout (Wowchemy's alert) kinds -> the MyST admonition; others are notes."""


def _shortcodes(text: str, prose: Prose) -> str:
    def callout(match: re.Match[str]) -> str:
        kind = CALLOUTS.get(match.group(1).lower(), "note")
        prose.notes.append(f"Hugo shortcode callout {match.group(1)} became a {kind} admonition")
        return f"\n\n```{{{kind}}}\n{match.group(2).strip()}\n```\n\n"

    text = _CALLOUT.sub(callout, text)

    def replace(match: re.Match[str]) -> str:
        prose.notes.append(f"Hugo shortcode {_short(match.group(0))} removed")
        return ""

    return _SHORTCODE.sub(replace, text)


NOTICES = {
    "notice": "note",
    "notice--primary": "important",
    "notice--info": "note",
    "notice--warning": "warning",
    "notice--success": "tip",
    "notice--danger": "danger",
}
"""Minimal Mistakes' notice classes (academicpages) -> the MyST admonition."""
_IAL_PART = re.compile(r"""\.([\w-]+)|#([\w-]+)|([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_HEADING_ID = re.compile(r"^(\S.*?)\s*\{:?\s*#([\w-]+)\s*\}\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_IMAGE_IAL = re.compile(r"^(\s*!\[[^\]]*\]\([^)]*\))\s*\{:\s*([^}]*)\}\s*$")
_IMAGE_ONLY = re.compile(r"^\s*!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)\s*$")
_ALIGN = re.compile(r"^align-(left|center|right)$")


@dataclass
class _Attributes:
    """A Kramdown attribute list (``{: .notice--info #intro target="_blank"}``), parsed."""

    classes: list[str]
    ids: list[str]
    pairs: dict[str, str]

    @classmethod
    def parse(cls, text: str) -> _Attributes:
        classes, ids, pairs = [], [], {}
        for match in _IAL_PART.finditer(text):
            if match.group(1):
                classes.append(match.group(1))
            elif match.group(2):
                ids.append(match.group(2))
            else:
                value = next((v for v in match.group(4, 5, 6) if v is not None), "")
                pairs[match.group(3)] = value

        return cls(classes, ids, pairs)


def _attribute_lists(text: str, context: ProseContext, prose: Prose) -> str:
    """Kramdown attribute lists: a MyST equivalent where there is one, a note for the rest.

    ``{:toc}`` becomes a ``contents`` directive; a notice class (``{: .notice--info}``)
    an admonition around its block; ``.align-center`` or ``width=`` on an image alone
    on its line an ``image`` directive; an id (``{: #intro}``, ``## Heading {#intro}``)
    a MyST target (once per site: a second ``#intro`` is dropped, as Sphinx would refuse
    it). Classes and attributes without an equivalent (``.btn``,
    ``target="_blank"``, ``.text-justify``) are dropped, each named in the notes.
    """

    def toc(match: re.Match[str]) -> str:
        prose.notes.append("Kramdown table of contents ({:toc}) became a contents directive")
        return "\n\n```{contents}\n:local:\n```\n\n"

    text = _TOC.sub(toc, text)
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    fenced = False
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        heading = None if fenced else _HEADING_ID.match(line)
        if heading and not (
            line.startswith("#") or (index + 1 < len(lines) and _SETEXT.match(lines[index + 1]))
        ):
            heading = None  # only a heading's id: ``{#id}`` in a paragraph is text
        block = None if fenced else _BLOCK_IAL.match(line)
        image = None if fenced else _IMAGE_IAL.match(line)
        if image:
            # An image alone on its line, with its own attribute list.
            written = line[image.end(1) :].strip()
            out += _apply(
                [image.group(1)], _Attributes.parse(image.group(2)), written, context, prose
            )
        elif heading:
            out += [*_target(heading.group(2), heading.group(0).strip(), context, prose)]
            out.append(heading.group(1))
        elif block:
            attributes = _Attributes.parse(block.group(1))
            if out and out[-1].strip():
                start = len(out)
                while start > 0 and out[start - 1].strip():
                    start -= 1
                out[start:] = _apply(
                    out[start:], attributes, block.group(0).strip(), context, prose
                )
            else:
                # Before its block: it applies to the lines that follow.
                end = index + 1
                while end < len(lines) and not lines[end].strip():
                    end += 1
                following = end
                while following < len(lines) and lines[following].strip():
                    following += 1
                out += _apply(
                    lines[end:following], attributes, block.group(0).strip(), context, prose
                )
                index = following
                continue
        else:
            out.append(line if fenced else _INLINE_IAL.sub(lambda m: _span(m, prose), line))
        index += 1
    return "\n".join(out)


def _target(name: str, written: str, context: ProseContext, prose: Prose) -> list[str]:
    """The MyST target line of an id, unless another page of the site has it."""
    if name in context.labels:
        prose.notes.append(f"Kramdown id #{name} of {written} removed: another page has it")
        return []
    context.labels.add(name)
    return [f"({name})=", ""]


def _apply(
    block: list[str],
    attributes: _Attributes,
    written: str,
    context: ProseContext,
    prose: Prose,
) -> list[str]:
    """``block`` (its lines) with the attribute list ``written`` applied."""
    if not block:
        prose.notes.append(f"Kramdown attribute list {written} removed: it ends the page")
        return []
    dropped = []
    result = list(block)
    notice = next((NOTICES[name] for name in attributes.classes if name in NOTICES), None)
    image = _IMAGE_ONLY.match(block[0]) if len(block) == 1 else None
    align = next(
        (found.group(1) for name in attributes.classes if (found := _ALIGN.match(name))), None
    )
    if image and (align or "width" in attributes.pairs):
        options = [f":alt: {image.group(1)}"] if image.group(1) else []
        options += [f":align: {align}"] if align else []
        options += [f":width: {attributes.pairs['width']}"] if "width" in attributes.pairs else []
        result = ["```{image} " + image.group(2), *options, "```"]
        prose.notes.append(f"Kramdown attribute list {written} became an image directive")
    for name in attributes.classes:
        if name not in NOTICES and not (image and _ALIGN.match(name)):
            dropped.append(f".{name}")
    dropped += [
        f'{key}="{value}"'
        for key, value in attributes.pairs.items()
        if not (image and key == "width")
    ]
    if notice:
        fence = "````" if any(line.lstrip().startswith("```") for line in result) else "```"
        result = [f"{fence}{{{notice}}}", *result, fence]
        prose.notes.append(f"Kramdown attribute list {written} became a {notice} admonition")
    if attributes.ids:
        target = _target(attributes.ids[0], written, context, prose)
        result = [*target, *result]
        if target and not notice and not (image and (align or "width" in attributes.pairs)):
            prose.notes.append(f"Kramdown attribute list {written} became a target")
    if dropped:
        prose.notes.append(
            f"Kramdown attribute list {written}: {', '.join(dropped)} removed "
            "(no equivalent here; the element is kept)"
        )
    return result


def _span(match: re.Match[str], prose: Prose) -> str:
    """An attribute list inside a line (after a link, an image, a word): nothing in MyST
    carries it, so it goes; what it said is named."""
    attributes = _Attributes.parse(match.group(1))
    written = match.group(0).strip()
    if attributes.pairs.get("target") == "_blank":
        prose.notes.append(
            f"Kramdown attribute list {written} removed: links open in the same tab here"
        )
    elif any(name.startswith("btn") for name in attributes.classes):
        prose.notes.append(
            f"Kramdown attribute list {written} removed: the button is a plain link here"
        )
    else:
        prose.notes.append(
            f"Kramdown attribute list {written} removed (no equivalent here; the element is kept)"
        )
    return ""


def local_path(url: str, context: ProseContext) -> str | None:
    """The old site's file a URL points to (``files/paper1.pdf``), or ``None``."""
    path = url.split("#")[0].split("?")[0]
    for base in context.site_urls:
        base = base.rstrip("/")
        if base and path.startswith(base + "/"):
            path = path[len(base) :]
            break
    if "://" in path or path.startswith(("mailto:", "#")) or not path:
        return None
    path = path.lstrip("/")
    return path if path and context.local_file(path) else None


def _links(text: str, context: ProseContext, prose: Prose) -> str:
    def relink(match: re.Match[str], group: int, new: Callable[[str], str]) -> str:
        """The match with its URL (``group``) made ``new(path)`` if it is a file of the site."""
        path = local_path(match.group(group), context)
        if path is None:
            return match.group(0)
        prose.files.add(path)
        return new(path)

    prefix = context.file_prefix
    text = _IMAGE_DIRECTIVE.sub(
        lambda match: relink(match, 2, lambda path: f"{match.group(1)}{prefix}{path}"), text
    )
    text = _MD_LINK.sub(
        lambda match: relink(
            match, 2, lambda path: f"{match.group(1)}{prefix}{path}{match.group(3) or ''})"
        ),
        text,
    )
    # Raw HTML reaches the output as it is: the file is served where it was.
    return _HTML_URL.sub(
        lambda match: relink(
            match, 3, lambda path: f"{match.group(1)}{match.group(2)}{path}{match.group(2)}"
        ),
        text,
    )


def _headings(text: str, title: str | None) -> str:
    """One ``#`` heading (the title), the body's headings below it, all in ATX form.

    A body whose only ``#`` heading comes first keeps it as the title; otherwise
    ``title`` is added and the body's headings move down so the highest is ``##``.
    """
    lines = text.split("\n")
    tokens = MarkdownIt("commonmark").parse(text)
    headings = [
        (token.map, int(token.tag[1]), tokens[index + 1].content.strip())
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.map is not None
    ]
    levels = [level for _, level, _ in headings]
    own_title = bool(headings) and levels[0] == 1 and levels.count(1) == 1
    shift = 1 - min(levels, default=1) if own_title or title is None else 2 - min(levels, default=2)
    for span, level, content in reversed(headings):
        start, end = span
        lines[start:end] = ["#" * max(1, min(6, level + shift)) + " " + content]
    result = "\n".join(lines)
    if title is not None and not own_title:
        result = f"# {title}\n\n{result}"
    return result


def _short(tag: str) -> str:
    tag = " ".join(tag.split())
    return tag if len(tag) <= 60 else tag[:57] + "...%}"
