"""JSON-LD in the head of HTML pages: a ProfilePage, its Person, the publications.

The graph is parsed out of the built HTML and every node is checked against
the schema.org terms it may use (``support.check_node``, whose tables list them).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from support import Builds, build_site, by_type, check_node, graphs_of, only_graph, root_build

from sphinx_profile.data.models import Education, Experience, Profile, Publication
from sphinx_profile.metadata import jsonld

BASE = "https://example.org/site/"
PERSON_ID = f"{BASE}index.html#person"


def read(app, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


seo_app = root_build("seo")


# -- the pages of a site --------------------------------------------------------------


def test_profile_page_holds_the_person_with_roles_and_credentials(seo_app, get_warnings):
    assert get_warnings(seo_app) == ""
    graph = only_graph(read(seo_app, "index.html"))
    for node in graph:
        check_node(node)
    (page,) = by_type(graph, "ProfilePage")
    assert page["@id"] == page["url"] == f"{BASE}index.html"
    assert page["mainEntity"] == {"@id": PERSON_ID}
    (person,) = by_type(graph, "Person")
    assert person["@id"] == PERSON_ID
    assert person["name"] == "Ada Lovelace"
    assert person["image"] == f"{BASE}_images/avatar.svg"
    assert person["jobTitle"] == "Research Scientist"
    assert person["affiliation"] == {
        "@type": "Organization",
        "name": "Analytical Engine Laboratory",
    }
    assert person["identifier"] == [
        {
            "@type": "PropertyValue",
            "propertyID": "ORCID",
            "value": "0000-0002-1825-0097",
            "url": "https://orcid.org/0000-0002-1825-0097",
        }
    ]
    assert "https://github.com/ada-example" in person["sameAs"]
    current, past = person["worksFor"]
    assert current["worksFor"]["name"] == "Analytical Engine Laboratory"
    assert current["roleName"] == "Research Scientist"
    assert current["startDate"] == "2022-07"
    assert "endDate" not in current  # "present"
    assert (past["startDate"], past["endDate"]) == ("2020-01", "2021-06")
    phd = person["alumniOf"][0]
    assert phd["alumniOf"]["@type"] == "EducationalOrganization"
    assert phd["alumniOf"]["name"] == "University of London"
    assert (phd["startDate"], phd["endDate"]) == ("2017-09", "2021-06")
    credentials = {item["educationalLevel"]: item for item in person["hasCredential"]}
    assert set(credentials) == {"Ph.D.", "B.Sc."}
    assert credentials["Ph.D."]["credentialCategory"] == "degree"
    assert credentials["Ph.D."]["recognizedBy"]["name"] == "University of London"


def test_listed_publications_are_works_with_the_person_as_author(seo_app):
    graph = only_graph(read(seo_app, "publications.html"))  # a MyST page
    for node in graph:
        check_node(node)
    works = {node["name"]: node for node in by_type(graph, "ScholarlyArticle")}
    assert len(works) == 3
    engine = works["Sketch of the Analytical Engine"]
    assert engine["@id"] == f"{BASE}publications.html#pub-engine"
    assert engine["author"] == [{"@id": PERSON_ID}, {"@type": "Person", "name": "Charles Babbage"}]
    assert engine["datePublished"] == "2023-09-14"
    assert engine["isPartOf"] == {"@type": "Periodical", "name": "Scientific Memoirs"}
    assert {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1000/engine.1843"} in (
        engine["identifier"]
    )
    assert engine["url"] == f"{BASE}publications/engine.html"  # its own page
    assert "https://doi.org/10.1000/engine.1843" in engine["sameAs"]
    bernoulli = works["Computing Bernoulli Numbers"]
    assert bernoulli["author"][0] == {"@id": PERSON_ID}  # an alias of the person
    assert bernoulli["publication"]["@type"] == "PublicationEvent"
    assert bernoulli["datePublished"] == "2024-05"
    # The person is described on the profile page; here it is named with the same @id.
    (person,) = by_type(graph, "Person")
    assert person == {
        "@type": "Person",
        "@id": PERSON_ID,
        "name": "Ada Lovelace",
        "url": f"{BASE}index.html",
    }


def test_a_publication_has_the_same_id_on_every_page(seo_app):
    def ids(page: str) -> dict[str, str]:
        graph = only_graph(read(seo_app, page))
        return {node["name"]: node["@id"] for node in by_type(graph, "ScholarlyArticle")}

    on_index, on_list = ids("index.html"), ids("publications.html")
    on_paper_page = ids("publications/engine.html")
    title = "Sketch of the Analytical Engine"
    assert on_index[title] == on_list[title] == on_paper_page[title]


def test_a_hostile_title_cannot_close_the_script(seo_app):
    html = read(seo_app, "publications.html")
    raw = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(raw) == 1  # the title's </script> did not end the element early
    assert "<" not in raw[0] and ">" not in raw[0] and "&" not in raw[0]
    assert "\\u003c/script\\u003e" in raw[0]
    names = {node["name"] for node in by_type(only_graph(html), "ScholarlyArticle")}
    # <b> (of the titles' inline HTML subset) is markup on the page, gone from the data
    assert '</script><script>alert("x")</script> & "Quotes"' in names


def test_a_page_of_other_peoples_work_does_not_name_the_person(seo_app):
    graph = only_graph(read(seo_app, "publications/hostile-1.html"))
    assert [node["@type"] for node in graph] == ["ScholarlyArticle"]
    graph = only_graph(read(seo_app, "publications/engine.html"))
    assert [node["@type"] for node in graph] == ["Person", "ScholarlyArticle"]


def test_pages_without_the_directives_have_no_json_ld(seo_app):
    assert graphs_of(read(seo_app, "plain.html")) == []
    assert graphs_of(read(seo_app, "genindex.html")) == []


def test_profile_jsonld_false_turns_it_off(built_root):
    app = built_root("seo", "html", confoverrides={"profile_jsonld": False})
    for page in ("index.html", "publications.html", "publications/engine.html"):
        assert "application/ld+json" not in read(app, page)
    # the per-paper pages and their Highwire tags do not depend on it
    assert 'name="citation_title"' in read(app, "publications/engine.html")


def test_without_html_baseurl_the_urls_are_relative(built_root):
    app = built_root("seo", "html", confoverrides={"html_baseurl": ""})
    graph = only_graph(read(app, "publications/engine.html"))
    (work,) = by_type(graph, "ScholarlyArticle")
    assert work["@id"] == "../publications.html#pub-engine"
    assert work["url"] == "engine.html"
    assert work["author"][0] == {"@id": "../index.html#person"}
    (person,) = by_type(only_graph(read(app, "index.html")), "Person")
    assert person["@id"] == "index.html#person"
    assert person["image"] == "_images/avatar.svg"


def test_ids_are_stable_across_rebuilds(make_app, private_root):
    srcdir = private_root("seo")
    builds = Builds(make_app, srcdir)

    def build() -> dict[str, list[str]]:
        app = builds.build()
        return {
            page: sorted(node["@id"] for node in only_graph(read(app, page)))
            for page in ("index.html", "publications.html")
        }

    first = build()
    publications = srcdir / "data" / "publications.yaml"
    builds.write(
        publications, publications.read_text(encoding="utf-8").replace("weaves", "still weaves")
    )
    assert build() == first


def test_editing_experience_updates_the_person_without_rereading(make_app, private_root):
    srcdir = private_root("seo")
    builds = Builds(make_app, srcdir)
    builds.build()
    experience = srcdir / "data" / "experience.yaml"
    builds.write(experience, experience.read_text(encoding="utf-8").replace("Intern", "Apprentice"))
    app = builds.build()
    assert app.read_docs == set()
    (person,) = by_type(only_graph(read(app, "index.html")), "Person")
    assert [role.get("roleName") for role in person["worksFor"]] == [
        "Research Scientist",
        "Apprentice",
    ]


# -- the graph from the models, without Sphinx -----------------------------------------


def test_only_finished_degrees_are_credentials():
    education = [
        Education(institution="U", degree="PhD", start="2022", end="present"),
        Education(institution="U", degree="MSc", start="2020", end="2026-06"),
        Education(institution="U", degree="BSc", start="2016", end="2020"),
    ]
    person = jsonld.person_node(
        Profile(name="A"),
        node_id="#p",
        url="/",
        education=education,
        today=_dt.date(2025, 1, 1),
    )
    assert [item["educationalLevel"] for item in person["hasCredential"]] == ["BSc"]
    assert [role.get("endDate") for role in person["alumniOf"]] == [None, "2026-06", "2020"]


def test_experience_without_dates_is_a_role_without_dates():
    person = jsonld.person_node(
        Profile(name="A"), node_id="#p", url="/", experience=[Experience(organization="Pika")]
    )
    assert person["worksFor"] == [
        {"@type": "Role", "worksFor": {"@type": "Organization", "name": "Pika"}}
    ]


@pytest.mark.parametrize(
    ("kind", "expected_type", "venue_property", "venue_type"),
    [
        ("journal", "ScholarlyArticle", "isPartOf", "Periodical"),
        ("conference", "ScholarlyArticle", "publication", "PublicationEvent"),
        ("preprint", "ScholarlyArticle", "publisher", "Organization"),
        ("chapter", "Chapter", "isPartOf", "Book"),
        ("thesis", "Thesis", "publisher", "Organization"),
        ("software", "SoftwareSourceCode", "publisher", "Organization"),
    ],
)
def test_works_by_publication_type(kind, expected_type, venue_property, venue_type):
    publication = Publication(id="x", title="T", authors=["Me", "You"], venue="V", type=kind)
    node = jsonld.work_node(
        publication,
        node_id="#x",
        url=None,
        person_id="#me",
        is_person=lambda name: name == "Me",
    )
    check_node(node)
    assert node["@type"] == expected_type
    assert node[venue_property] == {"@type": venue_type, "name": "V"}
    assert node["author"] == [{"@id": "#me"}, {"@type": "Person", "name": "You"}]


def test_script_json_escapes_markup_and_round_trips():
    data = {"name": "</script><!-- & -->"}
    text = jsonld.to_script_json(data)
    assert not set("<>&") & set(text)
    assert json.loads(text) == data


def test_parallel_build_gives_the_same_metadata(make_app, private_root):
    srcdir = private_root("seo")
    index = srcdir / "index.rst"
    for number in range(1, 8):  # enough pages for Sphinx to read in parallel
        (srcdir / f"extra{number}.rst").write_text(
            f"Extra {number}\n========\n\n.. publication-list::\n   :pages:\n   :limit: {number}\n",
            encoding="utf-8",
        )
        index.write_text(index.read_text(encoding="utf-8") + f"   extra{number}\n", "utf-8")

    def metadata(parallel: int) -> dict[str, Any]:
        app = build_site(srcdir, builddir=srcdir / f"_build{parallel}", parallel=parallel)
        outdir = Path(app.outdir)
        return {
            str(path.relative_to(outdir)): graphs_of(path.read_text(encoding="utf-8"))
            for path in sorted(outdir.rglob("*.html"))
        }

    serial, parallel = metadata(1), metadata(4)
    assert serial == parallel
    assert len([page for page, graphs in serial.items() if graphs]) == 12


def test_unread_pages_follow_changes_of_other_pages(make_app, private_root):
    """index.html is neither read again nor a toctree parent of the changed page, but
    its works' URLs follow the change of the set of per-paper pages."""
    srcdir = private_root("seo")
    listing = srcdir / "publications.md"
    listing.write_text(listing.read_text(encoding="utf-8").replace(":pages:\n", ""), "utf-8")
    orphan = srcdir / "orphan.rst"
    orphan.write_text(":orphan:\n\nAll\n===\n\n.. publication-list::\n   :pages:\n", "utf-8")

    builds = Builds(make_app, srcdir)

    def engine_url(app) -> str:
        works = by_type(only_graph(read(app, "index.html")), "ScholarlyArticle")
        return next(work["url"] for work in works if work["name"].startswith("Sketch"))

    app = builds.build()
    assert engine_url(app) == f"{BASE}publications/engine.html"
    builds.write(orphan, orphan.read_text(encoding="utf-8").replace("   :pages:\n", ""))
    app = builds.build()
    assert app.read_docs == {"orphan"}
    assert engine_url(app) == "https://example.org/engine.pdf"
