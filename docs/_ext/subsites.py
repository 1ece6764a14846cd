"""Build the user guide and the lab demo as sites of their own, inside this one's output.

The demo site is Xuanlei Zhao's homepage; the guide (``guide/``) is sphinx-profile's
documentation and the lab demo (``lab/``) a fictional group's site, so each has its own
``conf.py``: its own title, navigation and look. ``sphinx-build -b html docs OUT``
still builds all three: once the homepage is written, each sub-site is built by its
own ``sphinx-build`` into ``OUT/guide/`` and ``OUT/lab/``, with its doctrees beside
the homepage's (so that a rebuild is incremental), and with ``-W`` when the homepage
build has it. A warning of a sub-site is a warning of this build.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

SUBSITES = {
    # folder: whether it takes the homepage's theme (the lab demo shows the extension's
    # blocks in whatever theme the homepage is built with; the guide keeps its own)
    "guide": False,
    "lab": True,
}


def sphinx_build(
    srcdir: Path,
    outdir: Path,
    doctreedir: Path,
    *,
    theme: str | None = None,
    strict: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``sphinx-build -b html -q`` of ``srcdir`` in a new interpreter (so that docutils'
    global registrations of the calling build never meet the new one's), with the theme
    swapped in and ``-W`` when asked; the output is captured. The browser tests
    (``tests/browser/browser_sites.py``) build their sites with it too."""
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        "-d",
        str(doctreedir),
        str(srcdir),
        str(outdir),
    ]
    if theme is not None:
        command += ["-D", f"html_theme={theme}"]
    if strict:
        command.append("-W")
    return subprocess.run(command, capture_output=True, text=True, check=False)


def build_subsites(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":
        return
    # -W: Sphinx 9 keeps it as _fail_on_warnings (warningiserror is a constant there).
    strict = bool(getattr(app, "_fail_on_warnings", False) or getattr(app, "warningiserror", False))
    for folder, same_theme in SUBSITES.items():
        logger.info("building the sub-site %s/ ...", folder)
        result = sphinx_build(
            Path(app.srcdir) / folder,
            Path(app.outdir) / folder,
            Path(app.doctreedir) / "subsites" / folder,
            theme=app.config.html_theme if same_theme else None,
            strict=strict,
        )
        for line in result.stderr.splitlines():
            if "WARNING" in line or "ERROR" in line:
                logger.warning("%s/ (sub-site): %s", folder, line)
        if result.returncode != 0:
            raise ExtensionError(
                f"the sub-site {folder}/ failed to build:\n{result.stdout}\n{result.stderr}"
            )


def setup(app: Any) -> dict[str, Any]:
    app.connect("build-finished", build_subsites)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
