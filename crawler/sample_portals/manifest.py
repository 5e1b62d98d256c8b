"""What is where on the sample portals, for tests and the demo to check a crawl against.

Each `ManifestArticle` is one portal's copy of a story: every URL path that serves it, whether it
is an education report, its title and date as the page shows them, and the gold body text (lead,
paragraphs with captions, byline; the portal's noise excluded). Compare extracted text with
`normalized_text` (cleaners.vietnamese.normalize_text applied), since copies differ only in
tone-mark convention and whitespace.

`Manifest.expected_reports()` is what a correct crawl stores: one `ExpectedReport` per education
report a polite crawler can reach, syndicated copies merged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from cleaners.vietnamese import normalize_text

from .site import Site


@dataclass(frozen=True)
class ManifestPortal:
    id: str
    name: str
    platform: str  # nukeviet, liferay, sharepoint, wordpress
    level: str  # province, district, department (crawler.config.LEVELS)
    province: str
    district: str
    host: str  # the loopback address it listens on
    home_path: str
    robots_allow: tuple[str, ...]  # Allow lines of robots.txt (path prefixes)
    robots_disallow: tuple[str, ...]  # Disallow lines of robots.txt (path prefixes)
    feeds: tuple[str, ...]  # RSS paths (with query where the platform needs one)
    sitemaps: tuple[str, ...]  # the sitemap paths robots.txt names
    search_path: str  # takes ?q=


@dataclass(frozen=True)
class ManifestArticle:
    id: str
    portal: str  # the portal's id
    url_paths: tuple[str, ...]  # canonical first; tracking/session/language-trap variants omitted
    is_education: bool
    title: str
    published: datetime  # local time (UTC+7), as the page shows it
    text: str  # gold body: lead, paragraphs (captions included), byline; blank-line separated
    lead: str
    byline: str
    syndication_group: str | None  # the same report on several portals shares a group
    held_back: bool  # appears only after PortalSet.publish
    robots_disallowed: bool  # under a robots.txt Disallow: a crawler must never fetch it

    @property
    def path(self) -> str:
        return self.url_paths[0]

    @property
    def published_date(self) -> date:
        return self.published.date()

    @property
    def normalized_text(self) -> str:
        return normalize_text(self.text)


@dataclass(frozen=True)
class ExpectedReport:
    """One education report as the database should hold it: all its reachable copies merged."""

    id: str  # the syndication group, or the only copy's article id
    articles: tuple[ManifestArticle, ...]  # its copies, earliest published first

    @property
    def title(self) -> str:
        """The original (earliest) copy's title; `titles` has every copy's."""
        return self.articles[0].title

    @property
    def titles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.title for a in self.articles))

    @property
    def sources(self) -> tuple[str, ...]:
        """The portals (source ids) that publish it."""
        return tuple(dict.fromkeys(a.portal for a in self.articles))

    @property
    def published(self) -> datetime:
        return self.articles[0].published

    @property
    def normalized_text(self) -> str:
        return self.articles[0].normalized_text


@dataclass(frozen=True)
class Manifest:
    portals: tuple[ManifestPortal, ...]
    articles: tuple[ManifestArticle, ...]

    def portal(self, portal_id: str) -> ManifestPortal:
        for portal in self.portals:
            if portal.id == portal_id:
                return portal
        raise KeyError(portal_id)

    def article(self, article_id: str) -> ManifestArticle:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def articles_of(self, portal_id: str) -> tuple[ManifestArticle, ...]:
        return tuple(a for a in self.articles if a.portal == portal_id)

    def expected_reports(self, *, include_held_back: bool = False) -> tuple[ExpectedReport, ...]:
        """The reports a polite crawl stores: education, not forbidden by robots.txt, published
        (held-back ones too with include_held_back), one per report with its copies merged."""
        groups: dict[str, list[ManifestArticle]] = {}
        for article in self.articles:
            if not article.is_education or article.robots_disallowed:
                continue
            if article.held_back and not include_held_back:
                continue
            groups.setdefault(article.syndication_group or article.id, []).append(article)
        return tuple(
            ExpectedReport(key, tuple(sorted(copies, key=lambda a: (a.published, a.id))))
            for key, copies in groups.items()
        )

    def non_education(self) -> tuple[ManifestArticle, ...]:
        """General news: a crawl reads it but must not store it as a report."""
        return tuple(a for a in self.articles if not a.is_education)

    def held_back(self) -> tuple[ManifestArticle, ...]:
        return tuple(a for a in self.articles if a.held_back)

    def article_paths(self) -> frozenset[str]:
        """Every URL path (with its query) of every article on any portal."""
        return frozenset(path for a in self.articles for path in a.url_paths)

    def disallowed_paths(self) -> tuple[str, ...]:
        """Every robots.txt Disallow prefix of any portal."""
        return tuple(dict.fromkeys(p for portal in self.portals for p in portal.robots_disallow))

    def syndication_groups(self) -> dict[str, tuple[ManifestArticle, ...]]:
        groups: dict[str, list[ManifestArticle]] = {}
        for article in self.articles:
            if article.syndication_group:
                groups.setdefault(article.syndication_group, []).append(article)
        return {key: tuple(value) for key, value in groups.items()}


def robots_forbids(path: str, allow: Iterable[str], disallow: Iterable[str]) -> bool:
    """Longest matching prefix wins, Allow on a tie (RFC 9309, what Scrapy's Protego does)."""
    allowed = max((len(p) for p in allow if path.startswith(p)), default=-1)
    forbidden = max((len(p) for p in disallow if path.startswith(p)), default=-1)
    return forbidden > allowed


def _public_sections(site: Site) -> list[str]:
    used = {s for e in site.entries if not e.post.private for s in e.post.sections}
    return [key for key in site.sections if key in used]


def build_manifest(sites: Iterable[Site]) -> Manifest:
    portals: list[ManifestPortal] = []
    articles: list[ManifestArticle] = []
    for site in sites:
        template = site.template
        meta = site.portal
        portals.append(
            ManifestPortal(
                id=meta.id,
                name=meta.name,
                platform=meta.platform,
                level=meta.level,
                province=meta.province,
                district=meta.district,
                host=meta.host,
                home_path="/",
                robots_allow=template.robots_allow,
                robots_disallow=template.robots_disallow,
                feeds=template.feed_paths(_public_sections(site)),
                sitemaps=template.sitemaps,
                search_path=template.search_path,
            )
        )
        for entry in site.entries:
            post = entry.post
            articles.append(
                ManifestArticle(
                    id=post.id,
                    portal=meta.id,
                    url_paths=entry.paths,
                    is_education=post.is_education,
                    title=post.title,
                    published=post.published,
                    text=post.text,
                    lead=post.lead,
                    byline=post.byline,
                    syndication_group=post.syndication_group,
                    held_back=post.held_back,
                    robots_disallowed=robots_forbids(
                        entry.path, template.robots_allow, template.robots_disallow
                    ),
                )
            )
    return Manifest(portals=tuple(portals), articles=tuple(articles))
