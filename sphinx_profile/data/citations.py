"""Citation metrics from counts: totals, h-index and i10-index, as Google Scholar defines them.

Pure functions: the counts come from ``citations.yaml`` (see
:class:`~.models.CitationCount`), never from the network during a build.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Metrics:
    papers: int
    """Publications in the list, counted or not."""
    citations: int
    """The sum of the counts."""
    h_index: int
    """The largest h such that h publications have at least h citations each."""
    i10_index: int
    """Publications with at least 10 citations."""


def h_index(counts: Iterable[int]) -> int:
    ranked = sorted(counts, reverse=True)
    return sum(1 for rank, count in enumerate(ranked, start=1) if count >= rank)


def metrics(papers: int, counts: Iterable[int]) -> Metrics:
    """The metrics of ``papers`` publications whose known counts are ``counts``."""
    known = list(counts)
    return Metrics(
        papers=papers,
        citations=sum(known),
        h_index=h_index(known),
        i10_index=sum(1 for count in known if count >= 10),
    )
