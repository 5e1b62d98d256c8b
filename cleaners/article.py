"""The values the cleaners hand to the rest of eduwatch. Plain frozen data, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

PageKind = Literal["article", "listing", "empty"]


@dataclass(frozen=True)
class Article:
    """What `cleaners.extract` read from one page.

    `kind` says whether the page is one article ("article"), a homepage/category/tag/search/
    listing page ("listing") or carries no usable text ("empty"); `reason` says why, in words a
    user can read in `eduwatch show` or a crawl log. Only kind == "article" may become a report.
    """

    url: str
    kind: PageKind
    reason: str
    title: str = ""
    text: str = ""  # NFC, paragraphs separated by one blank line, noise removed
    published: date | None = None
    byline: str | None = None
    platform: str | None = None  # "nukeviet", "liferay", "vhv", "sharepoint", ... or None
    # where `published` came from, e.g. "itemprop", "visible", "htmldate"
    date_source: str | None = None

    @property
    def is_article(self) -> bool:
        return self.kind == "article"


@dataclass(frozen=True)
class Classification:
    """Is an article an education report? `signals` name what decided it (explainable)."""

    is_education: bool
    score: float
    threshold: float
    signals: tuple[str, ...] = field(default_factory=tuple)
