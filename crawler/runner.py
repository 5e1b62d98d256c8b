"""Run one monitoring cycle: every selected source crawled by its own spider in one Scrapy process.

Twisted's reactor cannot be restarted, so a process runs `run_cycle` once; repeated cycles
(`eduwatch run`, the demo) start a fresh process per cycle.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from crawler import settings as names
from crawler.alerts.cycle import sync_channels
from crawler.config import Config, Source
from crawler.spiders.portal import PortalSpider
from crawler.summary import SourceSummary, cut_details, run_counts
from crawler.urls import page_number, trap_reason
from db import SourceRecord, open_db


@dataclass(frozen=True)
class CrawlState:
    """What an incremental crawl of one source starts from."""

    known_urls: frozenset[str]
    hubs: tuple[str, ...]
    validators: dict[str, tuple[str | None, str | None]]


def select_sources(config: Config, source_ids: Sequence[str] = ()) -> list[Source]:
    """The sources named (any, enabled or not), or every enabled one."""
    if source_ids:
        return [config.source(source_id) for source_id in dict.fromkeys(source_ids)]
    return [s for s in config.sources if s.enabled]


def source_record(source: Source) -> SourceRecord:
    return SourceRecord(
        id=source.id, name=source.name, level=source.level, province=source.province,
        district=source.district, urls=source.urls,
    )


def crawl_settings(config: Config, *, progress_interval: float = 0.0) -> Settings:
    crawl = config.crawl
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.update(
        {
            "ROBOTSTXT_OBEY": crawl.obey_robots,
            "USER_AGENT": crawl.user_agent,
            "DOWNLOAD_DELAY": crawl.download_delay,
            "AUTOTHROTTLE_START_DELAY": max(crawl.download_delay, 0.01),
            "AUTOTHROTTLE_MAX_DELAY": max(10.0, crawl.download_delay * 4),
            "CONCURRENT_REQUESTS_PER_DOMAIN": max(1, crawl.concurrency_per_host),
            "DOWNLOAD_TIMEOUT": crawl.timeout,
            "RETRY_TIMES": crawl.retries,
            names.DB_PATH: str(config.db_path),
            names.CLASSIFIER_THRESHOLD: config.classifier.threshold,
            names.MAX_PAGES: crawl.max_pages,
            names.MAX_DEPTH: crawl.max_depth,
            names.MAX_PER_SHAPE: crawl.max_per_shape,
            names.MAX_LISTING_PAGES: crawl.max_listing_pages,
            names.PROGRESS_INTERVAL: progress_interval,
        },
        priority="cmdline",
    )
    return settings


def load_states(config: Config, sources: Sequence[Source]) -> dict[str, CrawlState]:
    """Register the sources and read what each one's previous crawls left behind."""
    store = open_db(config.db_path)
    try:
        store.sync_sources(source_record(s) for s in config.sources)
        # Before any report is stored: the outbox queues alerts for the channels it knows.
        sync_channels(store, config)
        states = {}
        for source in sources:
            # Feeds and sitemaps are refetched every cycle (conditionally); listing pages are
            # reached again from the start URLs, which are always fetched in full.
            # A hub stored before a trap rule knew its kind is not fetched again.
            hubs = [url for url in store.hub_urls(source.id, kinds=("feed", "sitemap"))
                    if (page_number(url) or 1) <= 1 and trap_reason(url) is None]
            states[source.id] = CrawlState(
                known_urls=frozenset(store.known_article_urls(source.id)),
                hubs=tuple(u for u in hubs if u not in source.urls),
                validators=store.validators(source.id),
            )
        return states
    finally:
        store.close()


def run_cycle(
    config: Config,
    source_ids: Sequence[str] = (),
    *,
    progress_interval: float = 0.0,
    verbose: bool = False,
    spider_kwargs: dict[str, Any] | None = None,
) -> list[SourceSummary]:
    """Crawl the selected sources once; returns one summary per source."""
    sources = select_sources(config, source_ids)
    states = load_states(config, sources)
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    settings = crawl_settings(config, progress_interval=progress_interval)
    settings.set("LOG_INSTALL_ROOT_HANDLER", verbose, priority="cmdline")
    process = CrawlerProcess(settings)
    crawlers: list[tuple[Source, Crawler]] = []
    for source in sources:
        crawler = process.create_crawler(PortalSpider)
        state = states[source.id]
        process.crawl(
            crawler,
            source=source,
            known_urls=state.known_urls,
            hubs=state.hubs,
            validators=state.validators,
            **(spider_kwargs or {}),
        )
        crawlers.append((source, crawler))
    process.start()
    summaries = []
    unclosed: dict[str, list[str]] = {}
    for source, crawler in crawlers:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        reason = stats.get("finish_reason")
        if reason is None:
            # The engine never closed this spider: a stop signal came while it was starting, or
            # it failed to start. Its run, if the pipeline opened one, is closed here.
            status = "failed" if getattr(process, "bootstrap_failed", False) else "interrupted"
            unclosed.setdefault(status, []).append(source.id)
        else:
            status = {"finished": "ok", "shutdown": "interrupted"}.get(reason, "failed")
        summaries.append(SourceSummary(source.id, run_counts(stats), cut_details(stats), status))
    if unclosed:
        store = open_db(config.db_path)
        try:
            for status, ids in unclosed.items():
                store.close_unfinished_runs(ids, status=status,
                                            error="stopped before the crawl could start")
        finally:
            store.close()
    return summaries
