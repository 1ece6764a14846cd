"""The garbage collector around long lists (``directives.base.collector_paused``).

A directive freezes the objects alive when it ends, so that later collections
skip the long-lived records and markup; the next build of the same process must
make them collectable again, or a process that builds many times would keep
every finished build's cycles.
"""

from __future__ import annotations

import gc

from sphinx.testing.util import SphinxTestApp
from support import copy_root


def build(tmp_path, name: str) -> SphinxTestApp:
    app = SphinxTestApp("html", srcdir=copy_root("themes", tmp_path / name))
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.statuscode == 0
    return app


def test_a_build_freezes_and_the_next_build_releases(tmp_path):
    gc.unfreeze()
    build(tmp_path, "first")
    assert gc.get_freeze_count() > 0, "a build with lists froze nothing"
    assert gc.isenabled(), "the collector was left off"
    app = SphinxTestApp("html", srcdir=copy_root("themes", tmp_path / "second"))
    try:
        # config-inited of the next app has released the first build's objects.
        assert gc.get_freeze_count() == 0
    finally:
        app.cleanup()
        gc.unfreeze()


def test_a_disabled_collector_stays_disabled_and_nothing_is_frozen(tmp_path):
    gc.unfreeze()
    gc.disable()
    try:
        build(tmp_path, "off")
        assert not gc.isenabled()
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()
