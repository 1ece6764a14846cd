"""A build leaves Python's garbage collector as it found it.

Sphinx may run inside another program (a documentation server, a test suite):
the extension switches no collector off and freezes or unfreezes nothing, so
the host's own ``gc.freeze()`` survives a build.
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


def test_a_build_keeps_the_hosts_frozen_objects_and_the_collector_on(tmp_path):
    gc.freeze()  # the host's own objects, left out of collections
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        build(tmp_path, "first")
        build(tmp_path, "second")  # the config-inited of a second build unfroze before
        assert gc.isenabled(), "the collector was left off"
        # Frozen objects that die leave the count; a freeze would add the whole heap.
        after = gc.get_freeze_count()
        assert after > frozen // 2, "a build unfroze the host's objects"
        assert after <= frozen, "a build froze objects"
    finally:
        gc.unfreeze()


def test_a_disabled_collector_stays_disabled(tmp_path):
    gc.disable()
    try:
        build(tmp_path, "off")
        assert not gc.isenabled()
    finally:
        gc.enable()
