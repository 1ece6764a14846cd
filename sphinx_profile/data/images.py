"""Images named in the data (avatars, photos): confined, checked, and SVG made inert.

An image is copied into the site and served from its origin. An SVG is a
document: opened by its URL, its ``<script>``, event attributes and
``foreignObject`` run there. So an SVG is parsed with defusedxml (no DTD, no
entities, no network), only SVG elements and presentation attributes are kept,
and the site serves that copy; each kind of thing removed is named in a warning.
A raster image must start as its file type does, so a page or a script named
``photo.png`` is not published.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from .issues import Subtype
from .limits import LimitExceeded, cannot_read, confined, digest, read_bytes

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"

_SIGNATURES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", (b"RIFF",)),  # and "WEBP" at offset 8, checked below
    ".bmp": ("BMP", (b"BM",)),
    ".ico": ("ICO", (b"\x00\x00\x01\x00",)),
    ".avif": ("AVIF", (b"",)),  # "ftypavif" at offset 4, checked below
    ".pdf": ("PDF", (b"%PDF-",)),  # LaTeX builds show a PDF photo
}

_ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "title",
        "desc",
        "metadata",
        "switch",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "textPath",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "pattern",
        "marker",
        "image",
        "style",
        "filter",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feConvolveMatrix",
        "feDiffuseLighting",
        "feDisplacementMap",
        "feDistantLight",
        "feDropShadow",
        "feFlood",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "feGaussianBlur",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feOffset",
        "fePointLight",
        "feSpecularLighting",
        "feSpotLight",
        "feTile",
        "feTurbulence",
    ]
)
"""SVG elements that draw: no script, no foreignObject (HTML inside), no animation
(``set`` and ``animate`` can rewrite an ``href`` to ``javascript:``)."""

_EDITOR_NAMESPACES = (
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://ns.adobe.com/",
    "http://www.bohemiancoding.com/sketch/ns",
)
"""Drawing programs' own data: inert, dropped without a word."""

_SAFE_REFERENCE = re.compile(r"\s*(#|data:image/(png|jpeg|gif|webp);base64,)", re.IGNORECASE)
_URL = re.compile(r"url\s*\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_ACTIVE_CSS = re.compile(r"@import|javascript:|expression\s*\(|behavior\s*:", re.IGNORECASE)


@dataclass
class CheckedImage:
    """An image of the data: the file to show (if any) and what to warn about."""

    path: Path | None = None
    """The image's real path, inside the data folder; ``None``: not shown."""
    problems: list[tuple[str, Subtype]] = field(default_factory=list)
    svg: bytes | None = None
    """For an SVG, the inert copy to publish instead of the file."""
    digest: str = ""
    """Of the file's content, for incremental builds (``limits.current_digest``)."""


def check_image(image: str, data_dir: Path, what: str, max_bytes: int) -> CheckedImage:
    """Whether ``image`` (relative to ``data_dir``) can be shown, and how."""
    checked = CheckedImage()
    path = confined(data_dir / image, data_dir)
    if path is None:
        checked.problems.append(
            (f"{what} {image!r} lies outside the data folder; it is not shown", Subtype.FILE)
        )
        return checked
    try:
        raw = read_bytes(path, max_bytes)
    except FileNotFoundError:
        checked.problems.append((f"{what} image not found: {_shown(path)}", Subtype.FILE))
        return checked
    except LimitExceeded as err:
        checked.problems.append((f"{what} {image!r}: {err.message}", err.subtype))
        return checked
    except OSError as err:
        checked.problems.append((f"{what} {image!r}: {cannot_read(err)}", Subtype.FILE))
        return checked
    checked.digest = digest(raw)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return _checked_svg(checked, image, what, raw, path)
    if suffix in _SIGNATURES and not _looks_like(suffix, raw):
        kind = _SIGNATURES[suffix][0]
        message = f"{what} {image!r} is not a {kind} image, as its name says; it is not shown"
        checked.problems.append((message, Subtype.IMAGE))
        return checked
    checked.path = path
    return checked


def _shown(path: Path) -> str:
    from .issues import display_path

    return display_path(path)


def _looks_like(suffix: str, raw: bytes) -> bool:
    if suffix == ".webp":
        return raw.startswith(b"RIFF") and raw[8:12] == b"WEBP"
    if suffix == ".avif":
        return raw[4:12] in (b"ftypavif", b"ftypavis")
    return raw.startswith(_SIGNATURES[suffix][1])


def _checked_svg(
    checked: CheckedImage, image: str, what: str, raw: bytes, path: Path
) -> CheckedImage:
    try:
        cleaned, removed = inert_svg(raw)
    except ValueError as err:
        checked.problems.append((f"{what} {image!r}: {err}; it is not shown", Subtype.IMAGE))
        return checked
    if removed:
        listed = ", ".join(removed)
        checked.problems.append(
            (f"{what} {image!r}: removed what an SVG image may not hold: {listed}", Subtype.IMAGE)
        )
    checked.path, checked.svg = path, cleaned
    return checked


def inert_svg(raw: bytes) -> tuple[bytes, list[str]]:
    """The SVG with nothing that can run or load, and what was removed (once each).

    Raises ``ValueError`` when it is not an SVG document that can be read safely.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(raw, forbid_dtd=True)
    except DefusedXmlException:
        raise ValueError("it declares a DTD or entities, which an image does not need") from None
    except ElementTree.ParseError as err:
        raise ValueError(f"it is not a readable SVG file ({err})") from None
    if root.tag != f"{{{SVG}}}svg":
        raise ValueError("it is not an SVG image (its root is not <svg>)")
    removed: dict[str, None] = {}
    _clean(root, removed)
    ElementTree.register_namespace("", SVG)
    ElementTree.register_namespace("xlink", XLINK)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True), list(removed)


def _clean(element: ElementTree.Element, removed: dict[str, None]) -> None:
    for name, value in list(element.attrib.items()):
        reason = _attribute_problem(name, value)
        if reason is not None:
            del element.attrib[name]
            if reason:
                removed[reason] = None
    css = element.text or "" if _local(element.tag) == "style" else ""
    if _ACTIVE_CSS.search(css) or any(_external(url) for url in _URL.findall(css)):
        element.text = ""
        removed["style sheet that loads or runs something"] = None
    for child in list(element):
        tag = child.tag if isinstance(child.tag, str) else ""  # comments, processing instructions
        namespace, local = _split(tag)
        if namespace == SVG and local in _ELEMENTS:
            _clean(child, removed)
            continue
        element.remove(child)
        if tag and not namespace.startswith(_EDITOR_NAMESPACES):
            removed[f"<{local}>"] = None


def _attribute_problem(name: str, value: str) -> str | None:
    """Why an attribute goes: a reason to report, ``""`` to drop it silently, or None."""
    namespace, local = _split(name)
    if local.lower().startswith("on"):
        return "event attributes (on…)"
    if namespace.startswith(_EDITOR_NAMESPACES):
        return ""
    if namespace not in ("", XLINK, XML):
        return f"attribute {local!r}"
    if local == "href" and not _SAFE_REFERENCE.match(value):
        return "external or javascript: references"
    if any(_external(url) for url in _URL.findall(value)) or _ACTIVE_CSS.search(value):
        return "external or javascript: references"
    return None


def _external(url: str) -> bool:
    return bool(url) and not _SAFE_REFERENCE.match(url)


def _split(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _local(name: object) -> str:
    return _split(name)[1] if isinstance(name, str) else ""
