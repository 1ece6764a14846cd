"""Talks, teaching, awards, service, skills, ``cv-section`` and ``cv``, as a reader sees them.

The test root ``test-cv-sections`` is an invented person's CV: the same pages in
reST and MyST, a RenderCV file and a JSON Resume with every section.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from support import (
    BUILDERS,
    ROOTS,
    check_node,
    compile_pdf,
    copy_root,
    html_page,
    needs_tex,
    only_graph,
    output_text,
    pdf_text,
    root_build,
    warnings_of,
)

from sphinx_profile.data.choices import SERVICE_TYPES, TALK_TYPES
from sphinx_profile.data.cv_file import load_cv_file, rendercv_title
from sphinx_profile.data.cv_models import Service, Teaching
from sphinx_profile.data.cv_query import group_consecutive_teaching, merge_service
from sphinx_profile.data.store import load_data_file
from sphinx_profile.directives.cv_sections import ServiceDirective, TalksDirective

ROOT = ROOTS / "test-cv-sections"
DATA = ROOT / "data"


def link_named(soup, label: str):
    """The first link whose text is ``label``."""
    return next(a for a in soup.find_all("a") if a.get_text(strip=True) == label)


def words(text: str) -> str:
    return " ".join(text.split())


def read(element: Any) -> str:
    """An element's text as a reader reads it: words of separate elements apart,
    punctuation back against the word before it."""
    return re.sub(r" ([,.:;)])", r"\1", words(element.get_text(" ")))


html = root_build("cv-sections")


text = root_build("cv-sections", "text")


def page_text(app: SphinxTestApp, name: str) -> str:
    soup = html_page(app, name)
    body = soup.find(attrs={"role": "main"}) or soup.body
    assert body is not None
    return read(body)


# -- what the pages show -----------------------------------------------------------------


def test_the_build_has_no_warnings(html):
    assert warnings_of(html) == ""


@pytest.mark.parametrize("page", ["rst/cv", "myst/cv"])
def test_talks_grouped_by_type_with_event_place_links_and_dates(html, page):
    shown = page_text(html, page)
    talks = shown[shown.index("Invited talks") : shown.index("Recent talks")]
    # groups in the order of the types; "Talk" (academicpages) is an other talk
    assert [h for h in ("Invited talks", "Tutorials", "Posters", "Other talks") if h in talks] == [
        "Invited talks",
        "Tutorials",
        "Posters",
        "Other talks",
    ]
    assert talks.index("Fast Attention") < talks.index("Parallelism") < talks.index("Scheduling")
    assert "International Conference on Examples, Vienna, Austria" in talks
    assert "With: Max Mustermann" in talks  # the profile's own name is left out
    assert "Jane Doe and" not in talks
    assert "2024.05" in talks and "2023.07 - 2023.07" not in talks
    soup = html_page(html, page)
    event = soup.find("a", string="International Conference on Examples")
    assert event is not None and event["href"] == "https://icoe.example.org/2024"
    # a link's text is its label (its icon is an SVG beside it)
    assert link_named(soup, "slides")["href"].endswith("fast-attention.pdf")


@pytest.mark.parametrize("page", ["rst/cv", "myst/cv"])
def test_talk_places_link_to_openstreetmap(html, page):
    soup = html_page(html, page)
    places = soup.select_one(".sp-talk-places")
    assert places is not None
    assert [read(item) for item in places.select("li")] == [
        "Vienna, Austria (1)",
        "Lisbon, Portugal (1)",
    ]
    assert places.find("a")["href"] == (
        "https://www.openstreetmap.org/?mlat=48.2082&mlon=16.3738#map=11/48.2082/16.3738"
    )


@pytest.mark.parametrize("page", ["rst/cv", "myst/cv"])
def test_talk_filters_by_year_and_type(html, page):
    soup = html_page(html, page)
    recent = soup.select_one(".recent-talks")
    assert recent is not None
    titles = [title.get_text() for title in recent.select(".sp-entry-title strong")]
    assert titles == ["Fast Attention for Long Videos", "Tutorial: Parallelism from Scratch"]


@pytest.mark.parametrize("page", ["rst/cv", "myst/cv"])
def test_teaching_terms_of_one_course_together(html, page):
    shown = page_text(html, page)
    assert (
        "Introduction to Parallel Computing (CS 3210), Example University "
        "Instructor, Undergraduate Fall 2023, Fall 2024"
    ) in shown
    assert shown.count("Introduction to Parallel Computing") == 1
    # academicpages' title, type and venue
    assert "Compilers, Old University Teaching assistant, Graduate course 2019.01 - 2019.05" in (
        shown
    )


@pytest.mark.parametrize("page", ["rst/cv", "myst/cv"])
def test_service_years_of_one_venue_on_one_line(html, page):
    soup = html_page(html, page)
    lines = [words(p.get_text()) for p in soup.select(".sp-service .sp-entry-title")]
    assert lines == [
        "Reviewer, NeurIPS 2022, 2023, 2024",
        "Reviewer, ICML 2024",
        "Area Chair, International Conference on Examples 2023 - Present",
        "Mentor, Women in Examples 2024.03",
    ]


@pytest.mark.parametrize("page", ["rst/cv", "myst/cv"])
def test_awards_and_skills(html, page):
    shown = page_text(html, page)
    assert (
        "Best Paper Award, International Conference on Examples "
        "For Fast Attention for Long Videos. 2024.05"
    ) in shown
    assert "Programming: Python, C++, CUDA (Advanced)" in shown
    assert "Languages: English (Native), French (Professional working proficiency)" in shown


@pytest.mark.parametrize("page", ["rst/cv", "myst/cv"])
def test_cv_section_shows_every_rendercv_entry_shape(html, page):
    soup = html_page(html, page)
    block = soup.select_one(".sp-cv-section-block")
    assert block is not None
    assert block.find(class_="sp-group-heading").get_text() == "Patents"
    items = [read(item) for item in block.select("li.sp-entry")]
    assert items[1] == "Provisional: US 63/000,001, filed 2023"  # one-line
    assert items[2] == "A patent application in a bullet entry."  # bullet
    assert "Fall 2022" in items[3] and "Licensed to Example Corp." in items[3]  # normal
    assert items[4] == "Example Corp Licensee 2022.01 - 2023.06"  # experience
    assert "Certificate in Patent Law" in items[5]  # education
    assert "Jane Doe, John Smith" in items[6] and "Journal of Examples" in items[6]
    assert items[7] == "A plain text entry, as RenderCV\u2019s text entries are."  # text
    assert link_named(block, "DOI")["href"] == "https://doi.org/10.1234/example.5678"


def test_rst_and_myst_pages_read_the_same(text):
    rst = (text.outdir / "rst" / "cv.txt").read_text(encoding="utf-8")
    myst = (text.outdir / "myst" / "cv.txt").read_text(encoding="utf-8")
    assert rst.replace("reST", "X") == myst.replace("MyST", "X")
    whole_rst = (text.outdir / "rst" / "whole.txt").read_text(encoding="utf-8")
    whole_myst = (text.outdir / "myst" / "whole.txt").read_text(encoding="utf-8")
    assert whole_rst.replace("reST", "X") == whole_myst.replace("MyST", "X")


def test_plain_text_lists_links_with_their_addresses(text):
    shown = (text.outdir / "rst" / "cv.txt").read_text(encoding="utf-8")
    assert "slides: https://example.org/slides/fast-attention.pdf" in shown
    assert "* **Reviewer**, NeurIPS 2022, 2023, 2024" in shown


# -- the whole CV ------------------------------------------------------------------------

RENDERCV_HEADINGS = [
    "Welcome to RenderCV",
    "Education",
    "Experience",
    "Publications",
    "Selected Talks",
    "Awards",
    "Skills",
    "Honors",
    "Patents",
    "Projects",
]
RESUME_HEADINGS = [
    "Experience",
    "Volunteering",
    "Education",
    "Awards",
    "Certificates",
    "Publications",
    "Skills",
    "Languages",
    "Interests",
    "References",
    "Projects",
]


def cv_headings(app: SphinxTestApp, page: str) -> list[list[str]]:
    """The headings of each ``cv`` block of the page, in order."""
    soup = html_page(app, page)
    return [
        [heading.get_text() for heading in block.select(".sp-cv-heading")]
        for block in soup.select(".sp-cv-block")
    ]


@pytest.mark.parametrize("page", ["rst/whole", "myst/whole"])
def test_cv_renders_every_section_of_each_file_in_order(html, page):
    folder, rendercv, resume = cv_headings(html, page)
    assert folder == ["Talks", "Awards", "Skills"]  # :sections: picks and orders
    assert rendercv == RENDERCV_HEADINGS
    assert resume == RESUME_HEADINGS
    shown = page_text(html, page)
    for expected in (
        "Outstanding Teaching Award, Example University, 2023",  # RenderCV bullet entry
        "Method for Faster Attention, US Patent 12,345,678 (2024)",  # numbered entry
        "This CV is an example; every entry in it is made up.",  # text entry
        "Best Paper Award: International Conference on Examples, 2024",  # one-line entry
        "Mentor, Women in Examples 2022.01 - 2023.12",  # JSON Resume volunteer
        "Certified Example Engineer",
        "Music: Piano, Jazz",
        "Max Mustermann: Jane is a careful scientist.",
        "Languages: English (Native speaker), French (Fluent)",
    ):
        assert expected in shown


def test_cv_file_sections_and_kinds():
    rendercv = load_cv_file(DATA / "Jane_Doe_CV.yaml")
    assert rendercv.issues == ()
    assert [(part.key, part.kind) for part in rendercv.parts][:5] == [
        ("profile", "profile"),
        ("welcome_to_RenderCV", "cv-section"),
        ("education", "education"),
        ("experience", "experience"),
        ("publications", "publications"),
    ]
    resume = load_cv_file(DATA / "resume.json")
    kinds = {part.key: part.kind for part in resume.parts}
    assert kinds["volunteer"] == "service"
    assert kinds["awards"] == "awards"
    assert kinds["languages"] == "skills"
    assert kinds["certificates"] == "cv-section"
    assert "meta" not in kinds


def test_cv_warns_about_what_it_cannot_show(tmp_path: Path):
    cv = tmp_path / "Odd_CV.yaml"
    cv.write_text(
        "cv:\n  name: Odd\n  sections:\n    summary: just a text\n    talks:\n      - name: Fine\n",
        encoding="utf-8",
    )
    loaded = load_cv_file(cv)
    assert [part.key for part in loaded.parts] == ["profile", "talks"]
    assert [(issue.line, issue.message) for issue in loaded.issues] == [
        (4, "section 'summary' is not a list of entries; the CV does not show it")
    ]


# -- every builder, and the PDF ----------------------------------------------------------


@pytest.mark.parametrize("buildername", ["latex", "text", "man", "texinfo"])
def test_every_builder_shows_the_sections(built_root, buildername):
    app = built_root("cv-sections", buildername)
    assert app.statuscode == 0
    assert warnings_of(app) == ""
    shown = words(output_text(app.outdir, BUILDERS[buildername]))
    for expected in (
        "Fast Attention for Long Videos",
        "Fall 2023, Fall 2024",
        "2022, 2023, 2024",
        "Outstanding Teaching Award",
        "Python, C++, CUDA",
        "A plain text entry",
    ):
        assert expected in shown, expected


def test_latex_dates_end_their_line_and_cv_headings_are_sections(built_root):
    app = built_root("cv-sections", "latex")
    tex = (app.outdir / "cv.tex").read_text(encoding="utf-8")
    assert r"Instructor, Undergraduate\sphinxprofiledates{Fall 2023, Fall 2024}" in tex
    assert r"\section*{Patents}" in tex
    whole = (app.outdir / "whole.tex").read_text(encoding="utf-8")
    for heading in RENDERCV_HEADINGS + RESUME_HEADINGS:
        assert rf"\section*{{{heading}}}" in whole


@needs_tex
def test_the_pdf_cv_compiles_with_every_section(built_root):
    app = built_root("cv-sections", "latex")
    cv = words(pdf_text(compile_pdf(app.outdir, "cv.tex")))
    for expected in ("Invited talks", "Fall 2023, Fall 2024", "Reviewer, NeurIPS 2022, 2023, 2024"):
        assert expected in cv
    whole = pdf_text(compile_pdf(app.outdir, "whole.tex"))
    positions = [whole.index(heading) for heading in ("Welcome to RenderCV", "Honors", "Patents")]
    assert positions == sorted(positions)
    assert "Volunteering" in whole and "References" in whole


# -- data: aliases, problems, merging ----------------------------------------------------


def test_problems_are_warnings_at_their_line(tmp_path: Path):
    talks = tmp_path / "talks.yaml"
    talks.write_text(
        "- title: Fine\n  lat: 48.2\n- event: No title\n- title: Bad type\n  type: lecture\n",
        encoding="utf-8",
    )
    loaded = load_data_file(talks, "talks")
    # a lone coordinate and a bad type cost only themselves; a missing title the entry
    assert [record.title for record in loaded.records] == ["Fine", "Bad type"]
    assert [(issue.line, issue.message) for issue in loaded.issues] == [
        (2, "lat: 'lon' is missing: give both lat and lon, or none"),
        (3, "entry left out: missing required key 'title'"),
        (
            5,
            "type: expected one of 'invited', 'keynote', 'contributed', 'seminar', 'tutorial', "
            "'poster', 'panel' or 'other', got 'lecture'",
        ),
    ]
    fine = loaded.records[0]
    assert fine.lat is None and fine.lon is None


def test_a_build_reports_bad_entries_and_shows_the_rest(make_app, tmp_path: Path):
    srcdir = copy_root("cv-sections", tmp_path / "src")
    (srcdir / "data" / "service.yaml").write_text(
        "- role: Reviewer\n  venue: NeurIPS\n  years: [2023, twenty]\n- role: Chair\n  venue: X\n",
        encoding="utf-8",
    )
    app = make_app("text", srcdir=srcdir)
    app.build()
    warnings = warnings_of(app)
    assert "data/service.yaml:3:" in warnings and "[profile.data]" in warnings
    shown = (app.outdir / "rst" / "cv.txt").read_text(encoding="utf-8")
    assert "**Chair**, X" in shown
    # the bad year costs only itself
    assert "**Reviewer**, NeurIPS 2023\n" in shown


def test_merge_service_keeps_entries_with_more_to_say_apart():
    entries = [
        Service(role="Reviewer", organization="NeurIPS", years=[2024]),
        Service(role="Reviewer", organization="neurips", years=[2023]),
        Service(role="Reviewer", organization="NeurIPS", years=[2021], summary="Top reviewer"),
        Service(role="Area Chair", organization="NeurIPS", years=[2024]),
    ]
    lines = merge_service(entries)
    assert [(line.first.role, line.years) for line in lines] == [
        ("Reviewer", [2023, 2024]),
        ("Reviewer", [2021]),
        ("Area Chair", [2024]),
    ]


def test_consecutive_terms_only_are_grouped():
    a1, a2 = Teaching(course="A", term="Fall 2023"), Teaching(course="a", term="Fall 2024")
    b, a3 = Teaching(course="B"), Teaching(course="A", term="Fall 2025")
    assert group_consecutive_teaching([a1, a2, b, a3]) == [[a1, a2], [b], [a3]]


def test_rendercv_section_titles():
    assert rendercv_title("welcome_to_RenderCV") == "Welcome to RenderCV"
    assert rendercv_title("selected_talks") == "Selected Talks"
    assert rendercv_title("Honors and Awards") == "Honors and Awards"


def test_directive_type_choices_are_the_models():
    talk_types = TalksDirective.option_spec["types"](", ".join(TALK_TYPES))
    assert talk_types == TALK_TYPES
    assert ServiceDirective.option_spec["types"]("Program-Committee") == ("program committee",)
    assert ServiceDirective.option_spec["types"](", ".join(SERVICE_TYPES)) == SERVICE_TYPES
    with pytest.raises(ValueError, match="unknown type 'lecture'"):
        TalksDirective.option_spec["types"]("lecture")


def test_json_resume_sections_through_each_directive():
    resume = DATA / "resume.json"
    awards = load_data_file(resume, "awards")
    assert [(a.name, a.awarder) for a in awards.records] == [
        ("Best Paper Award", "International Conference on Examples")
    ]
    skills = load_data_file(resume, "skills")
    assert [s.name or s.language for s in skills.records] == ["Programming", "English", "French"]
    service = load_data_file(resume, "service")
    assert [(s.role, s.organization) for s in service.records] == [("Mentor", "Women in Examples")]


# -- metadata ----------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["rst/cv", "myst/cv"])
def test_jsonld_person_has_awards_and_skills_and_performs_the_talks(html, page):
    graph = only_graph(html_page(html, page))
    for node in graph:
        check_node(node)
    person = next(node for node in graph if node["@type"] == "Person")
    assert person["award"] == [
        "Best Paper Award, International Conference on Examples (2024)",
        "Outstanding Teaching Award, Example University (2023)",
    ]
    assert person["knowsAbout"] == ["Programming", "Python", "C++", "CUDA", "Tools", "Git"]
    events = [node for node in graph if node["@type"] == "Event"]
    # each talk once, though two lists of the page show two of them
    assert [event["name"] for event in events] == [
        "Fast Attention for Long Videos",
        "Scheduling Without Tears",
        "Tutorial: Parallelism from Scratch",
        "A Poster About Posters",
    ]
    assert {event["performer"]["@id"] for event in events} == {person["@id"]}
    first = events[0]
    assert first["startDate"] == "2024-05-14"
    assert first["location"] == {
        "@type": "Place",
        "name": "Vienna, Austria",
        "geo": {"@type": "GeoCoordinates", "latitude": 48.2082, "longitude": 16.3738},
    }
    assert first["superEvent"] == {
        "@type": "Event",
        "name": "International Conference on Examples",
        "url": "https://icoe.example.org/2024",
    }
    assert events[2]["endDate"] == "2023-07-12"
