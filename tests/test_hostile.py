"""Hostile and broken input: what a page built from such data shows, and what it never does.

* ``tests/malformed/*.yaml`` is a corpus of broken files; each names, in
  ``# expect: <kind>.yaml:<line>:<column>: <message> [<subtype>]`` comments,
  every problem it must give, and the test checks it gives exactly those.
* ``tests/roots/test-hostile`` puts markup, LaTeX and script links in every
  field; the builds show them as text, and keep only safe links.
* Then paths out of the data folder, unsafe YAML, size and nesting bounds,
  encodings, the network, and ``suppress_warnings`` / ``-W`` for each subtype.
"""

from __future__ import annotations

import re
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from support import build_site as build
from support import copy_root, data_site, html_page, rst_page, warnings_of

from sphinx_profile.data.issues import Subtype
from sphinx_profile.data.store import load_data_file

MALFORMED = Path(__file__).parent / "malformed"
EXPECT = re.compile(rb"^# expect: (?P<kind>[\w-]+)\.yaml:(?P<rest>.*)$", re.MULTILINE)
SAFE_SCHEMES = {"", "http", "https", "mailto"}


project = data_site


page = rst_page


# -- the corpus of malformed files -------------------------------------------------------


def _corpus() -> list[Path]:
    return sorted(MALFORMED.glob("*.yaml"))


@pytest.mark.parametrize("path", _corpus(), ids=lambda path: path.stem)
def test_malformed_file_gives_exactly_the_expected_problems(path: Path):
    expected = [
        (match["kind"].decode(), f"{match['kind'].decode()}.yaml:{match['rest'].decode()}")
        for match in EXPECT.finditer(path.read_bytes())
    ]
    assert expected, f"{path.name} has no '# expect:' comment"
    kinds = {kind for kind, _ in expected}
    assert len(kinds) == 1, f"{path.name} expects problems of several kinds of file"
    kind = kinds.pop()
    loaded = load_data_file(path, kind)
    found = [f"{issue.located(f'{kind}.yaml')} [{issue.subtype.value}]" for issue in loaded.issues]
    assert found == [line for _, line in expected]


def test_corpus_covers_every_kind_of_problem():
    """The corpus is the reference for messages: it must exercise each family of them."""
    text = "\n".join(path.read_bytes().decode("latin-1") for path in _corpus())
    for phrase in (
        "did you mean",
        "known keys:",
        "two names of the same key",
        "expected text, got a list",
        "expected a whole number",
        "expected true or false",
        "expected one of",
        "use YYYY, YYYY-MM, YYYY-MM-DD or 'present'",
        "is after end",
        "duplicate id",
        "duplicate key",
        "missing required key",
        "unsafe link",
        "shown as plain text",
        "YAML tag",
        "YAML syntax error",
        "expands to more than",
        "nesting deeper than",
        "not valid UTF-8",
        "is not allowed in YAML",
    ):
        assert phrase in text, phrase


def test_malformed_files_keep_their_valid_entries():
    """A problem costs only its entry; an unsafe link costs only the link."""
    assert [
        r.id for r in load_data_file(MALFORMED / "duplicate-id.yaml", "publications").records
    ] == [
        "pab",
        "dsp",
    ]
    (unsafe,) = load_data_file(MALFORMED / "unsafe-link.yaml", "publications").records
    assert [(link.label, link.url) for link in unsafe.links] == [
        ("paper", "https://arxiv.org/abs/2408.12588")
    ]
    disguised = load_data_file(MALFORMED / "unsafe-link-disguised.yaml", "experience").records
    assert len(disguised) == 6
    assert all(record.url is None for record in disguised)
    (hugo,) = load_data_file(MALFORMED / "unsafe-link-hugoblox.yaml", "publications").records
    assert [(link.label, link.url) for link in hugo.links] == [
        ("pdf", "https://arxiv.org/pdf/2408.12588")
    ]


def test_yaml_tags_run_nothing(tmp_path: Path):
    marker = tmp_path / "owned"
    path = tmp_path / "publications.yaml"
    path.write_text(
        f'- id: a\n  title: !!python/object/apply:os.system ["touch {marker}"]\n'
        f"- id: b\n  title: !!python/object/new:os.system [touch {marker}]\n"
    )
    loaded = load_data_file(path, "publications")
    assert not marker.exists()
    assert [(issue.line, issue.message) for issue in loaded.issues] == [
        (
            2,
            "YAML tag '!!python/object/apply:os.system' is ignored; "
            "the value is read as a plain list",
        ),
        (
            4,
            "YAML tag '!!python/object/new:os.system' is ignored; "
            "the value is read as a plain list",
        ),
        (2, "entry left out: title: expected text, got a list"),
        (4, "entry left out: title: expected text, got a list"),
    ]


