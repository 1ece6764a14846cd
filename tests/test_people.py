"""The ``people`` directive: cards and lists of a lab's members, current and former.

The root ``test-lab`` holds a fictional lab: ``data/people.yaml`` (a PI, two PhD
students, an MS student, a graduated PhD student and a member whose position is
``Alumni``), photos for two members, a shared ``publications.yaml`` and two member
pages. The data layer's rules (who is an alumnus, group order) are tested without
Sphinx first.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import html_page, root_build

from sphinx_profile.data.dates import PartialDate
from sphinx_profile.data.models import Member
from sphinx_profile.data.people import (
    ALUMNI,
    PeopleFilter,
    filter_people,
    group_people,
    is_alumnus,
    last_day,
    member_profile,
    name_index,
)

TODAY = dt.date(2025, 6, 15)


def member(**fields: object) -> Member:
    fields.setdefault("id", str(fields.get("name", "x")).split()[0].lower())
    return Member.model_validate(fields)


# -- data layer ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("end", "position", "expected"),
    [
        (None, "PhD student", False),
        ("present", "PhD student", False),
        ("2024", "PhD student", True),
        ("2025", "PhD student", False),  # a year-only end lasts to its 31 December
        ("2025-05", "Postdoc", True),
        ("2025-06", "Postdoc", False),
        ("2025-06-14", "Postdoc", True),
        ("2025-06-15", "Postdoc", False),
        (None, "Alumni", True),
        (None, "alumna", True),
        ("2030", "Alumni", True),
    ],
)
def test_who_is_an_alumnus(end, position, expected):
    fields = {"name": "Pat Example", "position": position}
    if end is not None:
        fields["end"] = end
    assert is_alumnus(member(**fields), TODAY) is expected


def test_last_day_of_partial_dates():
    assert last_day(PartialDate(2024)) == dt.date(2024, 12, 31)
    assert last_day(PartialDate(2024, 2)) == dt.date(2024, 2, 29)
    assert last_day(PartialDate(2023, 2, 3)) == dt.date(2023, 2, 3)


LAB = [
    member(name="Sam Student", position="PhD student"),
    member(name="Una Visitor", position="Visiting scholar"),
    member(name="Ola Old", position="PhD student", end="2019"),
    member(name="Pia Principal", position="PI"),
    member(name="Nia Nobody"),
    member(name="Max Master", position="ms student"),
    member(name="Mo Master", position="MS Student"),
]


def keys(groups):
    return [(key, [m.name.split()[0] for m in members]) for key, members in groups]


def test_group_by_position_follows_the_order_then_appearance():
    groups = group_people(LAB, "position", ["PI", "PhD student", "MS student"], TODAY)
    assert keys(groups) == [
        ("PI", ["Pia"]),
        ("PhD student", ["Sam"]),
        ("ms student", ["Max", "Mo"]),  # one group whatever the case, named as first written
        ("Visiting scholar", ["Una"]),  # not in the order: after the ordered groups
        (ALUMNI, ["Ola"]),  # former members, whatever their position, near the end
        ("", ["Nia"]),  # no position: last
    ]


def test_alumni_can_be_placed_by_the_order():
    groups = group_people(LAB, "position", ["Alumni", "PI"], TODAY)
    assert [key for key, _ in groups][:2] == [ALUMNI, "PI"]


def test_group_by_group_and_none():
    people = [
        member(name="A One", group="Systems"),
        member(name="B Two", group="Theory"),
        member(name="C Three", group="Systems"),
    ]
    assert keys(group_people(people, "group", ["Theory"], TODAY)) == [
        ("Theory", ["B"]),
        ("Systems", ["A", "C"]),
    ]
    assert keys(group_people(people, "none", [], TODAY)) == [(None, ["A", "B", "C"])]


def test_filter_by_status_and_position():
    current = filter_people(LAB, PeopleFilter(status="current"), TODAY)
    assert "Ola Old" not in [m.name for m in current]
    assert [m.name for m in filter_people(LAB, PeopleFilter(status="alumni"), TODAY)] == ["Ola Old"]
    phd = filter_people(LAB, PeopleFilter(positions=("phd STUDENT",)), TODAY)
    assert [m.name for m in phd] == ["Sam Student", "Ola Old"]


def test_name_index_leaves_out_shared_spellings():
    people = [
        member(id="ann", name="Ann Lee", aliases=["A. Lee"]),
        member(id="al", name="Al Lee", aliases=["A. Lee"]),
        member(id="tom", name="Tomás Núñez"),
    ]
    index = name_index(people)
    assert index["ann lee"] == "ann"
    assert index["al lee"] == "al"
    assert "a lee" not in index  # two members: no link rather than a wrong one
    assert index["tomas nunez"] == "tom"  # accents do not matter


def test_member_profile_card():
    entry = member(
        id="pat",
        name="Pat Example",
        position="Postdoc",
        group="Systems",
        url="https://pat.example.org/",
        email="pat@example.org",
        links={"github": "https://github.com/example-pat"},
    )
    profile = member_profile(entry)
    assert (profile.name, profile.headline, profile.affiliation) == (
        "Pat Example",
        "Postdoc",
        "Systems",
    )
    assert [(link.label, link.url) for link in profile.links] == [
        ("homepage", "https://pat.example.org/"),
        ("github", "https://github.com/example-pat"),
        ("email", "mailto:pat@example.org"),
    ]


# -- the directive ----------------------------------------------------------------------


lab = root_build("lab")


def blocks(soup: BeautifulSoup) -> list:
    return soup.select("div.sp-people-block")


def test_lab_builds_without_warnings(lab, get_warnings):
    assert get_warnings(lab) == ""


def test_current_members_as_cards_grouped_by_position(lab):
    current = blocks(html_page(lab, "people"))[0]
    headings = [h.get_text() for h in current.select(".sp-group-heading")]
    assert headings == ["PI", "PhD student", "MS student"]
    names = [p.get_text(strip=True) for p in current.select("li.sp-person .sp-person-name")]
    assert names == ["Morgan Example", "Lena Placeholder", "Tomás Demo", "Noor Mockingbird"]
    assert current.select("ul.sp-member-cards")
    assert not current.find("script")


def test_card_contents(lab):
    current = blocks(html_page(lab, "people"))[0]
    morgan = current.select("li.sp-person")[0]
    photo = morgan.select_one("img.sp-person-photo")
    assert photo["alt"] == "Photo of Morgan Example"
    assert (lab.outdir / photo["src"]).is_file()  # copied into the build
    assert morgan.select_one(".sp-person-position").get_text() == "PI"
    assert morgan.select_one(".sp-person-interests").get_text() == "distributed systems, compilers"
    links = {a.get_text(): a["href"] for a in morgan.select(".sp-person-links a")}
    assert links == {
        "GitHub": "https://github.com/example-morgan",
        "Email": "mailto:morgan%40example.org",
    }


def test_card_names_link_to_member_pages_else_their_url(lab):
    current = blocks(html_page(lab, "people"))[0]
    by_name = {p.get_text(strip=True): p for p in current.select(".sp-person-name")}
    assert by_name["Morgan Example"].a["href"] == "members/morgan.html"
    assert by_name["Lena Placeholder"].a["href"] == "members/lena.html"
    assert by_name["Tomás Demo"].a["href"] == "https://tomas.example.org/"  # no member page
    assert by_name["Noor Mockingbird"].a is None  # neither


def test_alumni_as_a_plain_list(lab):
    alumni = blocks(html_page(lab, "people"))[1]
    assert not alumni.select(".sp-group-heading")
    items = [li.get_text(" ", strip=True) for li in alumni.select("ul.sp-member-list > li")]
    assert items == [
        "Ivo Fixture , PhD student (2014 - 2019) . Now: Assistant Professor at Example University",
        "Zoe Stub , 2017 - 2018 . Now: Engineer at Example Corp",
    ]
    assert alumni.select_one(".sp-person-now a")["href"] == "https://www.example.org/"
    assert not alumni.select("img")


def test_rst_and_myst_give_the_same_output(lab):
    rst = [str(block) for block in blocks(html_page(lab, "people"))]
    myst = [str(block) for block in blocks(html_page(lab, "people-myst"))]
    assert rst == myst


@pytest.mark.parametrize("buildername", ["text", "latex"])
def test_other_builders_show_a_plain_list_without_photos(
    make_app, rootdir, tmp_path, buildername, get_warnings
):
    app = make_app(buildername, srcdir=rootdir / "test-lab", builddir=tmp_path)
    app.build()
    assert get_warnings(app) == ""
    if buildername == "text":
        text = (app.outdir / "people.txt").read_text(encoding="utf-8")
        assert "* **Morgan Example**" in text
        assert "[image" not in text
        assert "* **Ivo Fixture**, PhD student (2014 - 2019). Now: Assistant Professor" in text
    else:
        tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
        people = tex[tex.index(r"\chapter{People}") : tex.index(r"\chapter{People (MyST)}")]
        assert "Noor Mockingbird" in people
        assert r"\sphinxincludegraphics" not in people
        assert r"\begin{itemize}" in people


# -- options and problems, each on a page of its own ------------------------------------


def build_page(make_app, private_root, body: str, *, suffix: str = ".rst", **kwargs):
    """A copy of ``test-lab`` with one more page, ``extra``, made of a title and ``body``.

    The body's first line is line 3 of the page.
    """
    srcdir: Path = private_root("lab")
    title = "Page\n====\n" if suffix == ".rst" else "# Page\n\n"
    page = title + textwrap.dedent(body).lstrip("\n")
    (srcdir / f"extra{suffix}").write_text(page, encoding="utf-8")
    with (srcdir / "index.rst").open("a", encoding="utf-8") as index:
        index.write("   extra\n")
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    return app


def page_soup(app) -> BeautifulSoup:
    return html_page(app, "extra")


def card_names(soup: BeautifulSoup) -> list[str]:
    return [p.get_text(strip=True) for p in soup.select(".sp-person-name")]


def test_positions_filter_and_group_by_group(make_app, private_root, get_warnings):
    app = build_page(
        make_app,
        private_root,
        """

        .. people::
           :positions: PhD student, MS student
           :current:
           :group-by: group
           :group-order: Systems
        """,
    )
    soup = page_soup(app)
    assert [h.get_text() for h in soup.select(".sp-group-heading")] == [
        "Systems",
        "Compilers",
        "Other",
    ]
    assert card_names(soup) == ["Noor Mockingbird", "Tomás Demo", "Lena Placeholder"]
    assert get_warnings(app) == ""


def test_order_from_configuration_and_limit(make_app, private_root):
    app = build_page(
        make_app,
        private_root,
        """
        .. people::
           :style: list
           :limit: 4
        """,
        confoverrides={"profile_people_order": ["MS student", "Alumni", "PI"]},
    )
    soup = page_soup(app)
    headings = [h.get_text() for h in soup.select(".sp-group-heading")]
    assert headings == ["MS student", "PI", "PhD student"]  # the first 4 of the file
    assert card_names(soup) == []  # the list style has no cards
    items = [
        li.get_text(" ", strip=True).split(" ,")[0] for li in soup.select(".sp-people-block li")
    ]
    assert items == ["Noor Mockingbird", "Morgan Example", "Lena Placeholder", "Tomás Demo"]


def test_myst_page_with_options(make_app, private_root, get_warnings):
    app = build_page(
        make_app,
        private_root,
        """

        ```{people}
        :alumni:
        :group-by: none
        :class: my-alumni
        ```
        """,
        suffix=".md",
    )
    soup = page_soup(app)
    assert card_names(soup) == ["Ivo Fixture", "Zoe Stub"]
    assert "my-alumni" in soup.select_one(".sp-people-block")["class"]
    assert get_warnings(app) == ""


def test_option_mistakes_warn_at_the_directive(make_app, private_root, get_warnings):
    app = build_page(
        make_app,
        private_root,
        """

        .. people::
           :positions: PhD Studnt
           :group-order: Postdocs

        .. people::
           :current:
           :alumni:
        """,
    )
    warnings = get_warnings(app)
    assert (
        "extra.rst:3: WARNING: people: no member has the position 'PhD Studnt' [profile.option]"
        in warnings
    )
    assert (
        "extra.rst:3: WARNING: people: no position group 'Postdocs' in :group-order: "
        "[profile.option]" in warnings
    )
    assert (
        "extra.rst:7: WARNING: people: :current: and :alumni: together show everyone; give one "
        "[profile.option]" in warnings
    )
    assert len(card_names(page_soup(app))) == 6


def test_bad_entries_warn_at_their_line_and_the_rest_renders(make_app, private_root, get_warnings):
    srcdir = private_root("lab")
    (srcdir / "data" / "people.yaml").write_text(
        textwrap.dedent(
            """\
            - id: ok
              name: Okay Person
              position: Postdoc
            - id: nameless
              position: Postdoc
            - id: ok
              name: Twin Person
            - id: pic
              name: Pic Missing
              photo: photos/nobody.svg
            - id: far
              name: Far Away
              photo: ../../outside.svg
            - id: typo
              name: Typo Person
              emial: typo@example.org
            """
        ),
        encoding="utf-8",
    )
    (srcdir / "index.rst").write_text("Lab\n===\n\n.. people::\n", encoding="utf-8")
    for page in ["people.rst", "people-myst.md", "publications.rst"]:
        (srcdir / page).unlink()
    (srcdir / "members").rename(srcdir / "unused")
    app = make_app("html", srcdir=srcdir, confoverrides={"exclude_patterns": ["unused", "data"]})
    app.build()
    warnings = get_warnings(app)
    assert (
        "data/people.yaml:4: WARNING: entry left out: missing required key 'name' [profile.data]"
        in warnings
    )
    assert (
        "data/people.yaml:6: WARNING: entry left out: duplicate id 'ok' (first defined at line 1)"
        in warnings
    )
    assert "data/people.yaml:16: WARNING: unknown key 'emial'; did you mean 'email'?" in warnings
    assert "data/people.yaml:10: WARNING: photo image not found: " in warnings
    assert (
        "data/people.yaml:13: WARNING: photo '../../outside.svg' lies outside the data folder; "
        "it is not shown [profile.file]" in warnings
    )
    # an unknown key costs only itself: the member is shown without it
    assert card_names(html_page(app, "index")) == [
        "Okay Person",
        "Pic Missing",
        "Far Away",
        "Typo Person",
    ]


def test_source_date_epoch_sets_the_day_that_separates_alumni(make_app, private_root, monkeypatch):
    # 1 June 2019: Ivo (end 2019) is still a member, Zoe (end 2018) is not.
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2019, 6, 1, tzinfo=dt.UTC).timestamp()))
    )
    app = build_page(make_app, private_root, "\n.. people::\n   :current:\n   :group-by: none\n")
    assert "Ivo Fixture" in card_names(page_soup(app))
    assert "Zoe Stub" not in card_names(page_soup(app))
