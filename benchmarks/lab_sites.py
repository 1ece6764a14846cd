"""Generate the lab benchmark's site and its hand-written twin.

A lab (``members`` people, ``papers`` publications shared by all of them) is
written two ways, each a complete Sphinx project:

``lab``
    ``data/people.yaml`` and ``data/publications.yaml``; a people page
    (``.. people::``), a publications page (``.. publication-list::`` with
    ``:pages:``, so every paper gets a page of its own), and one page per member
    with ``.. profile:: :person:`` and ``.. publication-list:: :person:``.
    Member names in author lists link to the member's page.
``twin``
    The same visible content written by hand as plain reST, no extension: the
    people page (name, position and a link per member), the publications page
    (title linked to the paper's page, authors with members linked, venue and
    year, links), one page per paper (title, authors, venue and year, links, a
    link back to the list) and one page per member (name, position, the
    member's papers as on the publications page).

Each paper has one to three members among its authors, so a member's page
lists about ``3 * papers / (2 * members)`` papers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

from sites import Entry, _yaml_text, conf_py, make_entries, publications_yaml

LAB_VARIANTS = ("lab", "twin")
LAB_LABELS = {"lab": "lab site (YAML)", "twin": "hand-written twin"}

_POSITIONS = ("PI", "Postdoc", "PhD student", "MS student", "Research engineer")


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    position: str


@dataclass(frozen=True)
class Lab:
    members: tuple[Member, ...]
    papers: tuple[Entry, ...]

    def member_papers(self, member: Member) -> list[Entry]:
        return [paper for paper in self.papers if member.name in paper.authors]

    def with_title(self, key: str, title: str) -> Lab:
        papers = tuple(replace(p, title=title) if p.key == key else p for p in self.papers)
        return replace(self, papers=papers)

    def with_paper(self, paper: Entry) -> Lab:
        return replace(self, papers=(paper, *self.papers))


def make_lab(members: int, papers: int, seed: int = 2024) -> Lab:
    rng = random.Random(seed + 1)
    people = tuple(
        Member(f"m{index + 1:03d}", f"Member{index + 1:03d} Labperson", rng.choice(_POSITIONS))
        for index in range(members)
    )
    entries = []
    for entry in make_entries(papers, seed):
        chosen = rng.sample(people, min(len(people), rng.randint(1, 3)))
        authors = list(entry.authors)
        for member in chosen:
            authors.insert(rng.randint(0, len(authors)), member.name)
        entries.append(replace(entry, authors=tuple(authors)))
    return Lab(people, tuple(entries))


def new_paper(lab: Lab, member: Member) -> Entry:
    """The entry the one-entry addition adds: newest, by ``member``."""
    return Entry(
        key="added00001",
        title="A freshly added paper about incremental builds",
        authors=("Ada Lovelace", member.name),
        venue="Symposium on Operating Systems Principles",
        year=2025,
        topic="Compilers",
        url="https://example.org/papers/added00001.pdf",
        doi="10.5555/bench.added00001",
    )


# -- the data-driven site ------------------------------------------------------------


def _people_yaml(lab: Lab) -> str:
    lines = []
    for member in lab.members:
        lines += [
            f"- id: {member.id}",
            f"  name: {_yaml_text(member.name)}",
            f"  position: {_yaml_text(member.position)}",
            "",
        ]
    return "\n".join(lines)


def _index(lab: Lab) -> str:
    members = "".join(f"   members/{member.id}\n" for member in lab.members)
    return f"Lab\n===\n\n.. toctree::\n\n   people\n   publications\n{members}"


def write_lab_data(root: Path, lab: Lab) -> None:
    """(Re)write the data files of the ``lab`` project (the only files an edit changes)."""
    (root / "data").mkdir(parents=True, exist_ok=True)
    _write(root / "data" / "people.yaml", _people_yaml(lab))
    _write(root / "data" / "publications.yaml", publications_yaml(list(lab.papers)))


def write_lab_site(root: Path, lab: Lab) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    conf = conf_py(
        ["sphinx_profile"],
        'profile_data_dir = "data"\n'
        "profile_max_file_size = 256 * 1024 * 1024\n"
        "profile_link_members = True\n",
        project="Lab",
    )
    _write(root / "conf.py", conf)
    _write(root / "index.rst", _index(lab))
    _write(root / "people.rst", "People\n======\n\n.. people::\n")
    _write(
        root / "publications.rst",
        "Publications\n============\n\n.. publication-list::\n   :pages:\n",
    )
    (root / "members").mkdir(exist_ok=True)
    for member in lab.members:
        heading = "=" * len(member.name)
        _write(
            root / "members" / f"{member.id}.rst",
            f"{member.name}\n{heading}\n\n"
            f".. profile::\n   :person: {member.id}\n\n"
            f".. publication-list::\n   :person: {member.id}\n",
        )
    write_lab_data(root, lab)
    return root


# -- the hand-written twin -----------------------------------------------------------


def _authors(entry: Entry, lab: Lab, here: str) -> str:
    ids = {member.name: member.id for member in lab.members}
    names = []
    for name in entry.authors:
        member = ids.get(name)
        if member is None or f"members/{member}" == here:
            names.append(name)
        else:
            names.append(f":doc:`{name} </members/{member}>`")
    return ", ".join(names)


def _twin_item(entry: Entry, lab: Lab, here: str) -> list[str]:
    return [
        f"- :doc:`{entry.title} </papers/{entry.key}>`",
        "",
        f"  {_authors(entry, lab, here)}",
        "",
        f"  *{entry.venue}*, {entry.year}",
        "",
        f"  `paper <{entry.url}>`__ | `DOI <{entry.doi_url}>`__",
        "",
    ]


def twin_list(lab: Lab) -> str:
    lines = ["Publications", "============", ""]
    for entry in lab.papers:
        lines += _twin_item(entry, lab, "publications")
    return "\n".join(lines)


def twin_paper(entry: Entry, lab: Lab) -> str:
    heading = "=" * len(entry.title)
    return "\n".join(
        [
            ":orphan:",
            "",
            entry.title,
            heading,
            "",
            _authors(entry, lab, f"papers/{entry.key}"),
            "",
            f"*{entry.venue}*, {entry.year}",
            "",
            f"`paper <{entry.url}>`__ | `DOI <{entry.doi_url}>`__",
            "",
            ":doc:`Publications </publications>`",
            "",
        ]
    )


def twin_member(member: Member, lab: Lab) -> str:
    lines = [member.name, "=" * len(member.name), "", member.position, ""]
    for entry in lab.member_papers(member):
        lines += _twin_item(entry, lab, f"members/{member.id}")
    return "\n".join(lines)


def twin_people(lab: Lab) -> str:
    lines = ["People", "======", ""]
    for member in lab.members:
        lines += [f"- :doc:`{member.name} </members/{member.id}>`", "", f"  {member.position}", ""]
    return "\n".join(lines)


def write_twin_pages(root: Path, lab: Lab, papers: set[str] | None = None) -> None:
    """(Re)write the twin's pages; with ``papers``, only those that show one of them.

    A page whose text is unchanged is not written, so Sphinx does not read it again.
    """
    _write(root / "publications.rst", twin_list(lab))
    _write(root / "people.rst", twin_people(lab))
    (root / "papers").mkdir(exist_ok=True)
    (root / "members").mkdir(exist_ok=True)
    for entry in lab.papers:
        if papers is None or entry.key in papers:
            _write(root / "papers" / f"{entry.key}.rst", twin_paper(entry, lab))
    for member in lab.members:
        _write(root / "members" / f"{member.id}.rst", twin_member(member, lab))


def write_twin_site(root: Path, lab: Lab) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    _write(root / "conf.py", conf_py([], project="Lab"))
    _write(root / "index.rst", _index(lab))
    write_twin_pages(root, lab)
    return root


def _write(path: Path, text: str) -> None:
    """Write ``path`` unless it already holds ``text`` (an unchanged page keeps its mtime)."""
    try:
        if path.read_text("utf-8") == text:
            return
    except OSError:
        pass
    path.write_text(text, "utf-8")


def write_lab_variant(root: Path, variant: str, lab: Lab) -> Path:
    return write_lab_site(root, lab) if variant == "lab" else write_twin_site(root, lab)