def test_yaml_11_traps_stay_what_was_written(tmp_path: Path):
    path = tmp_path / "publications.yaml"
    path.write_text(
        "- id: no\n  title: yes\n  venue: on\n  venue_short: 1.10\n  arxiv: 2401.10650\n"
        "  date: 2021-05-01\n  note: 0o17\n"
    )
    loaded = load_data_file(path, "publications")
    assert loaded.issues == ()
    (record,) = loaded.records
    assert (record.id, record.title, record.venue, record.venue_short) == (
        "no",
        "yes",
        "on",
        "1.10",
    )
    assert (record.arxiv, record.note, str(record.date)) == ("2401.10650", "0o17", "2021-05-01")


# -- the hostile site, in every builder --------------------------------------------------


@pytest.fixture(scope="module")
def hostile(built_root: Callable[..., SphinxTestApp]) -> Callable[[str], SphinxTestApp]:
    """``hostile("latex")``: the hostile root built once per builder."""
    return lambda buildername: built_root("hostile", buildername)


def test_html_shows_markup_from_data_as_text(hostile: Callable[[str], SphinxTestApp]):
    app = hostile("html")
    for name, title in (
        ("page.html", "Hostile data"),
        ("page-myst.html", "Hostile data in Markdown"),
    ):
        html = (app.outdir / name).read_text()
        body = BeautifulSoup(html, "html.parser").find("div", class_="body")
        assert body is not None
        # No element came from the data: only what the extension itself builds.
        assert not body.find_all(["script", "img", "iframe", "marquee", "b", "u"])
        # The only SVG are the extension's own link icons, drawn from the package's files.
        for svg in body.find_all("svg"):
            assert "sp-icon" in svg["class"] and svg["aria-hidden"] == "true", svg
            assert not [k for k in svg.attrs if k.startswith("on")]
        assert [h.get_text() for h in body.find_all("h1")] == [f"{title}¶"]
        assert "<script>alert(1)</script>" in body.get_text()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<img src=x onerror=alert(1)>" in body.get_text()
        assert "onerror" not in str(body).replace("onerror=alert(1)&gt;", "")
        assert "x < y && y > z" in body.get_text()


def test_html_links_are_all_safe_and_the_rest_of_each_entry_is_shown(
    hostile: Callable[[str], SphinxTestApp],
):
    app = hostile("html")
    soup = html_page(app, "page")
    body = soup.find("div", class_="body")
    hrefs = [a["href"] for a in body.find_all("a", href=True)]
    assert hrefs, "the page has links"
    for href in hrefs:
        assert urlsplit(href.strip()).scheme.lower() in SAFE_SCHEMES, href
    # The entries with unsafe links are there, with their safe links.
    text = body.get_text()
    for shown in ("<iframe src=javascript:alert(1)>", "<marquee>School</marquee>", "<svg onload"):
        assert shown in text
    assert "https://arxiv.org/abs/2401.00001" in hrefs
    assert "https://example.org/ok" in hrefs
    assert "https://github.com/example" in hrefs
    # An unsafe Markdown link keeps its words, not its target.
    assert "click" in text


def test_every_unsafe_link_is_a_url_warning_at_its_line(hostile: Callable[[str], SphinxTestApp]):
    warnings = warnings_of(hostile("html"))
    url_warnings = re.findall(r"data/(\w+\.yaml):(\d+): WARNING: (.*) \[profile\.url\]", warnings)
    assert sorted((file, int(line)) for file, line, _ in url_warnings) == sorted(
        [
            ("education.yaml", 2),
            ("experience.yaml", 2),
            ("experience.yaml", 6),
            ("news.yaml", 2),
            ("profile.yaml", 6),
            ("profile.yaml", 9),
            ("projects.yaml", 2),
            ("publications.yaml", 6),
            ("publications.yaml", 12),
            *(("publications.yaml", line) for line in range(15, 21)),
        ]
    )
    # Reported once per build, however many directives read the file.
    assert len(url_warnings) == 15
    assert "[profile.data]" not in warnings


