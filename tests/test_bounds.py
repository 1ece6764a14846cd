"""Hostile and degenerate files: bounded work, never a crash, a hang or a stale page.

Each class of input is built through Sphinx (the warning at its file and line,
the rest of the page intact) and checked by ``sphinx-profile validate`` (the
same problem). Bounds are asserted as sizes and operation counts, never times.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from support import Builds, build_site, data_site, rst_page, warnings_of

from sphinx_profile.cli import main
from sphinx_profile.data import bibtex_bounds
from sphinx_profile.data.bibtex import parse_bibtex
from sphinx_profile.data.images import inert_svg
from sphinx_profile.data.issues import Subtype, printable
from sphinx_profile.data.limits import LimitExceeded, Limits, NotARegularFile, read_bytes
from sphinx_profile.data.loader import DataFileError, parse_yaml
from sphinx_profile.data.store import load_data_file
from sphinx_profile.render.inline import inline_markdown
from sphinx_profile.render.markup import Content

TAIL = "The page goes on after the lists."


project = data_site


def page(*directives: str) -> str:
    return rst_page(*directives, TAIL)


GOOD_NEWS = "- date: 2024-01-02\n  text: The good news item\n"


build = build_site


def output(app: SphinxTestApp, buildername: str = "html") -> str:
    suffix = {"html": ".html", "text": ".txt"}.get(buildername)
    if suffix is None:
        return next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    return (Path(app.outdir) / f"index{suffix}").read_text(encoding="utf-8")


def validate(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(["validate", *argv])
    return status, capsys.readouterr().out


def where(srcdir: Path, text: str) -> str:
    return text.replace(str(srcdir) + os.sep, "")


def refused_in_build_and_validate(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    directive: str,
    data: dict[str, str],
    warning: str,
) -> str:
    """Build a page of ``directive`` and a good news list; the data gives ``warning`` (a
    pattern) and the rest of the page is built; validate says the same. The HTML."""
    files: dict[str, str | bytes] = {"index.rst": page(directive, ".. news::"), **data}
    srcdir = project(folder, {**files, "data/news.yaml": GOOD_NEWS})
    app = build(srcdir)
    assert app.statuscode == 0
    assert re.search(warning, where(srcdir, warnings_of(app))), warnings_of(app)
    html = output(app)
    assert "The good news item" in html and TAIL in html
    status, out = validate(capsys, str(srcdir / "data"))
    message = warning.split("WARNING: ")[1].split(r" \(")[0].replace("\\", "")
    assert status == 1 and re.search(message, out), (message, out)
    return html


# -- inline Markdown nested hundreds of levels -------------------------------------------

DEEP = "*" * 400 + "word" + "*" * 400


def _depth(content: Content | list[Content]) -> int:
    if isinstance(content, str):
        return 0
    if isinstance(content, list):
        return max((_depth(item) for item in content), default=0)
    return 1 + max((_depth(child) for child in content[1]), default=0)


def test_deep_emphasis_is_flattened_to_text_not_recursed():
    from sphinx_profile.data.fields import DeepMarkdown

    built = inline_markdown(DeepMarkdown(DEEP, 200, 16))
    assert _depth(built) == 16  # the bound, as a count of levels
    assert "word" in "".join(str(part) for part in built)
    assert _depth(inline_markdown(DEEP)) == 16  # text no validator saw: the default bound


@pytest.mark.parametrize("buildername", ["html", "text", "latex"])
def test_deep_emphasis_builds_with_a_warning(tmp_path: Path, buildername: str):
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(".. news::", ".. publication-list::"),
            "data/news.yaml": GOOD_NEWS + f'- date: 2024-01-01\n  text: "{DEEP}"\n',
            "data/publications.yaml": f'- id: a\n  title: Kept title\n  note: "{DEEP}"\n',
        },
    )
    app = build(srcdir, buildername)
    assert app.statuscode == 0
    warnings = where(srcdir, warnings_of(app))
    for location in ("data/news.yaml:4", "data/publications.yaml:3"):
        assert (
            f"{location}: WARNING: {'text' if 'news' in location else 'note'}: Markdown nested "
            "200 levels deep; markup deeper than 16 levels is shown as text "
            "(profile_max_markup_depth) [profile.markup]"
        ) in warnings
    text = output(app, buildername)
    for kept in ("The good news item", "Kept title", TAIL):
        assert kept in text
    if buildername == "html":
        soup = BeautifulSoup(text, "html.parser")
        deepest = max(
            len(tag.find_parents(["em", "strong"])) for tag in soup.find_all(["em", "strong"])
        )
        assert deepest < 16


def test_markup_depth_setting_is_used_by_build_and_validate(tmp_path: Path, capsys):
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(".. news::"),
            "data/news.yaml": "- date: 2024-01-01\n  text: '***a*** and *b*'\n",
        },
        "profile_max_markup_depth = 1\n",
    )
    app = build(srcdir)
    assert "Markdown nested 2 levels deep; markup deeper than 1 levels" in warnings_of(app)
    html = output(app)
    assert "<em>b</em>" in html  # within the bound: markup
    status, out = validate(capsys, str(srcdir / "data"), "--max-markup-depth", "1")
    assert status == 1
    assert "news.yaml:2:9: text: Markdown nested 2 levels deep" in out
    status, out = validate(capsys, str(srcdir / "data"))
    assert status == 0, out


def test_validate_reports_deep_emphasis(tmp_path: Path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "news.yaml").write_text(f'- date: 2024-01-01\n  text: "{DEEP}"\n')
    status, out = validate(capsys, str(data))
    assert status == 1
    assert "news.yaml:2:9: text: Markdown nested 200 levels deep" in out


# -- numbers of thousands of digits ------------------------------------------------------

DIGITS = "9" * 5000


def test_long_yaml_number_stays_text_with_a_warning(tmp_path: Path, capsys):
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(".. publication-list::"),
            "data/publications.yaml": (
                f"- id: a\n  title: {DIGITS}\n- id: b\n  title: Other\n  year: {DIGITS}\n"
                "- id: c\n  title: Third paper\n  year: 2020\n"
            ),
        },
    )
    app = build(srcdir)
    assert app.statuscode == 0
    warnings = where(srcdir, warnings_of(app))
    assert (
        "data/publications.yaml:2: WARNING: a number of 5,000 digits is read as text "
        "(more than 100; profile_max_digits) [profile.digits]"
    ) in warnings
    assert "data/publications.yaml:5: WARNING: a number of 5,000 digits" in warnings
    html = output(app)
    assert DIGITS in html  # the title, as written
    assert "Third paper" in html and TAIL in html
    status, out = validate(capsys, str(srcdir / "data"))
    assert status == 1
    assert "publications.yaml:2:10: a number of 5,000 digits is read as text" in out


@pytest.mark.parametrize("month", [DIGITS, "²", "13"])
def test_bibtex_month_that_is_no_month(tmp_path: Path, month: str, capsys):
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(".. publication-list::\n   :source: refs.bib"),
            "data/refs.bib": (
                f"@article{{a, title={{Odd month}}, author={{Doe, Jane}}, year={{2020}},"
                f" month={{{month}}}}}\n"
            ),
        },
    )
    app = build(srcdir)
    assert app.statuscode == 0
    warning = f"month {month!r} is not a month: the year alone is shown"
    assert f"data/refs.bib:1: WARNING: {warning} [profile.data]" in where(srcdir, warnings_of(app))
    html = output(app)
    assert "Odd month" in html and "2020" in html and TAIL in html
    status, out = validate(capsys, str(srcdir / "data"))
    assert status == 1 and f"refs.bib:1:1: {warning}" in out


# -- links that loop, lead out of the data folder, or are no files -----------------------


def test_symlink_loops_are_reported_not_raised(tmp_path: Path, capsys):
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(
                ".. profile::", ".. publication-list::\n   :source: loop.yaml", ".. news::"
            ),
            "data/profile.yaml": "name: Ada Lovelace\navatar: loop.png\n",
            "data/news.yaml": GOOD_NEWS,
        },
    )
    for name in ("loop.png", "loop.yaml"):
        os.symlink(name, srcdir / "data" / name)
    app = build(srcdir)
    assert app.statuscode == 0
    warnings = where(srcdir, warnings_of(app))
    assert (
        "data/loop.yaml:1: WARNING: cannot read: the path is a loop of symbolic links "
        "[profile.file]"
    ) in warnings
    assert (
        "data/profile.yaml:2: WARNING: avatar 'loop.png': cannot read: the path is a loop of "
        "symbolic links [profile.file]"
    ) in warnings
    html = output(app)
    assert "Ada Lovelace" in html and "The good news item" in html and TAIL in html
    status, out = validate(capsys, str(srcdir / "data"))
    assert status == 1
    assert "loop.yaml: cannot read: the path is a loop of symbolic links" in out
    assert "profile.yaml:2: avatar 'loop.png': cannot read: the path is a loop" in out


def test_a_member_file_that_loops_or_leads_out_is_reported(tmp_path: Path):
    (tmp_path / "elsewhere.yaml").write_text("name: Someone Else Entirely\n")
    srcdir = project(
        tmp_path / "site",
        {
            "index.rst": page(".. profile::\n   :person: ana", ".. profile::\n   :person: bo"),
            "data/people.yaml": (
                "- id: ana\n  name: Ana\n  role: PhD student\n"
                "- id: bo\n  name: Bo\n  role: PhD student\n"
            ),
        },
    )
    (srcdir / "data" / "people").mkdir()
    os.symlink("ana.yaml", srcdir / "data" / "people" / "ana.yaml")
    os.symlink(tmp_path / "elsewhere.yaml", srcdir / "data" / "people" / "bo.yaml")
    app = build(srcdir)
    assert app.statuscode == 0
    warnings = where(srcdir, warnings_of(app))
    assert (
        "data/people/ana.yaml:1: WARNING: cannot read: the path is a loop of symbolic links "
        "[profile.file]"
    ) in warnings
    assert "refused :source: 'people/bo.yaml': it lies outside the data folder" in warnings
    html = output(app)
    assert "Ana" in html and "Bo" in html and "Someone Else Entirely" not in html


def test_default_data_file_linked_outside_the_data_folder_is_refused(tmp_path: Path, capsys):
    secret = tmp_path / "secret.yaml"
    secret.write_text("- id: s\n  title: Secret outside title\n")
    srcdir = project(
        tmp_path / "site",
        {
            "index.rst": page(".. profile::", ".. publication-list::"),
            "data/profile.yaml": "name: Ada\n",
        },
        'html_baseurl = "https://example.org/"\n',
    )
    os.symlink(secret, srcdir / "data" / "publications.yaml")
    app = build(srcdir)
    assert app.statuscode == 0
    assert (
        "data/publications.yaml:1: WARNING: refused: it is a link to a file outside the data "
        "folder [profile.file]"
    ) in where(srcdir, warnings_of(app))
    html = output(app)
    assert "Secret outside title" not in html  # neither the page nor its JSON-LD
    assert "Ada" in html and TAIL in html
    status, out = validate(capsys, str(srcdir / "data"))
    assert status == 1
    assert "publications.yaml: refused: it is a link to a file outside the data folder" in out


def test_fifo_and_device_are_refused_without_reading(tmp_path: Path, capsys):
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(
                ".. publication-list::", ".. news::", ".. projects::\n   :source: zero.yaml"
            ),
            "data/news.yaml": GOOD_NEWS,
        },
    )
    os.mkfifo(srcdir / "data" / "publications.yaml")  # a build that opened it would hang
    os.symlink("/dev/zero", srcdir / "data" / "zero.yaml")
    app = build(srcdir)
    assert app.statuscode == 0
    warnings = where(srcdir, warnings_of(app))
    assert (
        "data/publications.yaml:1: WARNING: refused: it is a named pipe (FIFO), not a regular "
        "file [profile.file]"
    ) in warnings
    assert "refused :source: 'zero.yaml': it lies outside the data folder" in warnings
    assert "The good news item" in output(app)
    status, out = validate(capsys, str(srcdir / "data"))
    assert status == 1
    assert "publications.yaml: refused: it is a named pipe (FIFO), not a regular file" in out
    assert "zero.yaml: refused: it is a link to a file outside the data folder" in out
    status, out = validate(capsys, "/dev/zero", "--kind", "publications")
    assert status == 1
    assert "/dev/zero: refused: it is a device, not a regular file" in out


def test_reading_stops_at_the_bound_whatever_stat_says():
    with pytest.raises(NotARegularFile, match="it is a device"):
        read_bytes(Path("/dev/zero"), 100)
    status = Path("/proc/self/status")  # a regular file whose size says 0
    if not status.is_file() or status.stat().st_size:
        pytest.skip("needs Linux's /proc")
    with pytest.raises(LimitExceeded, match="holds more bytes than its size said") as raised:
        read_bytes(status, 16)
    assert raised.value.subtype is Subtype.SIZE


# -- aliases and macros that multiply a small file ---------------------------------------


def alias_heavy(title_size: int, aliases: int) -> str:
    records = "".join(f"- id: p{i}\n  title: *t\n" for i in range(aliases))
    return f"- id: first\n  title: &t {'x' * title_size}\n" + records


def test_aliases_are_counted_in_characters_not_values(tmp_path: Path, capsys):
    text = alias_heavy(100_000, 60)  # 100 kB of file, 6 MB of titles
    assert len(text) < 110_000
    with pytest.raises(DataFileError) as raised:
        parse_yaml(text)
    assert raised.value.subtype is Subtype.EXPANSION
    html = refused_in_build_and_validate(
        tmp_path,
        capsys,
        ".. publication-list::",
        {"data/publications.yaml": text},
        r"data/publications\.yaml:\d+: WARNING: document expands to more than 4,194,304 "
        r"characters \(an alias repeats a long text too often; profile_max_characters\) "
        r"\[profile\.expansion\]",
    )
    assert len(html) < 100_000  # the bound, as a size: none of the titles was written


def test_a_few_aliases_of_a_short_text_are_fine():
    document = parse_yaml(alias_heavy(20, 50))
    assert len(document.data) == 51
    assert {record["title"] for record in document.data} == {"x" * 20}


def doubling_macros(levels: int) -> str:
    lines = ['@string{m0 = "ab"}']
    lines += [f"@string{{m{i} = m{i - 1} # m{i - 1}}}" for i in range(1, levels)]
    lines.append(f"@article{{big, title = m{levels - 1}, author = {{Doe, Jane}}, year = 2020}}")
    return "\n".join(lines) + "\n"


def test_macros_that_double_each_other_are_refused(tmp_path: Path, capsys):
    text = doubling_macros(60)  # 2 ** 60 characters asked for
    assert len(text) < 2000
    with pytest.raises(DataFileError) as raised:
        parse_bibtex(text, Limits(characters=10_000))
    assert raised.value.subtype is Subtype.EXPANSION
    # Refused at the macro that went past the bound (line 13: m12, and 2 + 4 + … + 2 ** 13
    # characters so far): no more than twice the bound was ever joined.
    assert raised.value.position == (13, 1)
    refused_in_build_and_validate(
        tmp_path,
        capsys,
        ".. publication-list::\n   :source: refs.bib",
        {"data/refs.bib": text},
        r"data/refs\.bib:\d+: WARNING: @string macros expand to more than 4,194,304 characters "
        r"\(macros that repeat each other; profile_max_characters\) \[profile\.expansion\]",
    )


def unclosed_entries(count: int) -> str:
    return "".join(
        f"@article{{k{i}, title={{Title {i}}}, author={{Doe, Jane}}, year={{2020}},\n"
        for i in range(count)
    )


def scanned_characters(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    """Characters pybtex's scanner looks at to parse ``text``: the work, as a count."""
    combined = bibtex_bounds._combined
    seen = [0]

    def counting(patterns: Any) -> Any:
        search, winners = combined(patterns)

        def counted(string: str, position: int) -> Any:
            match = search(string, position)
            seen[0] += (match.end() if match else len(string)) - position
            return match

        return counted, winners

    monkeypatch.setattr(bibtex_bounds, "_combined", counting)
    parse_bibtex(text)
    return seen[0]


