"""A Liferay 6.2 provincial portal, the kind many provinces and departments run.

The article sits in an asset publisher: the real title is `div.asset-full-content-title` while
the page <title> and og:title name the section, the date line reads "Ngày đăng 25/02/2021 |
3:06 PM | View count: 107" (or "Update 25 - 02 - 2021" with a "100%" text-size widget on older
articles), the lead is `p.sapo`, and "Các tin khác" follows. The sidebar has "Tin mới nhất" with
"(28/03/2024 11:06 CH)" dates and its own pager, a poll ("Đánh giá của bạn về cổng thông tin điện
tử", "373 người đã bình chọn") and a visit counter.

Traps, as on the real portals: the language switch links are relative (`<page>/vi`, `<page>/en`)
so each click appends to the path, and the server answers 200 with the same page for any chain
of such suffixes; some links carry `;jsessionid=…`; listings page with
`?p_p_id=101&…&_101_cur=N`. Private pages live under `/group/`, disallowed in robots.txt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from urllib.parse import quote, urlencode

from .markup import (
    BodyStyle,
    clock_12h,
    esc,
    fill,
    iso_local,
    page_count,
    page_of,
    parse_page,
    render_body,
    rss_document,
    sitemap_urlset,
    truncate,
    view_count,
)
from .messages import RSS, XML, Reply, Request, html
from .site import Entry, SiteView
from .stories import PRIVATE_SECTION, Post, slugify
from .template import PUBLIC_LINKS, PortalTemplate

_PAGE_ALIASES = {"thoi-su": "tin-tuc-su-kien", "giao-duc": "giao-duc-dao-tao"}
_PRIVATE_ROOT = "/group/guest/"
_LANGUAGE_SUFFIX = re.compile(r"(?:/(?:vi|en))+/?$")
_SESSION_ID = re.compile(r";jsessionid=[^/?#]*", re.IGNORECASE)
_SESSION = ";jsessionid=8A1F2C3D4B5E6F708192A3B4C5D6E7F8"
_PORTLET = "101"
_SIDEBAR = "tinmoinhat_WAR_dienbienportlet"
_SIDEBAR_SIZE = 5
_BODY = BodyStyle(
    paragraph='<p style="text-align: justify;">{text}</p>',
    caption=(
        '<p style="text-align: center;"><img alt="" src="{src}" style="width: 600px;"></p>\n'
        '<p style="text-align: center;"><em>{text}</em></p>'
    ),
    center='<p style="text-align: center;"><strong>{text}</strong></p>',
    right='<p style="text-align: right;"><strong>{text}</strong></p>',
    bold='<p style="text-align: justify;"><strong>{text}</strong></p>',
    image='<p style="text-align: center;"><img alt="" src="{src}" style="width: 600px;"></p>',
)


def _page_alias(section: str) -> str:
    return _PAGE_ALIASES.get(section, section)


class LiferayTemplate(PortalTemplate):
    platform = "liferay"
    first_number = 3_402_115
    server_header = "Apache-Coyote/1.1"
    extra_headers = (
        ("Liferay-Portal", "Liferay Portal Community Edition 6.2 CE GA6 (Newton / Build 6205)"),
        ("Content-Language", "vi-VN"),
    )
    asset_prefixes = ("/documents/", "/dienbien-theme/", "/html/")
    robots_disallow = ("/group/", "/c/", "/api/")
    feeds = ("/tin-tuc-su-kien/-/asset_publisher/rss",)
    sitemaps = ("/sitemap.xml",)

    # ---- URLs -------------------------------------------------------------------------------

    def article_paths(self, post: Post, number: int) -> tuple[str, ...]:
        root = _PRIVATE_ROOT if post.private else "/"
        return (
            f"{root}{_page_alias(post.section)}/-/view_content/{number}-{slugify(post.title)}.html",
        )

    def _page_path(self, section: str) -> str:
        root = _PRIVATE_ROOT if section == PRIVATE_SECTION else "/"
        return f"{root}{_page_alias(section)}"

    def _listing_path(self, section: str, page: int) -> str:
        if page == 1:
            return self._page_path(section)
        query = {
            "p_p_id": _PORTLET,
            "p_p_lifecycle": "0",
            "p_p_state": "normal",
            "p_p_mode": "view",
            f"_{_PORTLET}_delta": str(self.portal.per_page),
            f"_{_PORTLET}_cur": str(page),
        }
        return f"{self._page_path(section)}?{urlencode(query)}"

    def _tag_path(self, slug: str) -> str:
        return f"/{_page_alias('thoi-su')}/-/tag/{slug}"

    # ---- routing ----------------------------------------------------------------------------

    def handle(self, request: Request, view: SiteView) -> Reply | None:
        # Liferay ignores ;jsessionid= and a trailing chain of language segments: any such URL
        # answers 200 with the same page. That is the trap, reproduced on purpose.
        path = _SESSION_ID.sub("", request.path)
        path = _LANGUAGE_SUFFIX.sub("", path) or "/"
        if request.method == "POST":
            return None
        sidebar_page = parse_page(request.query.get(f"_{_SIDEBAR}_cur"))
        render = _Renderer(self, view, request.path, sidebar_page)
        if path in ("/", "/trang-chu"):
            return render.home()
        if path == self.search_path:
            return render.search(request.query.get("q", ""))
        if path == "/sitemap.xml":
            return self._sitemap(view)
        if path == self.feeds[0]:
            body = rss_document(
                view,
                view.posts[:20],
                title=view.portal.name,
                link_path="/" + _page_alias("thoi-su"),
                description="Tin tức - Sự kiện",
            )
            return Reply(body=body, content_type=RSS)
        tag = re.fullmatch(r"/[^/]+/-/tag/([a-z0-9-]+)", path)
        if tag:
            return render.tag(tag.group(1))
        article = re.fullmatch(
            r"(/group/guest)?/([a-z0-9-]+)/-/view_content/(\d+)-([a-z0-9-]+)\.html", path
        )
        if article:
            private = article.group(1) is not None
            entry = view.by_number(int(article.group(3)), private=private)
            if entry is None or entry.path != path:
                return None
            return render.article(entry)
        section = self._section_at(path)
        if section is not None:
            page = parse_page(request.query.get(f"_{_PORTLET}_cur"))
            return render.listing(section, page)
        return self.asset(path, view)

    def _section_at(self, path: str) -> str | None:
        for key in self.sections:
            if self._page_path(key) == path:
                return key
        return None

    def _sitemap(self, view: SiteView) -> Reply:
        pages: list[tuple[str, datetime | None]] = [("/", view.clock)]
        pages += [(self._page_path(k), view.clock) for k in view.used_sections()]
        pages += [(e.path, e.post.published) for e in view.posts]
        return Reply(body=sitemap_urlset(view, pages), content_type=XML)


def _strip_language(path: str) -> str:
    return _LANGUAGE_SUFFIX.sub("", path) or "/"


def _images(entry: Entry) -> Callable[[int], str]:
    """Where Liferay's document library serves the post's photos."""
    folder = f"/documents/10181/{entry.number}/{entry.slug[:40]}"
    return lambda n: f"{folder}-{n}.jpg"


class _Renderer:
    """Renders the pages of one request (it knows the path, for the relative language links)."""

    def __init__(
        self, template: LiferayTemplate, view: SiteView, raw_path: str, sidebar_page: int
    ) -> None:
        self.t = template
        self.view = view
        self.raw_path = raw_path
        self.sidebar_page = sidebar_page

    # ---- frame ------------------------------------------------------------------------------

    def _language_prefix(self) -> str:
        # Relative on purpose: "<last segment>/vi" resolves to the current path plus "/vi".
        last = self.raw_path.rstrip("/").rsplit("/", 1)[-1] if self.raw_path != "/" else ""
        return f"{last}/" if last else ""

    @staticmethod
    def _portlet(title: str, body: str, portlet_id: str) -> str:
        return fill("liferay-portlet", title=esc(title), body=body, portlet_id=portlet_id)

    def _frame(self, title: str, main: str, *, description: str = "", head: str = "") -> str:
        view = self.view
        portal = view.portal
        menu = "".join(
            f'<li role="presentation"><a href="{self.t._page_path(k)}{_SESSION}" role="menuitem">'
            f"<span>{esc(view.sections[k])}</span></a></li>"
            for k in view.used_sections()
        )
        menu += (
            f'<li role="presentation"><a href="{self.t._page_path(PRIVATE_SECTION)}" '
            f'role="menuitem"><span>{esc(view.sections[PRIVATE_SECTION])}</span></a></li>'
        )
        return fill(
            "liferay-frame",
            title=esc(title),
            site_name=esc(portal.name),
            site_name_upper=esc(portal.name.upper()),
            owner=esc(portal.owner),
            province=esc(portal.province),
            description=esc(truncate(description or portal.name, 160)),
            extra_head=head,
            language_prefix=esc(self._language_prefix()),
            menu=menu,
            search_path=self.t.search_path,
            main=main,
            sidebar=self._sidebar(),
            feed=self.t.feeds[0],
        )

    def _sidebar(self) -> str:
        view = self.view
        pages = page_count(len(view.posts), _SIDEBAR_SIZE)
        current = min(self.sidebar_page, pages)
        latest = "".join(
            f'<li><a href="{e.path}" title="{esc(e.post.title)}">{esc(truncate(e.post.title, 95))}'
            f'</a><span class="date">({e.post.published:%d/%m/%Y} '
            f"{clock_12h(e.post.published, 'SA', 'CH')})</span></li>"
            for e in page_of(view.posts, current, _SIDEBAR_SIZE)
        )
        base = _strip_language(_SESSION_ID.sub("", self.raw_path))

        def link(n: int) -> str:
            query = urlencode({"p_p_id": _SIDEBAR, f"_{_SIDEBAR}_cur": str(n)})
            return esc(f"{base}?{query}")

        numbers = " ".join(f'<a href="{link(n)}">{n}</a>' for n in range(1, pages + 1))
        pager = (
            f'<div class="pager-tinmoi"><a href="{link(1)}">&lt;&lt;</a> '
            f'<a href="{link(max(1, current - 1))}">&lt;</a> {numbers} '
            f'<a href="{link(min(pages, current + 1))}">&gt;</a> '
            f'<a href="{link(pages)}">&gt;&gt;</a></div>'
        )
        links = [(u, "Cổng thông tin điện tử huyện") for u in view.neighbours[:1]]
        links += list(PUBLIC_LINKS)
        weblinks = "".join(
            f'<li><a href="{esc(u)}" target="_blank">{esc(n)}</a></li>' for u, n in links
        )
        total = f"{4_560_000 + len(view.posts) * 211:,}".replace(",", ".")
        counter = (
            '<div class="counter"><p>Số lượng truy cập</p>'
            f"<p>Đang truy cập: {102 + len(view.posts)}</p><p>Tổng: {total}</p></div>"
        )
        return "\n".join(
            (
                self._portlet(
                    "Tin mới nhất", f'<ul class="list-news">{latest}</ul>{pager}', _SIDEBAR
                ),
                self._portlet("Thăm dò ý kiến", fill("liferay-poll"), "poll_WAR_dienbienportlet"),
                self._portlet("Thống kê truy cập", counter, "counter_WAR_dienbienportlet"),
                self._portlet("Liên kết website", f'<ul class="weblinks">{weblinks}</ul>', "links"),
            )
        )

    # ---- pages ------------------------------------------------------------------------------

    def _abstract(self, entry: Entry) -> str:
        post = entry.post
        return fill(
            "liferay-abstract",
            path=entry.path,
            more=entry.path + _SESSION,
            number=entry.number,
            title=esc(post.title),
            date=f"{post.published:%d/%m/%Y}",
            summary=esc(truncate(post.lead or post.paragraphs[0], 300)),
        )

    def home(self) -> Reply:
        view = self.view
        featured = "".join(self._abstract(e) for e in view.posts[:3])
        blocks = []
        for key in view.used_sections():
            items = "".join(
                f'<li><a href="{e.path}">{esc(e.post.title)}</a> '
                f'<span class="date">({e.post.published:%d/%m/%Y})</span></li>'
                for e in view.in_section(key)[:4]
            )
            more = f'<a class="more" href="{self.t._page_path(key)}{_SESSION}">Xem thêm</a>'
            blocks.append(self._portlet(view.sections[key], f"<ul>{items}</ul>{more}", f"56_{key}"))
        main = self._portlet("Tin nổi bật", featured, "101_INSTANCE_noibat") + "".join(blocks)
        return html(self._frame("Trang chủ", main))

    def listing(self, section: str, page: int) -> Reply:
        view = self.view
        entries = view.in_section(section)
        per_page = view.portal.per_page
        pages = page_count(len(entries), per_page)
        page = min(page, pages)  # Liferay clamps an out-of-range cursor to the last page
        shown = page_of(entries, page, per_page)

        def link(n: int) -> str:
            return esc(self.t._listing_path(section, n))

        numbers = "".join(
            f'<li class="{"active" if n == page else ""}"><a href="{link(n)}">{n}</a></li>'
            for n in range(1, pages + 1)
        )
        first_shown = (page - 1) * per_page + 1
        pager = fill(
            "liferay-pager",
            first=link(1),
            previous=link(max(1, page - 1)),
            next=link(min(pages, page + 1)),
            last=link(pages),
            numbers=numbers,
            shown_from=first_shown,
            shown_to=first_shown + len(shown) - 1,
            total=len(entries),
        )
        items = "".join(self._abstract(e) for e in shown)
        main = self._portlet(view.sections[section], items + pager, _PORTLET)
        return html(self._frame(view.sections[section], main))

    def article(self, entry: Entry) -> Reply:
        view = self.view
        post = entry.post
        if post.variant == "update":
            dateline = fill("liferay-dateline-update", date=f"{post.published:%d - %m - %Y}")
        else:
            dateline = (
                '<div class="assetPublishDate block_timer">'
                f"Ngày đăng {post.published:%d/%m/%Y} | {clock_12h(post.published)} | "
                f"View count: {view_count(entry.number)}</div>"
            )
        lead = f'<p class="sapo"><strong>{esc(post.lead)}</strong></p>' if post.lead else ""
        byline = ""
        if post.byline:
            byline = f'<p style="text-align: right;"><strong>{esc(post.byline)}</strong></p>'
        related = "".join(
            f'<li><a href="{e.path}">{esc(e.post.title)}</a> '
            f'<span class="date">({e.post.published:%d/%m/%Y})</span></li>'
            for e in [e for e in view.posts if e is not entry][:6]
        )
        tags = ", ".join(
            f'<a href="{self.t._tag_path(slugify(t))}">{esc(t)}</a>' for t in post.tags
        )
        body = fill(
            "liferay-article",
            title=esc(post.title),
            dateline=dateline,
            number=entry.number,
            lead=lead,
            body=render_body(post, _BODY, _images(entry)),
            byline=byline,
            tags=tags,
            share_url=quote(view.url(entry.path), safe=""),
            related=related,
        )
        label = view.sections[post.section]
        main = self._portlet(label, body, f"{_PORTLET}_INSTANCE_chitiet")
        head = f'<meta property="article:published_time" content="{iso_local(post.published)}" />\n'
        # The page title names the section, not the article: the real title is in the portlet.
        return html(self._frame(label, main, description=post.lead, head=head))

    def tag(self, slug: str) -> Reply | None:
        label = self.view.tags().get(slug)
        if label is None:
            return None
        items = "".join(self._abstract(e) for e in self.view.tagged(slug))
        return html(self._frame(f"Từ khóa: {label}", self._portlet(label, items, "tags")))

    def search(self, query: str) -> Reply:
        found = self.view.search(query)
        items = "".join(self._abstract(e) for e in found)
        if query.strip():
            summary = f"<p>Tìm thấy {len(found)} kết quả cho «{esc(query)}».</p>"
        else:
            summary = "<p>Nhập từ khóa cần tìm.</p>"
        form = (
            f'<form action="{self.t.search_path}" method="get">'
            f'<input name="q" value="{esc(query)}" /><button type="submit">Tìm kiếm</button></form>'
        )
        return html(self._frame("Tìm kiếm", self._portlet("Tìm kiếm", form + summary + items, "3")))
