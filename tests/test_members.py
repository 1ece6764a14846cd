"""Member pages: ``profile`` and ``publication-list`` with ``:person:``, and links to them.

In ``test-lab``, ``members/morgan.rst`` (reST) shows Morgan from the member's own
``data/people/morgan.yaml``; ``members/lena.md`` (MyST) shows Lena from her
``people.yaml`` entry. ``profile_link_members`` is on, so member names in every
author list link to these pages.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from support import Builds, html_page, root_build


def author_links(soup: BeautifulSoup) -> dict[str, str | None]:
    """Author name -> the href of its link (None when not a link), on the whole page."""
    found: dict[str, str | None] = {}
    for paragraph in soup.select("p.sp-pub-authors"):
        for child in paragraph.children:
            if isinstance(child, Tag) and child.name == "sup":
                continue  # a contribution mark
            if isinstance(child, Tag) and child.name in ("a", "strong"):
                link = child if child.name == "a" else None
                found.setdefault(child.get_text(), link["href"] if link else None)
                continue
            for name in str(child.get_text() if isinstance(child, Tag) else child).split(","):
                if name.strip():
                    found.setdefault(name.strip(), None)  # a name without a link: plain text
    return found


def titles(soup: BeautifulSoup) -> list[str]:
    return [p.get_text(strip=True) for p in soup.select(".sp-pub-title")]


lab = root_build("lab")


def test_card_from_the_members_own_profile_file(lab):
    card = html_page(lab, "members/morgan").select_one(".sp-member .sp-profile")
    assert card.select_one(".sp-profile-name").get_text() == "Morgan Example"
    assert card.select_one(".sp-headline").get_text() == "Professor of Computing"
    assert card.select_one(".sp-bio").get_text() == "Morgan leads the Test Lab."


def test_card_from_the_people_entry(lab):
    card = html_page(lab, "members/lena").select_one(".sp-member .sp-profile")
    assert card.select_one(".sp-profile-name").get_text() == "Lena Placeholder"
    assert card.select_one(".sp-headline").get_text() == "PhD student"
    assert card.select_one(".sp-person-interests").get_text() == "Interests: program synthesis"
    avatar = card.select_one("img.sp-avatar")
    assert (lab.outdir / "members" / avatar["src"]).resolve().is_file()


def test_member_list_has_the_members_papers_with_the_member_highlighted(lab):
    soup = html_page(lab, "members/lena")
    assert titles(soup) == ["Fast Things for Everyone", "Small Things, Carefully"]
    assert [me.get_text() for me in soup.select(".sp-me")] == ["Lena Placeholder"] * 2


def test_aliases_of_the_entry_and_of_the_own_file_select_papers(lab):
    soup = html_page(lab, "members/morgan")
    # "M. Example" is an alias in people.yaml; the own file adds more spellings.
    assert titles(soup) == [
        "Fast Things for Everyone",
        "Small Things, Carefully",
        "An Old Result Revisited",
    ]
    assert [me.get_text() for me in soup.select(".sp-me")] == [
        "M. Example",
        "Morgan Example",
        "Morgan Example",
    ]


def test_member_names_link_to_member_pages(lab):
    links = author_links(html_page(lab, "publications"))
    assert links == {
        "Lena Placeholder": "members/lena.html",
        "Ann Other": None,
        "M. Example": "members/morgan.html",
        "Tomas Demo": None,  # a member without a page, and no url in the author list
        "Morgan Example": "members/morgan.html",
        "Ben External": "https://ben.example.org/",
        "Ivo Fixture": None,
        "Cy Outsider": None,
    }


def test_a_member_page_does_not_link_to_itself(lab):
    links = author_links(html_page(lab, "members/lena"))
    assert links["Lena Placeholder"] is None
    assert links["M. Example"] == "morgan.html"


def test_no_member_links_unless_enabled(make_app, rootdir, tmp_path):
    app = make_app(
        "html",
        srcdir=rootdir / "test-lab",
        builddir=tmp_path,
        confoverrides={"profile_link_members": False},
    )
    app.build()
    links = author_links(html_page(app, "publications"))
    assert links["Lena Placeholder"] is None
    assert links["Ben External"] == "https://ben.example.org/"
    # the people page still links its cards to the member pages
    card = html_page(app, "people").select_one(".sp-person-name a")
    assert card["href"] == "members/morgan.html"


def test_text_builder(make_app, rootdir, tmp_path, get_warnings):
    app = make_app("text", srcdir=rootdir / "test-lab", builddir=tmp_path)
    app.build()
    assert get_warnings(app) == ""
    page = (app.outdir / "members" / "lena.txt").read_text(encoding="utf-8")
    assert "**Lena Placeholder**, Ann Other, M. Example" in page


def test_latex_builder(make_app, rootdir, tmp_path, get_warnings):
    app = make_app("latex", srcdir=rootdir / "test-lab", builddir=tmp_path)
    app.build()
    assert get_warnings(app) == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\hyperref[\detokenize{members/lena::doc}]" in tex


# -- mistakes ---------------------------------------------------------------------------


def test_unknown_person_warns_and_shows_nothing(make_app, private_root, get_warnings):
    srcdir = private_root("lab")
    (srcdir / "members" / "lena.md").write_text(
        "# Nobody\n\n```{profile}\n:person: nobody\n```\n\n"
        "```{publication-list}\n:person: nobody\n:source: publications.yaml\n```\n",
        encoding="utf-8",
    )
    (srcdir / "members" / "morgan.rst").write_text(
        "Morgan\n======\n\n.. profile::\n   :person: morgan\n   :source: profile.yaml\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = get_warnings(app)
    assert "lena.md:3: WARNING: profile: no member with id 'nobody' in people.yaml" in warnings
    assert (
        "lena.md:7: WARNING: publication-list: no member with id 'nobody' in people.yaml"
        in warnings
    )
    assert (
        "morgan.rst:4: WARNING: profile: :source: is ignored with :person:; "
        "name the people file with :people: [profile.option]" in warnings
    )
    soup = html_page(app, "members/lena")
    assert not soup.select(".sp-block")
    # Lena's page is gone, so her name is no longer a link
    assert author_links(html_page(app, "publications"))["Lena Placeholder"] is None


def test_people_file_named_by_option(make_app, private_root, get_warnings):
    srcdir = private_root("lab")
    lab = srcdir / "data" / "lab"
    lab.mkdir()
    (srcdir / "data" / "people.yaml").rename(lab / "people.yaml")
    (srcdir / "data" / "people").rename(lab / "people")
    (srcdir / "data" / "photos").rename(lab / "photos")
    text = (lab / "people.yaml").read_text(encoding="utf-8")
    (lab / "people.yaml").write_text(text.replace("photos/", "lab/photos/"), encoding="utf-8")
    for page in srcdir.rglob("*.*"):
        if page.suffix in (".rst", ".md"):
            source = page.read_text(encoding="utf-8")
            source = source.replace(
                ":person: morgan", ":person: morgan\n   :people: lab/people.yaml"
            )
            source = source.replace(":person: lena", ":person: lena\n:people: lab/people.yaml")
            source = source.replace(".. people::", ".. people::\n   :source: lab/people.yaml")
            source = source.replace("```{people}", "```{people}\n:source: lab/people.yaml")
            source = source.replace(
                ":group-by: year", ":group-by: year\n   :people: lab/people.yaml"
            )
            page.write_text(source, encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert get_warnings(app) == ""
    # the member's own file is found beside the people file: lab/people/morgan.yaml
    card = html_page(app, "members/morgan").select_one(".sp-headline")
    assert card.get_text() == "Professor of Computing"
    assert author_links(html_page(app, "publications"))["Lena Placeholder"] == "members/lena.html"


# -- parallel and incremental builds ----------------------------------------------------


def test_parallel_build_links_like_a_serial_one(make_app, private_root, lab):
    app = make_app("html", srcdir=private_root("lab"), parallel=2)
    app.build()
    for page in ("publications", "members/lena", "members/morgan"):
        assert author_links(html_page(app, page)) == author_links(html_page(lab, page))
    people = [str(block) for block in html_page(app, "people").select(".sp-people-block")]
    assert people == [str(block) for block in html_page(lab, "people").select(".sp-people-block")]


def test_links_follow_member_pages_in_incremental_builds(make_app, private_root, get_warnings):
    srcdir = private_root("lab")
    builds = Builds(make_app, srcdir)
    first = builds.build()
    assert author_links(html_page(first, "publications"))["Lena Placeholder"] == "members/lena.html"

    again = builds.build()
    assert again.read_docs == set()  # nothing always out of date
    assert get_warnings(again) == ""

    lena = srcdir / "members" / "lena.md"
    original = lena.read_text(encoding="utf-8")
    builds.write(lena, "# Lena Placeholder\n\nNo card any more.\n")
    without = builds.build()
    assert without.read_docs == {"members/lena"}  # only the edited page is read...
    # ...and the pages that link to members are written again, without the link
    assert author_links(html_page(without, "publications"))["Lena Placeholder"] is None
    card = html_page(without, "people").find("strong", string="Lena Placeholder")
    assert card.find_parent("a") is None

    builds.write(lena, original)
    back = builds.build()
    assert author_links(html_page(back, "publications"))["Lena Placeholder"] == "members/lena.html"


def test_adding_a_members_own_file_rereads_the_member_page(make_app, private_root):
    srcdir = private_root("lab")
    builds = Builds(make_app, srcdir)
    builds.build()
    own = srcdir / "data" / "people" / "lena.yaml"
    builds.write(own, "name: Lena Placeholder\nheadline: Doctoral researcher\n")
    app = builds.build()
    assert "members/lena" in app.read_docs
    headline = html_page(app, "members/lena").select_one(".sp-headline")
    assert headline.get_text() == "Doctoral researcher"