def test_entries_missing_their_closing_brace_cost_linear_work(monkeypatch, tmp_path, capsys):
    small, large = unclosed_entries(200), unclosed_entries(800)
    work_small = scanned_characters(monkeypatch, small)
    work_large = scanned_characters(monkeypatch, large)
    assert work_small <= 2 * len(small)
    assert work_large <= 2 * len(large)  # four times the file, four times the work
    records = parse_bibtex(large).data
    # Each entry's BibTeX is its own text, not the rest of the file.
    assert sum(len(record.get("bibtex", "")) for record in records) <= len(large)
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(".. publication-list::\n   :source: refs.bib"),
            "data/refs.bib": large,
        },
    )
    app = build(srcdir)
    assert app.statuscode == 0
    html = output(app)
    # pybtex reads the next entry as a field of the one left open, and says so:
    # every other entry is shown, each one lost is a syntax error at its line.
    assert "Title 798" in html and TAIL in html
    assert len(html) < 40 * len(large)  # was a quadratic page (a 119 MB one from 71 kB)
    status, _ = validate(capsys, str(srcdir / "data"))
    assert status == 1


def test_a_quoted_value_left_open_is_not_quadratic(monkeypatch):
    text = '@article{a, title = "open ' + "{x} " * 5000 + "\n"
    assert scanned_characters(monkeypatch, text) <= 2 * len(text)


