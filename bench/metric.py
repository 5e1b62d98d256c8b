"""How close an extracted article is to its gold: pure functions, no I/O.

The body score is the one the article-extraction benchmark (Scrapinghub, 2020) defines: per page,
the bag of 4-token shingles of the gold body is matched against the bag of the extracted body;
precision and recall are averaged over pages and F1 is taken from the two averages, so a long page
weighs no more than a short one. Two deliberate choices, both documented in bench/README.md:

- Text is NFC-normalised before tokenising. Python's `\\w` does not match combining marks, so a
  Vietnamese page decoded to NFD would otherwise split every accented syllable into pieces.
- A page where we extract nothing scores precision 0. The upstream script leaves such pages out
  of the precision mean, which lets an extractor buy precision by giving up on hard pages.

Alongside the body score: title and date exactness, and noise leakage (furniture strings from
`cleaners.noise_markers` that survive cleaning beyond what the gold itself says).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Counts:
    """Shingles of one page: in both bags (tp), only in ours (fp), only in the gold (fn)."""

    tp: int
    fp: int
    fn: int


@dataclass(frozen=True)
class Scores:
    """Body figures over a set of pages."""

    precision: float
    recall: float
    f1: float
    pages: int


def tokens(text: str) -> list[str]:
    """The `\\w+` tokens of NFC `text`."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The bag of `size`-token shingles; a text shorter than `size` tokens is one shingle."""
    words = tokens(text)
    if not words:
        return Counter()
    # As upstream: a short text still counts, as a single shorter shingle, so that a one-line
    # gold and a one-line extraction can match at all.
    last_start = max(1, len(words) - size + 1)
    return Counter(tuple(words[i : i + size]) for i in range(last_start))


def match(gold: str, extracted: str, size: int = SHINGLE_SIZE) -> Counts:
    """Multiset overlap of the two texts' shingle bags."""
    gold_bag, extracted_bag = shingles(gold, size), shingles(extracted, size)
    tp = sum((gold_bag & extracted_bag).values())
    return Counts(
        tp=tp,
        fp=sum(extracted_bag.values()) - tp,
        fn=sum(gold_bag.values()) - tp,
    )


def precision(counts: Counts) -> float:
    """tp / (tp + fp); 1 when nothing is missing or extra, 0 when nothing was extracted."""
    if counts.fp == counts.fn == 0:
        return 1.0
    if counts.tp == counts.fp == 0:
        return 0.0
    return counts.tp / (counts.tp + counts.fp)


def recall(counts: Counts) -> float:
    """tp / (tp + fn); 1 when nothing is missing or extra, 0 when nothing of the gold was found."""
    if counts.fp == counts.fn == 0:
        return 1.0
    if counts.tp == counts.fn == 0:
        return 0.0
    return counts.tp / (counts.tp + counts.fn)


def f1(precision_value: float, recall_value: float) -> float:
    """Harmonic mean of precision and recall; 0 when both are 0."""
    if precision_value + recall_value == 0:
        return 0.0
    return 2 * precision_value * recall_value / (precision_value + recall_value)


def page_f1(counts: Counts) -> float:
    """F1 of one page, used to rank the worst pages."""
    return f1(precision(counts), recall(counts))


def score(pages: Sequence[Counts]) -> Scores:
    """Mean precision and mean recall over pages, and F1 of the two means."""
    if not pages:
        return Scores(precision=0.0, recall=0.0, f1=0.0, pages=0)
    mean_precision = statistics.fmean(precision(c) for c in pages)
    mean_recall = statistics.fmean(recall(c) for c in pages)
    return Scores(
        precision=mean_precision,
        recall=mean_recall,
        f1=f1(mean_precision, mean_recall),
        pages=len(pages),
    )


def normalize_title(title: str) -> str:
    """NFC, runs of whitespace made one space, ends trimmed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", title)).strip()


def title_exact(gold: str, extracted: str | None) -> bool:
    """Whether the extracted title is the gold title, up to NFC and whitespace."""
    return extracted is not None and normalize_title(gold) == normalize_title(extracted)


def date_exact(gold: date | str, extracted: date | str | None) -> bool:
    """Whether the extracted publication date is the gold one (dates or ISO strings)."""
    if extracted is None or extracted == "":
        return False
    return _as_date(gold) == _as_date(extracted)


def _as_date(value: date | str) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def leaked_noise(gold: str, extracted: str, markers: Iterable[str]) -> dict[str, int]:
    """Furniture strings in `extracted` beyond the times the gold itself carries them.

    A report may quote a marker ("... chuyên mục Tin mới nhất ..."); only the surplus is a leak.
    Matching is case-insensitive, as `cleaners.noise_markers.leaked_markers`.
    """
    gold_folded = unicodedata.normalize("NFC", gold).casefold()
    extracted_folded = unicodedata.normalize("NFC", extracted).casefold()
    leaks: dict[str, int] = {}
    for marker in markers:
        needle = unicodedata.normalize("NFC", marker).casefold()
        surplus = extracted_folded.count(needle) - gold_folded.count(needle)
        if surplus > 0:
            leaks[marker] = surplus
    return leaks