def test_latex_escapes_every_special_character(hostile: Callable[[str], SphinxTestApp]):
    app = hostile("latex")
    tex = (app.outdir / "hostile.tex").read_text()
    assert r"\input{/etc/passwd}" not in tex
    assert r"\textbackslash{}input\{/etc/passwd\}" in tex
    assert r"\textbackslash{}write18\{rm \sphinxhyphen{}rf /\}" in tex
    assert r"\textbackslash{}immediate\textbackslash{}write18\{id\}" in tex
    assert r"100\% \& \{braces\} \$x\$ \#1 a\_b" in tex
    assert r"\textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{}" in tex
    assert "javascript" not in tex.lower().replace("javascript:alert", "")
    assert r"\end{document}" in tex  # once, the document's own end
    assert tex.count(r"\end{document}") == 1


def test_text_output_keeps_the_characters(hostile: Callable[[str], SphinxTestApp]):
    app = hostile("text")
    text = (app.outdir / "page.txt").read_text()
    assert "<script>alert(1)</script>" in text
    assert r"\input{/etc/passwd}" in text
    assert "100% & {braces} $x$ #1 a_b" in text


# -- paths, sizes, nesting, encodings ----------------------------------------------------


def test_source_and_avatar_outside_the_data_folder_are_refused(tmp_path: Path):
    (tmp_path / "secret.yaml").write_text("- id: s\n  title: Secret\n")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n")
    srcdir = project(
        tmp_path / "site",
        {
            "index.rst": page(
                ".. publication-list::\n   :source: ../../secret.yaml",
                ".. publication-list::\n   :source: /etc/passwd",
                ".. profile::",
            ),
            "data/profile.yaml": "name: Ada\navatar: ../../secret.png\n",
        },
    )
    app = build(srcdir)
    warnings = warnings_of(app)
    assert "refused :source: '../../secret.yaml': it lies outside the data folder" in warnings
    assert "refused :source: '/etc/passwd': it lies outside the data folder" in warnings
    assert "avatar '../../secret.png' lies outside the data folder; it is not shown" in warnings
    assert warnings.count("[profile.file]") == 3
    html = (app.outdir / "index.html").read_text()
    assert "Secret" not in html
    assert "secret.png" not in html
    assert "Ada" in html


def test_alias_bomb_too_large_file_and_deep_nesting_are_warnings(tmp_path: Path):
    bomb = (MALFORMED / "alias-bomb.yaml").read_text()
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(
                ".. publication-list::",
                ".. news::",
                ".. projects::",
            ),
            "data/publications.yaml": bomb,
            "data/news.yaml": "- date: 2024\n  text: " + "x" * 5000 + "\n",
            "data/projects.yaml": "- name: deep\n  tags: " + "[" * 100 + "]" * 100 + "\n",
        },
        conf="profile_max_file_size = 4096\n",
    )
    app = build(srcdir)
    assert app.statuscode == 0
    warnings = warnings_of(app)
    assert re.search(r"publications\.yaml:1: WARNING: document expands to more than", warnings)
    assert re.search(
        r"news\.yaml:1: WARNING: file is 5,\d{3} bytes, above the limit of 4,096 "
        r"\(raise profile_max_file_size if this is intended\) \[profile\.size\]",
        warnings,
    )
    assert re.search(
        r"projects\.yaml:2: WARNING: nesting deeper than 64 levels \(profile_max_depth\) "
        r"\[profile\.depth\]",
        warnings,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("name: Zoë\n".encode("utf-8-sig"), "Zoë"),
        ("\ufeffname: Zoë\n".encode("utf-16-le"), "Zoë"),
        ("\ufeffname: Zoë\n".encode("utf-16-be"), "Zoë"),
        (b'name: "Zo\\u00eb \\ud83d\\ude00"\n', "Zoë 😀"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be", "escaped-surrogate-pair"],
)
def test_encodings_that_are_read(tmp_path: Path, raw: bytes, expected: str):
    (tmp_path / "profile.yaml").write_bytes(raw)
    loaded = load_data_file(tmp_path / "profile.yaml", "profile")
    assert loaded.issues == ()
    assert loaded.records[0].name == expected  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "name: Ada\nbio: Café\n".encode("latin-1"),
            ("file is not valid UTF-8 text (save it as UTF-8)", 2, 9),
        ),
        (
            "name: Ada\n".encode("utf-16-le"),
            (
                "file is not valid UTF-8 text; it looks like UTF-16 without a byte order "
                "mark (save it as UTF-8)",
                1,
                2,
            ),
        ),
    ],
    ids=["latin-1", "utf-16-without-bom"],
)
def test_encodings_that_are_refused_say_why_and_where(
    tmp_path: Path, raw: bytes, expected: tuple[str, int, int]
):
    (tmp_path / "profile.yaml").write_bytes(raw)
    loaded = load_data_file(tmp_path / "profile.yaml", "profile")
    ((message, line, column, subtype),) = [
        (i.message, i.line, i.column, i.subtype) for i in loaded.issues
    ]
    assert (message, line, column) == expected
    assert subtype is Subtype.FILE


