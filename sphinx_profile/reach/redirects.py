"""``redirect_from`` in a page's metadata: old addresses that lead to the page.

As Jekyll's ``jekyll-redirect-from`` reads it from a page's front matter::

    ---
    redirect_from:
      - /about/
      - /about.html
    ---

(in reStructuredText, a field at the top of the page:
``:redirect_from: /about/, /about.html``). The redirect pages are written by
sphinx-reredirects, the extension its ``redirects`` setting drives, so both
ways of declaring a redirect give the same pages; this module only turns each
page's list into entries of that mapping.

An address that ends with ``/`` becomes ``<address>/index.html`` (what a
static host serves for it); one with an ``.html`` suffix is written as it is.
"""

from __future__ import annotations

import contextlib
import json
import posixpath
import re
from typing import TYPE_CHECKING, Any

from sphinx.util.osutil import relative_uri

from ..data.issues import Subtype
from ..warn import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx


FIELD = "redirect_from"
REREDIRECTS = "sphinx_reredirects"


def parse_field(value: Any) -> list[str]:
    """The addresses of a ``redirect_from`` value: a list (MyST gives it as JSON) or text."""
    if isinstance(value, str) and value.strip().startswith("["):
        with contextlib.suppress(ValueError):  # not JSON after all: read as text
            value = json.loads(value)
    if isinstance(value, str):
        value = re.split(r"[,\s]+", value)
    if not isinstance(value, list):
        return []
    return [str(item).strip() for item in value if str(item).strip()]


def source_path(address: str, suffix: str = ".html") -> str:
    """``/about/`` -> ``about/index.html``; ``/about.html`` stays; ``/about`` -> ``about``."""
    path = address.split("#", 1)[0].split("?", 1)[0].strip().lstrip("/")
    if not path or path.endswith("/"):
        return f"{path}index{suffix}"
    return path


def page_redirects(app: Sphinx) -> dict[str, str]:
    """Old address -> the page's address relative to it (``about/index.html`` -> ``../``)."""
    redirects: dict[str, str] = {}
    suffix = getattr(app.builder, "out_suffix", ".html")
    pages = {app.builder.get_target_uri(doc) for doc in app.env.found_docs}
    for docname in sorted(app.env.found_docs):
        metadata = app.env.metadata.get(docname, {})
        if FIELD not in metadata:
            continue
        page = app.builder.get_target_uri(docname)
        for address in parse_field(metadata[FIELD]):
            source = source_path(address, suffix)
            # Relative, so the site works under a path (/en/latest/) as at a domain's root.
            target = relative_uri(source, page) or posixpath.basename(page) or "./"
            if source in pages or source + suffix in pages:
                _warn(docname, f"redirect_from {address!r} is the address of a page of the site")
                continue
            if source in redirects and redirects[source] != target:
                _warn(docname, f"redirect_from {address!r} already leads to another page")
                continue
            redirects[source] = target
    return redirects


def _warn(docname: str, message: str) -> None:
    warn(Subtype.REDIRECT, "%s; no redirect written", message, location=(docname, 1))


def write_page_redirects(app: Sphinx) -> list[Any]:
    """``html-collect-pages``: write the redirect pages of every page's ``redirect_from``."""
    if app.builder.format != "html":
        return []
    redirects = page_redirects(app)
    if not redirects:
        return []
    if REREDIRECTS not in app.extensions:
        warn(
            Subtype.DEPENDENCY,
            "redirect_from needs sphinx-reredirects: pip install sphinx-reredirects, and add "
            "%r to extensions in conf.py; no redirect written",
            REREDIRECTS,
        )
        return []
    from sphinx_reredirects import Reredirects

    writer = Reredirects(app)
    writer.redirects_option = redirects
    writer.create_redirects(writer.grab_redirects())
    return []


def setup_redirects(app: Sphinx) -> None:
    """``redirect_from`` in a page's metadata: a redirect page per old address."""
    app.connect("html-collect-pages", write_page_redirects)
