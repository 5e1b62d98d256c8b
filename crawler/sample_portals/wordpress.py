"""A Phòng Giáo dục và Đào tạo site on WordPress, in the `.edu.vn` URL style.

Articles live at `/{category}/{slug}/ct/{catId}/{id}` (the scheme many Vietnamese school-site
builders use), the theme is Flatsome-like (`article.post`, `h1.entry-title`,
`time.entry-date.published`, `div.entry-content`), widgets carry "Tin mới nhất", categories, a
tag cloud and a visit counter, and the comment form follows each post. WordPress extras: a
shortlink `/?p=N` that 301s to the post, `/feed/`, `/wp-sitemap.xml` (the core sitemap index),
`/page/N/` and `/danh-muc/{slug}/page/N/` pagination, `/tag/{slug}/` archives. Internal posts
(`/noi-bo/`) are linked from the menu and disallowed in robots.txt, with WordPress's default
`/wp-admin/` rules.
"""

from __future__ import annotations

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
    sitemap_index,
    sitemap_urlset,
    truncate,
)
from .messages import RSS, XML, Reply, Request, html, redirect
from .site import Entry, SiteView
from .stories import PRIVATE_SECTION, Post, slugify
from .template import PUBLIC_LINKS, PortalTemplate

_CATEGORIES = {
    "thoi-su": ("tin-tuc-su-kien", 11),
    "giao-duc": ("giao-duc-dao-tao", 12),
    "thong-bao": ("thong-bao", 13),
    "kinh-te": ("kinh-te", 14),
    "van-hoa-xa-hoi": ("van-hoa-xa-hoi", 15),
    "cai-cach-hanh-chinh": ("cai-cach-hanh-chinh", 16),
    PRIVATE_SECTION: ("noi-bo", 19),
}
_ARTICLE = re.compile(r"^/([a-z0-9-]+)/([a-z0-9-]+)/ct/(\d+)/(\d+)/?$")
_BODY = BodyStyle(
    paragraph='<p style="text-align: justify;">{text}</p>',
    caption=(
        '<figure class="wp-block-image aligncenter size-large"><img decoding="async" '
        'width="800" height="533" src="{src}" alt="{alt}"><figcaption class="wp-element-caption">'
        "{text}</figcaption></figure>"
    ),
    center='<p class="has-text-align-center"><strong>{text}</strong></p>',
    right='<p class="has-text-align-right"><strong>{text}</strong></p>',
    bold="<p><strong>{text}</strong></p>",
    image=(
        '<figure class="wp-block-image size-large"><img decoding="async" width="800" height="533" '
        'src="{src}" alt=""></figure>'
    ),
)


def _category(section: str) -> tuple[str, int]:
    return _CATEGORIES.get(section, (section, 20))


