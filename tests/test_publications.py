"""Publication lists as a reader sees them: highlighting, marks, truncation, roles,
filters, grouping, order, numbering, badges, toggles and links.

The root ``test-pubs`` has eight publications (``data/publications.yaml`` says what
each one is for) and four pages, each written twice with the same directives:
``rst/<page>.rst`` and ``myst/<page>.md``. Every directive call carries a class
``t-<name>`` so that a test finds its output. Its ``conf.py`` turns every option of
issue 3 on (``profile_max_authors = 3``, derived roles, linked titles, venue colours);
the ``plain`` build turns them off again and gives a colour that is not one.
"""

from __future__ import annotations

import re

import pytest
from bs4 import Tag
from docutils import nodes
from support import html_page, root_build, section_content, warnings_of
from support import publication_block as block

SYNTAXES = ("rst", "myst")
PAGES = ("authors", "filters", "groups", "lists")

TITLES = {
    "sparse": "Sparse Attention for Video Diffusion",
    "cofirst": "Benchmarks for Video Models",
    "lastauthor": "Scheduling Long Sequences",
    "student": "A Student Paper on Efficiency",
    "initials": "Initials Are Not Enough",
    "big": "A Big Collaboration",
    "thesis": "Efficient Systems for Learning",
    "undated": "Notes Without a Date",
}
ID_BY_TITLE = {title: key for key, title in TITLES.items()}
FILE_ORDER = list(TITLES)
NEWEST_FIRST = [
    "sparse",
    "student",
    "cofirst",
    "lastauthor",
    "initials",
    "big",
    "thesis",
    "undated",
]
LEGEND_BOTH = "* Equal contribution; † Corresponding author"


# -- builds, shared by the tests of this module (they only read) -----------------------


html = root_build("pubs", no_warnings=True)


text = root_build("pubs", "text")


latex = root_build("pubs", "latex", read="testpublications.tex")


# Every option of issue 3 at its default, and a venue colour that is not a colour.
plain = root_build(
    "pubs",
    confoverrides={
        "profile_max_authors": 0,
        "profile_derive_role": False,
        "profile_link_titles": False,
        "profile_venue_colors": {"ICLR 2024": "red; background: url(evil.png)"},
    },
)


# -- reading the output ----------------------------------------------------------------


def entry_ids(tag: Tag) -> list[str]:
    """The entries of a list (or of a whole block), in order, as ids of the data file."""
    return [ID_BY_TITLE[title.get_text(strip=True)] for title in tag.select("p.sp-pub-title")]


def entry(tag: Tag, publication_id: str) -> Tag:
    for item in tag.select(".sp-pub"):
        if item.select_one("p.sp-pub-title").get_text(strip=True) == TITLES[publication_id]:
            return item
    raise AssertionError(f"{publication_id} is not listed")


def groups(tag: Tag) -> list[tuple[str | None, list[str]]]:
    """``(heading, ids)`` per group, in order; one ``(None, ids)`` when not grouped."""
    found: list[tuple[str | None, list[str]]] = []
    heading: str | None = None
    for child in tag.find_all(recursive=False):
        if "sp-group-heading" in child.get("class", []):
            heading = child.get_text(strip=True)
        elif "sp-publications" in child.get("class", []):
            found.append((heading, entry_ids(child)))
            heading = None
    return found


def squashed(text: str) -> str:
    """Text output with its line wrapping undone."""
    return " ".join(text.split())


def text_page(app, docname: str) -> str:
    return (app.outdir / f"{docname}.txt").read_text(encoding="utf-8")


# -- both syntaxes give the same lists -------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_rst_and_myst_pages_give_the_same_doctree(html, name):
    rst = section_content(html, f"rst/{name}")
    assert "sp-publications-block" in rst
    assert rst == section_content(html, f"myst/{name}")


# -- highlighting ----------------------------------------------------------------------

