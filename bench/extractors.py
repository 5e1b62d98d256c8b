"""The extractors the benchmark compares, each behind one signature: (html, url) -> Extraction.

- "ours": `cleaners.extract(html, url)`, imported when first asked for, so that the benchmark can
  still measure the baselines while cleaners/extract.py is being written.
- "trafilatura": bare trafilatura, `include_comments=False`, with metadata so that the same call
  gives a title and a date. Its body is token-for-token the body of
  `trafilatura.extract(html, include_comments=False)` (checked on all 181 benchmark pages with
  trafilatura 2.3.1), and its time covers the same work ours does: body, title and date.
- "trafilatura-precision": the same with `favor_precision=True`.
- "trafilatura-extract": plain `trafilatura.extract(html, include_comments=False)`, the issue's
  speed baseline read literally: the body only, no title or date (so those are not scored), and
  less work than the other rows. The table gives every row's speed against it as well.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import trafilatura
from trafilatura.settings import Document


@dataclass(frozen=True)
class Extraction:
    """What one extractor made of one page."""

    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    verdict: str | None = None  # ours only: Article.kind and reason, e.g. "listing: no body"
    metadata: bool = True  # False: the extractor reads no title or date, so none is scored


ExtractFn = Callable[[str, str], Extraction]


class ExtractorUnavailable(Exception):
    """The extractor cannot be imported; str() says why."""


def _trafilatura(favor_precision: bool) -> ExtractFn:
    def run(html: str, url: str) -> Extraction:
        document = trafilatura.bare_extraction(
            html,
            url=url or None,
            include_comments=False,
            favor_precision=favor_precision,
            with_metadata=True,
        )
        if not isinstance(document, Document):  # None: trafilatura found no body
            return Extraction(text="")
        return Extraction(
            text=document.text or "",
            title=document.title,
            published=document.date,
        )

    return run


def _plain_extract(html: str, url: str) -> Extraction:
    text = trafilatura.extract(html, include_comments=False)
    return Extraction(text=text or "", metadata=False)


def _ours() -> ExtractFn:
    try:
        module = importlib.import_module("cleaners.extract")
    except ImportError as error:
        raise ExtractorUnavailable(f"cleaners.extract cannot be imported: {error}") from error
    extract = getattr(module, "extract", None)
    if not callable(extract):
        raise ExtractorUnavailable("cleaners/extract.py defines no extract(html, url)")

    def run(html: str, url: str) -> Extraction:
        article = extract(html, url)
        published = article.published
        return Extraction(
            text=article.text or "",
            title=article.title or None,
            published=published.isoformat() if isinstance(published, date) else published,
            verdict=f"{article.kind}: {article.reason}" if article.kind != "article" else None,
        )

    return run


# name -> (label shown in the table, factory)
EXTRACTORS: dict[str, tuple[str, Callable[[], ExtractFn]]] = {
    "ours": ("cleaners.extract", _ours),
    "trafilatura": ("trafilatura", lambda: _trafilatura(favor_precision=False)),
    "trafilatura-precision": ("trafilatura precision", lambda: _trafilatura(favor_precision=True)),
    "trafilatura-extract": ("trafilatura.extract", lambda: _plain_extract),
}
BASELINE = "trafilatura"  # ×traf: the same work as ours (body, title and date)
PLAIN_BASELINE = "trafilatura-extract"  # ×extr: the body alone, as the issue words it


def load(name: str) -> ExtractFn:
    """The extractor called `name`; raises ExtractorUnavailable or KeyError."""
    return EXTRACTORS[name][1]()


def label(name: str) -> str:
    """The name shown in the table."""
    return EXTRACTORS[name][0]
