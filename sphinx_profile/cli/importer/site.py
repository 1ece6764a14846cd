"""The new site an import writes: pages, data files, copied files, ``conf.py`` and the report.

An importer fills an :class:`ImportedSite`; :func:`write_site` puts it on disk.
Nothing is written before everything has been read, so a source that cannot
be read leaves the destination as it was.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ...data.loader import SpelledNumber
from .report import Report

REPORT_NAME = "IMPORT.md"
EXTRA_DIR = "_extra"
"""Files of the old site, served at the addresses they had (``html_extra_path``)."""

REDIRECT_EXTENSION = "sphinx_reredirects"


@dataclass
class ImportedSite:
    kind: str
    """The template it came from: ``academicpages``, ``al-folio`` or ``hugoblox``."""
    source: Path
    project: str = "My homepage"
    pages: dict[str, str] = field(default_factory=dict)
    """Docname -> MyST text (``index`` is the landing page)."""
    listed: dict[str, str] = field(default_factory=dict)
    """A kind of records (``publications``) -> the page that lists them."""
    toctree: list[str] = field(default_factory=list)
    """The docnames of the navigation, in order (the landing page is not among them)."""
    data: dict[str, Any] = field(default_factory=dict)
    """A data file name (``publications.yaml``) -> its records."""
    raw_data: dict[str, bytes] = field(default_factory=dict)
    """A data file name (``publications.bib``) -> its bytes, written as they are."""
    copies: dict[str, Path] = field(default_factory=dict)
    """A path in the new site -> the old site's file copied there."""
    redirects: dict[str, str] = field(default_factory=dict)
    """An old address as a docname (``about/index``) -> the new page (``../index.html``)."""
    report: Report = field(default_factory=Report)
    served: str = ""
    """The folder of the old site whose files are served at its root (Hugo's ``static``)."""
    url: str | None = None
    """The address the old site was published at (Jekyll's ``url`` and ``baseurl``, Hugo's
    ``baseURL``), which becomes ``html_baseurl``."""

    def copy_file(self, old: str, new: str | None = None) -> str:
        """Copy the old site's ``old`` to ``new`` in the new site; without ``new``, ``old``
        is an address of the old site (a file of its ``served`` folder), kept as it was."""
        if new is not None:
            self.copies[new] = self.source / old
            return new
        target = f"{EXTRA_DIR}/{old}"
        self.copies[target] = self.source / self.served / old
        return target

    def add_redirect(self, old_url: str, target_doc: str, anchor: str = "") -> None:
        """``/about/`` (an address of the old site) goes to ``target_doc`` from now on."""
        old = old_url.split("#")[0].split("?")[0].strip().strip("/")
        if not old or old.endswith((".xml", ".json", ".txt")):
            return
        if old_url.rstrip().endswith("/"):
            old += "/index"
        old = old.removesuffix(".html")
        if old == target_doc or old in self.pages:
            return
        # Relative, so the redirects work in a site served below a path, and from files.
        up = "../" * old.count("/")
        self.redirects[old] = f"{up}{target_doc}.html{anchor}"


