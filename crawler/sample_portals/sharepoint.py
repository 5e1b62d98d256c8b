"""A Sở Giáo dục và Đào tạo site on SharePoint / ASP.NET WebForms.

Every page is one `form#aspnetForm` with `__VIEWSTATE`, `meta name=GENERATOR content="Microsoft
SharePoint"`, and articles at `/Pages/tin-tuc.aspx?ItemID=N`. The news listings page ONLY by
postback: the pager links are `javascript:__doPostBack('ctl00$m$g_1$pager','Page$2')`, so page 2
exists only as the answer to a POST carrying __EVENTTARGET, __EVENTARGUMENT and the __VIEWSTATE the
page was served with (a tampered or missing view state gets ASP.NET's 500, as on the real thing).
The root redirects to /Pages/default.aspx. Internal pages (`/noi-bo/`) are disallowed in
robots.txt, with SharePoint's service folders.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Callable
from datetime import datetime
from urllib.parse import quote

from .markup import (
    BodyStyle,
    esc,
    fill,
    iso_local,
    page_count,
    page_of,
    render_body,
    rss_document,
    sitemap_urlset,
    truncate,
)
from .messages import RSS, XML, Reply, Request, html, redirect
from .site import Entry, SiteView
from .stories import PRIVATE_SECTION, Post, slugify
from .template import PUBLIC_LINKS, PortalTemplate

_LIST_PAGES = {
    "thoi-su": "tin-tuc",
    "giao-duc": "giao-duc-dao-tao",
    "thong-bao": "thong-bao",
    "kinh-te": "kinh-te",
    "van-hoa-xa-hoi": "van-hoa-xa-hoi",
    "cai-cach-hanh-chinh": "cai-cach-hanh-chinh",
}
_ALL_NEWS = "thoi-su"  # its page lists every public post, as a Sở's "Tin tức" page does
_DETAIL = "/Pages/tin-tuc.aspx"
_PRIVATE_HOME = "/noi-bo/Pages/default.aspx"
_PRIVATE_DETAIL = "/noi-bo/Pages/tin-tuc.aspx"
_PAGER_TARGET = "ctl00$m$g_1$pager"
_PAGE_ARGUMENT = re.compile(r"^Page\$(\d+|Next|Prev|First|Last)$")
_FEED = "/_layouts/15/listfeed.aspx?List=%7B6F1E7C2A-3B4D-4E5F-8A9B-0C1D2E3F4A5B%7D"
_VIEWSTATE_MAGIC = b"\xff\x01\x0f\x0f"
_BODY = BodyStyle(
    paragraph='<p style="text-align:justify">{text}</p>',
    caption=(
        '<table class="image" align="center"><tbody><tr><td><img src="{src}" alt="{alt}" '
        'width="560"></td></tr><tr><td class="image-caption"><em>{text}</em></td></tr></tbody>'
        "</table>"
    ),
    center='<p style="text-align:center"><strong>{text}</strong></p>',
    right='<p style="text-align:right"><strong>{text}</strong></p>',
    bold="<p><strong>{text}</strong></p>",
    image='<p style="text-align:center"><img src="{src}" alt="" width="560"></p>',
)


class ViewStateError(ValueError):
    """A postback whose __VIEWSTATE this server did not issue."""


def _list_path(section: str) -> str:
    if section == PRIVATE_SECTION:
        return _PRIVATE_HOME
    return f"/Pages/{_LIST_PAGES.get(section, section)}.aspx"


class SharePointTemplate(PortalTemplate):
    platform = "sharepoint"
    first_number = 312
    server_header = "Microsoft-IIS/10.0"
    extra_headers = (
        ("MicrosoftSharePointTeamServices", "15.0.0.4569"),
        ("X-AspNet-Version", "4.0.30319"),
        ("X-Powered-By", "ASP.NET"),
        ("SPRequestGuid", "5d1a8c9f-2b3e-4f60-9a7b-1c2d3e4f5a6b"),
    )
    asset_prefixes = (
        "/PublishingImages/",
        "/Style Library/",
        "/_layouts/15/images/",
        "/SiteAssets/",
    )
    robots_disallow = ("/_vti_bin/", "/_catalogs/", "/noi-bo/")
    feeds = (_FEED,)
    sitemaps = ("/sitemap.xml",)

    # ---- URLs -------------------------------------------------------------------------------

    def article_paths(self, post: Post, number: int) -> tuple[str, ...]:
        return (f"{_PRIVATE_DETAIL if post.private else _DETAIL}?ItemID={number}",)

    @staticmethod
    def _tag_path(slug: str) -> str:
        return f"/Pages/tu-khoa.aspx?Tag={slug}"

    # ---- view state ---------------------------------------------------------------------------

    def _viewstate(self, list_path: str, page: int) -> str:
        payload = f"{list_path}|{page}".encode()
        mac = hmac.new(self.portal.id.encode(), payload, hashlib.sha256).digest()[:10]
        return base64.b64encode(_VIEWSTATE_MAGIC + payload + b"|" + mac).decode()

    def _page_from_viewstate(self, list_path: str, raw: str) -> int:
        try:
            data = base64.b64decode(raw, validate=True)
        except ValueError:
            raise ViewStateError("not base64") from None
        if not data.startswith(_VIEWSTATE_MAGIC):
            raise ViewStateError("bad header")
        payload, _, _mac = data[len(_VIEWSTATE_MAGIC) :].rpartition(b"|")
        if not hmac.compare_digest(self._viewstate(*_split_payload(payload)), raw):
            raise ViewStateError("MAC check failed")
        path, page = _split_payload(payload)
        if path != list_path:
            raise ViewStateError("view state of another page")
        return page

    # ---- routing ----------------------------------------------------------------------------

    def handle(self, request: Request, view: SiteView) -> Reply | None:
        path = request.path
        if path == "/":
            return redirect("/Pages/default.aspx", 302)
        render = _Renderer(self, view, request)
        if path.lower() == "/pages/default.aspx":
            return render.home()
        if path == self.search_path:
            return render.search(request.query.get("q", ""))
        if path == "/sitemap.xml":
            pages: list[tuple[str, datetime | None]] = [("/Pages/default.aspx", view.clock)]
            pages += [(_list_path(k), view.clock) for k in view.used_sections()]
            pages += [(e.path, e.post.published) for e in view.posts]
            return Reply(body=sitemap_urlset(view, pages), content_type=XML)
        if request.target == _FEED:
            body = rss_document(
                view,
                view.posts[:20],
                title="Tin tức",
                link_path=_list_path(_ALL_NEWS),
                description=view.portal.name,
            )
            return Reply(body=body, content_type=RSS)
        if path == "/Pages/tu-khoa.aspx" and request.method != "POST":
            return render.tag(request.query.get("Tag", ""))
        if path in (_DETAIL, _PRIVATE_DETAIL) and "ItemID" in request.query:
            if request.method == "POST":
                return None
            raw = request.query["ItemID"]
            entry = (
                view.by_number(int(raw), private=path == _PRIVATE_DETAIL) if raw.isdigit() else None
            )
            return render.article(entry) if entry else None
        for key in (*self.sections, PRIVATE_SECTION):
            if path == _list_path(key) and (key == PRIVATE_SECTION or key in view.used_sections()):
                return self._listing(render, request, key)
        return self.asset(path, view)

    def _listing(self, render: _Renderer, request: Request, section: str) -> Reply:
        list_path = _list_path(section)
        if request.method != "POST":
            return render.listing(section, 1)
        try:
            current = self._page_from_viewstate(list_path, request.form.get("__VIEWSTATE", ""))
        except ViewStateError:
            return render.viewstate_error()
        target = request.form.get("__EVENTTARGET", "")
        argument = _PAGE_ARGUMENT.match(request.form.get("__EVENTARGUMENT", ""))
        if target != _PAGER_TARGET or not argument:
            return render.listing(section, current)  # an event we don't handle: same page again
        total = page_count(len(render.entries_of(section)), render.view.portal.per_page)
        wanted = argument.group(1)
        relative = {"Next": current + 1, "Prev": current - 1, "First": 1, "Last": total}
        page = relative[wanted] if wanted in relative else int(wanted)
        return render.listing(section, min(max(page, 1), total))


def _split_payload(payload: bytes) -> tuple[str, int]:
    path, _, page = payload.decode(errors="replace").rpartition("|")
    if not page.isdigit():
        raise ViewStateError("bad payload")
    return path, int(page)


class _Renderer:
    def __init__(self, template: SharePointTemplate, view: SiteView, request: Request) -> None:
        self.t = template
        self.view = view
        self.request = request

    def entries_of(self, section: str) -> tuple[Entry, ...]:
        return self.view.posts if section == _ALL_NEWS else self.view.in_section(section)

    def _frame(self, title: str, main: str, *, viewstate: str | None = None, head: str = "") -> str:
        view = self.view
        portal = view.portal
        menu = "".join(
            f'<li class="static"><a class="static menu-item" href="{_list_path(k)}">'
            f'<span class="menu-item-text">{esc(view.sections[k])}</span></a></li>'
            for k in (*view.used_sections(), PRIVATE_SECTION)
        )
        links = [(u, "Cổng thông tin điện tử tỉnh Điện Biên") for u in view.neighbours[1:2]]
        links += list(PUBLIC_LINKS)
        weblinks = "".join(
            f'<li><a href="{esc(u)}" target="_blank">{esc(n)}</a></li>' for u, n in links
        )
        return fill(
            "sharepoint-frame",
            title=esc(title),
            extra_head=head,
            action=esc(self.request.target.rsplit("/", 1)[-1] or "default.aspx"),
            viewstate=viewstate or self.t._viewstate(self.request.path, 1),
            site_name=esc(portal.name),
            owner_upper=esc(portal.owner.upper()),
            menu=menu,
            main=main,
            weblinks=weblinks,
            online=37 + len(view.posts),
            total=f"{1_203_000 + len(view.posts) * 53:,}",
            feed=esc(_FEED),
        )

    def _item(self, entry: Entry) -> str:
        post = entry.post
        return fill(
            "sharepoint-item",
            path=entry.path,
            number=entry.number,
            title=esc(post.title),
            date=f"{post.published:%d/%m/%Y}",
            summary=esc(truncate(post.lead or post.paragraphs[0], 260)),
        )

    @staticmethod
    def _webpart(title: str, body: str, number: int = 1) -> str:
        return fill("sharepoint-webpart", title=esc(title), body=body, number=number)

    def home(self) -> Reply:
        view = self.view
        featured = "".join(self._item(e) for e in view.posts[:3])
        latest = "".join(
            f'<li><a href="{e.path}">{esc(e.post.title)}</a> '
            f"<span>{e.post.published:%H:%M %d/%m/%Y}</span></li>"
            for e in view.posts[:6]
        )
        notices = "".join(
            f'<li><a href="{e.path}">{esc(e.post.title)}</a></li>'
            for e in view.in_section("thong-bao")[:5]
        )
        main = (
            self._webpart("Tin nổi bật", f'<div class="news-list">{featured}</div>', 1)
            + self._webpart("Tin mới nhất", f'<ul class="news-latest">{latest}</ul>', 2)
            + self._webpart("Thông báo", f'<ul class="news-notice">{notices}</ul>', 3)
        )
        return html(self._frame(view.portal.name, main))

    def listing(self, section: str, page: int) -> Reply:
        view = self.view
        entries = self.entries_of(section)
        per_page = view.portal.per_page
        pages = page_count(len(entries), per_page)
        items = "".join(self._item(e) for e in page_of(entries, page, per_page))

        def postback(argument: str, label: str) -> str:
            script = f"javascript:__doPostBack('{_PAGER_TARGET}','{argument}')"
            return f'<a href="{script}">{label}</a>'

        cells = []
        if page > 1:
            cells.append(postback("Page$Prev", "« Trang trước"))
        for n in range(1, pages + 1):
            current = f'<span class="current">{n}</span>'
            cells.append(current if n == page else postback(f"Page${n}", str(n)))
        if page < pages:
            cells.append(postback("Page$Next", "Trang sau »"))
        pager = ""
        if pages > 1:
            pager = f'<div class="pager" id="ctl00_m_g_1_pager">{" ".join(cells)}</div>'
        label = view.sections[section]
        main = self._webpart(label, f'<div class="news-list">{items}</div>{pager}')
        state = self.t._viewstate(_list_path(section), page)
        return html(self._frame(label, main, viewstate=state))

    def article(self, entry: Entry) -> Reply:
        view = self.view
        post = entry.post
        lead = ""
        if post.lead:
            lead = f'<div class="news-detail-sapo"><strong>{esc(post.lead)}</strong></div>'
        byline = ""
        if post.byline:
            byline = f'<div class="news-detail-author"><strong>{esc(post.byline)}</strong></div>'
        tags = " ".join(f'<a href="{self.t._tag_path(slugify(t))}">{esc(t)}</a>' for t in post.tags)
        pool = view.private if post.private else view.posts
        related = "".join(
            f'<li><a href="{e.path}">{esc(e.post.title)}</a> '
            f'<span class="date">({e.post.published:%d/%m/%Y})</span></li>'
            for e in pool
            if e is not entry and set(e.post.sections) & set(post.sections)
        )
        detail = fill(
            "sharepoint-article",
            title=esc(post.title),
            date=f"{post.published:%H:%M %d/%m/%Y}",
            lead=lead,
            body=render_body(post, _BODY, _images(entry)),
            byline=byline,
            tags=tags,
            mail_subject=esc(quote(post.title)),
            number=entry.number,
            related=related,
        )
        main = self._webpart(view.sections[post.section], detail)
        head = f'<meta name="pubdate" content="{iso_local(post.published)}" />\n'
        return html(self._frame(view.sections[post.section], main, head=head))

    def tag(self, slug: str) -> Reply | None:
        label = self.view.tags().get(slug)
        if label is None:
            return None
        items = "".join(self._item(e) for e in self.view.tagged(slug))
        return html(self._frame(f"Từ khóa: {label}", self._webpart(f"Từ khóa: {label}", items)))

    def search(self, query: str) -> Reply:
        found = self.view.search(query)
        if query.strip():
            summary = f"<p>Kết quả tìm kiếm cho «{esc(query)}»: {len(found)} bài viết.</p>"
        else:
            summary = "<p>Nhập từ khóa để tìm kiếm.</p>"
        items = "".join(self._item(e) for e in found)
        form = (
            f'<form action="{self.t.search_path}" method="get">'
            f'<input name="q" value="{esc(query)}" />'
            '<input type="submit" value="Tìm kiếm" /></form>'
        )
        return html(self._frame("Tìm kiếm", self._webpart("Tìm kiếm", form + summary + items)))

    @staticmethod
    def viewstate_error() -> Reply:
        return Reply(status=500, body=fill("sharepoint-viewstate-error"), cacheable=False)


def _images(entry: Entry) -> Callable[[int], str]:
    """Where the Sở's editors upload photos (a SharePoint picture library)."""
    folder = f"/PublishingImages/tin-tuc/{entry.post.published:%Y}/{entry.slug[:40]}"
    return lambda n: f"{folder}-{n}.jpg"