# -- images that would run in the site's origin ------------------------------------------

HOSTILE_SVG = """<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" onload="alert(1)" width="10">
  <script>alert(2)</script>
  <foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(3)</script></body>
  </foreignObject>
  <a xlink:href="javascript:alert(4)"><circle r="4" fill="red"/></a>
  <image href="https://tracker.example/pixel.png" width="1" height="1"/>
  <rect width="5" height="5" style="fill:url(https://tracker.example/x)" inkscape:label="bg"/>
  <circle r="3" fill="blue" class="kept"/>
</svg>
"""
REMOVED = (
    "event attributes (on…), <script>, <foreignObject>, <a>, external or javascript: references"
)


def test_inert_svg_keeps_the_drawing_and_names_what_it_removed():
    cleaned, removed = inert_svg(HOSTILE_SVG.encode())
    text = cleaned.decode()
    for gone in ("script", "onload", "foreignObject", "javascript", "tracker.example", "<a"):
        assert gone not in text
    assert 'fill="blue"' in text and 'class="kept"' in text
    assert ", ".join(removed) == REMOVED


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"/>', "DTD"),
        (b"<html><script>alert(1)</script></html>", "its root is not <svg>"),
        (b"<svg", "not a readable SVG file"),
    ],
)
def test_svg_that_cannot_be_made_inert_is_refused(raw: bytes, message: str):
    with pytest.raises(ValueError, match=message):
        inert_svg(raw)


