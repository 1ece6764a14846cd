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


def build_subsites(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":
        return
    for folder, same_theme in SUBSITES.items():
        srcdir = Path(app.srcdir) / folder
        command = [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-q",
            "-d",
            str(Path(app.doctreedir) / "subsites" / folder),
            str(srcdir),
            str(Path(app.outdir) / folder),
        ]
        if same_theme:
            command += ["-D", f"html_theme={app.config.html_theme}"]
        # -W: Sphinx 9 keeps it as _fail_on_warnings (warningiserror is a constant there).
        if getattr(app, "_fail_on_warnings", False) or getattr(app, "warningiserror", False):
            command.append("-W")
        logger.info("building the sub-site %s/ ...", folder)
        result = subprocess.run(command, capture_output=True, text=True, check=False)
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
