"""``sphinx-profile citations update`` against recorded answers; the network is never reached.

The demo's own publications (``data/publications.yaml``) are looked up in
OpenAlex and Semantic Scholar through a transport that replays the answers of
``tests/recorded/citations`` and fails on any request it has no answer for.
``urllib`` is also made to fail, so a request that escaped would be seen.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import shutil
import urllib.request
from pathlib import Path

import pytest
import yaml
from support import REPO

from sphinx_profile.cli import build_parser
from sphinx_profile.cli.citations import update
from sphinx_profile.cli.counts_sources import USER_AGENT, Answer, Client, same_title
from sphinx_profile.data.store import load_data_file

RECORDED = Path(__file__).parent / "recorded" / "citations"
TODAY = _dt.date(2025, 2, 3)


class Replay:
    """A transport that answers from ``answers.yaml`` and records the headers it was sent."""

    def __init__(self, fail: set[str] = frozenset()) -> None:
        answers = yaml.safe_load((RECORDED / "answers.yaml").read_text(encoding="utf-8"))
        self.answers = {
            url: [value] if isinstance(value[0], int) else list(value)
            for url, value in answers.items()
        }
        self.fail = fail
        self.headers: list[dict[str, str]] = []

    def __call__(self, url: str, headers: dict[str, str]) -> Answer:
        self.headers.append(headers)
        if url in self.fail:
            raise OSError("network is unreachable")
        assert url in self.answers, f"unrecorded request: {url}"
        queue = self.answers[url]
        status, name = queue.pop(0) if len(queue) > 1 else queue[0]
        return Answer(status, json.loads((RECORDED / name).read_text(encoding="utf-8")))


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the test reached for the network")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(REPO / "data" / "publications.yaml", folder)
    return folder


def args(data_dir: Path, *extra: str) -> argparse.Namespace:
    return build_parser().parse_args(["citations", "update", str(data_dir), *extra])


def run(data_dir: Path, transport: Replay, *extra: str) -> tuple[int, Client]:
    sleeps: list[float] = []
    namespace = args(data_dir, *extra)
    client = Client(
        transport=transport,
        delay=namespace.delay,
        email=namespace.email,
        api_key=namespace.api_key,
        sleep=sleeps.append,
    )
    client.sleeps = sleeps  # type: ignore[attr-defined]
    return update(namespace, client, today=lambda: TODAY), client


def counts(path: Path) -> dict[str, tuple[int, str | None, str | None]]:
    loaded = load_data_file(path, "citations")
    assert loaded.issues == ()
    return {
        record.id: (record.count, record.source, str(record.fetched) if record.fetched else None)
        for record in loaded.records
    }


def test_openalex_by_arxiv_doi_and_title(data_dir, capsys):
    (data_dir / "citations.yaml").write_text(
        "dsp: {count: 12, source: OpenAlex, fetched: 2024-12-01}\nold-paper: 4\n", encoding="utf-8"
    )
    transport = Replay()
    status, client = run(data_dir, transport, "--email", "jane@example.org")
    out = capsys.readouterr().out
    assert status == 0
    assert counts(data_dir / "citations.yaml") == {
        "pab": (23, "OpenAlex", "2025-02-03"),  # by its arXiv DOI
        "dcp": (3, "OpenAlex", "2025-02-03"),  # by title: the equal one, not the first
        "dsp": (12, "OpenAlex", "2024-12-01"),  # unknown: kept as it was
        "autochunk": (7, "OpenAlex", "2025-02-03"),  # after one "too many requests"
        "hetegen": (11, "OpenAlex", "2025-02-03"),
        "fastfold": (5, "OpenAlex", "2025-02-03"),  # by DOI
        "old-paper": (4, None, None),  # not in the list: kept
    }
    assert "dcp: 3 (OpenAlex, by title)" in out
    assert "dsp: not found in OpenAlex; kept 12 from 2024-12-01" in out
    assert "Wrote" in out and "8 requests to OpenAlex" in out
    # Polite: a contact address in every request, and a pause before each but the first,
    # a longer one before asking again after a 429.
    assert all(
        h["User-Agent"] == f"{USER_AGENT} mailto:jane@example.org" for h in transport.headers
    )
    assert client.sleeps == [1.0] * 4 + [5.0] + [1.0] * 2  # type: ignore[attr-defined]
    assert len(client.requests) == 8


def test_written_file_is_what_the_build_reads(data_dir, capsys):
    run(data_dir, Replay(), "--email", "jane@example.org")
    text = (data_dir / "citations.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Citation counts of the publications, by id")
    assert "pab: {count: 23, source: OpenAlex, fetched: '2025-02-03'}\n" in text


def test_semantic_scholar_with_api_key_and_slower_pace(data_dir, capsys):
    publications = yaml.safe_load((data_dir / "publications.yaml").read_text(encoding="utf-8"))
    chosen = [entry for entry in publications if entry["id"] in ("pab", "fastfold")]
    (data_dir / "two.yaml").write_text(yaml.safe_dump(chosen), encoding="utf-8")
    transport = Replay()
    status, client = run(
        data_dir,
        transport,
        "--source",
        "semanticscholar",
        "--api-key",
        "KEY",
        "--publications",
        "two.yaml",
        "--delay",
        "3",
        "--output",
        str(data_dir / "s2.yaml"),
    )
    assert status == 0, capsys.readouterr()
    assert counts(data_dir / "s2.yaml") == {
        "pab": (31, "Semantic Scholar", "2025-02-03"),
        "fastfold": (6, "Semantic Scholar", "2025-02-03"),  # DOI unknown, then by title
    }
    assert [h["x-api-key"] for h in transport.headers] == ["KEY"] * 3
    assert client.sleeps == [3.0, 3.0]  # type: ignore[attr-defined]
    assert not (data_dir / "citations.yaml").exists()


def test_a_failed_request_keeps_the_old_count_and_fails_the_command(data_dir, capsys):
    (data_dir / "citations.yaml").write_text("hetegen: 9\n", encoding="utf-8")
    failing = (
        "https://api.openalex.org/works/doi:10.48550/arXiv.2403.01164?mailto=jane%40example.org"
    )
    status, _client = run(data_dir, Replay(fail={failing}), "--email", "jane@example.org")
    captured = capsys.readouterr()
    assert status == 1
    assert "hetegen: request failed (network is unreachable); kept 9" in captured.err
    assert "; 1 failed" in captured.out
    assert counts(data_dir / "citations.yaml")["hetegen"] == (9, None, None)
    assert counts(data_dir / "citations.yaml")["pab"][0] == 23


def test_missing_publications_file(tmp_path, capsys):
    status, _client = run(tmp_path, Replay())
    assert status == 1
    assert "publications.yaml: not found" in capsys.readouterr().err


def test_titles_compare_without_case_accents_or_punctuation():
    assert same_title(
        "Training variable sequences with data-centric parallel",
        "Training Variable Sequences with Data-Centric Parallel",
    )
    assert same_title("Éléments: a study", "Elements - A Study")
    assert not same_title("Dynamic Sequence Parallelism", "DSP: Dynamic Sequence Parallelism")
    assert not same_title(None, "A title")


def test_the_command_is_listed_in_help(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["citations", "update", "--help"])
    out = capsys.readouterr().out
    assert "--email" in out and "--source {openalex,semanticscholar}" in out


def test_the_standard_transport_reads_json_and_http_errors(monkeypatch):
    """Against a server on 127.0.0.1: loopback only, never the internet."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from sphinx_profile.cli.counts_sources import urllib_transport

    monkeypatch.undo()  # the real urlopen, for this local server
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers["User-Agent"])
            found = self.path == "/works/doi:10.1/x"
            body = b'{"cited_by_count": 4}' if found else b'{"error": "not found"}'
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        assert urllib_transport(f"{base}/works/doi:10.1/x", {"User-Agent": "t"}) == Answer(
            200, {"cited_by_count": 4}
        )
        assert urllib_transport(f"{base}/missing", {"User-Agent": "t"}).status == 404
    finally:
        server.shutdown()
        server.server_close()
    assert seen == ["t", "t"]
