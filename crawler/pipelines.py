"""Item pipelines: one calls the cleaners, one calls `db/`. Neither holds SQL or parsing rules.

Every page is remembered (so that the next crawl skips known articles and refetches listings
conditionally); only a new education report continues as a scraped item. Everything else is
dropped with its reason, counted under `eduwatch/outcome/<outcome>`.
"""

from __future__ import annotations

import dataclasses
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import DropItem

from cleaners.article import Article
from cleaners.classify import classify
from cleaners.extract import extract
from cleaners.fingerprint import hash_basis, hash_of_basis
from cleaners.near_duplicates import signature_of_basis
from crawler import settings as names
from crawler.items import PageItem
from crawler.spiders.portal import source_of
from crawler.summary import cut_details, run_counts
from db import RUN_COUNTS, PageRecord, ReportRecord, open_db

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.spiders import Spider

    from db import Store


class ExtractionTooSlow(BaseException):  # noqa: N818 - not an Exception: see below
    """A page's cleaning went past its time limit. A BaseException, like KeyboardInterrupt, so
    that the `except Exception` guards in the cleaners and trafilatura do not swallow it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ExtractionTooSlow in the block once `seconds` have passed (main thread only, where
    Scrapy's reactor runs the pipelines; elsewhere, and with 0, no limit). One pathological page
    (a regular expression backtracking on a widget's text) must not stall a whole crawl."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(*_: object) -> None:
        raise ExtractionTooSlow(f"cleaning took over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class CleanPipeline:
    """HTML → Article (+ classification and content hash for articles)."""

    def __init__(self, threshold: float, time_limit: float = 0.0) -> None:
        self.threshold = threshold
        self.time_limit = time_limit

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanPipeline:
        settings = crawler.settings
        return cls(settings.getfloat(names.CLASSIFIER_THRESHOLD),
                   settings.getfloat(names.EXTRACT_TIME_LIMIT))

    def process_item(self, item: PageItem) -> PageItem:
        if item.fetch_kind != "html":
            return item
        url = item.final_url or item.url
        try:
            with time_limit(self.time_limit):
                article = extract(item.body, url)
        except ExtractionTooSlow as exc:  # remembered as an empty page, with the reason
            item.article = Article(url=url, kind="empty", reason=str(exc))
            item.body = b""
            return item
        if item.extra.get("entry") and article.kind == "article":
            # However much prose a homepage's welcome box holds, the page is a way in (issue 2:
            # homepages are never stored as reports); its articles are reached by its links.
            reason = f"the portal's start page or homepage; {article.reason}"
            article = dataclasses.replace(article, kind="listing", reason=reason)
        item.article = article
        if article.is_article:
            item.classification = classify(article.title, article.text, self.threshold)
            basis = hash_basis(article.text)
            item.content_hash = hash_of_basis(basis)
            if item.classification.is_education:  # only reports are compared for near copies
                item.extra["signature"] = signature_of_basis(basis)
        item.body = b""  # the HTML is not stored; let it go before the item travels on
        return item


class StorePipeline:
    """Writes each page's outcome through the db API: one page, one transaction."""

    def __init__(self, crawler: Crawler, db_path: str) -> None:
        self.crawler = crawler
        self.db_path = db_path
        self.store: Store | None = None
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(crawler, crawler.settings.get(names.DB_PATH))
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        self.store = open_db(self.db_path)
        self.run_id = self.store.start_run(source_of(self.crawler).id)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.store is None:
            return
        stats = self.crawler.stats.get_stats()
        status = "ok" if reason == "finished" else "interrupted"
        if self.run_id is not None:
            counts = run_counts(stats)
            self.store.finish_run(
                self.run_id,
                {k: v for k, v in counts.items() if k in RUN_COUNTS},
                status=status,
                error=None if status == "ok" else reason,
                stats={**counts, "cuts": cut_details(stats)},
            )
        self.store.close()
        self.store = None

    def _count(self, outcome: str) -> None:
        self.crawler.stats.inc_value(f"eduwatch/outcome/{outcome}")

    def _drop(self, outcome: str, why: str) -> DropItem:
        self._count(outcome)
        return DropItem(f"{outcome}: {why}", log_level="DEBUG")

    def process_item(self, item: PageItem) -> Any:
        assert self.store is not None, "StorePipeline used before open_spider"
        store = self.store
        if item.fetch_kind == "error":
            store.record_page(self._page(item, kind="other", outcome="error", reason=item.error))
            raise self._drop("error", item.error)
        if item.fetch_kind == "not_modified":
            previous = store.page_state(item.url)
            kind = previous.kind if previous else "listing"
            store.record_page(self._page(item, kind=kind, outcome="not_modified"))
            raise self._drop("not_modified", item.url)
        if item.fetch_kind in ("feed", "sitemap"):
            store.record_page(self._page(item, kind=item.fetch_kind, outcome="listing"))
            raise self._drop("listing", f"{item.fetch_kind} {item.url}")
        article = item.article
        if article is None or article.kind == "empty":
            reason = article.reason if article else "no article extracted"
            store.record_page(self._page(item, kind="other", outcome="empty", reason=reason))
            raise self._drop("empty", reason)
        if article.kind == "listing":
            store.record_page(self._page(item, kind="listing", outcome="listing",
                                         reason=article.reason))
            raise self._drop("listing", article.reason)
        verdict = item.classification
        if not verdict.is_education:
            store.record_page(self._page(
                item, kind="article", outcome="not_education", reason="not an education report",
                content_hash=item.content_hash, score=verdict.score, signals=verdict.signals,
            ))
            raise self._drop("not_education", article.title)
        source = source_of(self.crawler)
        page = self._page(item, kind="article", outcome="report", content_hash=item.content_hash,
                          score=verdict.score, signals=verdict.signals)
        report = ReportRecord(
            content_hash=item.content_hash or "",
            title=article.title,
            text=article.text,
            published=article.published,
            byline=article.byline,
            platform=article.platform,
            score=verdict.score,
            signals=tuple(verdict.signals),
            source_id=source.id,
            province=source.province,
            district=source.district,
            level=source.level,
            url=item.url,
            signature=item.extra.get("signature", ()),
        )
        result = store.save_report(page, report)
        if not result.is_new:
            raise self._drop("duplicate", f"{item.url} is report {result.report_id}")
        self._count("new_report")
        item.extra["report_id"] = result.report_id
        return item

    @staticmethod
    def _page(item: PageItem, *, kind: str, outcome: str, **fields: Any) -> PageRecord:
        return PageRecord(
            url=item.url,
            source_id=item.source_id,
            kind=kind,
            status=item.status,
            outcome=outcome,
            etag=item.etag,
            last_modified=item.last_modified,
            **fields,
        )
