"""The contract between a site and the platform template that renders it.

A template knows one platform's URL scheme and markup: where an article lives, what robots.txt
forbids, which feeds and sitemaps exist, and how every page looks. `handle` maps a request and a
snapshot of the site to a reply; the HTTP layer does the rest.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from typing import ClassVar

from .markup import IMAGE_SUFFIXES, PLACEHOLDER_IMAGE
from .messages import TEXT, Reply, Request
from .site import SiteView
from .stories import PortalMeta, Post

# Off-site public addresses portals link to; a crawler must never follow them.
PUBLIC_LINKS = (
    ("https://moet.gov.vn/", "Bộ Giáo dục và Đào tạo"),
    ("https://chinhphu.vn/", "Cổng thông tin điện tử Chính phủ"),
)

_STYLESHEET = (
    "body{font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;margin:0 auto;"
    "max-width:1200px}a{color:#0b4f9c;text-decoration:none}img{max-width:100%}"
    "body>header,#menusite,#banner,#header,#footer,body>footer{background:#0b4f9c;color:#fff;"
    "padding:8px}#menusite a,#banner a,#header a,#footer a{color:#fff}li{margin:2px 0}"
    ".hidden,.hide,.d-none,#timeoutsess,#openidResult,.aspNetHidden,time.updated{display:none}"
    ".has-text-align-center{text-align:center}.has-text-align-right{text-align:right}"
    ".col-md-18,.span8,.large-9,.col-main{float:left;width:70%;padding:8px;box-sizing:border-box}"
    ".col-md-6,.span4,.large-3,.col-right{float:right;width:30%;padding:8px;box-sizing:border-box}"
    ".panel-heading,.portlet-title,.widget-title,.ms-webpart-titleText{font-weight:bold;"
    "background:#e8eef6;padding:4px}footer,#footer{clear:both}"
)


class PortalTemplate(ABC):
    """One platform's URL scheme and markup."""

    platform: ClassVar[str]
    first_number: ClassVar[int] = 1  # the first article number; real CMSes rarely start at 1
    server_header: ClassVar[str] = "nginx"
    extra_headers: ClassVar[tuple[tuple[str, str], ...]] = ()  # sent with every reply
    asset_prefixes: ClassVar[tuple[str, ...]] = ()
    robots_allow: ClassVar[tuple[str, ...]] = ()
    robots_disallow: ClassVar[tuple[str, ...]] = ()
    feeds: ClassVar[tuple[str, ...]] = ()
    sitemaps: ClassVar[tuple[str, ...]] = ()
    search_path: ClassVar[str] = "/tim-kiem"

    def __init__(self, portal: PortalMeta, sections: Mapping[str, str]) -> None:
        self.portal = portal
        self.sections = dict(sections)

    @abstractmethod
    def article_paths(self, post: Post, number: int) -> tuple[str, ...]:
        """Every path that serves the post and is linked somewhere; canonical first."""

    @abstractmethod
    def handle(self, request: Request, view: SiteView) -> Reply | None:
        """The reply for a request, or None for 404."""

    def feed_paths(self, sections: Iterable[str]) -> tuple[str, ...]:
        """Every feed the portal links, given the sections it publishes in (main feed first)."""
        del sections  # most platforms link one site-wide feed
        return self.feeds

    def robots_txt(self, view: SiteView) -> str:
        lines = ["User-agent: *"]
        lines += [f"Allow: {path}" for path in self.robots_allow]
        lines += [f"Disallow: {path}" for path in self.robots_disallow]
        lines.append("")
        lines += [f"Sitemap: {view.url(path)}" for path in self.sitemaps]
        return "\n".join(lines) + "\n"

    def asset(self, path: str, view: SiteView) -> Reply | None:
        """Placeholder images and the stylesheet under the platform's asset folders."""
        if not path.startswith(self.asset_prefixes):
            return None
        lowered = path.lower()
        if lowered.endswith(IMAGE_SUFFIXES):
            return Reply(body=PLACEHOLDER_IMAGE, content_type="image/png", modified=view.started)
        if lowered.endswith(".css"):
            return Reply(body=_STYLESHEET, content_type="text/css", modified=view.started)
        if lowered.endswith(".js"):
            return Reply(
                body="/* */\n", content_type="application/javascript", modified=view.started
            )
        return None

    def robots(self, view: SiteView) -> Reply:
        return Reply(body=self.robots_txt(view), content_type=TEXT, modified=view.started)