class WordPressTemplate(PortalTemplate):
    platform = "wordpress"
    first_number = 2041
    server_header = "Apache"
    extra_headers = (("X-Powered-By", "PHP/7.4.33"),)
    asset_prefixes = ("/wp-content/", "/wp-includes/")
    robots_allow = ("/wp-admin/admin-ajax.php",)
    robots_disallow = ("/wp-admin/", "/noi-bo/")
    feeds = ("/feed/",)
    sitemaps = ("/wp-sitemap.xml",)

    def article_paths(self, post: Post, number: int) -> tuple[str, ...]:
        slug, cat_id = _category(post.section)
        return (f"/{slug}/{slugify(post.title)}/ct/{cat_id}/{number}",)

    @staticmethod
    def _category_path(section: str, page: int = 1) -> str:
        private = section == PRIVATE_SECTION
        base = "/noi-bo/" if private else f"/danh-muc/{_category(section)[0]}/"
        return base if page == 1 else f"{base}page/{page}/"

    @staticmethod
    def _tag_path(slug: str) -> str:
        return f"/tag/{slug}/"

    # ---- routing ----------------------------------------------------------------------------

    def handle(self, request: Request, view: SiteView) -> Reply | None:
        path = request.path
        render = _Renderer(self, view)
        if request.method == "POST":
            return None
        if path == "/" and request.query.get("p", "").isdigit():
            entry = view.by_number(int(request.query["p"]))
            return redirect(entry.path, 301) if entry else None
        if path == "/":
            return render.archive(view.posts, 1, "/", view.portal.name, home=True)
        home_page = re.fullmatch(r"/page/(\d+)/?", path)
        if home_page:
            return render.archive(
                view.posts, int(home_page.group(1)), "/", view.portal.name, home=True
            )
        if path == self.search_path:
            return render.search(request.query.get("q", ""))
        if path == "/feed/":
            return self._feed(view, view.posts, "/")
        if path == "/wp-sitemap.xml":
            body = sitemap_index(
                view, ["/wp-sitemap-posts-post-1.xml", "/wp-sitemap-taxonomies-category-1.xml"]
            )
            return Reply(body=body, content_type=XML)
        if path == "/wp-sitemap-posts-post-1.xml":
            pages = [(e.path, e.post.published) for e in view.posts]
            return Reply(body=sitemap_urlset(view, pages), content_type=XML)
        if path == "/wp-sitemap-taxonomies-category-1.xml":
            sections: list[tuple[str, datetime | None]] = [
                (self._category_path(k), None) for k in view.used_sections()
            ]
            return Reply(body=sitemap_urlset(view, sections), content_type=XML)
        if path.startswith("/author/admin"):
            return render.archive(view.posts, 1, "/author/admin/", "admin")
        tag = re.fullmatch(r"/tag/([a-z0-9-]+)/?", path)
        if tag:
            entries = view.tagged(tag.group(1))
            label = view.tags().get(tag.group(1))
            if label is None:
                return None
            return render.archive(entries, 1, self._tag_path(tag.group(1)), f"Thẻ: {label}")
        category = re.fullmatch(
            r"/(?:danh-muc/([a-z0-9-]+)|(noi-bo))/(?:page/(\d+)/?|feed/?)?", path
        )
        if category:
            return self._category_archive(view, render, category, path)
        article = _ARTICLE.match(path)
        if article:
            return self._article(view, render, article)
        return self.asset(path, view)

    def _section_of(self, slug: str) -> str | None:
        for key in (*self.sections, PRIVATE_SECTION):
            if _category(key)[0] == slug:
                return key
        return None

    def _category_archive(
        self, view: SiteView, render: _Renderer, match: re.Match[str], path: str
    ) -> Reply | None:
        section = self._section_of(match.group(1) or match.group(2))
        if section is None:
            return None
        entries = view.in_section(section)
        if path.rstrip("/").endswith("/feed"):
            return (
                None
                if section == PRIVATE_SECTION
                else self._feed(view, entries, self._category_path(section))
            )
        page = int(match.group(3) or 1)
        return render.archive(
            entries, page, self._category_path(section), view.sections[section], section=section
        )

    def _article(self, view: SiteView, render: _Renderer, match: re.Match[str]) -> Reply | None:
        section = self._section_of(match.group(1))
        if section is None:
            return None
        entry = view.by_number(int(match.group(4)), private=section == PRIVATE_SECTION)
        if entry is None:
            return None
        if entry.path != match.group(0).rstrip("/"):
            return redirect(entry.path, 301)  # WordPress fixes a wrong slug or category
        return render.article(entry)

    def _feed(self, view: SiteView, entries: tuple[Entry, ...], link: str) -> Reply:
        body = rss_document(
            view,
            entries[:10],
            title=view.portal.name,
            link_path=link,
            description="Cổng thông tin điện tử",
        )
        return Reply(body=body, content_type=RSS)


