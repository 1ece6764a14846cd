"""Generate the benchmark's publications and the Sphinx projects that show them.

The same N entries (deterministic for a seed) are written four ways, each as a
complete Sphinx project with one page:

``yaml``
    ``data/publications.yaml`` read by ``.. publication-list::`` (``:style: full``).
``bib``
    ``data/refs.bib`` read by ``.. publication-list::`` with ``:source: refs.bib``.
``rst``
    A hand-written reStructuredText bullet list with the same visible content
    (title line, authors line, venue and year line, links line); no extension.
``scbib``
    ``refs.bib`` shown by sphinxcontrib-bibtex's ``.. bibliography:: :all:``.

Every entry has a title (sentence case, so BibTeX styles do not change it),
1 to 8 authors, a venue, a year, a topic, and two links: the paper's URL and
its DOI, the two links every one of the four renderers shows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

VARIANTS = ("yaml", "bib", "rst", "scbib")
LABELS = {
    "yaml": "YAML, publication-list",
    "bib": ".bib, publication-list",
    "rst": "hand-written reST",
    "scbib": "sphinxcontrib-bibtex",
}

_FIRST = (  # noqa: SIM905 (word lists read best as words)
    "Ada Alan Barbara Claude Donald Edsger Frances Grace Hedy Ivan John Karen Leslie Margaret "
    "Niklaus Radia Shafi Tim Vint Whitfield Yoshua Geoffrey Fei Andrew Daphne Judea Ken "
    "Dennis Bjarne Guido Lin Mei Ravi Priya Omar Amara Jonas Elena Mateo Sofia"
).split()
_LAST = (  # noqa: SIM905 (word lists read best as words)
    "Lovelace Turing Liskov Shannon Knuth Dijkstra Allen Hopper Lamarr Sutherland McCarthy "
    "Jones Lamport Hamilton Wirth Perlman Goldwasser Berners-Lee Cerf Diffie Bengio Hinton Li "
    "Ng Koller Pearl Thompson Ritchie Stroustrup Rossum Zhao Wang Kumar Patel Haddad Okafor "
    "Schmidt Petrova Garcia Rossi"
).split()
_WORDS = (  # noqa: SIM905 (word lists read best as words)
    "adaptive attention bounded caching compilers concurrent data distributed efficient "
    "embeddings federated gradient graphs heterogeneous inference kernels latency learning "
    "memory models networks optimization parallel pipelines probabilistic quantization robust "
    "scalable scheduling search sparse streaming systems training transformers verification "
    "video workloads"
).split()
_VENUES = (
    "International Conference on Machine Learning",
    "Conference on Neural Information Processing Systems",
    "International Conference on Learning Representations",
    "Symposium on Operating Systems Principles",
    "USENIX Symposium on Networked Systems Design and Implementation",
    "Conference on Computer Vision and Pattern Recognition",
    "Annual Meeting of the Association for Computational Linguistics",
    "International Conference for High Performance Computing",
    "ACM SIGPLAN Conference on Programming Language Design and Implementation",
    "European Conference on Computer Systems",
)
_TOPICS = (
    "Efficient Training",
    "Fast Inference",
    "Distributed Systems",
    "Video Models",
    "Compilers",
    "Memory",
)


@dataclass(frozen=True)
class Entry:
    key: str
    title: str
    authors: tuple[str, ...]
    venue: str
    year: int
    topic: str
    url: str
    doi: str

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}"


def make_entries(count: int, seed: int = 2024) -> list[Entry]:
    """``count`` distinct entries, newest first (the order every renderer shows)."""
    rng = random.Random(seed)
    entries = []
    for index in range(count):
        words = rng.sample(_WORDS, rng.randint(5, 9))
        title = " ".join(words).capitalize() + f" {index + 1}"
        authors = tuple(
            f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(rng.randint(1, 8))
        )
        key = f"pub{index + 1:05d}"
        entries.append(
            Entry(
                key=key,
                title=title,
                authors=authors,
                venue=rng.choice(_VENUES),
                year=rng.randint(1990, 2024),
                topic=rng.choice(_TOPICS),
                url=f"https://example.org/papers/{key}.pdf",
                doi=f"10.5555/bench.{key}",
            )
        )
    # A stable sort, as the directive's default newest-first order is.
    entries.sort(key=lambda entry: entry.year, reverse=True)
    return entries


# -- the data files ------------------------------------------------------------------


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def publications_yaml(entries: list[Entry]) -> str:
    if not entries:
        return "[]\n"
    lines = []
    for entry in entries:
        lines += [
            f"- id: {entry.key}",
            f"  title: {_yaml_text(entry.title)}",
            "  authors:",
            *(f"    - {_yaml_text(name)}" for name in entry.authors),
            f"  venue: {_yaml_text(entry.venue)}",
            f"  year: {entry.year}",
            "  type: conference",
            f"  topics: [{_yaml_text(entry.topic)}]",
            "  links:",
            f"    paper: {entry.url}",
            f"  doi: {_yaml_text(entry.doi)}",
            "",
        ]
    return "\n".join(lines)


def refs_bib(entries: list[Entry]) -> str:
    blocks = []
    for entry in entries:
        blocks.append(
            "\n".join(
                [
                    f"@inproceedings{{{entry.key},",
                    f"  title = {{{entry.title}}},",
                    f"  author = {{{' and '.join(entry.authors)}}},",
                    f"  booktitle = {{{entry.venue}}},",
                    f"  year = {{{entry.year}}},",
                    f"  keywords = {{{entry.topic}}},",
                    f"  url = {{{entry.url}}},",
                    f"  doi = {{{entry.doi}}},",
                    "}",
                ]
            )
        )
    return "\n\n".join(blocks) + "\n"


def hand_written_rst(entries: list[Entry]) -> str:
    """The list a person would write by hand: four paragraphs per entry."""
    lines: list[str] = []
    for entry in entries:
        lines += [
            f"- {entry.title}",
            "",
            f"  {', '.join(entry.authors)}",
            "",
            f"  *{entry.venue}*, {entry.year}",
            "",
            f"  `paper <{entry.url}>`__ | `DOI <{entry.doi_url}>`__",
            "",
        ]
    return "\n".join(lines)


# -- the projects --------------------------------------------------------------------

_TITLE = "Publications\n============\n\n"


def conf_py(extensions: list[str], extra: str = "", project: str = "Benchmark") -> str:
    return (
        f'project = "{project}"\n'
        f"extensions = {extensions!r}\n"
        'exclude_patterns = ["_build", "data"]\n'
        f"{extra}"
    )


def write_site(root: Path, variant: str, entries: list[Entry]) -> Path:
    """Write the project of ``variant`` showing ``entries`` into ``root``; return it."""
    root.mkdir(parents=True, exist_ok=True)
    # Data files of 10,000 entries pass the default 4 MiB size limit.
    profile_conf = 'profile_data_dir = "data"\nprofile_max_file_size = 256 * 1024 * 1024\n'
    if variant == "yaml":
        conf = conf_py(["sphinx_profile"], profile_conf)
        page = _TITLE + ".. publication-list::\n   :style: full\n"
        (root / "data").mkdir(exist_ok=True)
        (root / "data" / "publications.yaml").write_text(publications_yaml(entries), "utf-8")
    elif variant == "bib":
        conf = conf_py(["sphinx_profile"], profile_conf)
        page = _TITLE + ".. publication-list::\n   :source: refs.bib\n   :style: full\n"
        (root / "data").mkdir(exist_ok=True)
        (root / "data" / "refs.bib").write_text(refs_bib(entries), "utf-8")
    elif variant == "rst":
        conf = conf_py([])
        page = _TITLE + hand_written_rst(entries)
    elif variant == "scbib":
        conf = conf_py(["sphinxcontrib.bibtex"], 'bibtex_bibfiles = ["refs.bib"]\n')
        page = _TITLE + ".. bibliography::\n   :all:\n"
        (root / "refs.bib").write_text(refs_bib(entries), "utf-8")
    else:
        raise ValueError(f"unknown variant {variant!r}")
    (root / "conf.py").write_text(conf, "utf-8")
    (root / "index.rst").write_text(page, "utf-8")
    return root


def write_tiny_site(root: Path, with_extension: bool) -> Path:
    """A one-paragraph project, listing the extension in ``extensions`` or not."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(conf_py(["sphinx_profile"] if with_extension else []), "utf-8")
    (root / "index.rst").write_text("Tiny\n====\n\nA page that uses no directive.\n", "utf-8")
    return root


def sample_titles(entries: list[Entry]) -> list[str]:
    """Titles a correct page must contain: the first, the middle and the last entry's."""
    if not entries:
        return []
    return sorted({entries[0].title, entries[len(entries) // 2].title, entries[-1].title})