HIGHLIGHTED = {
    "sparse": ["Jürgen Müller"],  # the profile's name
    "cofirst": ["Jurgen Muller"],  # without accents
    "lastauthor": ["MÜLLER, Jürgen"],  # "Last, First", other case
    "student": ["Alex Student", "J. Müller"],  # profile_highlight, and the listed alias
    "initials": [],  # "A. Student", "J. M. Müller": initials not listed are not matched
    "big": ["J Müller"],  # dots do not matter
    "thesis": ["Jürgen Müller"],
    "undated": ["Jürgen Müller"],
}


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_own_names_are_highlighted_by_the_documented_rules(plain, syntax):
    listing = block(plain, f"{syntax}/authors", "all")
    for publication_id, names in HIGHLIGHTED.items():
        item = entry(listing, publication_id)
        assert [tag.get_text() for tag in item.select("strong.sp-me")] == names, publication_id
    names = entry(listing, "initials").select_one("p.sp-pub-authors").get_text().split(", ")
    highlighted = HIGHLIGHTED["initials"]
    assert [name for name in names if name not in highlighted] == [
        "A. Student",
        "J. M. Müller",
        "Renée Dupont",
    ]


def test_text_and_latex_show_the_highlighted_name_in_bold(text, latex):
    assert "**Jurgen Muller**^*" in text_page(text, "rst/authors")
    assert r"\sphinxstylestrong{MÜLLER, Jürgen}" in latex


# -- marks and the legend --------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_marks_are_superscripts_after_the_names(html, syntax):
    listing = block(html, f"{syntax}/authors", "all")

    def marks(publication_id: str) -> list[tuple[str, str]]:
        line = entry(listing, publication_id).select_one("p.sp-pub-authors")
        found = []
        for mark in line.select("sup.sp-mark"):
            # The name right before: a tag (highlighted, linked) or the text after a comma.
            name = mark.previous_sibling
            text = name.get_text() if hasattr(name, "get_text") else str(name)
            found.append((text.split(", ")[-1], mark.get_text()))
        return found

    # "Name*" and "Name†" in a name string
    assert marks("sparse") == [("Jürgen Müller", "*"), ("Renée Dupont", "*"), ("Chiara Rossi", "†")]
    # {name, equal: true, corresponding: true}, and a linked name
    assert marks("lastauthor") == [("Chiara Rossi", "*"), ("Renee Dupont", "*†")]
    rossi = entry(listing, "lastauthor").select_one("a.sp-author")
    assert rossi["href"] == "https://example.org/rossi"


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_one_legend_line_names_the_marks_that_appear(html, syntax):
    def legends(name: str, docname: str = "filters") -> list[str]:
        listing = block(html, f"{syntax}/{docname}", name)
        return [tag.get_text() for tag in listing.select("p.sp-legend")]

    assert legends("all", "authors") == [LEGEND_BOTH]
    assert legends("bullet", "lists") == ["* Equal contribution"]  # cofirst and big
    assert legends("years-until") == []  # big and thesis: no marks, no legend
    # the legend follows the last list, after the groups
    grouped = block(html, f"{syntax}/groups", "year")
    assert "sp-legend" in grouped.find_all(recursive=False)[-1]["class"]
    # the compact style shows no authors, hence no marks and no legend
    assert legends("compact", "authors") == []


def test_text_and_latex_print_marks_and_legend(text, latex):
    output = text_page(text, "myst/authors")
    assert "**Jürgen Müller**^*, Renée Dupont^*, Chiara Rossi^†" in output
    assert LEGEND_BOTH in output
    assert r"\sphinxstylestrong{Jürgen Müller}$^{\text{*}}$" in latex
    assert "Equal contribution; † Corresponding author" in latex


# -- long author lists -----------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_long_author_list_keeps_the_highlighted_name_visible(html, syntax):
    item = entry(block(html, f"{syntax}/authors", "all"), "big")
    details = item.select_one("details.sp-authors")
    summary = details.select_one("summary")
    # three shown (profile_max_authors = 3): the first two, then the person at 6th place
    assert summary.select_one(".sp-authors-short").get_text() == "Ann One, Bob Two, … J Müller"
    assert summary.select_one("strong.sp-me").get_text() == "J Müller"
    assert summary.select_one(".sp-more").get_text() == " and 5 more"
    # opening the <details> shows everyone, in order
    full = details.select_one("p.sp-pub-authors").get_text()
    assert full == (
        "Ann One, Bob Two, Cat Three, Dan Four, Eve Five, J Müller, Gus Seven, Hal Eight"
    )


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_author_list_truncation_without_highlight_beyond_the_limit(html, syntax):
    listing = block(html, f"{syntax}/authors", "all")
    summary = entry(listing, "undated").select_one("details.sp-authors summary")
    assert summary.get_text() == "Ann One, Jürgen Müller, Bob Two and 1 more"
    # three authors for a limit of three: no toggle
    for publication_id in ("sparse", "lastauthor"):
        assert not entry(listing, publication_id).select("details.sp-authors")


