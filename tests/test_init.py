"""``sphinx-profile init``: a new site, personal or ``--lab``, that builds with ``-W`` as made.

Each site is made in a temporary folder by the command's own entry point and
built in-process by ``sphinx-build``'s ``build_main`` with ``-W``, as a user would.
"""

from __future__ import annotations

import json
import posixpath
import re
import runpy
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml
from sphinx.cmd.build import build_main
from support import REPO, html_file

from sphinx_profile.cli import main
from sphinx_profile.cli.init import site_files
from sphinx_profile.data.models import RECORD_MODELS

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def init(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["init", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module", params=["personal", "lab"])
def site(request, tmp_path_factory) -> Path:
    """A new site of each layout (made once per module)."""
    folder = tmp_path_factory.mktemp(request.param) / "site"
    args = ["init", str(folder)] + (["--lab"] if request.param == "lab" else [])
    assert main(args) == 0
    return folder


@pytest.mark.myst  # the generated pages are MyST
@pytest.mark.parametrize("builder", ["html", "latex", "text"])
def test_new_site_builds_with_dash_w(site, builder, tmp_path, capsys):
    status = build_main(["-W", "--keep-going", "-b", builder, str(site), str(tmp_path / builder)])
    assert status == 0, capsys.readouterr().err


@pytest.mark.myst  # the generated pages are MyST
def test_personal_site_has_a_cv_that_latex_makes_a_howto_document(tmp_path, capsys):
    status, _out, err = init(capsys, str(tmp_path / "site"))
    assert status == 0, err
    site = tmp_path / "site"
    assert "```{cv}" in (site / "cv.md").read_text(encoding="utf-8")
    out = tmp_path / "latex"
    assert build_main(["-W", "-q", "-b", "latex", str(site), str(out)]) == 0, capsys.readouterr()
    tex = (out / "cv.tex").read_text(encoding="utf-8")
    assert r"{sphinxhowto}" in tex and r"\sphinxmaketitle" not in tex
    assert r"\sphinxtableofcontents" not in tex
    # every section of the example data, under its heading
    for heading in ("Education", "Experience", "Publications", "Talks", "Teaching", "Awards"):
        assert rf"\section*{{{heading}}}" in tex
    assert r"\section*{Service}" in tex and r"\section*{Skills}" in tex
    assert "Reviewer}, Example Conference" in tex and "2023, 2024" in tex


@pytest.mark.myst  # the generated pages are MyST
def test_personal_about_page_uses_every_directive(tmp_path, capsys):
    status, _out, err = init(capsys, str(tmp_path))
    assert status == 0, err
    about = (tmp_path / "index.md").read_text(encoding="utf-8")
    used = set(re.findall(r"^```\{([\w-]+)\}", about, flags=re.MULTILINE))
    assert used >= {
        "profile",
        "news",
        "publication-list",
        "projects",
        "experience",
        "education",
        "people",
    }
    assert build_main(["-W", "-q", "-b", "html", str(tmp_path), str(tmp_path / "_build")]) == 0
    soup = html_file(tmp_path / "_build" / "index.html")
    assert soup.select_one(".sp-profile-name").get_text() == "Jane Doe"
    assert soup.select_one("img.sp-avatar")
    assert [t.get_text(strip=True) for t in soup.select(".sp-pub-title")] == [
        "Making Things Fast",
        "Making Things Small",
    ]
    assert soup.select(".sp-experience li") and soup.select(".sp-education li")


@pytest.mark.myst  # the generated pages are MyST
def test_personal_site_reads_as_a_homepage(tmp_path, capsys):
    """The card in the sidebar of the other pages, the pages in the top bar, no search
    box, no "Show source" or "Powered by", and the data folder holds only data."""
    status, _out, err = init(capsys, str(tmp_path))
    assert status == 0, err
    assert not list((tmp_path / "data").rglob("*.json"))
    assert sorted(p.name for p in (tmp_path / ".schemas").iterdir()) == sorted(
        f"{kind}.schema.json" for kind in RECORD_MODELS
    )
    assert build_main(["-W", "-q", "-b", "html", str(tmp_path), str(tmp_path / "_build")]) == 0
    build = tmp_path / "_build"
    publications = html_file(build / "publications.html")
    card = publications.select_one("#pst-primary-sidebar .sp-sidebar-card")
    assert card is not None and "Jane Doe" in card.get_text()
    assert card.select("ul.sp-profile-links svg.sp-icon")
    navigation = [a.get_text(strip=True) for a in publications.select(".navbar-nav a")]
    assert "Publications" in navigation
    text = publications.get_text(" ", strip=True)
    assert "Show Source" not in text and "Sphinx" not in text
    # pydata keeps a hidden search dialog; no button or field opens it
    assert not publications.select("button.search-button, button.search-button-field")
    index = html_file(build / "index.html")
    # The compact line links its badge rather than repeating it: "arXiv | paper", never
    # "arXiv | arXiv".
    for meta in index.select(".sp-compact .sp-pub-meta"):
        words = [part.strip() for part in meta.get_text().split("|")]
        assert len(words) == len(set(words)), words
    badge_link = index.select_one(".sp-compact a.sp-badge-link")
    assert badge_link is not None and badge_link["href"].startswith("https://arxiv.org/abs/")


@pytest.mark.myst  # the generated pages are MyST
def test_lab_site_has_people_and_member_pages(tmp_path, capsys):
    status, _out, err = init(capsys, str(tmp_path), "--lab")
    assert status == 0, err
    assert build_main(["-W", "-q", "-b", "html", str(tmp_path), str(tmp_path / "_build")]) == 0
    build = tmp_path / "_build"
    people = html_file(build / "people.html")
    headings = [h.get_text() for h in people.select(".sp-group-heading")]
    assert headings == ["PI", "PhD student", "MS student"]
    names = {p.get_text(strip=True): p.a for p in people.select(".sp-person-name")}
    assert names["Jane Doe"]["href"] == "members/jane.html"
    assert names["Sam Student"]["href"] == "members/sam.html"
    assert "Alex Graduate" in people.select(".sp-people-block")[1].get_text()
    # A member without a photo gets a placeholder in the card's place for it.
    cards = people.select("li.sp-person")
    assert all(card.select("img.sp-person-photo, .sp-person-placeholder svg") for card in cards)
    sam = html_file(build / "members" / "sam.html")
    assert [t.get_text(strip=True) for t in sam.select(".sp-pub-title")] == ["Making Things Fast"]
    assert [me.get_text() for me in sam.select(".sp-me")] == ["Sam Student"]
    jane = html_file(build / "members" / "jane.html")
    assert "head of the Example Lab" in jane.select_one(".sp-headline").get_text()
    assert len(jane.select(".sp-pub-title")) == 2  # "J. Doe" is one of her aliases


@pytest.mark.parametrize("layout", ["personal", "lab"])
def test_site_files_for_read_the_docs(layout):
    files = {file.path: file.content.decode("utf-8") for file in site_files(layout)}
    config = yaml.safe_load(files[".readthedocs.yaml"])
    assert config["version"] == 2
    assert config["sphinx"] == {"configuration": "conf.py", "fail_on_warning": True}
    assert config["python"]["install"] == [{"requirements": "requirements.txt"}]
    assert re.search(r"^sphinx-profile\[myst,reach\] @ \S+", files["requirements.txt"], re.M)
    assert "READTHEDOCS_CANONICAL_URL" in files["conf.py"]


@pytest.mark.parametrize("layout", ["personal", "lab"])
def test_github_pages_workflow_builds_with_dash_w_uploads_and_deploys(layout):
    files = {file.path: file.content.decode("utf-8") for file in site_files(layout)}
    workflow = yaml.safe_load(files[".github/workflows/pages.yml"])
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build]
    runs = [step.get("run", "") for step in build]
    assert "python -m pip install -r requirements.txt" in runs
    [sphinx] = [step for step in build if step.get("run", "").startswith("sphinx-build")]
    assert sphinx["run"] == "sphinx-build -W -b html . _build/html"
    assert sphinx["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert uses.index("actions/configure-pages") < runs.index(sphinx["run"])
    upload = build[uses.index("actions/upload-pages-artifact")]
    assert upload["with"]["path"] == "_build/html"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    # conf.py takes the address the workflow gives.
    assert 'os.environ.get("SITE_URL")' in files["conf.py"]


def test_requirement_names_where_sphinx_profile_came_from():
    from sphinx_profile.cli.source import requirement_lines

    git = {
        "url": "https://github.com/sphinx-profile/sphinx-profile",
        "vcs_info": {"vcs": "git", "commit_id": "0123abc", "requested_revision": "main"},
    }
    assert requirement_lines(git, "1.2.0") == (
        "sphinx-profile[myst,reach] @ git+https://github.com/sphinx-profile/sphinx-profile@0123abc"
    )
    folder = requirement_lines({"url": "file:///home/me/sphinx-profile", "dir_info": {}}, "1.2.0")
    *comments, line = folder.splitlines()
    assert line == "sphinx-profile[myst,reach] @ file:///home/me/sphinx-profile"
    assert all(comment.startswith("#") for comment in comments)
    assert "works on this computer ONLY" in folder
    assert (
        "#   sphinx-profile[myst,reach] @ git+https://github.com/sphinx-profile/sphinx-profile"
        in folder
    )
    assert requirement_lines({}, "1.2.0") == "sphinx-profile[myst,reach] >= 1.2.0"


@pytest.mark.myst
def test_new_site_has_feed_sitemap_and_link_previews(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("READTHEDOCS_CANONICAL_URL", raising=False)
    monkeypatch.setenv("SITE_URL", "https://jane.example.org/site/")
    status, _out, err = init(capsys, str(tmp_path))
    assert status == 0, err
    out = tmp_path / "_build"
    assert build_main(["-W", "-q", "-b", "html", str(tmp_path), str(out)]) == 0
    from defusedxml import ElementTree

    atom = ElementTree.parse(out / "feed.xml").getroot()
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    assert entries and all(
        entry.find("{http://www.w3.org/2005/Atom}link").get("href")
        == "https://jane.example.org/site/index.html"
        for entry in entries
    )
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://jane.example.org/site/publications.html</loc>" in sitemap
    head = html_file(out / "index.html").head
    image = head.find("meta", property="og:image")
    assert image["content"].startswith("https://jane.example.org/site/_images/avatar")
    assert head.find("meta", property="og:description")["content"]
    # The shared files: totals under the card, badges that link, co-authors linked.
    index = html_file(out / "index.html")
    metrics = index.select_one(".sp-metrics").get_text(" ", strip=True)
    assert metrics == "Papers: 2 | Citations: 15 | h-index: 2 | i10-index: 1"
    page = html_file(out / "publications.html")
    assert [badge.get_text() for badge in page.select(".sp-citations")] == [
        "Cited by 12",
        "Cited by 3",
    ]
    assert page.select_one(".sp-venue a")["href"] == "https://ice.example.org/"
    advisor = {a["href"] for a in page.select("a.sp-coauthor") if a.get_text() == "Ann Advisor"}
    assert advisor == {"https://ann-advisor.example.org/"}


@pytest.mark.parametrize("layout", ["personal", "lab"])
def test_every_example_data_file_names_its_schema_and_follows_it(layout, tmp_path):
    files = {file.path: file.content for file in site_files(layout)}
    data_files = [path for path in files if path.startswith("data/") and path.endswith(".yaml")]
    assert data_files
    for path in data_files:
        text = files[path].decode("utf-8")
        match = SCHEMA_LINE.match(text.splitlines()[0])
        assert match, f"{path} does not start with a yaml-language-server line"
        schema_path = posixpath.normpath(posixpath.join(posixpath.dirname(path), match.group(1)))
        assert schema_path in files, f"{path}: no {schema_path}"
        schema = json.loads(files[schema_path])
        jsonschema.validate(yaml.safe_load(text), schema)


def test_the_validate_command_finds_no_problem(tmp_path, capsys, monkeypatch):
    for layout in ("personal", "lab"):
        folder = tmp_path / layout
        assert init(capsys, str(folder), *(["--lab"] if layout == "lab" else []))[0] == 0
        monkeypatch.chdir(folder)
        assert main(["validate", "data"]) == 0, capsys.readouterr()


def test_next_steps_suggest_live_preview(tmp_path, capsys):
    status, out, err = init(capsys, str(tmp_path / "new"))
    assert status == 0
    assert "sphinx-autobuild . _build/html" in out
    assert "pip install -r requirements.txt" in out
    assert err == ""


def test_refuses_to_overwrite_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "conf.py").write_text("project = 'mine'\n", encoding="utf-8")
    status, _out, err = init(capsys, str(tmp_path))
    assert status == 1
    assert "already has conf.py; nothing was written" in err
    assert "--force" in err
    assert (tmp_path / "conf.py").read_text(encoding="utf-8") == "project = 'mine'\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["conf.py"]


def test_a_second_init_is_refused_then_forced(tmp_path, capsys):
    assert init(capsys, str(tmp_path))[0] == 0
    profile = tmp_path / "data" / "profile.yaml"
    profile.write_text("name: Someone Else\n", encoding="utf-8")
    status, _out, err = init(capsys, str(tmp_path), "--lab")
    assert status == 1
    assert "and " in err and " more" in err  # a long list is cut short
    assert profile.read_text(encoding="utf-8") == "name: Someone Else\n"
    assert not (tmp_path / "people.md").exists()
    status, _out, err = init(capsys, str(tmp_path), "--force")
    assert status == 0
    assert profile.read_text(encoding="utf-8").startswith("# yaml-language-server:")


# -- this repository on Read the Docs ----------------------------------------------------


def test_repository_read_the_docs_config():
    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert config["build"]["tools"]["python"] == "3.11"
    assert config["sphinx"]["fail_on_warning"] is True
    assert (REPO / config["sphinx"]["configuration"]).is_file()
    [install] = config["python"]["install"]
    assert install == {"method": "pip", "path": ".", "extra_requirements": ["docs"]}
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "docs" in project["project"]["optional-dependencies"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # Built elsewhere: the address of the published demo (the sitemap needs one).
        (None, "https://sphinx-profile.readthedocs.io/en/latest/"),
        ("https://sphinx-profile.readthedocs.io/en/stable/", None),
    ],
)
def test_docs_base_url_comes_from_read_the_docs(url, expected, monkeypatch):
    if url is None:
        monkeypatch.delenv("READTHEDOCS_CANONICAL_URL", raising=False)
    else:
        monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", url)
    monkeypatch.setattr(sys, "path", list(sys.path))  # conf.py adds its _ext folder
    settings = runpy.run_path(str(REPO / "docs" / "conf.py"))
    assert settings.get("html_baseurl") == (expected or url)
    assert settings.get("ogp_site_url") == settings.get("html_baseurl")