class _Renderer:
    def __init__(self, template: WordPressTemplate, view: SiteView) -> None:
        self.t = template
        self.view = view

    def _frame(self, title: str, main: str, *, head: str = "", body_class: str) -> str:
        view = self.view
        portal = view.portal
        menu = "".join(
            f'<li class="menu-item menu-item-type-taxonomy"><a href="{self.t._category_path(k)}" '
            f'class="nav-top-link">{esc(view.sections[k])}</a></li>'
            for k in (*view.used_sections(), PRIVATE_SECTION)
        )
        recent = "".join(
            f'<li><a href="{e.path}">{esc(e.post.title)}</a> '
            f'<span class="post-date">{e.post.published:%d/%m/%Y}</span></li>'
            for e in view.posts[:5]
        )
        categories = "".join(
            f'<li class="cat-item"><a href="{self.t._category_path(k)}">'
            f"{esc(view.sections[k])}</a> ({len(view.in_section(k))})</li>"
            for k in view.used_sections()
        )
        cloud = " ".join(
            f'<a href="{self.t._tag_path(slug)}" class="tag-cloud-link">{esc(label)}</a>'
            for slug, label in view.tags().items()
        )
        links = [(u, "Sở Giáo dục và Đào tạo") for u in view.neighbours[-1:]]
        links += list(PUBLIC_LINKS)
        weblinks = "".join(
            f'<li><a href="{esc(u)}" target="_blank" rel="noopener">{esc(n)}</a></li>'
            for u, n in links
        )
        return fill(
            "wordpress-frame",
            title=esc(title),
            site_name=esc(portal.name),
            owner_upper=esc(portal.owner.upper()),
            feed_url=esc(view.url("/feed/")),
            extra_head=head,
            body_class=body_class,
            menu=menu,
            main=main,
            search_path=self.t.search_path,
            recent=recent,
            categories=categories,
            tag_cloud=cloud,
            online=4 + len(view.posts),
            total=48_200 + len(view.posts) * 19,
            weblinks=weblinks,
            year=view.today.year,
        )

    def _category_values(self, post: Post) -> dict[str, str]:
        return {
            "category_slug": _category(post.section)[0],
            "category_path": self.t._category_path(post.section),
            "category": esc(self.view.sections[post.section]),
        }

    def _excerpt(self, entry: Entry) -> str:
        post = entry.post
        return fill(
            "wordpress-excerpt",
            number=entry.number,
            path=entry.path,
            title=esc(post.title),
            iso_date=iso_local(post.published),
            date=f"{post.published:%d/%m/%Y}",
            summary=esc(truncate(post.lead or post.paragraphs[-1], 220)),
            **self._category_values(post),
        )

    def archive(
        self,
        entries: tuple[Entry, ...],
        page: int,
        base: str,
        title: str,
        *,
        home: bool = False,
        section: str | None = None,
    ) -> Reply | None:
        per_page = self.view.portal.per_page
        pages = page_count(len(entries), per_page)
        if page > pages:
            return None

        def link(n: int) -> str:
            return base if n == 1 else f"{base}page/{n}/"

        numbers = "".join(
            f'<li><span aria-current="page" class="page-number current">{n}</span></li>'
            if n == page
            else f'<li><a class="page-number" href="{link(n)}">{n}</a></li>'
            for n in range(1, pages + 1)
        )
        if page < pages:
            numbers += f'<li><a class="next page-number" href="{link(page + 1)}">&rarr;</a></li>'
        nav = ""
        if pages > 1:
            nav = f'<ul class="page-numbers nav-pagination links text-center">{numbers}</ul>'
        heading = ""
        if not home:
            heading = (
                '<header class="archive-page-header"><h1 class="page-title is-large uppercase">'
                f"{esc(title)}</h1></header>"
            )
        items = "".join(self._excerpt(e) for e in page_of(entries, page, per_page))
        main = f'{heading}<div id="post-list">{items}</div>{nav}'
        head = f'<link rel="canonical" href="{self.view.url(link(page))}" />\n'
        if home:
            body_class = "home blog"
        else:
            body_class = f"archive category category-{_category(section or 'thoi-su')[0]}"
        full_title = title if page == 1 else f"{title} – Trang {page}"
        return html(self._frame(full_title, main, head=head, body_class=body_class))

    def article(self, entry: Entry) -> Reply:
        view = self.view
        post = entry.post
        lead = f"<p><strong>{esc(post.lead)}</strong></p>\n" if post.lead else ""
        byline = ""
        if post.byline:
            byline = f'\n<p class="has-text-align-right"><strong>{esc(post.byline)}</strong></p>'
        tags = ", ".join(
            f'<a href="{self.t._tag_path(slugify(t))}" rel="tag">{esc(t)}</a>' for t in post.tags
        )
        navigation = ""
        for neighbour, rel, css in (
            (view.older(entry, 1), "prev", "nav-previous"),
            (view.newer(entry, 1), "next", "nav-next"),
        ):
            if neighbour:
                navigation += (
                    f'<div class="{css}"><a href="{neighbour[0].path}" rel="{rel}">'
                    f"{esc(neighbour[0].post.title)}</a></div>"
                )
        share = quote(view.url(entry.path), safe="")
        main = fill(
            "wordpress-article",
            number=entry.number,
            path=entry.path,
            title=esc(post.title),
            iso_date=iso_local(post.published),
            date=f"{post.published:%d/%m/%Y}",
            lead=lead,
            body=render_body(post, _BODY, _images(entry)),
            byline=byline,
            share_url=share,
            mail_subject=esc(quote(post.title)),
            tags=tags,
            navigation=navigation,
            **self._category_values(post),
        )
        head = fill(
            "wordpress-article-head",
            url=esc(view.url(entry.path)),
            shortlink=esc(view.url(f"/?p={entry.number}")),
            title=esc(post.title),
            iso_date=iso_local(post.published),
        )
        body_class = f"post-template-default single single-post postid-{entry.number}"
        return html(self._frame(post.title, main, head=head, body_class=body_class))

    def search(self, query: str) -> Reply:
        found = self.view.search(query)
        items = "".join(self._excerpt(e) for e in found)
        heading = (
            '<header class="page-header"><h1 class="page-title">Kết quả tìm kiếm: '
            f"<span>{esc(query)}</span></h1></header>"
        )
        main = heading + (items or "<p>Không tìm thấy bài viết phù hợp.</p>")
        return html(self._frame(f"Tìm kiếm: {query}", main, body_class="search search-results"))


def _images(entry: Entry) -> Callable[[int], str]:
    """WordPress files uploads by year and month."""
    folder = f"/wp-content/uploads/{entry.post.published:%Y/%m}/{entry.slug[:40]}"
    return lambda n: f"{folder}-{n}.jpg"