def test_no_truncation_by_default(plain):
    listing = block(plain, "rst/authors", "all")
    assert not listing.select("details.sp-authors")
    assert "and 5 more" not in listing.get_text()
    assert "Gus Seven, Hal Eight" in entry(listing, "big").get_text()


def test_text_and_latex_print_the_full_author_list(text, latex):
    output = squashed(text_page(text, "rst/authors"))
    everyone = "Ann One, Bob Two, Cat Three, Dan Four, Eve Five, **J Müller**, Gus Seven, Hal Eight"
    assert everyone in output
    assert "more" not in output
    assert r"Gus Seven, Hal Eight" in latex
    assert "and 5 more" not in latex and "and 1 more" not in latex


# -- roles -----------------------------------------------------------------------------


def roles(app, docname: str) -> dict[str, str | None]:
    listing = block(app, docname, "all")
    found = {}
    for publication_id in FILE_ORDER:
        role = entry(listing, publication_id).select_one(".sp-role")
        found[publication_id] = role.get_text() if role else None
    return found


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_roles_are_derived_from_the_author_list(html, syntax):
    assert roles(html, f"{syntax}/authors") == {
        "sparse": "first author",
        "cofirst": "co-first author",  # everyone up to the person carries *
        "lastauthor": "last author",
        "student": "advisor",  # given in the file: wins over the derived one
        "initials": None,  # the person is not among the authors
        "big": None,  # sixth: no ordinal word beyond the fifth
        "thesis": "first author",
        "undated": "second author",
    }


def test_roles_are_not_derived_by_default(plain):
    assert roles(plain, "myst/authors") == {
        publication_id: "advisor" if publication_id == "student" else None
        for publication_id in FILE_ORDER
    }


def test_compact_style_shows_badge_role_and_links_on_one_line(html):
    line = entry(block(html, "rst/authors", "compact"), "sparse").select_one("p.sp-pub-meta")
    assert line.get_text() == "ICLR 2024 | Oral | first author | paper | code | DOI"
    assert not block(html, "rst/authors", "compact").select(".sp-pub-authors")


# -- filters ---------------------------------------------------------------------------

FILTERED = {
    "selected": ["sparse", "student"],
    "topics": ["sparse", "cofirst"],  # "video": case does not matter
    "types": ["cofirst", "lastauthor", "big"],
    "exclude-types": ["sparse", "student", "cofirst", "lastauthor", "big"],
    "tags": ["sparse", "cofirst"],
    "years": ["cofirst", "lastauthor"],  # 2022-2023
    "years-from": ["sparse", "student", "cofirst"],  # 2023-
    "years-until": ["big", "thesis"],  # -2020
    # "Renee Dupont" finds "Renée Dupont" too; "A. Student" is not "Alex Student"
    "author": ["sparse", "cofirst", "lastauthor", "initials"],
    "authors": ["sparse", "student", "cofirst", "lastauthor"],
    "limit": ["sparse", "student"],  # the two newest
    "combined": ["student"],  # selected and a preprint
}


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize(("name", "expected"), FILTERED.items(), ids=list(FILTERED))
def test_filter_keeps_the_right_entries(html, syntax, name, expected):
    assert entry_ids(block(html, f"{syntax}/filters", name)) == expected


def test_filters_reach_the_text_output(text):
    output = text_page(text, "myst/filters")
    for publication_id, title in TITLES.items():
        lists = sum(publication_id in ids for ids in FILTERED.values())
        assert output.count(title) == lists, publication_id


