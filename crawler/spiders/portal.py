"""The one generic spider: any portal, driven by its [[sources]] entry alone.

Discovery, from the start URLs: robots.txt `Sitemap:` lines, sitemaps, RSS/Atom feeds (linked
from the page head or given as start URLs), then every same-site link of every HTML page,
including listing pagination and ASP.NET `__doPostBack` pagers (submitted as the form they are).
What may be fetched (same site, traps, budgets, known articles) is decided by
`crawler.middlewares.CrawlScopeMiddleware`; whether a page is an article is decided later by the
cleaners. The spider only fetches and yields raw `PageItem`s.

Incremental runs get `known_urls` (article pages already processed: never refetched), `hubs`
(listing pages seen before: refetched with conditional requests) and `validators` (ETag and
Last-Modified per URL, used by `crawler.middlewares.ConditionalRequestMiddleware`).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from form2request import form2request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawler.config import Source
from crawler.items import PageItem
from crawler.urls import canonicalize, is_homepage, is_same_site, link_hint, page_number

_POSTBACK = re.compile(r"__doPostBack\(\s*['\"]([^'\"]*)['\"]\s*,\s*['\"]([^'\"]*)['\"]\s*\)")
_PAGER_ARGUMENT = re.compile(r"^(?:Page\$)?(\d+)$", re.IGNORECASE)
_PAGER_TARGET = re.compile(r"pag(?:er|ing|e)|trang|phantrang|datapager|gridview", re.IGNORECASE)
_XML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|urlset|sitemapindex|rdf:RDF)\b",
    re.DOTALL | re.IGNORECASE,
)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")

# Link priorities: discovery documents first, then listings, then articles; breadth-first within.
PRIORITY = {"feed": 30, "sitemap": 30, "listing": 20, "article": 10, "unknown": 0}


def _now() -> datetime:
    return datetime.now(UTC)


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(
        self,
        source: Source,
        known_urls: Iterable[str] = (),
        hubs: Iterable[str] = (),
        validators: Mapping[str, tuple[str | None, str | None]] | None = None,
        now: Any = _now,
        **kwargs: Any,
    ) -> None:
        super().__init__(name=f"portal:{source.id}", **kwargs)
        self.source = source
        self.known_urls = frozenset(known_urls)
        self.hubs = tuple(hubs)
        self.validators = dict(validators or {})
        self.now = now
        # Hosts this source may crawl; grows when a start URL redirects to its real home.
        self.hosts: set[str] = set(source.hosts)
        # The source's allow/deny patterns, compiled once; CrawlScopeMiddleware applies them too.
        self.allow = tuple(re.compile(p) for p in source.allow)
        self.deny = tuple(re.compile(p) for p in source.deny)
        self._links = LinkExtractor(unique=True, canonicalize=False, tags=("a", "area"))
        self._postbacks_seen: set[tuple[str, str, str]] = set()

    # ----------------------------------------------------------------- start
    async def start(self) -> AsyncIterator[Any]:
        for host_url in dict.fromkeys(self._site_root(u) for u in self.source.urls):
            yield scrapy.Request(
                host_url + "robots.txt",
                callback=self.parse_robots,
                errback=self.on_robots_error,
                priority=100,
                dont_filter=True,
                meta={"dont_obey_robotstxt": True, "eduwatch_exempt": True,
                      "handle_httpstatus_list": [404, 410, 403]},
            )
        for url in self.source.urls:
            yield self.page_request(url, exempt=True, start=True)
        for url in self.hubs:
            yield self.page_request(url, exempt=True)

    @staticmethod
    def _site_root(url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}/"

    def page_request(
        self, url: str, *, hint: str | None = None, exempt: bool = False, start: bool = False,
        canonical: bool = False, **meta: Any,
    ) -> scrapy.Request:
        """A GET for `url` (canonicalized unless the caller says it already is)."""
        if not canonical:
            url = canonicalize(url)
        hint = hint or link_hint(url)
        meta.update(
            eduwatch_hint=hint,
            eduwatch_exempt=exempt,
            eduwatch_start=start,
            # Start pages are always fetched whole: they are where new articles show first, and a
            # 304 would hide the links to the listings below them.
            eduwatch_conditional=hint in ("feed", "sitemap") or (hint != "article" and not start),
        )
        return scrapy.Request(
            url,
            callback=self.parse,
            errback=self.on_error,
            priority=PRIORITY.get(hint, 0),
            meta=meta,
        )

    # ----------------------------------------------------------------- robots
    def parse_robots(self, response: Response) -> Iterator[Any]:
        if response.status != 200:
            return
        for url in sitemap_urls_from_robots(response.text, base_url=response.url):
            yield self.page_request(url, hint="sitemap", exempt=True)

    def on_robots_error(self, failure: Failure) -> None:
        self.logger.info("robots.txt not available: %s", failure.value)

    # ----------------------------------------------------------------- pages
    def parse(self, response: Response, **_: Any) -> Iterator[Any]:
        meta = response.meta
        stats = self.crawler.stats
        stats.inc_value("eduwatch/pages_fetched")
        requested = response.request.url if response.request is not None else response.url
        url = meta.get("eduwatch_key") or canonicalize(requested)
        if meta.get("eduwatch_start"):
            self._adopt_redirect_host(response)
        if response.status == 304:
            etag, last_modified = self.validators.get(url, (None, None))
            yield self._item(response, url, "not_modified", etag=etag, last_modified=last_modified)
            return
        kind = self._document_kind(response)
        if kind == "sitemap":
            yield self._item(response, url, "sitemap")
            yield from self._sitemap_requests(response)
        elif kind == "feed":
            yield self._item(response, url, "feed")
            yield from self._feed_requests(response)
        elif kind == "html":
            assert isinstance(response, TextResponse)
            # Raw bytes: the cleaners decode them (strict UTF-8 first, then the declared charset,
            # then windows-1258), which copes with mis-declared pages better than trusting the
            # header alone.
            item = self._item(response, url, "html", body=response.body)
            if meta.get("eduwatch_start") or is_homepage(url):
                item.extra["entry"] = True  # a start page or homepage: a way in, not a report
            yield item
            yield from self._html_requests(response, url)
        else:
            stats.inc_value("eduwatch/skipped_not_html")

    def _adopt_redirect_host(self, response: Response) -> None:
        host = (urlsplit(response.url).hostname or "").lower()
        if host and host not in self.hosts:
            self.logger.info("%s: start URL moved to %s; following it", self.source.id, host)
            self.hosts.add(host)

    @staticmethod
    def _document_kind(response: Response) -> str:
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        head = response.body[:2048]
        match = _XML_START.match(head)
        if match:
            root = match.group(1).decode("ascii").lower()
            return "sitemap" if root in ("urlset", "sitemapindex") else "feed"
        if "xml" in content_type and b"<html" not in head.lower():
            return "feed" if b"<channel" in response.body[:8192] else "other"
        if isinstance(response, TextResponse) and (
            "html" in content_type or not content_type or b"<html" in head.lower()
        ):
            return "html"
        return "other"

    def _item(self, response: Response, url: str, kind: str, **fields: Any) -> PageItem:
        headers = response.headers
        etag = fields.pop("etag", None) or _header(headers, b"ETag")
        last_modified = fields.pop("last_modified", None) or _header(headers, b"Last-Modified")
        return PageItem(
            url=url,
            source_id=self.source.id,
            fetch_kind=kind,  # type: ignore[arg-type]
            fetched_at=self.now(),
            final_url=response.url,
            status=response.status,
            etag=etag,
            last_modified=last_modified,
            depth=int(response.meta.get("depth", 0)),
            **fields,
        )

    # ----------------------------------------------------------------- discovery
    def _html_requests(self, response: TextResponse, url: str) -> Iterator[scrapy.Request]:
        for href in response.xpath("//head/link[@rel='alternate' or @rel='sitemap']"):
            link_type = (href.attrib.get("type") or "").lower()
            if link_type in _FEED_TYPES or href.attrib.get("rel") == "sitemap":
                target = response.urljoin(href.attrib.get("href", ""))
                yield self.page_request(target, hint="feed" if link_type else "sitemap")

        links = [link for link in self._links.extract_links(response) if not link.nofollow]
        current_page = page_number(url) or 1
        targets = [canonicalize(link.url) for link in links]
        candidates = [(target, link_hint(target)) for target in targets]
        articles = [c for c, hint in candidates if hint == "article" and self._wanted(c)]
        # Incremental stop: a listing page whose articles are all known ends its pagination.
        stop_paging = bool(self.known_urls) and bool(articles) and all(
            a in self.known_urls for a in articles
        )
        for candidate, hint in candidates:
            number = page_number(candidate)
            if stop_paging and number is not None and number > current_page:
                self.crawler.stats.inc_value("eduwatch/paging_stopped_at_known")
                continue
            yield self.page_request(candidate, hint=hint, canonical=True)
        yield from self._postback_requests(response, url, current_page, stop_paging)

    def _wanted(self, url: str) -> bool:
        """Same site and not denied: the links whose being known can end a listing's paging."""
        return is_same_site(url, self.hosts) and not any(p.search(url) for p in self.deny)

    def _postback_requests(
        self, response: TextResponse, url: str, current_page: int, stop_paging: bool
    ) -> Iterator[scrapy.Request]:
        """ASP.NET listings that page by form postback: submit the form as a browser would."""
        if not response.xpath("//form//input[@name='__VIEWSTATE' or @name='__EVENTTARGET']"):
            return
        base = url.split("#", 1)[0]
        for anchor in response.xpath("//a[contains(@href, '__doPostBack')]"):
            match = _POSTBACK.search(anchor.attrib.get("href", ""))
            if not match:
                continue
            target, argument = match.groups()
            pager = _PAGER_ARGUMENT.match(argument)
            is_pager = _PAGER_TARGET.search(target) or argument.lower().startswith("page$")
            if not pager or not is_pager:
                continue
            number = int(pager.group(1))
            if number <= current_page and not (number == 1 and current_page == 1):
                continue
            if stop_paging or (base, target, argument) in self._postbacks_seen:
                continue
            form = response.xpath(
                "//form[.//input[@name='__VIEWSTATE' or @name='__EVENTTARGET']]"
            )[:1]
            try:
                # URL-encoded whatever the form declares: ASP.NET reads both, and DotNetNuke's
                # multipart forms are not something form2request encodes.
                submission = form2request(
                    form,
                    {"__EVENTTARGET": target, "__EVENTARGUMENT": argument},
                    click=False,
                    enctype="application/x-www-form-urlencoded",
                )
            except (NotImplementedError, ValueError) as exc:
                self.crawler.stats.inc_value("eduwatch/postback_failed")
                self.logger.info("%s: %s: pager %s not submitted: %s",
                                 self.source.id, url, argument, exc)
                continue
            self._postbacks_seen.add((base, target, argument))
            yield submission.to_scrapy(
                callback=self.parse,
                errback=self.on_error,
                priority=PRIORITY["listing"],
                meta={
                    "eduwatch_hint": "listing",
                    "eduwatch_key": f"{base}#postback={argument}",
                    "eduwatch_page": number,
                },
            )

    def _feed_requests(self, response: Response) -> Iterator[scrapy.Request]:
        selector = response.selector if isinstance(response, TextResponse) else None
        if selector is None:
            return
        links = selector.xpath(
            "//*[local-name()='item']/*[local-name()='link']/text()"
            " | //*[local-name()='entry']/*[local-name()='link']"
            "[not(@rel) or @rel='alternate']/@href"
        ).getall()
        for link in links:
            yield self.page_request(response.urljoin(link.strip()), hint="article")

    def _sitemap_requests(self, response: Response) -> Iterator[scrapy.Request]:
        try:
            sitemap = Sitemap(response.body)
        except Exception as exc:  # a broken sitemap is the portal's problem, not a crash
            self.logger.warning("%s: unreadable sitemap %s (%s)", self.source.id, response.url, exc)
            return
        entries = sorted(sitemap, key=lambda e: e.get("lastmod", ""), reverse=True)
        for entry in entries:
            loc = (entry.get("loc") or "").strip()
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield self.page_request(response.urljoin(loc), hint="sitemap")
            else:
                yield self.page_request(response.urljoin(loc), hint="article")

    # ----------------------------------------------------------------- errors
    def on_error(self, failure: Failure) -> Iterator[PageItem]:
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(IgnoreRequest) and not failure.check(HttpError):  # type: ignore[no-untyped-call]
            # robots.txt said no (or another middleware declined): a cut, not a fault.
            self.crawler.stats.inc_value("eduwatch/cut/robots")
            return
        status = None
        response = getattr(failure.value, "response", None)
        if isinstance(failure.value, HttpError) and response is not None:
            status = response.status
        self.crawler.stats.inc_value("eduwatch/errors")
        message = failure.getErrorMessage()
        self.logger.info("%s: %s failed: %s", self.source.id, request.url, message)
        yield PageItem(
            url=request.meta.get("eduwatch_key") or canonicalize(request.url),
            source_id=self.source.id,
            fetch_kind="error",
            fetched_at=self.now(),
            final_url=request.url,
            status=status,
            error=f"{failure.type.__name__ if failure.type else 'Error'}: {message}"[:500],
        )


def source_of(crawler: Crawler) -> Source:
    """The source the crawler's spider is crawling (for the pipelines and extensions)."""
    spider = crawler.spider
    if not isinstance(spider, PortalSpider):
        raise TypeError(f"eduwatch components run with PortalSpider, not {type(spider).__name__}")
    return spider.source


def _header(headers: Any, name: bytes) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value else None