def test_lone_surrogate_escape_cannot_break_the_output(tmp_path: Path):
    srcdir = project(
        tmp_path,
        {"index.rst": page(".. profile::"), "data/profile.yaml": 'name: "Ada \\ud800"\n'},
    )
    app = build(srcdir)
    assert app.statuscode == 0
    assert "Ada \ufffd" in (app.outdir / "index.html").read_text(encoding="utf-8")


# -- nothing reaches the network ---------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("the network is not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts


@pytest.mark.parametrize("root", ["test-hostile", "test-formats"])
def test_builds_never_use_the_network(tmp_path: Path, no_network: list[object], root: str):
    srcdir = tmp_path / "src"
    copy_root(root.removeprefix("test-"), srcdir)
    app = build(srcdir)
    assert app.statuscode == 0
    assert no_network == []


# -- suppress_warnings and -W, for each subtype ------------------------------------------

GOOD_PUBLICATIONS = "- id: a\n  title: A\n  topics: [Systems]\n"

TRIGGERS: dict[Subtype, tuple[dict[str, str], str]] = {
    Subtype.DATA: (
        {
            "index.rst": page(".. publication-list::"),
            "data/publications.yaml": "- id: a\n  titel: A\n",
        },
        "",
    ),
    Subtype.FILE: ({"index.rst": page(".. projects::")}, ""),
    Subtype.URL: (
        {
            "index.rst": page(".. publication-list::"),
            "data/publications.yaml": "- id: a\n  title: A\n  links:\n    x: javascript:alert(1)\n",
        },
        "",
    ),
    Subtype.CONFIG: ({"index.rst": page("Text.")}, "profile_date_format = 5\n"),
    Subtype.OPTION: (
        {
            "index.rst": page(".. publication-list::\n   :topics: Gardening"),
            "data/publications.yaml": GOOD_PUBLICATIONS,
        },
        "",
    ),
    Subtype.REF: (
        {
            "index.rst": page(".. publication-list::", "See :pub:`nowhere`."),
            "data/publications.yaml": GOOD_PUBLICATIONS,
        },
        "",
    ),
    Subtype.DEPENDENCY: (
        {
            "index.rst": page(".. publication-list::\n   :source: refs.bib"),
            "data/refs.bib": "@article{a, title={A}, author={Doe, Jane}, year={2024}}\n",
        },
        "",
    ),
    Subtype.DUPLICATE_KEY: (
        {
            "index.rst": page(".. publication-list::\n   :source: refs.bib"),
            "data/refs.bib": "@article{a, title={A}, year={2024}}\n@misc{a, title={B}}\n",
        },
        "",
    ),
    Subtype.SIZE: (
        {"index.rst": page(".. news::"), "data/news.yaml": "- date: 2024\n  text: N\n" * 9},
        "profile_max_file_size = 100\n",
    ),
    Subtype.EXPANSION: (
        {
            "index.rst": page(".. publication-list::"),
            "data/publications.yaml": "- id: a\n  title: &t "
            + "x" * 60
            + "\n- id: b\n  title: *t\n",
        },
        "profile_max_characters = 100\n",
    ),
    Subtype.VALUES: (
        {"index.rst": page(".. publication-list::"), "data/publications.yaml": GOOD_PUBLICATIONS},
        "profile_max_values = 3\n",
    ),
    Subtype.DEPTH: (
        {"index.rst": page(".. publication-list::"), "data/publications.yaml": GOOD_PUBLICATIONS},
        "profile_max_depth = 2\n",
    ),
    Subtype.MARKUP: (
        {
            "index.rst": page(".. publication-list::"),
            "data/publications.yaml": "- id: a\n  title: A\n  note: '***deep***'\n",
        },
        "profile_max_markup_depth = 1\n",
    ),
    Subtype.DIGITS: (
        {
            "index.rst": page(".. publication-list::"),
            "data/publications.yaml": "- id: a\n  title: " + "7" * 30 + "\n",
        },
        "profile_max_digits = 20\n",
    ),
    Subtype.IMAGE: (
        {
            "index.rst": page(".. profile::"),
            "data/profile.yaml": "name: Ada\navatar: me.png\n",
            "data/me.png": "<html><script>alert(1)</script></html>",
        },
        "",
    ),
    Subtype.REDIRECT: (
        {"index.rst": ":redirect_from: /index.html\n\n" + page("Text.")},
        'extensions.append("sphinx_reredirects")\n',
    ),
    Subtype.FEED: (
        {"index.rst": page(".. news::"), "data/news.yaml": "- date: 2024-01\n  text: Hello\n"},
        "profile_feed = True\n",  # and no html_baseurl
    ),
    Subtype.NOT_SHOWN: (
        {
            "index.rst": page(".. experience::\n   :source: resume.json"),
            "data/resume.json": '{"basics": {"name": "A"}, '
            '"work": [{"name": "B", "position": "C", "phone": "1"}]}\n',
        },
        "",
    ),
}


