"""``sphinx-profile import``: an old academicpages, al-folio or HugoBlox site as a new one.

Each old site is a small but complete tree in the template's real shape under
``tests/import_sources/``. It is imported by the command's own entry point,
the new site built by ``sphinx-build``'s ``build_main`` with ``-W``, and the
tests read the pages as a reader would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main
from support import html_file

from sphinx_profile.cli import main
from sphinx_profile.cli.importer import detect

SOURCES = Path(__file__).parent / "import_sources"

pytestmark = pytest.mark.myst  # the new sites are MyST


def run_import(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["import", *[str(arg) for arg in args]])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def academicpages(tmp_path_factory) -> Path:
    """The academicpages tree imported and built once (html)."""
    return imported(tmp_path_factory, "academicpages")


def imported(tmp_path_factory, name: str) -> Path:
    """The tree ``import_sources/<name>`` imported and its new site built in html with -W."""
    dest = tmp_path_factory.mktemp(name) / "site"
    assert main(["import", str(SOURCES / name), str(dest)]) == 0
    status = build_main(["-W", "-q", "-b", "html", str(dest), str(dest / "_build" / "html")])
    assert status == 0
    return dest


def page(site: Path, name: str) -> BeautifulSoup:
    return html_file(site / "_build" / "html" / name)


def entries_of(soup: BeautifulSoup) -> dict[str, Any]:
    """Each publication's list item, by the anchor it carries (``pub-<id>``)."""
    return {
        target["id"]: target.find_parent("li")
        for target in soup.find_all(id=lambda value: bool(value) and value.startswith("pub-"))
    }


def text_of(site: Path, name: str) -> str:
    return text_of_html(site / "_build" / "html" / name)


def text_of_html(path: Path) -> str:
    soup = html_file(path)
    body = soup.find("div", class_="body")
    assert body is not None
    return " ".join(body.get_text(" ").split())


def test_detects_the_template():
    assert detect(SOURCES / "academicpages") == "academicpages"


def test_academicpages_about_page_keeps_its_prose_and_profile(academicpages):
    about = text_of(academicpages, "index.html")
    assert "respond to seasonal flooding" in about
    assert "I build flood models that run on a laptop." in about
    card = page(academicpages, "index.html").find(class_="sp-profile")
    assert card is not None
    card_text = card.get_text(" ")
    assert "Mira Okafor" in card_text and "PhD candidate in Hydrology" in card_text
    links = {a["href"] for a in card.find_all("a")}
    assert "https://github.com/mokafor" in links  # a username made a link
    assert "https://www.linkedin.com/in/mira-okafor" in links
    assert (academicpages / "_build/html/_images/profile.png").is_file() or any(
        img["src"].endswith("profile.png") for img in card.find_all("img")
    )
    # No Liquid or Kramdown is left in the page.
    html = (academicpages / "_build/html/index.html").read_text(encoding="utf-8")
    assert "{%" not in html and "{{" not in html and "{:" not in html


def test_academicpages_every_publication_with_venue_date_and_links(academicpages):
    entries = entries_of(page(academicpages, "publications.html"))
    gauges = entries["pub-river-gauges"].get_text(" ")
    assert "Low-cost River Gauges" in gauges and "Journal of Example Hydrology" in gauges
    assert "Mar 2021" in gauges
    assert "We show that cheap ultrasonic gauges" in gauges  # the excerpt, as the abstract
    assert "cost less than a tenth" not in gauges  # the body: the paper's own page
    assert {"paper", "slides", "bibtex"} <= {
        a.get_text() for a in entries["pub-river-gauges"].find_all("a")
    }
    maps = entries["pub-2023-flood-maps"].get_text(" ")
    assert "Tunde Bello" in maps and "2023" in maps and "ECW 2023" in maps
    assert "Rivers of the Delta" in entries["pub-delta-book"].get_text(" ")
    # The paper PDF of the old site is copied and served at the link the list shows.
    href = next(
        a["href"] for a in entries["pub-river-gauges"].find_all("a") if a.get_text() == "paper"
    )
    assert (academicpages / "_build/html" / href).read_bytes().startswith(b"%PDF")


