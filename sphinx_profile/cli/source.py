"""Where this sphinx-profile was installed from, as a line of a site's ``requirements.txt``.

Until sphinx-profile is on the Python Package Index, ``pip install
sphinx-profile`` finds nothing, so the line ``init`` writes names the source
pip recorded when it installed this copy (PEP 610's ``direct_url.json``):

* from a git repository: that repository at the installed commit, which any
  machine can install (Read the Docs and GitHub Pages included);
* from a folder of this computer (a checkout, ``pip install .``): that folder,
  which works on this computer only, with a comment that says so and gives the
  git line to use instead before publishing;
* from an index: ``sphinx-profile[…] >= <version>``.
"""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any

from .. import __version__

DISTRIBUTION = "sphinx-profile"
EXTRAS = "myst,reach"
"""MyST for the Markdown pages; feedgen and the extensions of the reach block of conf.py."""
REPOSITORY = "https://github.com/sphinx-profile/sphinx-profile"
"""The git repository of sphinx-profile."""


def direct_url() -> dict[str, Any] | None:
    """pip's record of where the installed distribution came from; None for an index."""
    try:
        text = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not text:
        return None
    try:
        found = json.loads(text)
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def requirement_lines(origin: dict[str, Any] | None = None, version: str = __version__) -> str:
    """The lines of ``requirements.txt`` that install sphinx-profile as this one was."""
    origin = direct_url() if origin is None else origin
    name = f"{DISTRIBUTION}[{EXTRAS}]"
    git_line = f"{name} @ git+{REPOSITORY}"
    url = str((origin or {}).get("url", ""))
    vcs = (origin or {}).get("vcs_info")
    if not url:
        return f"{name} >= {version}"
    if isinstance(vcs, dict) and vcs.get("vcs"):
        revision = vcs.get("commit_id") or vcs.get("requested_revision")
        return f"{name} @ {vcs['vcs']}+{url}" + (f"@{revision}" if revision else "")
    if url.startswith("file:"):
        return (
            "# sphinx-profile is not on the Python Package Index yet, and this site was made\n"
            "# by a copy installed from a folder of this computer: the line below installs it\n"
            "# from that folder, so it works on this computer ONLY. Before you publish on Read\n"
            "# the Docs or GitHub Pages, replace it with the git repository:\n"
            f"#   {git_line}\n"
            "# (add @<tag or commit> after the address to pin a version).\n"
            f"{name} @ {url}"
        )
    return f"{name} @ {url}"  # an archive on the web