def test_svg_avatar_and_photo_are_served_inert(tmp_path: Path, capsys):
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(".. profile::", ".. people::"),
            "data/profile.yaml": "name: Ada Lovelace\navatar: me.svg\n",
            "data/people.yaml": "- id: bob\n  name: Bob\n  role: PhD student\n  photo: bob.svg\n",
            "data/me.svg": HOSTILE_SVG,
            "data/bob.svg": HOSTILE_SVG,
        },
    )
    app = build(srcdir)
    assert app.statuscode == 0
    warnings = where(srcdir, warnings_of(app))
    assert (
        "data/profile.yaml:2: WARNING: avatar 'me.svg': removed what an SVG image may not hold: "
        f"{REMOVED} [profile.image]"
    ) in warnings
    assert "data/people.yaml:4: WARNING: photo 'bob.svg': removed what an SVG image" in warnings
    images = {path.name: path.read_text() for path in (Path(app.outdir) / "_images").iterdir()}
    assert set(images) == {"me.svg", "bob.svg"}
    for svg in images.values():
        assert "script" not in svg and "onload" not in svg and "javascript" not in svg
        assert 'fill="blue"' in svg
    html = output(app)
    assert 'src="_images/me.svg"' in html and "Bob" in html and TAIL in html
    status, out = validate(capsys, str(srcdir / "data"))
    assert status == 1
    assert (
        f"profile.yaml:2: avatar 'me.svg': removed what an SVG image may not hold: {REMOVED}" in out
    )
    assert "people.yaml:4: photo 'bob.svg': removed what an SVG image may not hold" in out