def test_academicpages_publication_body_is_the_papers_own_page(academicpages):
    """The list (with :pages:) links each title to the paper's page, which shows the body."""
    titles = page(academicpages, "publications.html").find_all("a", class_="sp-paper-link")
    assert "publications/river-gauges.html" in {a["href"] for a in titles}
    paper = page(academicpages, "publications/river-gauges.html")
    body = paper.find("div", class_="sp-paper-body")
    assert "The gauges cost less than a tenth of a radar station." in body.get_text()
    assert body.find("em").get_text() == "Journal of Example Hydrology"
    download = body.find("a", string="Download paper here")["href"]
    pdf = (academicpages / "_build/html/publications" / download).resolve()
    assert pdf.read_bytes().startswith(b"%PDF")
    abstract = paper.find("section", class_="sp-paper-abstract").get_text()
    assert "cheap ultrasonic gauges" in abstract


@pytest.mark.parametrize(
    ("site", "entry", "old"),
    [
        ("academicpages", "2023-flood-maps", "images/500x300.png"),  # header: teaser:
        ("hugoblox", "conference-paper", "content/publications/conference-paper/featured.png"),
    ],
)
def test_publication_thumbnails_copied_and_shown(request, site, entry, old):
    built = request.getfixturevalue(site)
    item = entries_of(page(built, "publications.html"))[f"pub-{entry}"]
    image = item.find("img")
    assert image is not None and (built / "_build/html" / image["src"]).is_file()
    copied = (built / "data/previews" / f"{entry}.png").read_bytes()
    assert copied == (SOURCES / site / old).read_bytes()
    report = (built / "IMPORT.md").read_text(encoding="utf-8")
    assert f"thumbnail {old} copied to data/previews/{entry}.png" in report
    assert "key 'header' is not shown" not in report


def test_academicpages_talks_teaching_and_portfolio_present(academicpages):
    talks = text_of(academicpages, "talks.html")
    assert "Cheap Sensors, Good Forecasts" in talks and "Example Water Agency" in talks
    assert "Tutorial on Flood Models in Python" in talks and "Accra, Ghana" in talks
    teaching = text_of(academicpages, "teaching.html")
    assert "Introduction to Hydrology" in teaching and "Spring 2022" in teaching
    assert "Lagos, Nigeria" in teaching and "weekly labs and grading" in teaching
    assert "FloodBox" in text_of(academicpages, "portfolio.html")


def test_academicpages_cv_pages(academicpages):
    cv = text_of(academicpages, "cv.html")  # _pages/cv.md: prose, and the publication list
    assert "Ph.D in Hydrology" in cv and "Seasonal Flood Maps from Sparse Sensors" in cv
    cv_json = text_of(academicpages, "cv-json.html")  # _pages/cv-json.md: from _data/cv.json
    assert "Example Water Agency" in cv_json and "Flood forecasting for the delta." in cv_json
    assert "Example Institute of Technology" in cv_json


def test_academicpages_kramdown_attribute_lists_become_myst(academicpages):
    """A notice is an admonition, an aligned image an image directive, a heading id a
    target; what has no equivalent (a button, target="_blank") is named in the report."""
    about = page(academicpages, "index.html")
    note = about.find(class_="admonition")
    assert "note" in note["class"] and "I build flood models" in note.get_text()
    post = page(academicpages, "posts/field-season.html")
    warning = post.find(class_="admonition")
    assert "warning" in warning["class"] and "washed away" in warning.get_text()
    image = post.find("img", alt="The gauge at Oloibiri")
    assert "align-center" in image["class"]
    assert (academicpages / "_build/html" / "posts" / image["src"]).resolve().is_file()
    assert post.find(id="cool-headings") is not None
    links = {a.get_text(): a["href"] for a in post.find_all("a")}
    assert links["download the data"] == "https://example.org/data.zip"
    assert "{:" not in post.get_text()
    report = (academicpages / "IMPORT.md").read_text(encoding="utf-8")
    assert '{:target="_blank"} removed: links open in the same tab here' in report
    assert "{: .btn .btn--primary} removed: the button is a plain link here" in report
    assert "{: .notice--info} became a note admonition" in report


