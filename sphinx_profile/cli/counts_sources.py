"""Where citation counts come from: OpenAlex and Semantic Scholar, asked politely.

The only code of sphinx-profile that reaches the network, and only when
``sphinx-profile citations update`` runs; a build never imports it. Each
source looks a publication up by DOI, then arXiv id, then title (a title
search is accepted only when the title found is the same, once normalized,
so a similar paper's count is never taken).

Politeness: one request at a time, ``delay`` seconds apart (:class:`Client`),
a ``User-Agent`` that names the tool and, with ``--email``, a contact address
(OpenAlex's "polite pool" also reads it from ``mailto=``); an answer "too many
requests" (429) waits longer and asks again, twice at most.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import quote, urlencode

from .. import __version__

USER_AGENT = (
    f"sphinx-profile/{__version__} (citations update; +https://sphinx-profile.readthedocs.io)"
)
RETRIES = 2
"""How many times a request answered 429 (too many requests) is asked again."""


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any
    """The JSON of the answer (None if it was not JSON)."""


class Transport(Protocol):
    def __call__(self, url: str, headers: dict[str, str]) -> Answer: ...


def urllib_transport(url: str, headers: dict[str, str]) -> Answer:
    """A GET with the standard library; HTTP errors are answers, not exceptions."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Answer(response.status, _json(response.read()))
    except urllib.error.HTTPError as err:
        return Answer(err.code, _json(err.read()))


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError:
        return None


@dataclass
class Client:
    """Requests one at a time, ``delay`` seconds apart; counts what it asked."""

    transport: Transport = urllib_transport
    delay: float = 1.0
    email: str | None = None
    api_key: str | None = None
    sleep: Callable[[float], None] = time.sleep
    requests: list[str] = field(default_factory=list)

    def get(self, url: str) -> Answer:
        headers = {"User-Agent": USER_AGENT + (f" mailto:{self.email}" if self.email else "")}
        if self.api_key:
            headers["x-api-key"] = self.api_key
        answer = Answer(0, None)
        for attempt in range(RETRIES + 1):
            if self.requests:
                # After a 429, wait longer each time.
                self.sleep(self.delay * (1 + 4 * attempt))
            self.requests.append(url)
            answer = self.transport(url, headers)
            if answer.status != 429:
                break
        return answer


@dataclass(frozen=True)
class Found:
    count: int
    by: str
    """What matched: ``DOI``, ``arXiv`` or ``title``."""


class LookupError_(Exception):
    """The source answered with an error other than "not found"."""


def same_title(one: str | None, other: str | None) -> bool:
    """Titles equal after removing accents, case, punctuation and extra spaces."""
    return bool(one and other) and _title_key(one) == _title_key(other)  # type: ignore[arg-type]


def _title_key(title: str) -> str:
    plain = unicodedata.normalize("NFKD", title)
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+", " ", plain.casefold()).split())


def _check(answer: Answer, url: str) -> Any:
    """The body of a successful answer; None for "not found"; raises for anything else."""
    if answer.status == 404:
        return None
    if answer.status != 200 or not isinstance(answer.body, dict):
        raise LookupError_(f"HTTP {answer.status or 'error'} from {url}")
    return answer.body


class OpenAlex:
    name = "OpenAlex"
    base = "https://api.openalex.org"

    def __init__(self, client: Client) -> None:
        self.client = client

    def _url(self, path: str, **params: str) -> str:
        if self.client.email:
            params["mailto"] = self.client.email
        return f"{self.base}{path}" + (f"?{urlencode(params)}" if params else "")

    def _work(self, doi: str) -> Any:
        url = self._url(f"/works/doi:{quote(doi, safe='/:')}")
        return _check(self.client.get(url), url)

    def by_doi(self, doi: str) -> int | None:
        work = self._work(doi)
        return _count(work, "cited_by_count")

    def by_arxiv(self, arxiv: str) -> int | None:
        # arXiv registers a DataCite DOI for every paper: 10.48550/arXiv.<id>.
        return self.by_doi(f"10.48550/arXiv.{arxiv}")

    def by_title(self, title: str) -> int | None:
        url = self._url("/works", search=title, **{"per-page": "5"})
        body = _check(self.client.get(url), url)
        for work in (body or {}).get("results", []):
            if same_title(work.get("title") or work.get("display_name"), title):
                return _count(work, "cited_by_count")
        return None


class SemanticScholar:
    name = "Semantic Scholar"
    base = "https://api.semanticscholar.org/graph/v1"

    def __init__(self, client: Client) -> None:
        self.client = client

    def _paper(self, paper_id: str) -> Any:
        url = f"{self.base}/paper/{quote(paper_id, safe='/:')}?fields=title,citationCount"
        return _check(self.client.get(url), url)

    def by_doi(self, doi: str) -> int | None:
        return _count(self._paper(f"DOI:{doi}"), "citationCount")

    def by_arxiv(self, arxiv: str) -> int | None:
        return _count(self._paper(f"ARXIV:{arxiv}"), "citationCount")

    def by_title(self, title: str) -> int | None:
        query = urlencode({"query": title, "fields": "title,citationCount"})
        url = f"{self.base}/paper/search/match?{query}"
        body = _check(self.client.get(url), url)
        for paper in (body or {}).get("data", []):
            if same_title(paper.get("title"), title):
                return _count(paper, "citationCount")
        return None


def _count(record: Any, key: str) -> int | None:
    if not isinstance(record, dict):
        return None
    value = record.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


Source = OpenAlex | SemanticScholar
SOURCES: dict[str, type[OpenAlex] | type[SemanticScholar]] = {
    "openalex": OpenAlex,
    "semanticscholar": SemanticScholar,
}


def look_up(source: Source, doi: str | None, arxiv: str | None, title: str | None) -> Found | None:
    """The count of one publication: by DOI, then arXiv id, then title."""
    for by, identifier, method in (
        ("DOI", doi, source.by_doi),
        ("arXiv", arxiv, source.by_arxiv),
        ("title", title, source.by_title),
    ):
        if identifier:
            count = method(identifier)
            if count is not None:
                return Found(count, by)
    return None