# -- grouping --------------------------------------------------------------------------

GROUPED = {
    "topic": [
        ("Efficiency", ["sparse", "student"]),  # :group-order: Efficiency, Video
        ("Video", ["sparse", "cofirst"]),  # sparse has both topics: in both groups
        ("Systems", ["lastauthor", "big"]),
        ("Other", ["initials", "thesis", "undated"]),  # no topic: last
    ],
    "year": [
        ("2024", ["sparse", "student"]),
        ("2023", ["cofirst"]),
        ("2022", ["lastauthor"]),
        ("2021", ["initials"]),
        ("2020", ["big"]),
        ("2019", ["thesis"]),
        ("Other", ["undated"]),
    ],
    "type": [
        ("Journal articles", ["cofirst", "big"]),  # :group-order: journal, preprint
        ("Preprints", ["student"]),
        ("Conference papers", ["sparse"]),  # then in order of first appearance
        ("Workshop papers", ["lastauthor"]),
        ("Technical reports", ["initials"]),
        ("Theses", ["thesis"]),
        ("Other", ["undated"]),
    ],
    "venue": [  # the badge, else the venue; with :sort: date-asc
        ("University of Somewhere", ["thesis"]),
        ("Journal of Big Science", ["big"]),
        ("WS 2022", ["lastauthor"]),
        ("JVM", ["cofirst"]),
        ("arXiv", ["student"]),
        ("ICLR 2024", ["sparse"]),
        ("Other", ["initials", "undated"]),
    ],
    "none": [(None, NEWEST_FIRST)],
}


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize(("name", "expected"), GROUPED.items(), ids=list(GROUPED))
def test_grouping(html, syntax, name, expected):
    assert groups(block(html, f"{syntax}/groups", name)) == expected


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_an_entry_in_two_groups_has_one_anchor(html, syntax):
    listing = block(html, f"{syntax}/groups", "topic")
    assert len(listing.select("#pub-sparse")) == 1
    first = listing.select("ul.sp-publications")[0]
    assert first.select_one("#pub-sparse") is not None


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_group_headings_are_headings_but_not_sections(html, syntax):
    headings = block(html, f"{syntax}/groups", "year").select(".sp-group-heading")
    assert {tag.name for tag in headings} == {"h2"}
    assert [
        title.astext() for title in html.env.get_doctree(f"{syntax}/groups").findall(nodes.title)
    ] == ["Groups"]


def test_group_headings_in_text_and_latex(text, latex):
    output = text_page(text, "rst/groups")
    for heading in ("Efficiency", "Journal articles", "Technical reports", "WS 2022"):
        assert f"\n{heading}\n" in output
    assert r"\textbf{Journal articles}" in latex


# -- order -----------------------------------------------------------------------------

SORTED = {
    "sort-date": NEWEST_FIRST,  # undated last
    "sort-date-asc": [
        *("thesis", "big", "initials", "lastauthor", "cofirst", "student", "sparse"),
        "undated",  # undated last in both directions
    ],
    "sort-title": [
        *("big", "student", "cofirst", "thesis", "initials", "undated", "lastauthor"),
        "sparse",
    ],
    "sort-file": FILE_ORDER,
}


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize(("name", "expected"), SORTED.items(), ids=list(SORTED))
def test_sort(html, syntax, name, expected):
    assert entry_ids(block(html, f"{syntax}/groups", name)) == expected


# -- list types and numbering ----------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_list_types(html, syntax):
    bullet = block(html, f"{syntax}/lists", "bullet")
    assert [tag.name for tag in bullet.select(".sp-publications")] == ["ul"]
    enumerated = block(html, f"{syntax}/lists", "enumerated")
    assert [tag.name for tag in enumerated.select(".sp-publications")] == ["ol"]
    assert [item["value"] for item in enumerated.select("ol > li")] == ["1", "2", "3"]
    unlisted = block(html, f"{syntax}/lists", "unlisted")
    assert not unlisted.select("ul, ol, li")
    assert entry_ids(unlisted) == ["cofirst", "big"]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_reversed_numbers_count_down_across_groups(html, syntax):
    listing = block(html, f"{syntax}/lists", "reversed")
    numbered = [
        (heading, [item["value"] for item in listing.select("ol")[index].select("li")])
        for index, (heading, _) in enumerate(groups(listing))
    ]
    assert numbered == [
        ("2024", ["6", "5"]),
        ("2023", ["4"]),
        ("2022", ["3"]),
        ("2021", ["2"]),
        ("2020", ["1"]),
    ]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_enumerated_numbers_run_on_across_groups(html, syntax):
    listing = block(html, f"{syntax}/lists", "enumerated-groups")
    assert [item["value"] for item in listing.select("ol > li")] == ["1", "2", "3", "4", "5", "6"]
    assert len(listing.select("ol")) == 5


