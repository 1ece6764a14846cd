"""Bad data never stops the build: one warning per problem, at the file and line, and
everything valid still renders.

The root ``test-bad-data`` holds ``data/publications.yaml`` whose entries (but the
first and the last) each have one problem, an ``experience.yaml`` with a start after
its end, a ``broken.yaml`` that is not valid YAML, no ``projects.yaml`` at all, and a
page that asks for ``:source: ../../etc/passwd``.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from support import append_conf, html_page, root_build

# The warnings, exactly as the user reads them after the path of the data folder.
DATA_WARNINGS = [
    "data/publications.yaml:8: WARNING: entry left out: title: expected text, got a list "
    "[profile.data]",
    "data/publications.yaml:10: WARNING: entry left out: missing required key 'id' [profile.data]",
    "data/publications.yaml:15: WARNING: unknown key 'venu'; did you mean 'venue'? [profile.data]",
    "data/publications.yaml:19: WARNING: date: invalid date 'next spring': "
    "use YYYY, YYYY-MM, YYYY-MM-DD or 'present' [profile.data]",
    "data/publications.yaml:21: WARNING: entry left out: duplicate id 'good-one' "
    "(first defined at line 2) [profile.data]",
    "data/experience.yaml:7: WARNING: end: start 2024-05 is after end 2023-01 [profile.data]",
]
URL_WARNINGS = [
    "data/publications.yaml:27: WARNING: links.paper: unsafe link 'javascript:alert(1)': "
    "only http, https, mailto, doi: and arXiv: links or relative paths are allowed "
    "[profile.url]",
]
FILE_WARNINGS = [
    "data/broken.yaml:4: WARNING: YAML syntax error: expected ',' or ']', but got ':' "
    "while parsing a flow sequence [profile.file]",
]
# Problems of a directive call point at the page and line of the directive.
PAGE_WARNING_PATTERNS = [
    r"index\.rst:11: WARNING: projects: data file not found: \S*data/projects\.yaml "
    r"\(profile_data_dir is '[^']+'\) \[profile\.file\]",
    r"index\.rst:13: WARNING: publication-list: refused :source: '\.\./\.\./etc/passwd': "
    r"it lies outside the data folder \S+ \[profile\.file\]",
]
ALL_WARNINGS = DATA_WARNINGS + URL_WARNINGS + FILE_WARNINGS

VALID = [
    "A Valid Paper",
    "Another Valid Paper",
    "GOOD 2024",
    "FINE 2023",
    "Good Company",
    "Unsafe Link Paper",  # kept: only its unsafe link is dropped
    "Typo Paper",  # kept: only its unknown key 'venu' is dropped
    "Bad Date Paper",  # kept: only its date is dropped
    "Time Travel Inc",  # kept: only its end, before its start, is dropped
]
INVALID = [
    "No Identifier",  # a required field is missing or unusable: the entry is left out
    "A Duplicate Paper",
    "Some Venue",  # the value of the unknown key
    "next spring",
    "2023.01",  # the end before the start
    "javascript:",
    "Broken File Paper",
    "Never Read",
]


def lines_ending_with(warnings: str, expected: str) -> list[str]:
    """The warning lines that are ``expected`` after some path prefix."""
    return [
        line for line in warnings.splitlines() if line == expected or line.endswith("/" + expected)
    ]


def lines_matching(warnings: str, pattern: str) -> list[str]:
    return [line for line in warnings.splitlines() if re.search(rf"(^|/){pattern}$", line)]


bad_app = root_build("bad-data")


@pytest.fixture(scope="module")
def bad_warnings(bad_app, get_warnings):
    return get_warnings(bad_app)


@pytest.mark.parametrize("expected", ALL_WARNINGS, ids=lambda text: text.split(" WARNING")[0])
def test_each_problem_is_one_warning_at_file_and_line(bad_warnings, expected):
    assert len(lines_ending_with(bad_warnings, expected)) == 1, bad_warnings


@pytest.mark.parametrize("pattern", PAGE_WARNING_PATTERNS, ids=["missing-file", "outside-source"])
def test_directive_problems_point_at_the_page(bad_warnings, pattern):
    assert len(lines_matching(bad_warnings, pattern)) == 1, bad_warnings


def test_no_other_warnings(bad_warnings):
    lines = [line for line in bad_warnings.splitlines() if line.strip()]
    assert len(lines) == len(ALL_WARNINGS) + len(PAGE_WARNING_PATTERNS), bad_warnings


def test_build_succeeds_and_valid_entries_render(bad_app):
    assert bad_app.statuscode == 0
    page = html_page(bad_app, "index")
    text = page.get_text(" ")
    assert "Bad Data" in text
    for words in VALID:
        assert words in text
    for words in INVALID:
        assert words not in str(page)
    assert page.find(id="pub-good-one") is not None
    assert page.find(id="pub-good-two") is not None
    # the second page reads the same file, and shows the same valid entries
    again = (bad_app.outdir / "again.html").read_text(encoding="utf-8")
    assert "A Valid Paper" in again
    assert "A Duplicate Paper" not in again


def test_dash_w_fails_the_build(private_root, strip_ansi_codes):
    """``sphinx-build -W`` as the user runs it, from the folder of ``conf.py``."""
    srcdir = private_root("bad-data")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", ".", "_build/html"],
        cwd=srcdir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    stderr = strip_ansi_codes(result.stderr)
    # paths relative to where sphinx-build runs, as in the README
    assert (
        "data/publications.yaml:15: WARNING: unknown key 'venu'; did you mean 'venue'? "
        "[profile.data]" in stderr.splitlines()
    )
    assert "data/experience.yaml:7: WARNING: end: start 2024-05 is after end 2023-01" in stderr


def test_warningiserror_sets_failing_status(make_app, private_root):
    app = make_app("html", srcdir=private_root("bad-data"), warningiserror=True)
    app.build()
    assert app.statuscode == 1


def test_suppress_data_warnings_keeps_other_warnings(make_app, private_root, get_warnings):
    srcdir = private_root("bad-data")
    append_conf(srcdir, 'suppress_warnings = ["profile.data"]')
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = get_warnings(app)
    assert "[profile.data]" not in warnings
    assert "publications.yaml:8:" not in warnings
    for expected in URL_WARNINGS + FILE_WARNINGS:
        assert len(lines_ending_with(warnings, expected)) == 1, warnings
    # the problems are silenced, not fixed: the bad entries are still left out
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "A Valid Paper" in html
    assert "No Identifier" not in html


def test_suppress_all_profile_warnings(make_app, private_root, get_warnings):
    srcdir = private_root("bad-data")
    append_conf(srcdir, 'suppress_warnings = ["profile"]')
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert get_warnings(app) == ""
    assert "Another Valid Paper" in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_parallel_build_reports_each_problem_once(make_app, private_root, get_warnings):
    app = make_app("html", srcdir=private_root("bad-data"), parallel=2)
    app.build()
    warnings = get_warnings(app)
    assert len(lines_ending_with(warnings, DATA_WARNINGS[0])) == 1, warnings


# -- configuration values --------------------------------------------------------------


def test_bad_config_value_warns_and_the_default_is_used(make_app, private_root, get_warnings):
    srcdir = private_root("basic")
    append_conf(srcdir, "profile_date_format = 5")
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = get_warnings(app)
    expected = (
        "WARNING: invalid profile_date_format = 5: expected a strftime pattern such as "
        "'%Y.%m', or '' for the style of the language; using the default '' [profile.config]"
    )
    assert [line for line in warnings.splitlines() if "profile_date_format" in line] == [expected]
    assert app.statuscode == 0
    # the default, the style of the page language (English here), is used for every date
    news = (app.outdir / "rst" / "news.html").read_text(encoding="utf-8")
    assert "May 7, 2024" in news
    assert "2024.05" not in news


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'profile_highlight = "Ada"',
            "invalid profile_highlight = 'Ada': expected a list of strings",
        ),
        (
            "profile_present = None",
            "invalid profile_present = None: expected a string, got NoneType",
        ),
    ],
)
def test_other_bad_config_values(make_app, private_root, get_warnings, line, message):
    srcdir = private_root("basic")
    append_conf(srcdir, line)
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = get_warnings(app)
    assert message in warnings
    assert "[profile.config]" in warnings
    assert "Ada Lovelace" in (app.outdir / "rst" / "profile.html").read_text(encoding="utf-8")


# -- problems found by directives ------------------------------------------------------


def test_unknown_topic_in_options_warns_at_the_directive(make_app, private_root, get_warnings):
    srcdir = private_root("basic")
    with (srcdir / "rst" / "news.rst").open("a", encoding="utf-8") as page:
        page.write(
            "\n.. publication-list::\n   :topics: Enigne\n   :group-by: topic\n"
            "   :group-order: Maths\n"
        )
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = get_warnings(app).splitlines()
    assert [line.split("rst/news.rst", 1)[1] for line in warnings] == [
        ":10: WARNING: publication-list: no publication has the topic 'Enigne' [profile.option]",
        ":10: WARNING: publication-list: no publication has the topic in :group-order: 'Maths' "
        "[profile.option]",
    ]


@pytest.fixture
def missing_avatar_warnings(make_app, private_root, get_warnings) -> list[str]:
    """Warnings of test-basic whose profile.yaml names an image that does not exist.

    ``avatar: missing.png`` is on line 5 of profile.yaml; two pages show the profile.
    """
    srcdir = private_root("basic")
    profile = srcdir / "data" / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    assert text.splitlines()[4] == "avatar: avatar.svg"
    profile.write_text(text.replace("avatar: avatar.svg", "avatar: missing.png"), "utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert "Ada Lovelace" in (app.outdir / "rst" / "profile.html").read_text(encoding="utf-8")
    return [line for line in get_warnings(app).splitlines() if "avatar" in line]


def test_missing_avatar_warns(missing_avatar_warnings):
    assert missing_avatar_warnings
    for line in missing_avatar_warnings:
        assert "data/profile.yaml:" in line
        assert re.search(
            r"WARNING: avatar image not found: \S*data/missing\.png \[profile\.file\]$", line
        ), line


def test_missing_avatar_is_one_warning(missing_avatar_warnings):
    assert len(missing_avatar_warnings) == 1, missing_avatar_warnings


def test_missing_avatar_warning_points_at_the_avatar_line(missing_avatar_warnings):
    assert all("data/profile.yaml:5: WARNING" in line for line in missing_avatar_warnings)
