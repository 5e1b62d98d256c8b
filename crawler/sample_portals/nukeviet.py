"""A NukeViet 4 district portal (egov theme), the platform most district portals run.

Markup follows nukeviet/eGovernment's `themes/egov/modules/news/*.tpl`: `div.news_column` panels,
`itemprop` headline/datePublished, `div.hometext` lead, `div#news-bodyhtml.bodytext` body, then
tags, rating form, comments with captcha and "Những tin mới hơn / cũ hơn" tabs. The right column
carries what real district portals carry: latest/most-read lists, a visit counter, a poll, a
member box and a lunar calendar that links the portal's own `/lich-am/?date=…` pages with
previous/next month links forever (a crawler trap).

Every article is reachable at one URL per category it is filed in, through
`index.php?language=vi&nv=news&op=…`, and with `?utm_source=zalo` tracking links; print and
send-by-email views exist for each. Internal news (`/vi/news/noi-bo/`) is linked from the menu
and disallowed in robots.txt.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
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
    sitemap_index,
    sitemap_urlset,
    truncate,
    view_count,
    weekday,
)
from .messages import RSS, XML, Reply, Request, html
from .site import Entry, SiteView, local_to_utc
from .stories import PRIVATE_SECTION, Post, slugify
from .template import PUBLIC_LINKS, PortalTemplate

_CATEGORY_ALIASES = {"thoi-su": "tin-tuc-su-kien", "giao-duc": "giao-duc-dao-tao"}
_NEWS = "/vi/news/"
_CALENDAR = "/lich-am/"
_BODY = BodyStyle(
    paragraph='<p style="text-align: justify;">{text}</p>',
    caption=(
        '<figure class="image" style="display:table;margin:auto"><img alt="{alt}" height="400" '
        'src="{src}" width="600"><figcaption>{text}</figcaption></figure>'
    ),
    center='<p style="text-align: center;"><strong>{text}</strong></p>',
    right='<p style="text-align: right;"><strong>{text}</strong></p>',
    bold='<p style="text-align: justify;"><strong>{text}</strong></p>',
    image='<p style="text-align: center;"><img alt="" height="400" src="{src}" width="600"></p>',
)
_MIN_CALENDAR_YEAR, _MAX_CALENDAR_YEAR = 1900, 2100
_ARTICLE_OP = re.compile(r"/[^/]+-\d+$")


def _category(section: str) -> str:
    return _CATEGORY_ALIASES.get(section, section)


def _alias(post: Post, number: int) -> str:
    return f"{slugify(post.title)}-{number}"


class NukeVietTemplate(PortalTemplate):
    platform = "nukeviet"
    first_number = 1180
    server_header = "nginx"
    asset_prefixes = ("/themes/", "/uploads/", "/assets/")
    robots_disallow = ("/admin/", "/includes/", "/install/", f"{_NEWS}noi-bo/")
    feeds = (f"{_NEWS}rss/",)
    sitemaps = ("/sitemap.xml",)

    # ---- URLs -------------------------------------------------------------------------------

    def article_paths(self, post: Post, number: int) -> tuple[str, ...]:
        alias = _alias(post, number)
        paths = [f"{_NEWS}{_category(section)}/{alias}.html" for section in post.sections]
        if not post.private:
            # NukeViet writes the op parameter with its slash unescaped.
            paths.append(f"/index.php?language=vi&nv=news&op={_category(post.section)}/{alias}")
        return tuple(paths)

    def feed_paths(self, sections: Iterable[str]) -> tuple[str, ...]:
        # /vi/feeds/ links one feed per category besides the site-wide one.
        per_section = [f"{_NEWS}rss/{_category(s)}/" for s in sections if s != PRIVATE_SECTION]
        return (*self.feeds, *per_section)

    def _print_path(self, entry: Entry) -> str:
        return (
            f"{_NEWS}print/{_category(entry.post.section)}/{_alias(entry.post, entry.number)}.html"
        )

    def _sendmail_path(self, entry: Entry) -> str:
        return f"{_NEWS}sendmail/{_category(entry.post.section)}/{_alias(entry.post, entry.number)}"

    def _category_path(self, section: str, page: int = 1) -> str:
        base = f"{_NEWS}{_category(section)}/"
        return base if page == 1 else f"{base}page-{page}"

    @staticmethod
    def _tag_path(slug: str) -> str:
        return f"{_NEWS}tag/{slug}"

    @staticmethod
    def _calendar_path(day: date) -> str:
        return f"{_CALENDAR}?date={day.isoformat()}"

    # ---- routing ----------------------------------------------------------------------------

    def handle(self, request: Request, view: SiteView) -> Reply | None:
        path = request.path
        if request.method == "POST":
            return None
        if path in ("/", "/vi/", "/index.php") and not request.query.get("nv"):
            return self._home(view)
        if path == "/index.php":
            return self._index_php(request, view)
        if path == self.search_path:
            return self._search(view, request.query.get("q", ""))
        if path == _CALENDAR:
            return self._calendar_page(view, request.query.get("date", ""))
        if path == "/sitemap.xml":
            return Reply(body=sitemap_index(view, ["/sitemap-vi.news.xml"]), content_type=XML)
        if path == "/sitemap-vi.news.xml":
            pages = [(e.path, e.post.published) for e in view.posts]
            return Reply(body=sitemap_urlset(view, pages), content_type=XML)
        if path == "/vi/feeds/":
            return self._feeds_page(view)
        if path.startswith(_NEWS):
            return self._news(path[len(_NEWS) :], view)
        return self.asset(path, view)

    def _index_php(self, request: Request, view: SiteView) -> Reply | None:
        if request.query.get("nv") != "news" or request.query.get("language", "vi") != "vi":
            return None
        op = request.query.get("op", "")
        return self._news(op + ".html" if _ARTICLE_OP.search(op) else op, view)

    def _news(self, rest: str, view: SiteView) -> Reply | None:
        parts = [p for p in rest.split("/") if p]
        if not parts:
            return self._listing(view, None, 1)
        if parts[0] == "rss":
            return self._rss(view, parts[1] if len(parts) > 1 else None)
        if parts[0] == "tag" and len(parts) == 2:
            return self._tag(view, parts[1])
        if parts[0] in ("print", "sendmail") and len(parts) == 3:
            entry = self._entry_from(parts[1], parts[2].removesuffix(".html"), view)
            if entry is None:
                return None
            return self._print(view, entry) if parts[0] == "print" else self._sendmail(view, entry)
        if parts[0].startswith("page-") and len(parts) == 1:
            return self._listing(view, None, _page_number(parts[0]))
        section = self._section_of(parts[0])
        if section is None:
            return None
        if len(parts) == 1:
            return self._listing(view, section, 1)
        if len(parts) == 2 and parts[1].startswith("page-"):
            return self._listing(view, section, _page_number(parts[1]))
        if len(parts) == 2 and parts[1].endswith(".html"):
            entry = self._entry_from(parts[0], parts[1].removesuffix(".html"), view)
            return self._article(view, entry) if entry else None
        return None

    def _section_of(self, category: str) -> str | None:
        for key in self.sections:
            if _category(key) == category:
                return key
        return None

    def _entry_from(self, category: str, alias: str, view: SiteView) -> Entry | None:
        section = self._section_of(category)
        number = alias.rsplit("-", 1)[-1]
        if section is None or not number.isdigit():
            return None
        entry = view.by_number(int(number), private=section == PRIVATE_SECTION)
        # NukeViet answers for any category the article is filed in, and 404s the others.
        if entry is None or section not in entry.post.sections:
            return None
        if _alias(entry.post, entry.number) != alias:
            return None
        return entry

    # ---- page frame -------------------------------------------------------------------------

    def _page(
        self,
        view: SiteView,
        *,
        title: str,
        main: str,
        canonical: str,
        description: str = "",
        og_type: str = "website",
        month: date | None = None,
        extra_head: str = "",
    ) -> str:
        portal = view.portal
        menu_keys = [*view.used_sections(), PRIVATE_SECTION]
        menu = "".join(
            f'<li><a title="{esc(view.sections[key])}" href="{self._category_path(key)}">'
            f"{esc(view.sections[key])}</a></li>"
            for key in menu_keys
        )
        return fill(
            "nukeviet-frame",
            title=esc(title),
            short_title=esc(truncate(title, 60)),
            site_name=esc(portal.name),
            owner=esc(portal.owner),
            province=esc(portal.province),
            district=esc(portal.district),
            description=esc(truncate(description or portal.name, 160)),
            og_type=og_type,
            canonical=esc(view.url(canonical)),
            extra_head=extra_head,
            menu=menu,
            search_path=self.search_path,
            main=main,
            right_column=self._right_column(view, month or view.today),
            links_out=self._links_out(view),
        )

    def _links_out(self, view: SiteView) -> str:
        links = [(url, "Cổng thông tin điện tử tỉnh") for url in view.neighbours[:1]]
        links += list(PUBLIC_LINKS)
        return "".join(
            f'<li><a href="{esc(url)}" target="_blank" rel="noopener">{esc(name)}</a></li>'
            for url, name in links
        )

    def _right_column(self, view: SiteView, month: date) -> str:
        latest = "".join(
            f'<li class="clearfix"><a title="{esc(e.post.title)}" href="{e.path}">'
            f"{esc(truncate(e.post.title, 80))}</a></li>"
            for e in view.posts[:5]
        )
        # "Tin xem nhiều" links the raw index.php form, as that block does on real portals.
        most_read = sorted(view.posts, key=lambda e: view_count(e.number), reverse=True)[:4]
        popular = "".join(
            f'<li><a href="{esc(e.paths[-1])}" title="{esc(e.post.title)}">'
            f"{esc(truncate(e.post.title, 70))}</a></li>"
            for e in most_read
        )
        online = 180 + len(view.posts) * 7
        return fill(
            "nukeviet-right-column",
            latest=latest,
            most_read=popular,
            calendar=self._calendar_block(month),
            online=online,
            guests=online - 13,
            total=f"{105_000 + len(view.posts) * 97:,}",
        )

    def _calendar_block(self, month: date) -> str:
        """The lunar-calendar widget: one link per day of `month`, plus previous/next month."""
        first = month.replace(day=1)
        previous = (first - timedelta(days=1)).replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        rows = []
        for week in calendar.Calendar().monthdatescalendar(first.year, first.month):
            cells = []
            for day in week:
                if day.month != first.month:
                    cells.append("<td></td>")
                    continue
                css = ' class="today"' if day == month else ""
                cells.append(
                    f'<td{css}><a href="{self._calendar_path(day)}" title="{day:%d/%m/%Y}">'
                    f"{day.day}</a></td>"
                )
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return fill(
            "nukeviet-calendar",
            previous=self._calendar_path(previous),
            next=self._calendar_path(following),
            month=first.month,
            year=first.year,
            rows="".join(rows),
        )

    # ---- pages ------------------------------------------------------------------------------

    def _teaser(self, entry: Entry, *, with_lead: bool = True) -> str:
        post = entry.post
        lead = f'<div class="text-muted">{esc(post.lead)}</div>' if with_lead and post.lead else ""
        return fill(
            "nukeviet-teaser",
            path=entry.path,
            title=esc(post.title),
            number=entry.number,
            when=f"{post.published:%d/%m/%Y %I:%M:%S %p}",
            views=view_count(entry.number),
            lead=lead,
        )

    def _home(self, view: SiteView) -> Reply:
        tracked = "?utm_source=zalo&amp;utm_medium=social"
        featured = "".join(
            f'<div class="item"><a href="{e.path}{tracked}" title="{esc(e.post.title)}">'
            f'<img src="/uploads/news/thumb/{e.number}.jpg" alt=""></a>'
            f'<h3><a href="{e.path}{tracked}">{esc(e.post.title)}</a></h3></div>'
            for e in view.posts[:3]
        )
        latest = "".join(
            f'<li><a href="{e.path}" title="{esc(e.post.title)}">{esc(e.post.title)}</a> '
            f"<em>({e.post.published:%H:%M %d/%m/%Y})</em></li>"
            for e in view.posts[:6]
        )
        blocks = []
        for key in view.used_sections():
            entries = view.in_section(key)[:3]
            items = "".join(self._teaser(e, with_lead=i == 0) for i, e in enumerate(entries))
            blocks.append(
                '<div class="news_column"><div class="box-icon-title"><h2>'
                f'<a href="{self._category_path(key)}">{esc(view.sections[key])}</a></h2></div>'
                f"{items}</div>"
            )
        searches = "".join(
            f'<a class="label label-default" href="{self.search_path}?q={quote(term)}">'
            f"{esc(term)}</a> "
            for term in ("tuyển sinh", "năm học 2023-2024", "cải cách hành chính")
        )
        main = fill(
            "nukeviet-home",
            featured=featured,
            latest=latest,
            sections="\n".join(blocks),
            searches=searches,
        )
        return html(self._page(view, title="Trang nhất", main=main, canonical="/"))

    def _listing(self, view: SiteView, section: str | None, page: int) -> Reply | None:
        entries = view.posts if section is None else view.in_section(section)
        per_page = view.portal.per_page
        pages = page_count(len(entries), per_page)
        if page > pages:
            return None
        label = "Tin Tức" if section is None else view.sections[section]

        def link(n: int) -> str:
            if section is None:
                return _NEWS if n == 1 else f"{_NEWS}page-{n}"
            return self._category_path(section, n)

        items = "".join(self._teaser(e) for e in page_of(entries, page, per_page))
        cells = []
        if page > 1:
            cells.append(
                f'<li><a rel="prev" href="{link(page - 1)}" title="Trang trước">«</a></li>'
            )
        for n in range(1, pages + 1):
            if n == page:
                cells.append(f'<li class="active"><a href="#">{n}</a></li>')
            else:
                cells.append(f'<li><a href="{link(n)}" title="Trang {n}">{n}</a></li>')
        if page < pages:
            cells.append(f'<li><a rel="next" href="{link(page + 1)}" title="Trang sau">»</a></li>')
        pager = ""
        if pages > 1:
            pager = f'<div class="text-center"><ul class="pagination">{"".join(cells)}</ul></div>'
        main = (
            f'<div class="news_column"><div class="box-icon-title"><h2>{esc(label)}</h2></div>'
            f"{items}</div>{pager}"
        )
        title = label if page == 1 else f"{label} - Trang {page}"
        return html(self._page(view, title=title, main=main, canonical=link(page)))

    def _related(self, entries: tuple[Entry, ...]) -> str:
        return "".join(
            f'<li><em class="fa fa-angle-right">&nbsp;</em><a href="{e.path}" '
            f'title="{esc(e.post.title)}">{esc(e.post.title)}</a> '
            f"<em>({e.post.published:%d/%m/%Y})</em></li>"
            for e in entries
        )

    def _article(self, view: SiteView, entry: Entry) -> Reply:
        post = entry.post
        byline = ""
        if post.byline:
            byline = (
                '<div class="margin-bottom-lg"><p class="h5 text-right"><strong>Tác giả: </strong>'
                f"{esc(post.byline)}</p></div>"
            )
        tags = ", ".join(
            f'<a title="{esc(t)}" href="{self._tag_path(slugify(t))}"><em>{esc(t)}</em></a>'
            for t in post.tags
        )
        main = fill(
            "nukeviet-article",
            title=esc(post.title),
            site_name=esc(view.portal.name),
            iso_date=iso_local(post.published),
            url=esc(view.url(entry.path)),
            visible_date=_visible_date(post),
            sendmail=self._sendmail_path(entry),
            print=self._print_path(entry),
            lead=esc(post.lead),
            body=render_body(post, _BODY, _images(entry)),
            byline=byline,
            tags=tags,
            share_url=quote(view.url(entry.path), safe=""),
            number=entry.number,
            newer=self._related(view.newer(entry)),
            older=self._related(view.older(entry)),
        )
        head = (
            f'<meta property="article:published_time" content="{iso_local(post.published)}">\n'
            f'<meta property="article:section" content="{esc(view.sections[post.section])}">\n'
        )
        page = self._page(
            view,
            title=post.title,
            main=main,
            canonical=entry.path,
            description=post.lead,
            og_type="article",
            extra_head=head,
        )
        return html(page)

    def _print(self, view: SiteView, entry: Entry) -> Reply:
        post = entry.post
        page = fill(
            "nukeviet-print",
            title=esc(post.title),
            site_name=esc(view.portal.name),
            home=esc(view.url("/")),
            visible_date=_visible_date(post),
            lead=esc(post.lead),
            body=render_body(post, _BODY, _images(entry)),
            byline=esc(post.byline),
            url=esc(view.url(entry.path)),
        )
        # No sidebar on a print view: it changes only with its own article.
        return html(page, modified=local_to_utc(post.published))

    def _sendmail(self, view: SiteView, entry: Entry) -> Reply:
        path = self._sendmail_path(entry)
        main = fill(
            "nukeviet-sendmail", title=esc(entry.post.title), action=path, number=entry.number
        )
        return html(self._page(view, title="Gửi bài viết qua email", main=main, canonical=path))

    def _tag(self, view: SiteView, slug: str) -> Reply | None:
        label = view.tags().get(slug)
        if label is None:
            return None
        items = "".join(self._teaser(e) for e in view.tagged(slug))
        main = (
            f'<div class="news_column"><div class="box-icon-title"><h2>Từ khóa: {esc(label)}</h2>'
            f"</div>{items}</div>"
        )
        return html(self._page(view, title=label, main=main, canonical=self._tag_path(slug)))

    def _search(self, view: SiteView, query: str) -> Reply:
        found = view.search(query)
        if query.strip():
            summary = f"<p>Có {len(found)} kết quả cho từ khóa <strong>{esc(query)}</strong></p>"
        else:
            summary = "<p>Hãy nhập từ khóa để tìm kiếm.</p>"
        items = "".join(self._teaser(e) for e in found)
        main = (
            '<div class="panel panel-default"><div class="panel-body">'
            f'<form action="{self.search_path}" method="get">'
            f'<input type="text" name="q" value="{esc(query)}" class="form-control">'
            '<input type="submit" value="Tìm kiếm" class="btn btn-primary"></form>'
            f'{summary}</div></div><div class="news_column">{items}</div>'
        )
        canonical = f"{self.search_path}?q={quote(query)}"
        return html(self._page(view, title="Tìm kiếm", main=main, canonical=canonical))

    def _calendar_page(self, view: SiteView, raw: str) -> Reply:
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            day = view.today
        if not _MIN_CALENDAR_YEAR <= day.year <= _MAX_CALENDAR_YEAR:
            day = view.today
        main = fill(
            "nukeviet-calendar-page",
            weekday=weekday(day),
            day=f"{day:%d/%m/%Y}",
            day_of_month=day.day,
            month=day.month,
            year=day.year,
            calendar=self._calendar_block(day),
            previous=self._calendar_path(day - timedelta(days=1)),
            next=self._calendar_path(day + timedelta(days=1)),
        )
        page = self._page(
            view,
            title=f"Lịch âm ngày {day:%d/%m/%Y}",
            main=main,
            canonical=self._calendar_path(day),
            month=day,
        )
        return html(page)

    def _feeds_page(self, view: SiteView) -> Reply:
        rows = [f'<li><a href="{_NEWS}rss/">Tin Tức</a></li>']
        rows += [
            f'<li><a href="{_NEWS}rss/{_category(k)}/">{esc(view.sections[k])}</a></li>'
            for k in view.used_sections()
        ]
        main = (
            '<div class="panel panel-default"><div class="panel-heading">RSS</div>'
            f'<div class="panel-body"><ul>{"".join(rows)}</ul></div></div>'
        )
        return html(self._page(view, title="RSS", main=main, canonical="/vi/feeds/"))

    def _rss(self, view: SiteView, category: str | None) -> Reply | None:
        if category is None:
            entries, label, link = view.posts, "Tin Tức", _NEWS
        else:
            section = self._section_of(category)
            if section is None or section == PRIVATE_SECTION:
                return None
            entries = view.in_section(section)
            label, link = view.sections[section], self._category_path(section)
        body = rss_document(
            view,
            entries[:20],
            title=f"{label} - {view.portal.name}",
            link_path=link,
            description=view.portal.name,
        )
        return Reply(body=body, content_type=RSS)


def _visible_date(post: Post) -> str:
    """NukeViet's nv_date('l - d/m/Y H:i'): "Thứ hai - 09/10/2023 09:53"."""
    return f"{weekday(post.published)} - {post.published:%d/%m/%Y %H:%M}"


def _page_number(part: str) -> int:
    raw = part.removeprefix("page-")
    return int(raw) if raw.isdigit() and int(raw) > 0 else 10**9  # junk: past the last page


def _images(entry: Entry) -> Callable[[int], str]:
    """Where the editor uploaded the post's photos (NukeViet files them by month)."""
    folder = f"/uploads/news/{entry.post.published:%Y_%m}/{entry.slug[:40]}"
    return lambda n: f"{folder}-{n}.jpg"
