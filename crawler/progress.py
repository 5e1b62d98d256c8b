"""Progress lines while a crawl runs (switched on by EDUWATCH_PROGRESS_INTERVAL > 0).

Each new report is announced as it is stored; every interval a line per source shows pages
fetched, reports found and what is still queued. Lines go to the stream the CLI passes in
(stderr), so `--format json` output on stdout stays clean.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TextIO

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from crawler import settings as names
from crawler.spiders.portal import source_of

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# The CLI points this at its own stream; tests may swap it.
STREAM: TextIO = sys.stderr


class ProgressReporter:
    def __init__(self, crawler: Crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.task: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressReporter:
        interval = crawler.settings.getfloat(names.PROGRESS_INTERVAL)
        if interval <= 0:
            raise NotConfigured
        reporter = cls(crawler, interval)
        crawler.signals.connect(reporter.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(reporter.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(reporter.item_scraped, signal=signals.item_scraped)
        return reporter

    @property
    def _source_id(self) -> str:
        return source_of(self.crawler).id

    def spider_opened(self) -> None:
        self.task = create_looping_call(self.report)
        self.task.start(self.interval, now=False)

    def spider_closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()

    def item_scraped(self, item: Any) -> None:
        title = getattr(item.article, "title", "") or item.url
        print(f"  [{self._source_id}] + new report: {title[:90]}", file=STREAM, flush=True)

    def report(self) -> None:
        stats = self.crawler.stats
        engine = self.crawler.engine
        scheduler = engine.scheduler if engine else None
        queued = len(scheduler) if scheduler is not None else 0  # type: ignore[arg-type]
        print(
            f"  [{self._source_id}] {stats.get_value('eduwatch/pages_fetched', 0)} pages fetched,"
            f" {stats.get_value('eduwatch/outcome/new_report', 0)} new reports,"
            f" {queued} queued",
            file=STREAM,
            flush=True,
        )
