"""One warning helper: every warning is ``profile.<subtype>`` of the enum, as the guide lists."""

from __future__ import annotations

import re

import pytest
from support import REPO, build_site, data_site, warnings_of

from sphinx_profile.data.issues import Subtype
from sphinx_profile.warn import warn

ERRORS_GUIDE = REPO / "docs" / "guide" / "errors.rst"


def _guide_subtypes() -> list[str]:
    text = ERRORS_GUIDE.read_text(encoding="utf-8")
    section = text[text.index("Every subtype\n") : text.index("Failing the build on warnings")]
    return re.findall(r"^``profile\.([\w-]+)``$", section, re.MULTILINE)


def test_the_guide_lists_every_subtype_of_the_enum_once():
    listed = _guide_subtypes()
    assert sorted(listed) == sorted(subtype.value for subtype in Subtype)
    assert len(listed) == len(set(listed))


def test_no_module_warns_but_through_the_helper():
    raw = re.compile(r'type="profile"|logger\.(warning|error)\(')
    offenders = sorted(
        str(path.relative_to(REPO))
        for path in (REPO / "sphinx_profile").rglob("*.py")
        if path.name != "warn.py" and raw.search(path.read_text(encoding="utf-8"))
    )
    assert offenders == []


def test_a_warning_reads_as_the_guide_says_and_is_silenced_by_its_subtype(tmp_path):
    files = {"index.rst": ".. publication-list::\n   :source: missing.yaml\n"}
    app = build_site(data_site(tmp_path / "loud", files))
    assert re.search(
        r"WARNING: publication-list: data file not found: .*\[profile\.file\]", warnings_of(app)
    )

    quiet = data_site(tmp_path / "quiet", files, 'suppress_warnings = ["profile.file"]\n')
    assert "missing.yaml" not in warnings_of(build_site(quiet))


def test_a_subtype_outside_the_enum_is_refused():
    with pytest.raises(ValueError):
        warn("no-such-subtype", "never shown")