def test_raster_image_must_be_what_its_name_says(tmp_path: Path, capsys):
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(".. profile::"),
            "data/profile.yaml": "name: Ada Lovelace\navatar: me.png\n",
            "data/me.png": "<svg onload='alert(1)'/>",
        },
    )
    app = build(srcdir)
    assert (
        "data/profile.yaml:2: WARNING: avatar 'me.png' is not a PNG image, as its name says; it "
        "is not shown [profile.image]"
    ) in where(srcdir, warnings_of(app))
    assert not (Path(app.outdir) / "_images").exists()
    assert "Ada Lovelace" in output(app)
    status, out = validate(capsys, str(srcdir / "data"))
    assert status == 1 and "avatar 'me.png' is not a PNG image" in out
    (srcdir / "data" / "me.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    status, out = validate(capsys, str(srcdir / "data"))
    assert status == 0, out


# -- messages that would forge log lines -------------------------------------------------


def test_keys_and_ids_cannot_forge_log_lines(tmp_path: Path, capsys):
    forged = "x\\ndata/publications.yaml:1: ERROR: forged\\x1b[31m\\r"
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(".. publication-list::"),
            "data/publications.yaml": (
                f'- id: a\n  title: Bad\n  "{forged}": 1\n- id: r\n  title: Real title\n'
                f'- id: "b\\nc"\n  title: One\n- id: "b\\nc"\n  title: Two\n'
            ),
        },
    )
    app = build(srcdir)
    raw = app._warning.getvalue()
    assert "\x1b[31m\r" not in raw and "\nforged" not in raw
    lines = where(srcdir, warnings_of(app)).splitlines()
    assert lines and all(line.startswith("data/publications.yaml:") for line in lines), lines
    assert any("unknown key 'x\\ndata/publications.yaml:1: ERROR: forged" in line for line in lines)
    assert "Real title" in output(app)
    status, out = validate(capsys, str(srcdir / "data"))
    assert status == 1
    assert not re.search(r"^data/publications\.yaml:1: ERROR", out, re.M)
    assert "\x1b" not in out