def test_academicpages_redirects_lead_to_the_new_pages(academicpages):
    html = academicpages / "_build" / "html"
    for old, target in [
        ("about/index.html", "../index.html"),
        ("about.html", "index.html"),
        ("resume.html", "cv.html"),
        ("resume-json.html", "cv-json.html"),
        ("publication/2021-03-15-river-gauges.html", "../publications/river-gauges.html"),
    ]:
        assert f'url={target}"' in (html / old).read_text(encoding="utf-8"), old
        assert (html / old).parent.joinpath(target.split("#")[0]).resolve().is_file()


def test_academicpages_prose_links_to_old_files_work(academicpages):
    links = [a["href"] for a in page(academicpages, "index.html").find_all("a")]
    thesis = next(href for href in links if href.endswith("thesis-draft.pdf"))
    assert (academicpages / "_build/html" / thesis).is_file()
    assert page(academicpages, "index.html").find("img", src=lambda src: "delta" in src)


def test_academicpages_report_lists_what_was_not_converted(academicpages):
    report = (academicpages / "IMPORT.md").read_text(encoding="utf-8")
    assert "## Not converted" in report
    assert "`_pages/404.md`" in report and "`_includes/`" in report
    assert "author.pronouns" in report  # a key the profile has no field for
    assert "markdown_generator/publications.tsv" in report


def test_importing_twice_refuses_without_force(academicpages, capsys):
    status, _out, err = run_import(capsys, SOURCES / "academicpages", academicpages)
    assert status == 1
    assert "nothing was written" in err and "--force" in err
    status, out, _err = run_import(capsys, SOURCES / "academicpages", academicpages, "--force")
    assert status == 0 and "Import from academicpages" in out


@pytest.mark.parametrize("builder", ["latex", "text"])
@pytest.mark.parametrize("site", ["academicpages", "alfolio", "hugoblox", "hugoblox_2024"])
def test_imported_sites_build_in_other_builders(request, site, builder, tmp_path, capsys):
    folder = request.getfixturevalue(site)
    status = build_main(["-W", "-q", "-b", builder, str(folder), str(tmp_path / builder)])
    assert status == 0, capsys.readouterr().err