def numbered_titles(output: str) -> list[tuple[int, str]]:
    return [(int(number), title) for number, title in re.findall(r"^(\d+)\. (.+)$", output, re.M)]


def test_text_builder_prints_the_numbers(text):
    output = text_page(text, "myst/lists")
    found = numbered_titles(output)
    assert found[:3] == [(1, TITLES["sparse"]), (2, TITLES["cofirst"]), (3, TITLES["big"])]
    reversed_part = found[3:9]
    assert reversed_part == [
        (6, TITLES["sparse"]),
        (5, TITLES["student"]),
        (4, TITLES["cofirst"]),
        (3, TITLES["lastauthor"]),
        (2, TITLES["initials"]),
        (1, TITLES["big"]),
    ]
    assert [number for number, _ in found[9:]] == [1, 2, 3, 4, 5, 6]


def test_latex_builder_prints_the_numbers(latex):
    lists_part = latex[latex.index(r"\label{\detokenize{rst/lists::doc}}") :]
    lists_part = lists_part[: lists_part.index(r"\label{\detokenize{myst/authors::doc}}")]
    numbers = [int(number) for number in re.findall(r"\\item\[(\d+)\.\]", lists_part)]
    assert numbers == [1, 2, 3, 6, 5, 4, 3, 2, 1, 1, 2, 3, 4, 5, 6]


# -- badges, colours, links ------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_venue_badges_take_their_colour_from_the_venue_or_the_type(html, syntax):
    listing = block(html, f"{syntax}/authors", "all")

    def badge(publication_id: str) -> Tag:
        return entry(listing, publication_id).select_one(".sp-venue.sp-badge")

    assert badge("sparse").get_text() == "ICLR 2024"
    assert badge("sparse")["style"] == "--sp-badge: #1f77b4"  # by badge text
    assert badge("cofirst")["style"] == "--sp-badge: rgb(10, 20, 30)"  # by type: journal
    assert not badge("lastauthor").has_attr("style")  # neither
    assert "sp-type-workshop" in badge("lastauthor")["class"]


def test_a_bad_colour_is_refused_with_a_warning(plain):
    warnings = warnings_of(plain)
    assert re.search(
        r"WARNING: invalid profile_venue_colors = .*red; background: url\(evil\.png\).*"
        r"using the default \{\} \[profile\.config\]",
        warnings,
    ), warnings
    html_text = (plain.outdir / "rst" / "authors.html").read_text(encoding="utf-8")
    assert "evil" not in html_text
    assert "--sp-badge" not in html_text


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_award_badge(html, syntax):
    listing = block(html, f"{syntax}/authors", "all")
    awards = [tag.get_text() for tag in listing.select(".sp-award.sp-badge")]
    assert awards == ["Oral"]
    assert entry(listing, "sparse").select_one(".sp-award") is not None