def test_printable_shows_control_characters_and_keeps_every_script():
    assert printable("Zoë 李 ok") == "Zoë 李 ok"
    assert printable("a\nb\x1b[0m\u2028") == "a\\nb\\x1b[0m\\u2028"


# -- incremental builds never keep stale output ------------------------------------------


@pytest.fixture
def builds(make_app: Callable[..., Any], tmp_path: Path) -> Builds:
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(".. publication-list::"),
            "data/publications.yaml": (
                "- id: first\n  title: First paper\n- id: second\n  title: Second paper\n"
            ),
        },
    )
    return Builds(make_app, srcdir)


def test_data_restored_with_an_older_mtime_is_read_again(builds: Builds):
    data = builds.srcdir / "data" / "publications.yaml"
    old = data.stat().st_mtime
    builds.build()
    replacement = builds.srcdir / "data" / "restored.yaml"
    replacement.write_text("- id: first\n  title: Restored paper\n", encoding="utf-8")
    os.utime(replacement, (old - 3600, old - 3600))
    os.replace(replacement, data)  # as `mv` or `cp -p` of an older file does
    app = builds.build()
    assert "index" in app.read_docs
    assert "Restored paper" in builds.html(app, "index")


def test_same_mtime_but_new_content_is_read_again(builds: Builds):
    data = builds.srcdir / "data" / "publications.yaml"
    builds.build()
    stamp = data.stat()
    data.write_text("- id: first\n  title: Changed paper\n", encoding="utf-8")
    os.utime(data, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    app = builds.build()
    assert "Changed paper" in builds.html(app, "index")
    again = builds.build()
    assert again.read_docs == set()  # unchanged content: nothing read


def test_paper_page_of_an_entry_that_left_the_data_is_removed(builds: Builds):
    builds.write(builds.srcdir / "index.rst", page(".. publication-list::\n   :pages:"))
    first = builds.build()
    outdir = Path(first.outdir)
    assert (outdir / "publications" / "second.html").is_file()
    builds.write(
        builds.srcdir / "data" / "publications.yaml", "- id: first\n  title: First paper\n"
    )
    builds.build()
    assert not (outdir / "publications" / "second.html").exists()
    assert "First paper" in (outdir / "publications" / "first.html").read_text("utf-8")


# -- the settings ------------------------------------------------------------------------


def test_each_limit_has_a_setting_and_bad_values_fall_back(tmp_path: Path):
    srcdir = project(
        tmp_path,
        {"index.rst": page(".. news::"), "data/news.yaml": GOOD_NEWS},
        "profile_max_markup_depth = 1000\nprofile_max_digits = 0\n",
    )
    app = build(srcdir)
    warnings = warnings_of(app)
    assert "invalid profile_max_markup_depth = 1000: expected at most 100" in warnings
    assert "invalid profile_max_digits = 0: expected a positive whole number" in warnings
    assert "The good news item" in output(app)


def test_values_bound_counts_aliases(tmp_path: Path):
    path = tmp_path / "publications.yaml"
    path.write_text("- &a {id: a, title: T}\n" + "- *a\n" * 20)
    loaded = load_data_file(path, "publications", limits=Limits(values=30))
    # At the anchor: an alias's values are the anchored node's.
    assert [(issue.subtype, issue.line) for issue in loaded.issues] == [(Subtype.VALUES, 1)]
