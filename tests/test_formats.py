"""Other tools' files read as they are: JSON Resume and RenderCV, with positions kept.

The samples are ``tests/roots/test-formats/data/resume.json`` and
``Grace_Hopper_CV.yaml``; the same root is built in reST and in MyST.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_profile.data.dates import PartialDate
from sphinx_profile.data.formats import kinds_of, load_document
from sphinx_profile.data.store import clear_cache, load_data_file

try:  # Sphinx >= 7.3
    from sphinx.util.console import strip_escape_sequences as strip_colors
except ImportError:  # pragma: no cover - older Sphinx
    from sphinx.util.console import strip_colors

ROOT = Path(__file__).parent / "roots" / "test-formats"
RESUME = ROOT / "data" / "resume.json"
RENDERCV = ROOT / "data" / "Grace_Hopper_CV.yaml"


def records(path: Path, kind: str) -> list[Any]:
    loaded = load_data_file(path, kind)
    assert loaded.issues == (), [issue.located(path.name) for issue in loaded.issues]
    return list(loaded.records)


def line_containing(text: str, part: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if part in line)


def issues(tmp_path: Path, name: str, text: str, kind: str) -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [issue.located(name) for issue in load_data_file(path, kind).issues]


# -- JSON Resume -------------------------------------------------------------------------


def test_json_resume_basics_is_the_profile():
    (profile,) = records(RESUME, "profile")
    assert (profile.name, profile.headline, profile.email) == (
        "Grace Hopper",
        "Computer Scientist",
        "grace@example.org",
    )
    assert profile.location == "Washington, DC, US"
    assert profile.bio.startswith("Pioneer of **compilers**")
    assert [(link.label, link.url) for link in profile.links] == [
        ("homepage", "https://grace.example.org"),
        ("github", "https://github.com/ghopper"),
        ("mastodon", "https://hachyderm.io/@grace"),
    ]
    assert profile.avatar is None  # "image" is empty in the sample


def test_json_resume_work_is_the_experience():
    first, second = records(RESUME, "experience")
    assert (first.organization, first.position, first.url) == (
        "Remington Rand",
        "Senior Mathematician",
        "https://example.org/remington-rand",
    )
    assert (first.start, first.end) == (PartialDate(1949, 6), PartialDate(1971, 12))
    assert first.summary == "Led the team that wrote the A-0 compiler."  # not "description"
    assert first.highlights == ["A-0, the first compiler", "FLOW-MATIC, the ancestor of COBOL"]
    assert (second.organization, second.start) == (
        "Harvard Computation Lab",
        PartialDate(1944, 7, 2),
    )


def test_json_resume_education_publications_and_projects():
    (school,) = records(RESUME, "education")
    assert (school.institution, school.degree, school.area) == (
        "Yale University",
        "PhD",
        "Mathematics",
    )
    assert (school.start, school.end) == (PartialDate(1930), PartialDate(1934))
    first, second = records(RESUME, "publications")
    assert (first.id, first.title, first.venue) == (
        "the-education-of-a-computer",
        "The Education of a Computer",
        "Proceedings of the ACM National Meeting",
    )
    assert first.date == PartialDate(1952, 5, 2)
    assert first.abstract == "On automatic programming."
    assert [(link.label, link.url) for link in first.links] == [
        ("link", "https://doi.org/10.1145/609784.609818")
    ]
    assert (second.id, second.date) == ("compiling-routines", PartialDate(1953))
    (cobol,) = records(RESUME, "projects")
    assert (cobol.name, cobol.role, cobol.tags) == ("COBOL", "designer, advocate", ["languages"])


def test_json_resume_problems_point_into_the_original_file(tmp_path: Path):
    resume = {
        "basics": {"name": "Ada", "image": "https://example.org/ada.png"},
        "work": [
            {"name": "Analytical Engines", "startDate": "Summer 1843"},
            {"position": "Translator", "url": "javascript:alert(1)", "name": "Menabrea"},
        ],
        "publications": [{"name": ["not", "text"]}],
    }
    text = json.dumps(resume, indent=2)
    line_of = {word: line_containing(text, word) for word in ("Summer", "javascript", "image")}
    line_of["not"] = line_containing(text, '"name": [')
    assert issues(tmp_path, "resume.json", text, "experience") == [
        f"resume.json:{line_of['Summer']}:20: startDate: invalid date 'Summer 1843': "
        "use YYYY, YYYY-MM, YYYY-MM-DD or 'present'",
        f"resume.json:{line_of['javascript']}:14: url: unsafe link 'javascript:alert(1)': "
        "only http, https, mailto, doi: and arXiv: links or relative paths are allowed",
    ]
    assert issues(tmp_path, "resume.json", text, "profile") == [
        f"resume.json:{line_of['image']}:14: basics.image is a web address; the card shows a "
        "photo only from a file in the data folder, so none is shown"
    ]
    assert issues(tmp_path, "resume.json", text, "publications") == [
        f"resume.json:{line_of['not']}:15: entry left out: title: expected text, got a list"
    ]
    assert issues(tmp_path, "resume.json", text, "education") == [
        "resume.json:1:1: resume.json has no 'education' section, so there is no education to show"
    ]
    assert issues(tmp_path, "resume.json", text, "news") == [
        "resume.json: resume.json is a JSON Resume file, which holds no news"
    ]


def test_json_resume_in_yaml_and_tab_indented_json_are_read(tmp_path: Path):
    (tmp_path / "resume.yaml").write_text(
        "basics:\n  name: Ada\nwork:\n  - name: Engines\n    startDate: 1843-07\n"
    )
    (work,) = records(tmp_path / "resume.yaml", "experience")
    assert (work.organization, work.start) == ("Engines", PartialDate(1843, 7))
    (tmp_path / "resume.json").write_text(
        '{\n\t"basics": {\n\t\t"name": "Ada"\n\t},\n\t"work": [{"name": "X", "endDate": "bad"}]\n}'
    )
    assert issues(
        tmp_path, "resume.json", (tmp_path / "resume.json").read_text(), "experience"
    ) == [
        "resume.json:5:36: endDate: invalid date 'bad': use YYYY, YYYY-MM, YYYY-MM-DD or 'present'"
    ]


def test_json_in_this_projects_schema_is_read_as_is(tmp_path: Path):
    path = tmp_path / "talks.json"
    path.write_text(
        '[\n  {"id": "t", "title": "A talk", "venu": "X"},\n  {"id": "u", "title": "B"}\n]'
    )
    loaded = load_data_file(path, "publications")
    assert [(record.id, record.venue) for record in loaded.records] == [("t", None), ("u", None)]
    assert [issue.located("talks.json") for issue in loaded.issues] == [
        "talks.json:2:34: unknown key 'venu'; did you mean 'venue'?"
    ]


def test_a_list_wrapped_in_one_key_is_not_taken_for_a_json_resume(tmp_path: Path):
    assert issues(
        tmp_path, "publications.yaml", "publications:\n  - id: a\n    titel: A\n", "publications"
    ) == [
        "publications.yaml:1:1: expected a list of entries (each starting with '- '); "
        "remove the line 'publications:' and the indentation below it"
    ]


# -- RenderCV ----------------------------------------------------------------------------


def test_rendercv_cv_is_the_profile_with_social_networks_as_links():
    (profile,) = records(RENDERCV, "profile")
    assert (profile.name, profile.location, profile.email) == (
        "Grace Hopper",
        "Washington, DC",
        "grace@example.org",
    )
    assert [(link.label, link.url) for link in profile.links] == [
        ("homepage", "https://grace.example.org/"),
        ("github", "https://github.com/ghopper"),
        ("scholar", "https://scholar.google.com/citations?user=abc123"),
        ("mastodon", "https://hachyderm.io/@grace"),
    ]


def test_rendercv_sections_are_the_records():
    rand, harvard = records(RENDERCV, "experience")
    assert (rand.organization, rand.location, rand.highlights) == (
        "Remington Rand",
        "Philadelphia, PA",
        ["Wrote the A-0 compiler"],
    )
    assert rand.end is not None and rand.end.present
    assert (harvard.start, harvard.end) == (PartialDate(1944), None)  # a single "date"
    (yale,) = records(RENDERCV, "education")
    assert (yale.degree, yale.area, yale.start) == ("PhD", "Mathematics", PartialDate(1930, 9))
    (paper,) = records(RENDERCV, "publications")
    assert [author.name for author in paper.authors] == ["Grace Hopper", "John Mauchly"]
    assert (paper.venue, paper.doi, paper.date) == (
        "Proceedings of the ACM National Meeting",
        "10.1145/609784.609818",
        PartialDate(1952, 5),
    )
    (cobol,) = records(RENDERCV, "projects")
    assert (cobol.name, cobol.description) == ("COBOL", "A business programming language.")


def test_rendercv_problems_point_into_the_original_file(tmp_path: Path):
    text = (
        "cv:\n"
        "  name: Ada\n"
        "  social_networks:\n"
        "    - network: Myspace\n"
        "      username: ada\n"
        "  sections:\n"
        "    Work_Experience:\n"
        "      - company: Engines\n"
        "        start_date: 1843-07\n"
        "        end_date: 1842\n"
        "      - position: Translator\n"
        "        compnay: Menabrea\n"
    )
    assert issues(tmp_path, "Ada_CV.yaml", text, "experience") == [
        "Ada_CV.yaml:10:19: end_date: start 1843-07 is after end 1842",
        "Ada_CV.yaml:11:9: entry left out: missing required key 'organization'",
    ]
    assert issues(tmp_path, "Ada_CV.yaml", text, "profile") == [
        "Ada_CV.yaml:4:7: social network 'Myspace' is not known; its link is not shown"
    ]
    assert issues(tmp_path, "Ada_CV.yaml", text, "education") == [
        "Ada_CV.yaml:2:3: Ada_CV.yaml has no 'education' section under cv.sections, "
        "so there is no education to show"
    ]


def test_kinds_of_other_tools_files():
    assert kinds_of(load_document(RESUME, 10**6)) == [
        "profile",
        "experience",
        "education",
        "publications",
        "projects",
        "skills",
    ]
    assert kinds_of(load_document(RENDERCV, 10**6)) == [
        "profile",
        "experience",
        "education",
        "publications",
        "projects",
    ]
    assert (
        kinds_of(load_document(ROOT.parent / "test-basic" / "data" / "profile.yaml", 10**6)) is None
    )


# -- the full build ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SphinxTestApp]:
    apps = {}
    for buildername in ("html", "text"):
        srcdir = tmp_path_factory.mktemp(buildername) / "src"
        shutil.copytree(ROOT, srcdir)
        clear_cache()
        app = SphinxTestApp(buildername, srcdir=srcdir)
        try:
            app.build()
        finally:
            app.cleanup()
        apps[buildername] = app
    return apps


def test_build_reads_both_formats_without_a_warning(built: dict[str, SphinxTestApp]):
    for app in built.values():
        assert app.statuscode == 0
        assert strip_colors(app.warning.getvalue()) == ""


@pytest.mark.parametrize("page", ["resume", "rendercv"])
def test_build_shows_every_record_in_rst_and_myst_alike(built: dict[str, SphinxTestApp], page: str):
    texts = {}
    for flavour in ("rst", "myst"):
        text = (built["text"].outdir / flavour / f"{page}.txt").read_text()
        texts[flavour] = text.split("\n", 2)[2]  # the same content below different titles
        for shown in (
            "Grace Hopper",
            "Remington Rand",
            "Senior Mathematician",
            "Harvard Computation Lab",
            "Yale University",
            "PhD in Mathematics",
            "The Education of a Computer",
            "Proceedings of the ACM National Meeting",
            "COBOL",
            "1949.06 - ",
        ):
            assert shown in text, (flavour, page, shown)
    assert texts["rst"] == texts["myst"]


def test_build_links_of_the_profile_and_publications(built: dict[str, SphinxTestApp]):
    soup = BeautifulSoup(
        (built["html"].outdir / "rst" / "rendercv.html").read_text(), "html.parser"
    )
    hrefs = {a["href"] for a in soup.select("div.body a[href]")}
    assert {
        "https://grace.example.org/",
        "https://github.com/ghopper",
        "https://scholar.google.com/citations?user=abc123",
        "https://hachyderm.io/@grace",
        "https://doi.org/10.1145/609784.609818",
    } <= hrefs
    # Sphinx obfuscates the address of a mailto: link ("@" as "%40").
    assert any(href.startswith("mailto:grace") for href in hrefs)
    assert soup.find(id="pub-the-education-of-a-computer") is not None


def test_build_warning_of_a_translated_file_names_its_line(tmp_path: Path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    resume = srcdir / "data" / "resume.json"
    resume.write_text(resume.read_text().replace('"1949-06"', '"June 1949"'))
    line = line_containing(resume.read_text(), "June 1949")
    clear_cache()
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
    finally:
        app.cleanup()
    warnings = strip_colors(app.warning.getvalue())
    assert re.findall(r"data/resume\.json:(\d+): WARNING: (.*) \[profile\.data\]", warnings) == [
        (
            str(line),
            "startDate: invalid date 'June 1949': use YYYY, YYYY-MM, YYYY-MM-DD or 'present'",
        )
    ]
