"""Other tools' files read as they are: JSON Resume, RenderCV, al-folio, with positions kept.

The samples are ``tests/roots/test-formats/data/resume.json`` (every section of
the JSON Resume schema), ``Grace_Hopper_CV.yaml`` (in the shape of RenderCV's
examples: empty keys, Markdown, nested highlights, custom sections) and
``papers.bib`` (al-folio's display fields); the same root is built in reST and
in MyST, and in the html, text and latex builders. Every field is shown, mapped
or reported once as not shown.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from support import (
    ROOTS,
    build_site,
    compile_pdf,
    copy_root,
    html_page,
    needs_tex,
    pdf_text,
    warnings_of,
)

from sphinx_profile.data.dates import PartialDate
from sphinx_profile.data.formats import kinds_of, load_document
from sphinx_profile.data.issues import Subtype
from sphinx_profile.data.store import load_data_file

ROOT = ROOTS / "test-formats"
RESUME = ROOT / "data" / "resume.json"
RENDERCV = ROOT / "data" / "Grace_Hopper_CV.yaml"


def records(path: Path, kind: str) -> list[Any]:
    """The records of ``path``; no problem but fields reported as not shown."""
    loaded = load_data_file(path, kind)
    problems = [issue for issue in loaded.issues if issue.subtype is not Subtype.NOT_SHOWN]
    assert problems == [], [issue.located(path.name) for issue in problems]
    return list(loaded.records)


def not_shown(path: Path, kind: str) -> list[str]:
    """The fields and sections of ``path`` reported as not shown by a ``kind`` directive."""
    loaded = load_data_file(path, kind)
    return [
        issue.located(path.name) for issue in loaded.issues if issue.subtype is Subtype.NOT_SHOWN
    ]


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
    assert profile.phone == "(912) 555-4321"
    assert profile.bio.startswith("Pioneer of **compilers**")
    # The networks as written: the card labels the ones it knows itself.
    assert [(link.label, link.url) for link in profile.links] == [
        ("homepage", "https://grace.example.org"),
        ("GitHub", "https://github.com/ghopper"),
        ("Mastodon", "https://hachyderm.io/@grace"),
        ("SoundCloud", "https://soundcloud.com/gracehopper"),
        ("Nanosecond Wire", "https://example.org/nanosecond"),
    ]
    assert profile.avatar is None  # "image" is empty in the sample


# Every section of the schema is shown (by the cv directive, if by no other): only a
# key of the user's own that holds no list of entries is a section no directive shows.
# Each directive reads the file whole, and names it.
RESUME_SECTIONS = [
    "resume.json:142:3: section 'x-notes' is not shown: no directive shows it",
]


def test_json_resume_fields_no_page_shows_are_reported_once():
    assert not_shown(RESUME, "profile") == [
        *RESUME_SECTIONS,
        "resume.json:12:7: field 'basics.location.address' is not shown: no page shows it",
        "resume.json:13:7: field 'basics.location.postalCode' is not shown: no page shows it",
    ]
    assert not_shown(RESUME, "experience") == RESUME_SECTIONS  # every work field is shown
    assert not_shown(RESUME, "publications") == RESUME_SECTIONS
    assert not_shown(RESUME, "education") == [
        *RESUME_SECTIONS,
        "resume.json:82:7: field 'education[].score' is not shown: no page shows it",
        "resume.json:83:7: field 'education[].courses' is not shown: no page shows it",
    ]
    assert not_shown(RESUME, "projects") == [
        *RESUME_SECTIONS,
        "resume.json:139:7: field 'projects[].type' is not shown: no page shows it",
    ]


def test_json_resume_profile_with_a_username_alone(tmp_path: Path):
    profiles = [{"network": "GitHub", "username": "ada"}, {"network": "Foo", "username": "x"}]
    text = json.dumps({"basics": {"name": "Ada", "profiles": profiles}}, indent=1)
    (tmp_path / "resume.json").write_text(text)
    (profile,) = load_data_file(tmp_path / "resume.json", "profile").records
    # A network RenderCV knows the address of: made from the username.
    assert [(link.label, link.url) for link in profile.links] == [
        ("GitHub", "https://github.com/ada")
    ]
    foo = line_containing(text, '"Foo"') - 1
    assert issues(tmp_path, "resume.json", text, "profile") == [
        f"resume.json:{foo}:4: profile 'Foo' has no url; it is not shown"
    ]


def test_a_field_repeated_in_many_entries_is_reported_once(tmp_path: Path):
    work = [{"name": f"Lab {n}", "phone": "1", "team": "x"} for n in range(3)]
    text = json.dumps({"basics": {"name": "Ada"}, "work": work}, indent=1)
    first_phone = line_containing(text, '"phone"')
    first_team = line_containing(text, '"team"')
    assert issues(tmp_path, "resume.json", text, "experience") == [
        f"resume.json:{first_phone}:4: field 'work[].phone' is not shown: no page shows it",
        f"resume.json:{first_team}:4: field 'work[].team' is not shown: no page shows it",
    ]


def test_json_resume_work_is_the_experience():
    first, second = records(RESUME, "experience")
    assert (first.organization, first.position, first.url) == (
        "Remington Rand",
        "Senior Mathematician",
        "https://example.org/remington-rand",
    )
    assert (first.start, first.end) == (PartialDate(1949, 6), PartialDate(1971, 12))
    assert first.summary == "Led the team that wrote the A-0 compiler."
    assert first.about == "Office equipment maker"  # "description" is the company's
    assert first.location == "Philadelphia, PA"
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
    assert (cobol.name, cobol.role, cobol.organization) == (
        "COBOL",
        "designer, advocate",
        "CODASYL",  # entity
    )
    assert cobol.tags == ["languages", "business"]  # keywords
    assert cobol.highlights == ["Wrote the first specification", "Ran the first compiler"]
    assert (cobol.start, cobol.end) == (PartialDate(1959, 5), PartialDate(1960, 4))


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
    assert (profile.name, profile.headline, profile.location, profile.email) == (
        "Grace Hopper",
        "Rear Admiral and computer scientist",
        "Washington, DC",
        "grace@example.org",
    )
    assert profile.phone == "tel:+1-912-555-4321"  # the card leaves "tel:" out
    assert [(link.label, link.url) for link in profile.links] == [
        ("homepage", "https://grace.example.org/"),
        ("github", "https://github.com/ghopper"),
        ("scholar", "https://scholar.google.com/citations?user=abc123"),
        ("mastodon", "https://hachyderm.io/@grace"),
    ]


def test_rendercv_sections_are_the_records():
    rand, harvard = records(RENDERCV, "experience")
    assert (rand.organization, rand.location) == ("Remington Rand", "Philadelphia, PA")
    # A highlight continued on indented "- " lines: YAML folds it into " - " parts,
    # which RenderCV draws as nested bullets; kept as "- " lines.
    assert rand.highlights == [
        "Wrote the A-0 compiler",
        "Led the team behind FLOW-MATIC\n- the first English-like data processing language"
        "\n- the ancestor of **COBOL**",
    ]
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
    cobol, flowmatic = records(RENDERCV, "projects")
    # name: '[COBOL](https://example.org/cobol)': the words, and the link as its url
    assert (cobol.name, cobol.url, cobol.description, cobol.location) == (
        "COBOL",
        "https://example.org/cobol",
        "A business programming language.",
        "Washington, DC",
    )
    assert (cobol.start, cobol.end) == (PartialDate(1959, 5), PartialDate(1960, 4))
    assert cobol.highlights == ["Chaired the technical committee\n- wrote the first specification"]
    # date: 1955 (en dash) 1959, a range in RenderCV's free-text date; summary keeps its Markdown
    assert (flowmatic.name, flowmatic.start, flowmatic.end) == (
        "FLOW-MATIC",
        PartialDate(1955),
        PartialDate(1959),
    )
    assert flowmatic.description == "The first **English-like** data processing language"


RENDERCV_SECTIONS: list[str] = []
"""Every section of cv.sections is shown by the cv directive, custom ones included."""


def test_rendercv_fields_and_sections_no_page_shows_are_reported_once():
    # design, locale and settings set up RenderCV's PDF: not reported; empty keys neither
    assert not_shown(RENDERCV, "profile") == [
        *RENDERCV_SECTIONS,
    ]
    assert not_shown(RENDERCV, "experience") == [
        *RENDERCV_SECTIONS,
        "Grace_Hopper_CV.yaml:46:9: field 'cv.sections.experience[].tags' is not shown: "
        "no page shows it",
    ]
    for kind in ("education", "publications", "projects"):
        assert not_shown(RENDERCV, kind) == RENDERCV_SECTIONS


def test_rendercv_2_4_connections_several_emails_and_websites(tmp_path: Path):
    path = tmp_path / "Ada_CV.yaml"
    path.write_text(
        "cv:\n"
        "  name: '**Ada** Lovelace'\n"
        "  email: [ada@example.org, countess@example.org]\n"
        "  website: [https://ada.example.org, https://engine.example.org]\n"
        "  custom_connections:\n"
        "    - placeholder: Book a call\n"
        "      url: https://cal.example.org/ada\n"
        "      fontawesome_icon: calendar-days\n"
        "    - fontawesome_icon: star\n"
    )
    (profile,) = records(path, "profile")
    assert (profile.name, profile.email) == ("Ada Lovelace", "ada@example.org")
    assert [(link.label, link.url) for link in profile.links] == [
        ("homepage", "https://ada.example.org"),
        ("website 2", "https://engine.example.org"),
        ("Book a call", "https://cal.example.org/ada"),
    ]
    assert not_shown(path, "profile") == [
        "Ada_CV.yaml:3:28: field 'cv.email[]' is not shown: no page shows it",
        "Ada_CV.yaml:9:7: field 'cv.custom_connections[]' is not shown: no page shows it",
    ]


def test_rendercv_date_as_free_text(tmp_path: Path):
    text = (
        "cv:\n  name: Ada\n  sections:\n    projects:\n"
        "      - name: Engine\n        date: 1843\n"
        "      - name: Notes\n        date: Fall 1843\n"
    )
    assert issues(tmp_path, "Ada_CV.yaml", text, "projects") == [
        "Ada_CV.yaml:8:9: field 'cv.sections.projects[].date' is not shown: no page shows it"
    ]


def test_rendercv_file_names_its_owner():
    for kind in ("profile", "experience", "publications"):
        assert load_data_file(RENDERCV, kind).owner == "Grace Hopper"
        assert load_data_file(RESUME, kind).owner == "Grace Hopper"
    assert (
        load_data_file(
            ROOT.parent / "test-basic" / "data" / "publications.yaml", "publications"
        ).owner
        is None
    )


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
        # RenderCV allows fields of your own: a misspelt one is reported as not shown
        "Ada_CV.yaml:12:9: field 'cv.sections.Work_Experience[].compnay' is not shown: "
        "no page shows it",
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
        "awards",
        "service",
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
def built(built_root: Callable[..., SphinxTestApp]) -> dict[str, SphinxTestApp]:
    return {
        buildername: built_root("formats", buildername) for buildername in ("html", "text", "latex")
    }


BIB_NOT_SHOWN = [
    "papers.bib:24: WARNING: field 'google_scholar_id' is not shown: the profile has no Google "
    "Scholar link with your user id (scholar: https://scholar.google.com/citations?user=…)",
]


def test_build_warns_once_about_each_field_no_page_shows(built: dict[str, SphinxTestApp]):
    def located(issue: str) -> str:
        name, line, _column, message = issue.split(":", 3)
        return f"{name}:{line}: WARNING:{message}"

    expected = sorted(
        [
            *(located(issue) for issue in RESUME_SECTIONS),
            *(located(issue) for issue in RENDERCV_SECTIONS),
            *(
                located(issue)
                for kind in ("profile", "education", "projects")
                for issue in not_shown(RESUME, kind)
                if ": field '" in issue
            ),
            *(
                located(issue)
                for kind in ("profile", "experience")
                for issue in not_shown(RENDERCV, kind)
                if ": field '" in issue
            ),
            *BIB_NOT_SHOWN,
        ]
    )
    assert len(expected) == 1 + 0 + 5 + 1 + 1
    for app in built.values():
        assert app.statuscode == 0
        warnings = warnings_of(app).splitlines()
        assert all(line.endswith(" [profile.not-shown]") for line in warnings), warnings
        found = [
            line.rsplit("/data/", 1)[1].removesuffix(" [profile.not-shown]") for line in warnings
        ]
        assert sorted(found) == expected


@pytest.mark.parametrize("page", ["resume", "rendercv", "alfolio"])
def test_build_shows_every_record_in_rst_and_myst_alike(built: dict[str, SphinxTestApp], page: str):
    texts = {}
    for flavour in ("rst", "myst"):
        text = (built["text"].outdir / flavour / f"{page}.txt").read_text()
        texts[flavour] = text.split("\n", 2)[2]  # the same content below different titles
        shown_on_page = (
            SHOWN_FROM_PAPERS_BIB
            if page == "alfolio"
            else (
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
                "1959.05 - 1960.04",  # the project's dates
            )
        )
        words = " ".join(text.split())  # lines are wrapped
        for shown in shown_on_page:
            assert shown in words, (flavour, page, shown)
    assert texts["rst"] == texts["myst"]


SHOWN_FROM_PAPERS_BIB = (
    "H_2O^* *revisited* <script>alert(1)</script>",  # subscript, superscript, emphasis
    "[ACM] [Best Paper]",  # award_name on the badge; its <br> is a space in text
    "* Equal contribution",  # annotation
    "*Proceedings of the ACM National Meeting*, Pittsburgh, PA, *(Oral)*, 1952.05",
    "**TL;DR:** Computers can write their own programs.",
    "supp: https://example.org/hopper-supplement.pdf",
    "INSPIRE: https://inspirehep.net/literature/1010907",
    "Altmetric: https://www.altmetric.com/details/doi/10.1145/609784.609818",
    "Dimensions: https://badge.dimensions.ai/details/id/pub.1000000001",
    "Reprinted in 1987 as one of the **ten most influential** papers",  # award text
    "*NSA Lecture Series*, Fort Meade, MD, 1982",  # conference and location of @presentation
    # a :pub: reference reads the title's words, without its tags
    "See *The Education of a Computer: A-0 and H2O* revisited <script>alert(1)</script>*.",
)


def test_build_links_of_the_profile_and_publications(built: dict[str, SphinxTestApp]):
    soup = html_page(built["html"], "rst/rendercv")
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


@pytest.mark.parametrize("page", ["rst/rendercv", "myst/rendercv"])
def test_build_highlights_the_cv_owner_without_a_profile_file(
    built: dict[str, SphinxTestApp], page: str
):
    # The root has no profile.yaml: the CV's own name (cv.name) is the one. (JSON
    # Resume's basics.name is its owner too, but its publications have no authors.)
    assert not (ROOT / "data" / "profile.yaml").exists()
    soup = html_page(built["html"], page)
    me = soup.select("p.sp-pub-authors strong.sp-me")
    assert me and {tag.get_text() for tag in me} == {"Grace Hopper"}


def test_build_nested_highlights_and_project_details(built: dict[str, SphinxTestApp]):
    soup = html_page(built["html"], "rst/rendercv")
    rand = soup.select("ul.sp-experience > li.sp-entry")[0]
    outer = rand.select_one("ul.sp-highlights")
    items = outer.find_all("li", recursive=False)
    assert [item.p.get_text() for item in items] == [
        "Wrote the A-0 compiler",
        "Led the team behind FLOW-MATIC",
    ]
    nested = items[1].select("ul.sp-nested > li")
    assert [" ".join(item.get_text().split()) for item in nested] == [
        "the first English-like data processing language",
        "the ancestor of COBOL",
    ]
    assert nested[1].strong.get_text() == "COBOL"  # Markdown inside a nested bullet
    cobol, flowmatic = soup.select("ul.sp-projects > li.sp-entry")
    name = cobol.select_one("p.sp-entry-title a")
    assert (name.get_text(), name["href"]) == ("COBOL", "https://example.org/cobol")
    assert "[COBOL]" not in cobol.get_text()  # not the Markdown as written
    assert cobol.select_one("p.sp-dates").get_text() == "1959.05 - 1960.04"
    assert [li.get_text(strip=True) for li in cobol.select("ul.sp-nested li")] == [
        "wrote the first specification"
    ]
    assert flowmatic.select_one("p.sp-entry-title strong strong").get_text() == "English-like"
    resume = html_page(built["html"], "rst/resume")
    project = resume.select_one("ul.sp-projects > li.sp-entry")
    assert project.select_one("p.sp-organization").get_text() == "CODASYL"
    assert project.select_one("p.sp-tags").get_text() == "languages, business"
    assert [li.get_text() for li in project.select("ul.sp-highlights li")] == [
        "Wrote the first specification",
        "Ran the first compiler",
    ]
    assert project.select_one("p.sp-dates").get_text() == "1959.05 - 1960.04"
    work = resume.select_one("ul.sp-experience > li.sp-entry")
    assert work.select_one("p.sp-about").get_text() == "Office equipment maker"


def test_build_labels_known_networks_and_keeps_other_spellings(built: dict[str, SphinxTestApp]):
    card = html_page(built["html"], "rst/resume").select_one("div.sp-profile")
    labels = [a.get_text() for a in card.select("a.sp-link")]
    assert labels[:5] == ["Homepage", "GitHub", "Mastodon", "SoundCloud", "Nanosecond Wire"]


def test_build_alfolio_display_fields_in_html(built: dict[str, SphinxTestApp]):
    entry, talk = html_page(built["html"], "myst/alfolio").select("li.sp-pub")
    title = entry.select_one("p.sp-pub-title")
    assert title.sub.get_text() == "2" and title.sup.get_text() == "*"
    assert title.em.get_text() == "revisited"
    assert title.find("script") is None  # any other tag stays text, as written
    assert "<script>alert(1)</script>" in title.get_text()
    badge = entry.select_one(".sp-award")
    assert badge.get_text() == "BestPaper" and badge.find("br") is not None
    award = entry.select_one("p.sp-pub-award-text")
    assert award.strong.get_text() == "ten most influential"  # <b> in a Markdown field too
    assert entry.select_one("p.sp-pub-annotation").get_text() == "* Equal contribution"
    venue = entry.select_one("p.sp-pub-venue")
    assert venue.select_one(".sp-location").get_text() == "Pittsburgh, PA"
    assert venue.select_one(".sp-info em").get_text() == "(Oral)"
    assert entry.select_one("p.sp-pub-tldr").get_text() == (
        "TL;DR: Computers can write their own programs."
    )
    links = {a.get_text(): a["href"] for a in entry.select("a.sp-link")}
    assert links == {
        "supp": "https://example.org/hopper-supplement.pdf",
        "INSPIRE": "https://inspirehep.net/literature/1010907",
        "DOI": "https://doi.org/10.1145/609784.609818",
        "Altmetric": "https://www.altmetric.com/details/doi/10.1145/609784.609818",
        "Dimensions": "https://badge.dimensions.ai/details/id/pub.1000000001",
    }
    assert (
        talk.select_one("p.sp-pub-venue").get_text() == "NSA Lecture Series, Fort Meade, MD, 1982"
    )


def test_build_alfolio_display_fields_in_latex(built: dict[str, SphinxTestApp]):
    tex = next(built["latex"].outdir.glob("*.tex")).read_text()
    assert r"H$_{\text{2}}$O$^{\text{*}}$ \sphinxstyleemphasis{revisited}" in tex
    assert r"\textless{}script\textgreater{}" in tex
    assert r"\sphinxprofilebadge{Best\leavevmode\newline{}Paper}" in tex
    assert "<sub>" not in tex and "<br>" not in tex


@needs_tex
def test_build_alfolio_display_fields_compile_into_a_pdf(built: dict[str, SphinxTestApp]):
    outdir = built["latex"].outdir
    tex = next(outdir.glob("*.tex")).name
    text = " ".join(pdf_text(compile_pdf(outdir, tex)).split())
    assert "The Education of a Computer: A-0 and H2 O* revisited <script>alert(1)</script>" in text
    assert "TL;DR: Computers can write their own programs." in text


def build_copy(tmp_path: Path, edit: Callable[[Path], None]) -> SphinxTestApp:
    """The root, copied and edited (``edit`` gets its data folder), built as HTML."""
    srcdir = copy_root("formats", tmp_path / "src")
    edit(srcdir / "data")
    return build_site(srcdir)


def test_google_scholar_id_links_to_the_paper_with_the_profiles_user(tmp_path: Path):
    def add_profile(data: Path) -> None:
        (data / "profile.yaml").write_text(
            "name: Grace Hopper\nlinks:\n"
            "  scholar: https://scholar.google.com/citations?user=abc123\n"
        )

    app = build_copy(tmp_path, add_profile)
    assert "field 'google_scholar_id'" not in warnings_of(app)
    soup = html_page(app, "rst/alfolio")
    links = {a.get_text(): a["href"] for a in soup.select("li.sp-pub a.sp-link")}
    assert links["Scholar"] == (
        "https://scholar.google.com/citations?view_op=view_citation"
        "&user=abc123&citation_for_view=abc123:qyhmnyLat1gC"
    )


def test_build_warning_of_a_translated_file_names_its_line(tmp_path: Path):
    def misdate(data: Path) -> None:
        resume = data / "resume.json"
        resume.write_text(resume.read_text().replace('"1949-06"', '"June 1949"'))

    app = build_copy(tmp_path, misdate)
    line = line_containing((tmp_path / "src" / "data" / "resume.json").read_text(), "June 1949")
    warnings = warnings_of(app)
    assert re.findall(r"data/resume\.json:(\d+): WARNING: (.*) \[profile\.data\]", warnings) == [
        (
            str(line),
            "startDate: invalid date 'June 1949': use YYYY, YYYY-MM, YYYY-MM-DD or 'present'",
        )
    ]


# -- Markdown front matter in TOML (Hugo's +++) --------------------------------------------

HUGO_TOML_EVENT = '''\
+++
title = "Tides and Robots"
event = "Example Ocean Week"
date = 2022-05-04T10:00:00Z
abstract = """
A talk about
tides = water that moves.
"""
mood = "hopeful"

[[links]]
type = "slides"
url = "https://slides.example.org/tides"

[[links]]
type = "video"
url = "javascript:alert(1)"
+++
'''


def test_toml_front_matter_gives_each_key_its_own_line(tmp_path: Path):
    bundle = tmp_path / "event" / "tides"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text(HUGO_TOML_EVENT, encoding="utf-8")
    loaded = load_data_file(tmp_path / "event", "talks")
    (talk,) = loaded.records
    assert talk.title == "Tides and Robots" and str(talk.date) == "2022-05-04"
    found = {issue.message: issue.line for issue in loaded.issues}
    mood = next(line for message, line in found.items() if "'mood'" in message)
    assert mood == line_containing(HUGO_TOML_EVENT, "mood =")
    # The second [[links]] table's url, not the first's, nor the line of `tides =`
    # inside the multi-line string.
    unsafe = next(line for message, line in found.items() if "javascript" in message)
    assert unsafe == line_containing(HUGO_TOML_EVENT, "javascript:")
