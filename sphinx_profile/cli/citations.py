"""``sphinx-profile citations update [DIR]``: refresh ``citations.yaml`` from an open source.

Reads the publications of the data folder (``publications.yaml``, or the files
given with ``--publications``, ``.bib`` included), asks OpenAlex (default) or
Semantic Scholar for each one's citation count (:mod:`.counts_sources`), and
writes ``citations.yaml``: ``id: {count, source, fetched}``. An entry the
source does not know, or that a failed request left unanswered, keeps the
count it had, and the command says so; entries of the file that are not
publications of the lists read are kept as they are. A build only ever reads
the file: the network is reached here and nowhere else.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .arguments import folder_argument

NAME = "citations"
HELP = "refresh citations.yaml (citation counts) from OpenAlex or Semantic Scholar"

HEADER = """\
# Citation counts of the publications, by id: written by
# `sphinx-profile citations update`, read by the build (never the network).
# Shown with :citations: on a publication-list and :metrics: on the profile.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    update = actions.add_parser(
        "update",
        help="fetch the counts of every publication and write citations.yaml",
        description=__doc__.split("\n\n")[1] if __doc__ else None,
    )
    folder_argument(update, "data", "the data folder (default: data)")
    update.add_argument(
        "--source",
        choices=("openalex", "semanticscholar"),
        default="openalex",
        help="where the counts come from (default: openalex)",
    )
    update.add_argument(
        "--email",
        help="your e-mail address, sent with each request so the source can reach you "
        "(OpenAlex's polite pool)",
    )
    update.add_argument("--api-key", help="a Semantic Scholar API key, if you have one")
    update.add_argument(
        "--publications",
        action="append",
        metavar="FILE",
        help="a publications file in DIR (repeatable; default: publications.yaml)",
    )
    update.add_argument(
        "--output", metavar="FILE", help="the file to write (default: DIR/citations.yaml)"
    )
    update.add_argument(
        "--delay",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="the pause between two requests (default: 1)",
    )


def run(args: argparse.Namespace) -> int:
    from .counts_sources import Client

    client = Client(delay=max(args.delay, 0.0), email=args.email, api_key=args.api_key)
    return update(args, client)


def update(
    args: argparse.Namespace,
    client: Any,
    today: Callable[[], _dt.date] = _dt.date.today,
) -> int:
    """The command with a given client: tests pass one that replays recorded answers."""
    from ..data.store import load_data_file
    from .counts_sources import SOURCES, LookupError_, look_up

    data_dir: Path = args.directory
    output = Path(args.output) if args.output else data_dir / "citations.yaml"
    source = SOURCES[args.source](client)
    publications: list[Any] = []
    for name in args.publications or ["publications.yaml"]:
        loaded = load_data_file(data_dir / name, "publications")
        if loaded.missing:
            print(f"sphinx-profile citations: {data_dir / name}: not found", file=sys.stderr)
            return 1
        for issue in loaded.issues:
            print(f"{issue.located(str(data_dir / name))} (entry skipped)", file=sys.stderr)
        publications.extend(loaded.records)
    old = _old_counts(output)
    counts: dict[str, dict[str, Any]] = {}
    failed = 0
    fetched = today().isoformat()
    for publication in publications:
        doi, arxiv = identifiers(publication)
        kept = old.get(publication.id)
        try:
            found = look_up(source, doi, arxiv, publication.title)
        except (LookupError_, OSError) as err:
            failed += 1
            print(f"{publication.id}: request failed ({err}){_kept(kept)}", file=sys.stderr)
            found = None
        else:
            if found is None:
                print(f"{publication.id}: not found in {source.name}{_kept(kept)}")
        if found is not None:
            counts[publication.id] = {
                "count": found.count,
                "source": source.name,
                "fetched": fetched,
            }
            print(f"{publication.id}: {found.count} ({source.name}, by {found.by})")
        elif kept is not None:
            counts[publication.id] = kept
    for pub_id, entry in old.items():
        counts.setdefault(pub_id, entry)  # not in the lists read: kept as it was
    output.write_text(HEADER + "\n" + _dump(counts), encoding="utf-8")
    print(
        f"Wrote {output}: {len(counts)} counts; {len(client.requests)} requests to "
        f"{source.name}" + (f"; {failed} failed" if failed else "")
    )
    return 1 if failed else 0


def identifiers(publication: Any) -> tuple[str | None, str | None]:
    """The DOI and arXiv id of an entry: its fields, else its doi.org or arxiv.org links."""
    from ..metadata.highwire import bare_arxiv, bare_doi

    doi = bare_doi(publication.doi) if publication.doi else None
    arxiv = bare_arxiv(publication.arxiv) if publication.arxiv else None
    for link in publication.links:
        if doi is None and re.match(r"https?://(dx\.)?doi\.org/10\.", link.url):
            doi = bare_doi(link.url)
        if arxiv is None and re.match(r"https?://arxiv\.org/(abs|pdf)/", link.url):
            arxiv = bare_arxiv(link.url)
    return doi, arxiv


def _kept(entry: dict[str, Any] | None) -> str:
    if entry is None:
        return ""
    when = f" from {entry['fetched']}" if entry.get("fetched") else ""
    return f"; kept {entry['count']}{when}"


def _old_counts(path: Path) -> dict[str, dict[str, Any]]:
    """The counts of the file as it is (its valid entries), to keep what is not refreshed."""
    from ..data.store import load_data_file

    if not path.exists():
        return {}
    loaded = load_data_file(path, "citations")
    for issue in loaded.issues:
        print(f"{issue.located(str(path))} (entry left out)", file=sys.stderr)
    return {
        record.id: record.model_dump(mode="json", exclude_none=True, exclude={"id"})  # type: ignore[attr-defined]
        for record in loaded.records
    }


def _dump(counts: dict[str, dict[str, Any]]) -> str:
    lines = []
    for pub_id, entry in counts.items():
        # One line per entry, in flow style: easy to read and to diff.
        value = yaml.safe_dump(entry, default_flow_style=True, sort_keys=False).strip()
        key = yaml.safe_dump(pub_id).strip().removesuffix("...").strip()
        lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n"
