"""Scrapy middlewares: what may be fetched (scope and budgets) and conditional refetches.

- `CrawlScopeMiddleware` (spider middleware, always on): stays on the source's own hosts,
  applies its allow/deny patterns, cuts traps (`crawler.urls.trap_reason`), skips known
  articles, and bounds the crawl by pages, depth, pages per URL shape and listing depth. Every
  cut is counted under `eduwatch/cut/<reason>` so the crawl summary can report it.
- `ConditionalRequestMiddleware` (downloader middleware, always on): sends If-None-Match /
  If-Modified-Since for pages fetched before, and lets the 304 answer through to the spider.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from crawler import settings as names
from crawler.urls import (
    article_identity,
    canonicalize,
    is_same_site,
    page_number,
    trap_reason,
    url_shape,
)

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response


class CrawlScopeMiddleware(BaseSpiderMiddleware):
    def __init__(
        self,
        crawler: Crawler,
        *,
        max_pages: int,
        max_depth: int,
        max_per_shape: int,
        max_listing_pages: int,
    ) -> None:
        super().__init__(crawler)
        self.max_pages = max_pages
        self.max_depth = max_depth
        self.max_per_shape = max_per_shape
        self.max_listing_pages = max_listing_pages
        self.scheduled: set[str] = set()
        self.shapes: Counter[str] = Counter()
        self.articles: set[str] | None = None  # article identities (see urls.article_identity)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlScopeMiddleware:
        s = crawler.settings
        return cls(
            crawler,
            max_pages=s.getint(names.MAX_PAGES),
            max_depth=s.getint(names.MAX_DEPTH),
            max_per_shape=s.getint(names.MAX_PER_SHAPE),
            max_listing_pages=s.getint(names.MAX_LISTING_PAGES),
        )

    def _cut(self, reason: str) -> None:
        self.crawler.stats.inc_value(f"eduwatch/cut/{reason}")

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        spider = self.crawler.spider
        meta = request.meta
        key = meta.get("eduwatch_key") or canonicalize(request.url)
        if key in self.scheduled:
            return None
        if not meta.get("eduwatch_exempt"):
            shape = url_shape(key)
            reason = self._scope_cut(request, key, shape, spider)
            if reason:
                self._cut(reason)
                return None
            self.shapes[shape] += 1
        self.scheduled.add(key)
        return request

    def _scope_cut(self, request: Request, key: str, shape: str, spider: Any) -> str | None:
        url = request.url
        if not url.startswith(("http://", "https://")):
            return "not_http"
        if not is_same_site(url, spider.hosts):
            return "offsite"
        if any(p.search(url) for p in spider.deny):
            return "denied"
        hint = request.meta.get("eduwatch_hint")
        # allow patterns refine which ARTICLES are wanted; listings and feeds stay reachable.
        if spider.allow and hint == "article" and not any(p.search(url) for p in spider.allow):
            return "not_allowed"
        trap = trap_reason(url)
        if trap:
            return f"trap_{trap.replace(' ', '_').replace('/', '_')}"
        if key in spider.known_urls:
            return "known"
        if int(request.meta.get("depth", 0)) > self.max_depth:
            return "depth"
        number = request.meta.get("eduwatch_page") or page_number(url)
        if number is not None and number > self.max_listing_pages:
            return "listing_depth"
        if self.shapes[shape] >= self.max_per_shape:
            return "shape_budget"
        if len(self.scheduled) >= self.max_pages:
            return "page_budget"
        identity = article_identity(key)  # last: only a request that goes counts as the article
        if identity is not None:
            if self.articles is None:  # the known articles' identities, once per crawl
                self.articles = {i for u in spider.known_urls if (i := article_identity(u))}
            if identity in self.articles:
                return "same_article"
            self.articles.add(identity)
        return None


class ConditionalRequestMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if not request.meta.get("eduwatch_conditional") or request.method != "GET":
            return None
        validators = getattr(self.crawler.spider, "validators", {})
        etag, last_modified = validators.get(canonicalize(request.url), (None, None))
        if not (etag or last_modified):
            return None
        if etag:
            request.headers.setdefault(b"If-None-Match", etag.encode("latin-1"))
        if last_modified:
            request.headers.setdefault(b"If-Modified-Since", last_modified.encode("latin-1"))
        allowed = list(request.meta.get("handle_httpstatus_list", []))
        request.meta["handle_httpstatus_list"] = [*allowed, 304]
        self.crawler.stats.inc_value("eduwatch/conditional_requests")
        return None