def test_badges_in_text_and_latex(text, latex):
    assert "[ICLR 2024] [Oral] *International Conference on Learning" in text_page(
        text, "rst/authors"
    )
    assert r"\sphinxprofilebadge{ICLR 2024} \sphinxprofilebadge{Oral}" in latex


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_doi_and_arxiv_become_links_once(html, syntax):
    listing = block(html, f"{syntax}/authors", "all")

    def links(publication_id: str) -> list[tuple[str, str]]:
        return [
            (link.get_text(), link["href"])
            for link in entry(listing, publication_id).select("a.sp-link")
        ]

    assert links("sparse") == [
        ("paper", "https://example.org/sparse.pdf"),
        ("code", "https://github.com/example/sparse"),
        ("DOI", "https://doi.org/10.1000/sparse.2024"),
    ]
    assert links("cofirst") == [("DOI", "https://doi.org/10.1000/jvm.2023")]
    # the paper link already is the arXiv page: no second link to it
    assert links("student") == [("paper", "https://arxiv.org/abs/2401.00001")]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_titles_link_to_the_paper_or_the_doi(html, syntax):
    listing = block(html, f"{syntax}/authors", "all")

    def title_link(publication_id: str) -> str | None:
        link = entry(listing, publication_id).select_one("p.sp-pub-title a")
        return link["href"] if link else None

    assert title_link("sparse") == "https://example.org/sparse.pdf"
    assert title_link("cofirst") == "https://doi.org/10.1000/jvm.2023"
    assert title_link("student") == "https://arxiv.org/abs/2401.00001"
    assert title_link("lastauthor") is None  # nothing to link to


def test_titles_are_not_linked_by_default(plain):
    assert not block(plain, "rst/authors", "all").select("p.sp-pub-title a")


def test_linked_title_in_latex(latex):
    assert r"\sphinxhref{https://example.org/sparse.pdf}{Sparse Attention for Video Diffusion}" in (
        latex
    )


# -- toggles and the copy button -------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_abstract_and_bibtex_toggles_in_html(html, syntax):
    item = entry(block(html, f"{syntax}/authors", "all"), "sparse")
    abstract = item.select_one("details.sp-abstract")
    assert abstract.select_one("summary").get_text() == "Abstract"
    assert "We attend to fewer tokens." in abstract.get_text()
    bibtex = item.select_one("details.sp-bibtex")
    assert bibtex.select_one("summary").get_text() == "BibTeX"
    assert bibtex.select_one("pre").get_text().startswith("@inproceedings{sparse,")
    # entries without an abstract or BibTeX get no empty toggle
    assert not entry(block(html, f"{syntax}/authors", "all"), "cofirst").select("details")


def test_toggles_are_left_out_of_text_and_latex(text, latex):
    output = text_page(text, "rst/authors")
    for absent in ("Abstract", "We attend to fewer tokens", "BibTeX", "@inproceedings"):
        assert absent not in output
        assert absent not in latex
    assert "Sparse Attention for Video Diffusion" in output


def test_copy_script_is_loaded_by_html_pages(html):
    scripts = html_page(html, "rst/authors").select("script[src]")
    copy = [tag for tag in scripts if "sphinx_profile.js" in tag["src"]]
    assert len(copy) == 1 and copy[0].has_attr("defer")
    script = (html.outdir / "_static" / "sphinx_profile.js").read_text(encoding="utf-8")
    assert "details.sp-bibtex" in script and "navigator.clipboard" in script


def test_copy_script_is_only_added_to_html_builds(html, built_root):
    def registered(app) -> list[str]:
        return [str(filename) for filename, _ in app.registry.js_files]

    assert "sphinx_profile.js" in registered(html)
    for builder in ("latex", "text"):
        app = built_root("pubs", builder)
        assert "sphinx_profile.js" not in registered(app)
        assert not list(app.outdir.rglob("sphinx_profile.js"))


# -- anchors ---------------------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_every_entry_has_a_stable_anchor(html, syntax):
    listing = block(html, f"{syntax}/authors", "all")
    anchors = [item.select_one("p.sp-pub-title [id]")["id"] for item in listing.select(".sp-pub")]
    assert anchors == [f"pub-{publication_id}" for publication_id in FILE_ORDER]


def test_an_entry_listed_twice_on_a_page_has_one_anchor(html, latex):
    """rst/authors shows every entry in two lists: each anchor is given once."""
    ids = [tag["id"] for tag in html_page(html, "rst/authors").select("[id]")]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert ids.count("pub-sparse") == 1
    labels = re.findall(r"\\label\{\\detokenize\{(rst/authors:pub-[^}]+)\}\}", latex)
    assert len(labels) == len(set(labels)) == len(FILE_ORDER)
