"""Run extractors over a page set, timed, and turn their output into per-page and per-row figures.

`run_timed` is the only impure function here (it reads the clock). Every row of one benchmark run
comes from the same pass over the pages: the first of the timed repeats gives the output that is
scored, all repeats give the speed.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bench.corpora import Page
from bench.extractors import ExtractFn, Extraction
from bench.metric import (
    Counts,
    Scores,
    date_exact,
    leaked_noise,
    match,
    precision,
    recall,
    score,
    title_exact,
)
from bench.metric import f1 as f1_of


@dataclass(frozen=True)
class Outcome:
    """One extractor on one page: its output, or the exception it raised."""

    extraction: Extraction
    error: str | None = None


@dataclass(frozen=True)
class PageResult:
    """One extractor on one page: every figure the table and the worst-page listing use."""

    id: str
    counts: Counts
    precision: float
    recall: float
    f1: float
    empty: bool
    noise: dict[str, int]
    title_exact: bool | None  # None where the set has no gold title
    date_exact: bool | None
    extraction: Extraction
    error: str | None


@dataclass(frozen=True)
class RowResult:
    """One extractor on one page set: the figures of one table row."""

    extractor: str
    scores: Scores
    seconds: tuple[float, ...]  # CPU time of each repeat over the whole set
    pages: tuple[PageResult, ...] = field(repr=False)

    @property
    def pages_per_second(self) -> float:
        median = statistics.median(self.seconds)
        return self.scores.pages / median if median > 0 else float("inf")

    @property
    def empty(self) -> int:
        return sum(p.empty for p in self.pages)

    @property
    def errors(self) -> int:
        return sum(p.error is not None for p in self.pages)

    @property
    def noise_pages(self) -> int:
        return sum(bool(p.noise) for p in self.pages)

    @property
    def noise_hits(self) -> int:
        return sum(sum(p.noise.values()) for p in self.pages)

    @property
    def titles_exact(self) -> int | None:
        return _count_true(p.title_exact for p in self.pages)

    @property
    def dates_exact(self) -> int | None:
        return _count_true(p.date_exact for p in self.pages)


def _count_true(flags: Iterable[bool | None]) -> int | None:
    """How many are True; None when the set has no gold for this figure at all."""
    values = [flag for flag in flags if flag is not None]
    return sum(values) if values else None


def _call(extract: ExtractFn, page: Page) -> Outcome:
    try:
        return Outcome(extract(page.html, page.url))
    except Exception as error:  # noqa: BLE001 - one broken page must not end the benchmark
        return Outcome(Extraction(text=""), error=f"{type(error).__name__}: {error}")


def run_timed(
    extractors: Mapping[str, ExtractFn],
    pages: Sequence[Page],
    repeats: int,
    clock: Callable[[], float] = time.process_time,
) -> dict[str, tuple[list[Outcome], list[float]]]:
    """Each extractor over all pages `repeats` times: (first pass outcomes, seconds per pass).

    Within a pass the extractors take turns page by page, so that whatever the machine does
    meanwhile (other work, a virtual machine's stolen time, frequency changes) touches them
    alike; the clock is this process's CPU time, which such work inflates far less than wall
    time. Their ratio is then a paired measurement, not two measurements seconds apart.
    """
    outcomes: dict[str, list[Outcome]] = {name: [] for name in extractors}
    seconds: dict[str, list[float]] = {name: [] for name in extractors}
    order = list(extractors.items())
    for repeat in range(max(1, repeats)):
        gc.collect()
        spent = dict.fromkeys(extractors, 0.0)
        for number, page in enumerate(pages):
            # The order turns from page to page: trafilatura's caches (lru_cache on text
            # helpers) favour whoever reads a page after another extractor has.
            turn = number % len(order)
            for name, extract in order[turn:] + order[:turn]:
                start = clock()
                result = _call(extract, page)
                spent[name] += clock() - start
                if repeat == 0:
                    outcomes[name].append(result)
        for name, total in spent.items():
            seconds[name].append(total)
    return {name: (outcomes[name], seconds[name]) for name in extractors}


def judge_page(page: Page, outcome: Outcome, markers: Sequence[str]) -> PageResult:
    """The figures of one page: body overlap, noise surplus, title and date exactness."""
    extraction = outcome.extraction
    counts = match(page.body, extraction.text)
    page_precision, page_recall = precision(counts), recall(counts)
    return PageResult(
        id=page.id,
        counts=counts,
        precision=page_precision,
        recall=page_recall,
        f1=f1_of(page_precision, page_recall),
        empty=not extraction.text.strip(),
        noise=leaked_noise(page.body, extraction.text, markers) if markers else {},
        title_exact=(
            None
            if page.title is None or not extraction.metadata
            else title_exact(page.title, extraction.title)
        ),
        date_exact=(
            None
            if page.published is None or not extraction.metadata
            else date_exact(page.published, extraction.published)
        ),
        extraction=extraction,
        error=outcome.error,
    )


def judge_row(
    extractor: str,
    pages: Sequence[Page],
    outcomes: Sequence[Outcome],
    seconds: Sequence[float],
    markers: Sequence[str] = (),
) -> RowResult:
    """All figures of one extractor on one set; `markers` empty where noise is not counted."""
    results = tuple(judge_page(p, o, markers) for p, o in zip(pages, outcomes, strict=True))
    return RowResult(
        extractor=extractor,
        scores=score([r.counts for r in results]),
        seconds=tuple(seconds),
        pages=results,
    )