def test_academicpages_site_keeps_its_address_sitemap_feed_and_previews(academicpages):
    """The old site's url is html_baseurl; its posts are news, so it has a feed again."""
    html = academicpages / "_build" / "html"
    sitemap = (html / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://mokafor.github.io/publications.html</loc>" in sitemap
    feed = (html / "feed.xml").read_text(encoding="utf-8")
    assert "Field season" in feed and "https://mokafor.github.io/" in feed
    assert (html / "rss.xml").is_file()
    head = page(academicpages, "index.html").head
    assert head.find("meta", property="og:url")["content"] == "https://mokafor.github.io/index.html"


def test_imported_conf_adds_reach_extensions_only_when_installed(academicpages, hugoblox_2024):
    """Without sphinx-profile[reach] installed the conf.py adds none of its extensions (the
    site still builds with -W); a site that had no address gets none of them either."""
    from unittest import mock

    def settings(site: Path, found: bool, environ: dict[str, str]) -> dict[str, Any]:
        namespace: dict[str, Any] = {"__file__": str(site / "conf.py")}
        spec = mock.patch("importlib.util.find_spec", return_value=object() if found else None)
        with spec, mock.patch.dict("os.environ", environ, clear=True):
            exec((site / "conf.py").read_text(encoding="utf-8"), namespace)
        return namespace

    full = settings(academicpages, True, {})
    assert {"sphinxext.opengraph", "sphinx_sitemap"} <= set(full["extensions"])
    assert full["profile_feed"] is True
    bare = settings(academicpages, False, {})
    assert bare["html_baseurl"] == "https://mokafor.github.io/"
    assert not {"sphinxext.opengraph", "sphinx_sitemap"} & set(bare["extensions"])
    assert bare["profile_feed"] is False
    nowhere = settings(hugoblox_2024, True, {})
    assert nowhere["html_baseurl"] == "" and "sphinx_sitemap" not in nowhere["extensions"]
    on_rtd = settings(hugoblox_2024, True, {"READTHEDOCS_CANONICAL_URL": "https://x.org/"})
    assert on_rtd["html_baseurl"] == "https://x.org/" and "sphinx_sitemap" in on_rtd["extensions"]


def test_academicpages_talks_use_the_directive(academicpages):
    assert "```{talks}" in (academicpages / "talks.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def alfolio(tmp_path_factory) -> Path:
    """The al-folio tree imported and built once (html)."""
    return imported(tmp_path_factory, "al-folio")


def test_alfolio_is_detected():
    assert detect(SOURCES / "al-folio") == "al-folio"


def test_alfolio_about_page_profile_news_and_selected_papers(alfolio):
    about = text_of(alfolio, "index.html")
    assert "light moves through crystals" in about
    card = page(alfolio, "index.html").find(class_="sp-profile")
    assert card is not None and "Lena Brandt" in card.get_text(" ")
    links = {a["href"] for a in card.find_all("a")}
    assert "https://github.com/lbrandt" in links
    assert "https://orcid.org/0000-0002-9079-593X" in links
    assert any(link.startswith("mailto:lena.brandt") for link in links)
    assert "Our shoebox laser paper was accepted." in about
    selected = entries_of(page(alfolio, "index.html"))
    assert "pub-brandt2021crystals" in selected and "pub-brandt2023shoebox" not in selected


def test_alfolio_publications_from_the_bib_with_the_pdf_copied(alfolio):
    entries = entries_of(page(alfolio, "publications.html"))
    crystals = entries["pub-brandt2021crystals"]
    assert "Physical Review" in crystals.get_text(" ") and "2021" in crystals.get_text(" ")
    pdf = next(a["href"] for a in crystals.find_all("a") if a.get_text() == "pdf")
    assert (alfolio / "_build/html" / pdf).read_bytes().startswith(b"%PDF")
    assert "A Laser in a Shoebox" in entries["pub-brandt2023shoebox"].get_text(" ")
    # _data/coauthors.yml and venues.yml, read as al-folio writes them
    weber = crystals.find("a", string="Jonas Weber")
    assert weber is not None and weber["href"] == "https://example.org/~weber"
    badge = crystals.find(string="PhysRev").find_parent("a")
    assert badge is not None and badge["href"] == "https://journals.aps.org/"
    old = alfolio / "_build/html/publications/index.html"  # the page's old address
    assert 'url=../publications.html"' in old.read_text(encoding="utf-8")


def test_alfolio_projects_listed_each_with_its_own_page(alfolio):
    listing = page(alfolio, "projects.html")
    assert "a femtosecond laser that fits in a shoebox" in listing.get_text(" ")
    link = listing.find("a", string="Shoebox laser")
    assert link is not None
    project = html_file(alfolio / "_build/html" / link["href"])
    body = project.find("div", class_="body")
    assert "The laser uses off-the-shelf parts." in body.get_text(" ")
    assert "The first prototype." in body.get_text(" ")
    figure = body.find("figure")  # {% include figure.liquid %} became a figure
    assert figure is not None and "The laser on a desk" in figure.get_text(" ")
    assert figure.find("img")["src"].endswith("12.jpg")


def test_alfolio_cv_from_its_own_cv_yml_and_report(alfolio):
    cv = text_of(alfolio, "cv.html")
    assert "Example Photonics Lab" in cv and "Example University" in cv
    report = (alfolio / "IMPORT.md").read_text(encoding="utf-8")
    assert "`_posts/2024-02-01-hello.md` → `posts/hello.md, data/news.yaml`" in report
    assert "Hello." in text_of(alfolio, "posts/hello.html")
    assert "section 'General Information' (map) is not converted" in report
    assert "section 'Open Source Projects' is not converted" in report
    assert "Postdoctoral Researcher" in cv and "Thesis on light in crystals." in cv
    assert "related_publications" in report
    assert (alfolio / "data" / "crystals.png").is_file()  # the thumbnail, where the .bib names it


@pytest.fixture(scope="module")
def hugoblox(tmp_path_factory) -> Path:
    """The HugoBlox tree (current author file, both bundle formats) imported and built once."""
    return imported(tmp_path_factory, "hugoblox")


def test_hugoblox_is_detected():
    assert detect(SOURCES / "hugoblox") == "hugoblox"


def test_hugoblox_profile_experience_and_education(hugoblox):
    about = text_of(hugoblox, "index.html")
    assert "Dr. Sam Ortiz" in about and "Research Scientist in Robotics" in about
    assert "Example Technical University" in about and "Leads the sand-walking project." in about
    people = text_of(hugoblox, "people.html")  # the other authors: the lab's people
    assert "Priya Raman" in people and "PhD Student" in people


def test_hugoblox_publications_in_both_formats(hugoblox):
    entries = entries_of(page(hugoblox, "publications.html"))
    sand = entries["pub-2015-journal-article"]
    text = sand.get_text(" ")
    assert "Walking on Sand" in text and "Journal of Example Robotics" in text
    assert "Sep 2015" in text  # from 2015-09-01T00:00:00Z
    assert "Priya Raman" in text and "*" in text  # author_notes: equal contribution
    assert {"pdf", "code"} <= {a.get_text() for a in sand.find_all("a")}
    assert "ortiz2015sand" in text  # the bundle's cite.bib is the entry's BibTeX
    dunes = entries["pub-conference-paper"]
    assert "Jul 2013" in dunes.get_text(" ") and "Example Robotics Conference" in dunes.get_text(
        " "
    )
    assert {"pdf", "dataset"} <= {a.get_text() for a in dunes.find_all("a")}
    old = hugoblox / "_build/html/publications/conference-paper/index.html"
    assert 'url=../../publications/conference-paper.html"' in old.read_text(encoding="utf-8")
    report = (hugoblox / "IMPORT.md").read_text(encoding="utf-8")
    assert (
        "- `/publications/conference-paper/` → `../../publications/conference-paper.html`" in report
    )


def test_hugoblox_base_url_is_the_new_sites_address(hugoblox):
    sitemap = (hugoblox / "_build/html/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://sortiz.example.net/publications.html</loc>" in sitemap
    report = (hugoblox / "IMPORT.md").read_text(encoding="utf-8")
    assert "`config/_default/hugo.yaml` → `conf.py`" in report


def test_hugoblox_bundle_body_is_on_the_papers_own_page(hugoblox):
    paper = page(hugoblox, "publications/2015-journal-article.html")
    body = paper.find("div", class_="sp-paper-body")
    assert "Supplementary notes can be added here" in body.get_text()
    assert body.find("a", string="code and math")["href"] == "https://example.org"


def test_hugoblox_landing_blocks_and_blog(hugoblox):
    """The blocks of content/_index.md, in their order; the blog as posts and news."""
    index = page(hugoblox, "index.html")
    headings = [h2.get_text().rstrip("¶") for h2 in index.find_all("h2")]
    assert headings[:5] == [
        "📚 My Research",
        "Featured Publications",
        "Recent News",
        "Skills & Hobbies",
        "Awards",
    ]
    about = text_of(hugoblox, "index.html")
    assert "I study how legged robots walk on sand" in about
    assert "Please reach out to collaborate" in index.find(class_="admonition").get_text()
    assert "Python" in about and "ROS" in about and "Surfing" in about  # skills
    assert "English" in about and "Spanish" in about  # languages
    assert "Best Field Robot Award" in about and "Example Robotics Summit" in about
    assert "Our robot walked a whole beach" in about  # the news list, from the blog
    featured = entries_of(index)
    assert set(featured) == {"pub-2015-journal-article"}  # featured: true only
    post = page(hugoblox, "posts/sand-robots.html")
    assert "three kilometres" in post.get_text()
    assert "gait parameters" in post.find(class_="admonition").get_text()
    # Files of static/ (Hugo serves it at the root) that the site links to are copied.
    cv = index.find(class_="sp-profile").find("a", href=lambda href: "resume" in href)
    assert (hugoblox / "_build/html" / cv["href"]).read_bytes().startswith(b"%PDF")
    gait = post.find("a", string="gait parameters")["href"]
    assert (hugoblox / "_build/html/posts" / gait).resolve().read_bytes().startswith(b"%PDF")
    report = (hugoblox / "IMPORT.md").read_text(encoding="utf-8")
    assert "block 7 (contact-info) is not converted" in report
    assert "skills is not shown" not in report and "awards is not shown" not in report


def test_hugoblox_2024_home_widgets_and_posts(hugoblox_2024):
    index = page(hugoblox_2024, "index.html")
    headings = [h2.get_text().rstrip("¶") for h2 in index.find_all("h2")]
    assert headings[:5] == [
        "The Kelp Lab",
        "Skills",
        "Experience",
        "Accomplishments",
        "Recent Posts",
    ]
    assert "We study kelp forests." in text_of(hugoblox_2024, "index.html")  # a TOML widget
    about = text_of(hugoblox_2024, "index.html")
    assert "Scuba diving" in about and "70%" in about
    assert "Scientific Diver Certificate" in about and "Example Diving Federation" in about
    assert "First dive of the season" in about and "Not yet" not in about
    post = page(hugoblox_2024, "posts/first-dive.html")
    assert (
        "Never dive alone." in post.find(class_="admonition", attrs={"class": "warning"}).get_text()
    )
    report = (hugoblox_2024 / "IMPORT.md").read_text(encoding="utf-8")
    for line in (
        "- `content/post/old-draft/index.md`\n  - draft: true",
        "- `content/home/contact.md`\n  - the widget (contact) is not converted",
    ):
        assert line in report.split("## Not converted")[1], line
    assert "its image and buttons are not shown (hero)" in report


def test_hugoblox_events_become_talks_and_report(hugoblox):
    talks = text_of(hugoblox, "talks.html")
    assert "Robots on the Beach" in talks and "Example Robotics Summit" in talks
    report = (hugoblox / "IMPORT.md").read_text(encoding="utf-8")
    assert "`content/blog/_index.md`" in report  # the blog's own page
    assert "summary is not shown" in report  # the publication's summary beside its abstract


def test_import_report_names_unshown_keys(academicpages):
    report = (academicpages / "IMPORT.md").read_text(encoding="utf-8")
    # (header: teaser: is the thumbnail now; read as :source:, it is still reported.)
    assert "author.pronouns ('she/her') is not shown: the profile has no such field" in report


READ_PAGE_RST = """\
Old lists
=========

.. publication-list::
   :source: site/_publications/

.. projects::
   :source: site/_portfolio/

.. talks::
   :source: site/_talks/
"""
READ_PAGE_MD = """\
# Old HugoBlox lists

```{publication-list}
:source: hugo/content/publications/
```
"""


@pytest.fixture
def reading_site(tmp_path) -> Path:
    """A site whose data folder holds an old academicpages site and an old HugoBlox site."""
    import shutil

    shutil.copytree(SOURCES / "academicpages", tmp_path / "data" / "site")
    shutil.copytree(SOURCES / "hugoblox", tmp_path / "data" / "hugo")
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_profile"]\nprofile_data_dir = "data"\n'
        'exclude_patterns = ["_build", "data"]\n',
        encoding="utf-8",
    )
    (tmp_path / "index.rst").write_text(
        READ_PAGE_RST + "\n.. toctree::\n\n   hugo\n", encoding="utf-8"
    )
    (tmp_path / "hugo.md").write_text(READ_PAGE_MD, encoding="utf-8")
    return tmp_path


def test_source_reads_collection_folders_with_the_same_warnings(reading_site, capsys):
    out = reading_site / "_build"
    status = build_main(["-q", "-b", "html", str(reading_site), str(out)])
    err = capsys.readouterr().err
    assert status == 0
    jekyll = entries_of(html_file(out / "index.html"))
    assert {"pub-river-gauges", "pub-2023-flood-maps", "pub-delta-book"} <= set(jekyll)
    assert "Journal of Example Hydrology" in jekyll["pub-river-gauges"].get_text(" ")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "FloodBox" in index and "Tutorial on Flood Models in Python" in index
    hugo = entries_of(html_file(out / "hugo.html"))
    assert "Dr. Sam Ortiz" in hugo["pub-conference-paper"].get_text(" ")  # `admin`, the owner
    # The warning names the Markdown file and the line of the key, as for a YAML file.
    assert "_publications/2023-flood-maps.md:11: WARNING: academicpages key 'header'" in err
    assert (
        "content/publications/2015-journal-article/index.md:" in err
        and "summary is not shown" in err
    )
    # An edit to one file of the folder is seen by the next build.
    paper = reading_site / "data/site/_publications/2024-06-01-delta-book.md"
    paper.write_text(
        paper.read_text(encoding="utf-8").replace("Field Guide", "Field Atlas"), encoding="utf-8"
    )
    assert build_main(["-q", "-b", "html", str(reading_site), str(out)]) == 0
    assert "Field Atlas" in (out / "index.html").read_text(encoding="utf-8")


def test_source_folder_entries_left_out_are_named_by_pub_references(reading_site, capsys):
    """As for a YAML file: a :pub: reference to an entry the folder left out points at the
    Markdown file and line that left it out, and says why."""
    folder = reading_site / "data/site/_publications"
    gauges = folder / "2021-03-15-river-gauges.md"
    text = gauges.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    gauges.write_text(text.replace(title + "\n", ""), encoding="utf-8")
    book = folder / "2024-06-01-delta-book.md"
    book.write_text(
        book.read_text(encoding="utf-8").replace("---\n", "---\npublished: false\n", 1),
        encoding="utf-8",
    )
    (reading_site / "hugo.md").write_text(
        READ_PAGE_MD + "\nSee {pub}`river-gauges` and {pub}`delta-book`.\n", encoding="utf-8"
    )
    status = build_main(["-q", "-b", "html", str(reading_site), str(reading_site / "_build")])
    err = capsys.readouterr().err
    assert status == 0
    assert (
        "_publications/2021-03-15-river-gauges.md:2: WARNING: the :pub: reference "
        "at hugo.md:7 names 'river-gauges', an entry left out: missing required key 'title'" in err
    )
    assert (
        "_publications/2024-06-01-delta-book.md:2: WARNING: the :pub: reference at hugo.md:7 "
        "names 'delta-book', an entry left out: published: false" in err
    )
    assert "unknown publication id" not in err


@pytest.fixture(scope="module")
def hugoblox_2024(tmp_path_factory) -> Path:
    """A HugoBlox site of 2024: content/authors/admin/, content/publication/ (singular)."""
    return imported(tmp_path_factory, "hugoblox-2024")


def test_hugoblox_2024_author_and_publication(hugoblox_2024):
    about = text_of(hugoblox_2024, "index.html")
    assert "Ines Duarte" in about and "Associate Professor of Marine Biology" in about
    assert "Example College" in about  # education.courses
    assert (hugoblox_2024 / "data" / "avatar.jpg").is_file()
    entries = entries_of(page(hugoblox_2024, "publications.html"))
    kelp = entries["pub-journal-article"]
    text = kelp.get_text(" ")
    assert "Ines Duarte" in text and "Tomás Reis" in text  # `admin` is the owner
    assert "Journal of Example Marine Science" in text and "Apr 2019" in text
    assert {"pdf", "custom link"} <= {a.get_text().lower() for a in kelp.find_all("a")}
    report = (hugoblox_2024 / "IMPORT.md").read_text(encoding="utf-8")
    assert "interests is not shown here" in report
    # The experience widget of the landing page
    assert "Leads the kelp lab." in about and "Example Marine Station" in about
    assert "company_logo is not shown here" in report and "content/home/index.md" in report


def test_academicpages_site_rebuilds_unchanged(academicpages, capsys):
    html = academicpages / "_build" / "html"
    before = (html / "publications.html").read_text(encoding="utf-8")
    status = build_main(["-W", "-q", "-b", "html", str(academicpages), str(html)])
    assert status == 0, capsys.readouterr().err
    assert (html / "publications.html").read_text(encoding="utf-8") == before
    assert (html / "about" / "index.html").is_file()  # the redirects are written again


def test_validate_checks_a_collection_folder_as_the_build_reads_it(capsys):
    status = main(["validate", str(SOURCES / "academicpages" / "_publications")])
    out = capsys.readouterr().out
    assert status == 1
    assert "_publications/2023-flood-maps.md:11:1: academicpages key 'header' is not shown" in out
    assert main(["validate", str(SOURCES / "hugoblox" / "content" / "publications")]) == 1
    assert "2015-journal-article/index.md:" in capsys.readouterr().out


def test_academicpages_generator_inputs_when_there_are_no_publication_files(tmp_path, capsys):
    """A site whose publications are only ``markdown_generator/publications.tsv`` (or a .bib)."""
    import shutil

    for name, extra in (("tsv", None), ("bib", "pubs.bib")):
        source = tmp_path / name / "old"
        shutil.copytree(SOURCES / "academicpages", source)
        shutil.rmtree(source / "_publications")
        if extra:
            (source / "markdown_generator" / "publications.tsv").unlink()
            (source / "markdown_generator" / extra).write_text(
                "@article{okafor2021gauges,\n  title={Low-cost River Gauges},\n"
                "  author={Okafor, Mira},\n  journal={Journal of Example Hydrology},\n"
                "  year={2021}\n}\n",
                encoding="utf-8",
            )
        dest = tmp_path / name / "new"
        assert main(["import", str(source), str(dest)]) == 0
        assert build_main(["-W", "-q", "-b", "html", str(dest), str(dest / "_build")]) == 0
        listing = text_of_html(dest / "_build" / "publications.html")
        assert "Low-cost River Gauges" in listing and "Journal of Example Hydrology" in listing
        assert "2021" in listing
    capsys.readouterr()


RENDERCV_CV = """\
cv:
  name: Lena Brandt
  location: Hamburg, Germany
  email: lena.brandt@example.org
  sections:
    education:
      - institution: Example University
        area: Physics
        degree: PhD
        start_date: 2015-10
        end_date: 2019-09
    experience:
      - company: Example Photonics Lab
        position: Postdoctoral Researcher
        start_date: 2019-10
        end_date: present
        highlights:
          - Built a laser that fits in a shoebox.
design:
  theme: classic
"""


def test_alfolio_rendercv_cv_yml(tmp_path, capsys):
    """Newer al-folio sites keep their CV in _data/cv.yml in RenderCV's format."""
    import shutil

    source = tmp_path / "old"
    shutil.copytree(SOURCES / "al-folio", source)
    (source / "_data" / "cv.yml").write_text(RENDERCV_CV, encoding="utf-8")
    dest = tmp_path / "new"
    assert main(["import", str(source), str(dest)]) == 0
    assert build_main(["-W", "-q", "-b", "html", str(dest), str(dest / "_build")]) == 0
    cv = text_of_html(dest / "_build" / "cv.html")
    assert "Built a laser that fits in a shoebox." in cv and "Example University" in cv
    report = (dest / "IMPORT.md").read_text(encoding="utf-8")
    assert "`_data/cv.yml` → `data/cv.yaml (RenderCV)`" in report
    assert "`assets/json/resume.json`" in report  # not used: the CV is cv.yml
    capsys.readouterr()
