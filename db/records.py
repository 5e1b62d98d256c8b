"""The values that cross the `db/` boundary: what callers hand in and what they get back.

Plain frozen data. Constructors check the closed vocabularies (levels, page kinds, outcomes) so a
typo fails where it is made, not as a puzzling row months later. Sequences given as lists are
kept as tuples, so a record stays hashable and immutable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

LEVELS: tuple[str, ...] = ("province", "district", "department")
PAGE_KINDS: tuple[str, ...] = ("article", "listing", "feed", "sitemap", "other")
OUTCOMES: tuple[str, ...] = (
    "report",
    "duplicate",
    "not_education",
    "not_article",
    "empty",
    "error",
    "listing",
    "not_modified",
)
# Outcomes that mean "this article page was read and judged": the crawler need not read it again.
ARTICLE_OUTCOMES: tuple[str, ...] = ("report", "duplicate", "not_education", "not_article", "empty")
# Outcomes only `Store.save_report` may write, because they need a report id.
REPORT_OUTCOMES: tuple[str, ...] = ("report", "duplicate")
RUN_STATUSES: tuple[str, ...] = ("running", "ok", "failed", "interrupted")
RUN_COUNTS: tuple[str, ...] = (
    "pages_fetched",
    "new_reports",
    "duplicates",
    "non_reports",
    "skipped_budget",
    "errors",
    "requests",
)


def _check_choice(field: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError(f"{field} {value!r} is not one of: {', '.join(choices)}")


def _freeze(record: Any, field: str) -> None:
    value = getattr(record, field)
    if isinstance(value, str):  # a lone string would otherwise become a tuple of characters
        raise TypeError(f"{field} must be a sequence of strings, not the string {value!r}")
    object.__setattr__(record, field, tuple(value))


@dataclass(frozen=True)
class SourceRecord:
    """One configured portal: what `sync_sources` writes to the `sources` table."""

    id: str
    name: str
    level: str
    province: str = ""
    district: str = ""
    urls: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("source id must not be empty")
        _check_choice("source level", self.level, LEVELS)
        _freeze(self, "urls")


@dataclass(frozen=True)
class PageRecord:
    """What one fetch of one canonical URL found."""

    url: str
    source_id: str
    kind: str
    status: int | None
    outcome: str
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    reason: str = ""
    score: float | None = None
    signals: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.url:
            raise ValueError("page url must not be empty")
        _check_choice("page kind", self.kind, PAGE_KINDS)
        _check_choice("page outcome", self.outcome, OUTCOMES)
        _freeze(self, "signals")


@dataclass(frozen=True)
class ReportRecord:
    """A cleaned article that the classifier judged an education report."""

    content_hash: str
    title: str
    text: str
    published: date | None
    byline: str | None
    platform: str | None
    score: float
    signals: tuple[str, ...]
    source_id: str
    province: str
    district: str
    level: str
    url: str
    # cleaners.near_duplicates.signature of the body; () when unknown (no near-duplicate check)
    signature: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if not self.content_hash:
            raise ValueError("report content_hash must not be empty")
        if isinstance(self.published, datetime):  # a datetime is a date; keep only the day
            object.__setattr__(self, "published", self.published.date())
        _check_choice("report level", self.level, LEVELS)
        _freeze(self, "signals")


@dataclass(frozen=True)
class SaveResult:
    report_id: int
    is_new: bool


@dataclass(frozen=True)
class PageState:
    """What the database remembers about a URL: enough for a conditional re-fetch."""

    url: str
    source_id: str
    kind: str
    outcome: str
    status: int | None
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    report_id: int | None
    last_fetched: datetime | None


@dataclass(frozen=True)
class ReportFilter:
    """Which reports to look at. Empty tuples mean "any"; values within one field are OR-ed.

    Provinces and districts match without regard to case, diacritics or an administrative prefix
    ("tinh lai chau" finds "Lai Châu"); `since`/`until` are inclusive and apply to the published
    date, or to the day a report was first seen when its page carried no date.
    """

    provinces: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        for field in ("provinces", "districts", "sources", "levels"):
            _freeze(self, field)
        if self.since and self.until and self.since > self.until:
            raise ValueError(
                f"since {self.since.isoformat()} is after until {self.until.isoformat()}; "
                "swap the two dates"
            )


@dataclass(frozen=True)
class SearchHit:
    """One search result. `snippet` is cut from the original text, hits between the markers.

    `source` is the id of the source where the report was first seen. `score` grows with
    relevance (the negated bm25 rank); it is 0.0 when results are ordered newest first.
    """

    id: int
    title: str
    snippet: str
    published: date | None
    url: str
    source: str
    province: str
    district: str
    score: float
    source_name: str | None = None
