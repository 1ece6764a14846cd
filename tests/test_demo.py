"""The demo site: the seed's About page rebuilt from ``data/`` by the directives.

The site in ``docs/`` (with its data in ``../data``) is copied to a temporary folder and
built with warnings as errors, then the landing page is checked against the original
page: every link, the sections in order, the topic groups, badges, roles and dates.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from support import copy_demo, html_page

# Every link of the original About page, in the order of the page.
SEED_URLS = [
    "https://www.comp.nus.edu.sg/~youy/",
    "https://xwcv.github.io/",
    "https://pika.art/about",
    "https://cs.stanford.edu/~chenlin/",
    "https://github.com/hpcaitech/ColossalAI",
    "https://fangjiarui.github.io/",
    "https://github.com/NUS-HPC-AI-Lab/VideoSys",
    "https://github.com/hpcaitech/ColossalAI/graphs/contributors",
    "https://oahzxl.github.io/publications/",
    "https://arxiv.org/abs/2408.12588",
    "https://oahzxl.github.io/PAB/",
    "https://oahzxl.github.io/DCP/",
    "https://arxiv.org/abs/2403.10266",
    "https://arxiv.org/abs/2401.10652",
    "https://github.com/hpcaitech/ColossalAI/tree/main/colossalai/autochunk",
    "https://arxiv.org/abs/2403.01164",
    "https://dl.acm.org/doi/10.1145/3627535.3638465",
    "https://github.com/hpcaitech/FastFold",
    "https://franklee.xyz/",
]
# The original's list of all publications is the demo's own Publications page.
REPLACED_URLS = {"https://oahzxl.github.io/publications/": "publications.html"}

SECTIONS = [
    "Research",
    "Open-Source Projects",
    "Selected Publications",
    "Experience",
    "Education",
]
TOPICS = [
    "Acceleration for Video Models",
    "System for Low Memory Cost",
    "System for Machine Learning & Science",
]
# (title, badge, role) of the selected publications, in the original's order
PUBLICATIONS = [
    ("Real-Time Video Generation with Pyramid Attention Broadcast", "arXiv", "first author"),
    ("Training Variable Sequences with Data-Centric Parallel", "arXiv", "co-first author"),
    (
        "DSP: Dynamic Sequence Parallelism for Multi-Dimensional Transformers",
        "arXiv",
        "first author",
    ),
    (
        "AutoChunk: Automated Activation Chunk for Memory-Efficient Long Sequence Inference",
        "ICLR 2024",
        "first author",
    ),
    (
        "HeteGen: Heterogeneous Parallel Inference for Large Language Models on "
        "Resource-Constrained Devices",
        "MLSys 2024",
        "first author",
    ),
    (
        "FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters",
        "PPoPP 2024",
        "second author",
    ),
]
DATE_RANGES = ["2022.07 - 2023.12", "2024.01 - now", "2022.08 - 2023.12", "2018.09 - 2022.06"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    root = tmp_path_factory.mktemp("demo")
    app = SphinxTestApp(
        "html",
        srcdir=copy_demo(root),
        builddir=root / "build",
        warningiserror=True,
        # keep the demo's own theme (the test app would otherwise swap in 'basic')
        confoverrides={"html_theme": "pydata_sphinx_theme"},
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture(scope="module")
def index(demo) -> BeautifulSoup:
    return html_page(demo, "index")


@pytest.fixture(scope="module")
def body(index) -> BeautifulSoup:
    main = index.select_one("div.body") or index.select_one("[role=main]")
    assert main is not None
    return main


def test_demo_builds_with_warnings_as_errors(demo, get_warnings):
    assert get_warnings(demo) == ""
    assert demo.statuscode == 0
    for page in ("index", "publications", "news", "guide/index", "guide/directives"):
        assert (demo.outdir / f"{page}.html").is_file()


@pytest.mark.parametrize("url", SEED_URLS)
def test_every_seed_link_is_on_the_landing_page(body, url):
    hrefs = [a["href"] for a in body.find_all("a", href=True)]
    assert REPLACED_URLS.get(url, url) in hrefs


def test_all_publications_link_points_at_the_publications_page(body, demo):
    heading = next(h for h in body.find_all("h2") if "Selected Publications" in h.get_text())
    link = heading.find("a", href=True)
    assert link is not None
    assert link.get_text() == "all"
    assert link["href"] == "publications.html"
    assert (demo.outdir / "publications.html").is_file()


def test_sections_in_the_seed_order(body):
    # the heading link: ¶ in most themes, # in pydata-sphinx-theme
    headings = [h.get_text(" ", strip=True).rstrip("¶#").strip() for h in body.find_all("h2")]
    assert [h for h in headings if any(h.startswith(s) for s in SECTIONS)] == [
        "Research",
        "Open-Source Projects",
        "Selected Publications ( all )",
        "Experience",
        "Education",
    ]


def test_prose_of_the_seed_is_there(body):
    text = body.get_text(" ", strip=True)
    assert "Hi! I am a first-year PhD student in Computer Science" in text
    assert "summer research internship in 2025" in text
    assert "efficient and scalable machine learning" in text


def test_profile_card(body):
    card = body.select_one(".sp-profile")
    assert card is not None
    text = card.get_text(" ", strip=True)
    assert "Xuanlei Zhao" in text
    assert "PhD student" in text
    assert "National University of Singapore" in text
    assert card.select_one("img.sp-avatar") is not None


def test_topic_groups_in_order_with_compact_entries(body):
    block = body.select_one("div.sp-publications-block")
    headings = [h.get_text(strip=True) for h in block.select(".sp-group-heading")]
    assert headings == TOPICS
    assert {h.name for h in block.select(".sp-group-heading")} == {"h3"}  # below the h2
    lists = block.select("ul.sp-publications")
    assert all("sp-compact" in ul["class"] for ul in lists)
    titles = [
        [li.select_one(".sp-pub-title").get_text(strip=True) for li in ul.select("li.sp-pub")]
        for ul in lists
    ]
    expected = [title for title, _, _ in PUBLICATIONS]
    assert titles == [expected[:3], expected[3:5], expected[5:]]


@pytest.mark.parametrize(("title", "badge", "role"), PUBLICATIONS, ids=lambda v: str(v)[:20])
def test_each_publication_has_badge_role_and_links(body, title, badge, role):
    entry = next(
        li
        for li in body.select("li.sp-pub")
        if li.select_one(".sp-pub-title").get_text(strip=True) == title
    )
    meta = entry.select_one(".sp-pub-meta")
    assert meta.select_one("span.sp-badge").get_text(strip=True) == badge
    assert meta.select_one(".sp-role").get_text(strip=True) == role
    assert meta.find("a", href=True) is not None


def test_badges(body):
    badges = [span.get_text(strip=True) for span in body.select("span.sp-badge")]
    for badge in ("arXiv", "ICLR 2024", "MLSys 2024", "PPoPP 2024"):
        assert badge in badges


def test_date_ranges(body):
    text = body.get_text(" ", strip=True)
    for dates in DATE_RANGES:
        assert dates in text


def test_experience_in_order(body):
    items = body.select("ul.sp-experience > li")
    assert [li.select_one(".sp-entry-title").get_text(strip=True) for li in items] == [
        "Pika",
        "Colossal-AI",
    ]
    colossal = items[1].get_text(" ", strip=True)
    assert "Research Engineer Intern" in colossal
    assert "Jiarui Fang" in colossal
    assert "Shenggui Li" in colossal
    assert colossal.endswith("2022.07 - 2023.12")


def test_education_groups_nus_degrees(body):
    items = body.select("ul.sp-education > li")
    assert [li.select_one(".sp-entry-title").get_text(strip=True) for li in items] == [
        "National University of Singapore",
        "Huazhong University of Science and Technology",
    ]
    nus = items[0].get_text(" ", strip=True)
    order = [
        "Ph.D. in Computer Science",
        "2024.01 - now",
        "M.S. in Computer Science",
        "2022.08 - 2023.12",
    ]
    assert [nus.index(part) for part in order] == sorted(nus.index(part) for part in order)
    assert "B.S. in Computer Science & Electronic Information" in items[1].get_text()
    assert "2018.09 - 2022.06" in items[1].get_text()


def test_page_content_follows_the_seed_order(body):
    text = body.get_text(" ", strip=True)
    landmarks = [
        "Hi! I am",
        "Research",
        "VideoSys",
        "Selected Publications",
        *TOPICS,
        "FastFold",
        "Experience",
        "Pika",
        "Colossal-AI",
        "Education",
        "National University of Singapore",
        "Huazhong University",
    ]
    positions = []
    start = 0
    for landmark in landmarks:
        position = text.find(landmark, start)
        assert position >= 0, f"{landmark!r} is missing or out of order"
        positions.append(position)
        start = position
    assert positions == sorted(positions)


def test_publications_page_groups_by_year(demo):
    page = html_page(demo, "publications")
    headings = [h.get_text(strip=True) for h in page.select(".sp-group-heading")]
    assert headings == ["2024"]
    assert len(page.select("li.sp-pub")) == len(PUBLICATIONS)
    assert all("sp-full" in ul["class"] for ul in page.select("ul.sp-publications"))


# -- a homepage, and the guide a site of its own ------------------------------------------


def test_every_other_page_has_the_card_in_its_sidebar(demo):
    for name in ("publications", "news"):
        card = html_page(demo, name).select_one("#pst-primary-sidebar .sp-sidebar-card")
        assert card is not None, name
        assert "Xuanlei Zhao" in card.get_text() and card.select_one("img.sp-avatar")
    # the landing page and the CV show the card in their body, once
    for name in ("index", "cv"):
        assert html_page(demo, name).select(".sp-sidebar-card") == []


def test_the_homepage_reads_as_a_homepage(demo):
    publications = html_page(demo, "publications")
    navigation = [
        a.get_text(strip=True) for a in publications.select("header .bd-navbar-elements a")
    ]
    assert navigation == ["Publications", "Curriculum Vitae", "News"]
    text = publications.get_text(" ", strip=True)
    for documentation in ("Show Source", "Powered by", "User guide", "Lab demo"):
        assert documentation not in text
    assert not publications.select("button.search-button, button.search-button-field")
    # the guide and the lab demo are linked from the footer, as what they are
    footer = {a.get_text(strip=True): a["href"] for a in publications.select("footer a")}
    assert footer["user guide"] == "guide/index.html"
    assert footer["lab demo"] == "lab/index.html"


def test_the_guide_is_a_site_of_its_own(demo):
    guide = html_page(demo, "guide/index")
    assert guide.title.get_text().endswith("sphinx-profile user guide")
    assert "Xuanlei Zhao" not in guide.select_one("div.sphinxsidebar").get_text()
    assert not guide.select(".sp-sidebar-card")
    directives = html_page(demo, "guide/directives")
    assert "sphinx-profile" in directives.select_one("div.sphinxsidebar").get_text()
    # the lab demo is the fictional lab's site, in the demo's theme
    lab = html_page(demo, "lab/people")
    assert lab.title.get_text().endswith("Example Lab")
    assert lab.select("li.sp-person") and not lab.select(".sp-sidebar-card")