def dump_yaml(records: Any, header: str) -> str:
    text = yaml.safe_dump(
        _plain(records), sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return header + text


def _plain(value: Any) -> Any:
    if isinstance(value, SpelledNumber):
        return value.text
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def conf_py(site: ImportedSite) -> str:
    extensions = ["myst_parser", "sphinx_profile"]
    if site.redirects:
        extensions.append(REDIRECT_EXTENSION)
    lines = [
        '"""Sphinx configuration of this site: '
        "https://www.sphinx-doc.org/en/master/usage/configuration.html",
        "",
        f"Imported from {'an' if site.kind[0] in 'aeiou' else 'a'} {site.kind} site by "
        f"`sphinx-profile import`; {REPORT_NAME} says what was converted.",
        "The pages are MyST Markdown; the facts they show are the files in data/.",
        "Build with:  sphinx-build -W -b html . _build/html",
        '"""',
        "",
        "import importlib.util",
        "import os",
        "",
        f"project = {site.project!r}",
        f"author = {site.project!r}",
        f"copyright = {site.project!r}",
        "",
        f"extensions = {extensions!r}",
        'source_suffix = {".md": "markdown", ".rst": "restructuredtext"}',
        "exclude_patterns = "
        + repr(["_build", "data", EXTRA_DIR, ".venv", "venv", "README.md", REPORT_NAME]),
        "",
        'profile_data_dir = "data"',
        'profile_date_format = "%b %Y"',
        "",
        'html_theme = "alabaster"',
        "html_title = project",
    ]
    if any(path.startswith(EXTRA_DIR + "/") for path in site.copies):
        lines += [
            "# The old site's files (PDFs, images), served at the addresses they had.",
            f"html_extra_path = [{EXTRA_DIR!r}]",
        ]
    if site.raw_data:
        lines += [
            "",
            "# The old site's files are kept as they are (.bib, CV files); what they hold that no",
            f"# page shows is listed in {REPORT_NAME}. Remove this line to be told in every build.",
            'suppress_warnings = ["profile.not-shown"]',
        ]
    if site.redirects:
        lines += [
            "",
            "# The old site's addresses (its redirect_from and permalinks) lead to the new pages.",
            "redirects = {",
            *(f"    {old!r}: {new!r}," for old, new in sorted(site.redirects.items())),
            "}",
        ]
    lines += ["", *_reach(site), ""]
    return "\n".join(lines)


REACH_EXTENSIONS = ("sphinxext.opengraph", "sphinx_sitemap")
"""What a Jekyll or Hugo site gave without effort: link previews and a sitemap."""


def _reach(site: ImportedSite) -> list[str]:
    """The address, link previews, sitemap and feed, as the old site had them.

    Each extension is added only when it is installed (``sphinx-profile[reach]``), so
    the site builds with ``-W`` without them; all need the address, so nothing is added
    when neither the old site nor the build (Read the Docs, ``SITE_URL``) gives one.
    """
    fallback = f'    or "{site.url}"' if site.url and '"' not in site.url else '    or ""'
    lines = [
        "# -- Being found: address, link previews, sitemap, feed ----------------------",
        "# https://sphinx-profile.readthedocs.io/en/latest/guide/publishing.html",
        "# The address the site is published at"
        + (" (the old site's, from its configuration)." if site.url else ".")
        + " Read the Docs",
        "# and a GitHub Pages workflow (SITE_URL) give their own.",
        "html_baseurl = (",
        '    os.environ.get("READTHEDOCS_CANONICAL_URL")',
        '    or os.environ.get("SITE_URL")',
        fallback,
        ")",
        "",
        "",
        "def _installed(module):",
        '    """Whether an optional extension is installed (pip install sphinx-profile[reach])."""',
        "    try:",
        "        return importlib.util.find_spec(module) is not None",
        "    except ImportError:",
        "        return False",
        "",
        "",
        "if html_baseurl:",
        f"    extensions += [name for name in {list(REACH_EXTENSIONS)!r} if _installed(name)]",
        '    sitemap_url_scheme = "{link}"  # sphinx-sitemap: html_baseurl + the page',
        "    ogp_site_url = html_baseurl  # sphinxext-opengraph: link previews",
        '    ogp_social_cards = {"enable": False}  # your photo, not a generated card',
    ]
    if "news.yaml" in site.data:
        lines += [
            "    # feed.xml (Atom, where Jekyll's feed was) and rss.xml of data/news.yaml.",
            '    profile_feed = _installed("feedgen")',
        ]
    return lines


def requirements(site: ImportedSite) -> str:
    """As ``init`` writes it: sphinx-profile from where this copy came, with the extras of
    the redirects (``reach``) and of MyST."""
    from ..source import requirement_lines

    return (
        "# What the site needs to build, here and on Read the Docs.\n" + requirement_lines() + "\n"
    )


def site_files(site: ImportedSite) -> dict[str, bytes]:
    """Every file written from text (copies aside): path in the new site -> content."""
    files: dict[str, bytes] = {
        "conf.py": conf_py(site).encode(),
        "requirements.txt": requirements(site).encode(),
        ".gitignore": b"_build/\n.venv/\n",
        REPORT_NAME: site.report.render(site.kind, site.source, site.redirects).encode(),
    }
    for docname, text in site.pages.items():
        if docname == "index" and site.toctree:
            text = (
                text.rstrip("\n")
                + "\n\n```{toctree}\n:hidden:\n\n"
                + "\n".join(site.toctree)
                + "\n```\n"
            )
        files[f"{docname}.md"] = text.encode()
    for name, records in site.data.items():
        header = f"# Imported from the {site.kind} site by sphinx-profile import.\n"
        files[f"data/{name}"] = dump_yaml(records, header).encode()
    for name, content in site.raw_data.items():
        files[f"data/{name}"] = content
    return files


def existing(site: ImportedSite, dest: Path) -> list[str]:
    """The files the import would overwrite."""
    paths = [*site_files(site), *site.copies]
    return sorted(path for path in paths if (dest / path).exists())


def write_site(site: ImportedSite, dest: Path) -> int:
    """Write every file; the number written."""
    files = site_files(site)
    for path, content in files.items():
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for path, source in site.copies.items():
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return len(files) + len(site.copies)