def test_every_subtype_has_a_trigger():
    assert set(TRIGGERS) == set(Subtype)


@pytest.fixture
def subtype_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[Subtype, str], Path]:
    def make(subtype: Subtype, conf: str = "") -> Path:
        if subtype is Subtype.DEPENDENCY:
            monkeypatch.setitem(sys.modules, "pybtex", None)  # as if it were not installed
        files, trigger_conf = TRIGGERS[subtype]
        return project(tmp_path / f"{subtype.value}-{len(conf)}", files, trigger_conf + conf)

    return make


@pytest.mark.parametrize("subtype", list(Subtype), ids=lambda s: s.value)
def test_each_subtype_warns_is_suppressed_by_name_and_fails_with_w(
    subtype: Subtype, subtype_project: Callable[[Subtype, str], Path]
):
    tag = f"[profile.{subtype.value}]"
    loud = build(subtype_project(subtype, ""))
    assert tag in warnings_of(loud)
    # Settings of conf.py (a feed is one) have no data file and line to point at.
    where = "" if subtype in (Subtype.CONFIG, Subtype.FEED) else r"\S+:\d+: "
    assert re.search(rf"^{where}WARNING: .* {re.escape(tag)}$", warnings_of(loud), re.M)
    assert loud.statuscode == 0

    quiet = build(subtype_project(subtype, f'suppress_warnings = ["profile.{subtype.value}"]\n'))
    assert tag not in warnings_of(quiet)

    strict = build(subtype_project(subtype, ""), warningiserror=True)
    assert tag in warnings_of(strict)
    assert strict.statuscode != 0


@pytest.mark.parametrize("depth", [1_000, 200_000])
def test_very_deep_nesting_is_refused_without_overflowing(tmp_path: Path, depth: int):
    path = tmp_path / "publications.yaml"
    path.write_text("- id: a\n  title: T\n  topics: " + "[" * depth + "]" * depth + "\n")
    loaded = load_data_file(path, "publications", max_bytes=1_000_000)
    assert [(i.message, i.line, i.subtype) for i in loaded.issues] == [
        ("nesting deeper than 64 levels (profile_max_depth)", 3, Subtype.DEPTH)
    ]


def test_control_characters_written_as_escapes_are_removed(tmp_path: Path):
    """A NUL in a path would make the build crash; no output format can show a bell."""
    srcdir = project(
        tmp_path,
        {
            "index.rst": page(".. profile::", ".. publication-list::"),
            "data/profile.yaml": 'name: "Ada\\0 Lovelace"\navatar: "me\\0.png"\n',
            "data/publications.yaml": '- id: a\n  title: "Ring\\x07 the bell\\ttwice"\n',
        },
    )
    app = build(srcdir)
    assert app.statuscode == 0
    html = (app.outdir / "index.html").read_text()
    assert "Ada Lovelace" in html
    assert "Ring the bell\ttwice" in html
    assert "avatar image not found: data/me.png" in warnings_of(app).replace(str(srcdir) + "/", "")
