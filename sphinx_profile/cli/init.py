"""``sphinx-profile init [DIR]``: a new site that builds as it is, personal or ``--lab``.

The files come from ``templates/init/``: ``common/`` for every site, then
``personal/`` or ``lab/``. A name (of a file or a folder) that starts with
``dot-`` starts with a dot in the site (``dot-gitignore`` is ``.gitignore``,
``dot-github/`` is ``.github/``: the package holds no hidden file, and no
``.gitignore`` that git would obey). A file whose name ends in ``_t`` is a
template: the suffix is dropped and ``$version``, ``$requirement`` (see
:mod:`.source`) and ``$reach`` (the ``conf.py`` block of ``conf_reach.py.txt``)
are replaced. The JSON Schemas of the data files go to ``.schemas/`` at the top of
the site, out of the user's ``data/`` folder, where the ``yaml-language-server``
line of each example file points (``sphinx-profile schema`` writes them again).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template

from .. import __version__
from .arguments import folder_argument

NAME = "init"
HELP = "create a new site: conf.py, pages and commented example data (--lab for a research group)"

TEMPLATES = Path(__file__).parent.parent / "templates" / "init"
LAYOUTS = ("personal", "lab")
TEMPLATE_SUFFIX = "_t"
DOT_PREFIX = "dot-"
REACH_BLOCK = "conf_reach.py.txt"
"""The ``conf.py`` block of both layouts that sets up the address, previews, sitemap and feed."""

SCHEMA_DIR = ".schemas"
"""The JSON Schemas of the data files, for editors: beside ``data/``, not in it."""


@dataclass(frozen=True)
class SiteFile:
    path: str
    """Where it goes, relative to the site folder (``data/profile.yaml``)."""
    content: bytes


def add_arguments(parser: argparse.ArgumentParser) -> None:
    folder_argument(
        parser, ".", "the folder of the new site, created if needed (default: the current folder)"
    )
    parser.add_argument(
        "--lab",
        action="store_true",
        help="a research group: people page, shared publications, member pages",
    )
    parser.add_argument("--force", action="store_true", help="overwrite files that already exist")


def site_files(layout: str) -> list[SiteFile]:
    """Every file of a new site of ``layout`` (``personal`` or ``lab``), schemas included."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose from {', '.join(LAYOUTS)}")
    files = {}
    for folder in (TEMPLATES / "common", TEMPLATES / layout):
        for source in sorted(folder.rglob("*")):
            if source.is_file():
                file = _from_template(source, _site_path(source.relative_to(folder)))
                files[file.path] = file
    for name, schema in _schemas().items():
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        files[f"{SCHEMA_DIR}/{name}"] = SiteFile(f"{SCHEMA_DIR}/{name}", text.encode("utf-8"))
    return sorted(files.values(), key=lambda file: file.path)


def _site_path(relative: Path) -> str:
    parts = [
        "." + part.removeprefix(DOT_PREFIX) if part.startswith(DOT_PREFIX) else part
        for part in relative.parts
    ]
    return "/".join(parts)


def _from_template(source: Path, path: str) -> SiteFile:
    if not path.endswith(TEMPLATE_SUFFIX):
        return SiteFile(path, source.read_bytes())
    from .source import requirement_lines

    text = Template(source.read_text(encoding="utf-8")).substitute(
        version=__version__,
        requirement=requirement_lines(),
        reach=(TEMPLATES / REACH_BLOCK).read_text(encoding="utf-8"),
    )
    return SiteFile(path.removesuffix(TEMPLATE_SUFFIX), text.encode("utf-8"))


def _schemas() -> dict[str, object]:
    from ..data.schema import all_schemas

    return dict(all_schemas())


def run(args: argparse.Namespace) -> int:
    directory: Path = args.directory
    layout = "lab" if args.lab else "personal"
    files = site_files(layout)
    existing = [file.path for file in files if (directory / file.path).exists()]
    if existing and not args.force:
        shown = ", ".join(existing[:5])
        if len(existing) > 5:
            shown += f" and {len(existing) - 5} more"
        print(
            f"sphinx-profile init: {directory} already has {shown}; nothing was written. "
            "Choose an empty folder, or add --force to overwrite these files.",
            file=sys.stderr,
        )
        return 1
    try:
        for file in files:
            target = directory / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content)
    except OSError as err:
        print(f"sphinx-profile init: cannot write {err.filename}: {err.strerror}", file=sys.stderr)
        return 1
    print(next_steps(directory, layout, len(files)))
    return 0


def next_steps(directory: Path, layout: str, count: int) -> str:
    kind = "lab site" if layout == "lab" else "personal site"
    pages = (
        "index.md, people.md, publications.md, members/"
        if layout == "lab"
        else ("index.md, publications.md, cv.md")
    )
    return f"""\
Created a {kind} in {directory} ({count} files): conf.py, {pages} and data/.

Next steps:
  cd {directory}
  python -m pip install -r requirements.txt
  sphinx-build -W -b html . _build/html       # build once, then open _build/html/index.html
  python -m pip install sphinx-autobuild
  sphinx-autobuild . _build/html              # live preview: rebuilds as you edit
  sphinx-profile validate data                # check the data files without building

Edit the YAML files in data/ (each starts with a comment on what it holds),
and the pages in Markdown. Set html_baseurl in conf.py to the address of
your site. To publish, push the folder to a repository on GitHub: the
workflow .github/workflows/pages.yml publishes it on GitHub Pages (choose
"GitHub Actions" under Settings > Pages), or import it on Read the Docs:
.readthedocs.yaml is ready. requirements.txt says where sphinx-profile comes
from; read its first lines before you publish."""
