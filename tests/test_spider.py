"""The generic spider and its scope middleware, on responses built by hand (no network)."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response, XmlResponse
from scrapy.utils.test import get_crawler

from crawler.config import Source
from crawler.items import PageItem
from crawler.middlewares import ConditionalRequestMiddleware, CrawlScopeMiddleware
from crawler.runner import crawl_settings
from crawler.spiders.portal import PortalSpider

SOURCE = Source(
    id="huyen", name="UBND huyện", level="district", urls=("http://portal.example.vn/",),
    deny=(r"/vi/laws/",),
)


def make_spider(**kwargs: Any) -> PortalSpider:
    crawler = get_crawler(PortalSpider, settings_dict={"EDUWATCH_MAX_PER_SHAPE": 3,
                                                        "EDUWATCH_MAX_PAGES": 50})
    spider = PortalSpider.from_crawler(crawler, source=SOURCE, **kwargs)
    crawler.spider = spider
    crawler.stats.open_spider()
    return spider


def html(url: str, body: str, **meta: Any) -> HtmlResponse:
    request = Request(url, meta={"depth": 0, **meta})
    return HtmlResponse(url, body=body.encode(), encoding="utf-8", request=request,
                        headers={"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"'})


def split(results: list[Any]) -> tuple[list[PageItem], list[Request]]:
    items = [r for r in results if isinstance(r, PageItem)]
    requests = [r for r in results if isinstance(r, Request)]
    return items, requests


HOME = """<html><head><title>Cổng TTĐT</title>
<link rel="alternate" type="application/rss+xml" href="/vi/news/rss/">
</head><body>
<a href="/vi/news/giao-duc/tong-ket-nam-hoc-2022-2023-1181.html?utm_source=zalo#top">Tổng kết</a>
<a href="/vi/news/giao-duc/">Giáo dục</a>
<a href="/vi/news/giao-duc/page-2" rel="next">2</a>
<a href="/vi/news/print/tong-ket-1181.html" rel="nofollow">In</a>
<a href="http://other.example.vn/x-1.html">Other portal</a>
<a href="/lich-am/?date=2023-08-01">Lịch</a>
<a href="/vi/laws/van-ban-12.html">Văn bản</a>
</body></html>"""


def test_html_page_yields_a_raw_item_and_canonical_links() -> None:
    spider = make_spider()
    items, requests = split(list(spider.parse(html("http://portal.example.vn/", HOME))))
    assert len(items) == 1
    item = items[0]
    assert item.fetch_kind == "html" and item.etag == '"v1"'
    assert "Tổng kết".encode() in item.body
    urls = {r.url for r in requests}
    # tracking parameter and fragment gone; the feed from the page head is requested
    assert "http://portal.example.vn/vi/news/giao-duc/tong-ket-nam-hoc-2022-2023-1181.html" in urls
    assert "http://portal.example.vn/vi/news/rss/" in urls
    # nofollow print view is not even proposed
    assert not any("/print/" in u for u in urls)


def test_scope_middleware_cuts_offsite_traps_denied_and_counts_them() -> None:
    spider = make_spider()
    middleware = CrawlScopeMiddleware.from_crawler(spider.crawler)
    response = html("http://portal.example.vn/", HOME)
    _, requests = split(list(spider.parse(response)))
    kept = [r for r in requests if middleware.get_processed_request(r, response)]
    kept_urls = {r.url for r in kept}
    assert not any("other.example.vn" in u for u in kept_urls)
    assert not any("lich-am" in u for u in kept_urls)
    assert not any("/vi/laws/" in u for u in kept_urls)
    stats = spider.crawler.stats.get_stats()
    assert stats["eduwatch/cut/offsite"] == 1
    assert stats["eduwatch/cut/trap_calendar"] == 1
    assert stats["eduwatch/cut/denied"] == 1


def test_known_articles_are_not_refetched_and_paging_stops_at_known() -> None:
    known = "http://portal.example.vn/vi/news/giao-duc/tong-ket-nam-hoc-2022-2023-1181.html"
    spider = make_spider(known_urls=[known])
    middleware = CrawlScopeMiddleware.from_crawler(spider.crawler)
    response = html("http://portal.example.vn/vi/news/giao-duc/", HOME)
    _, requests = split(list(spider.parse(response)))
    # every article on this listing is known: its "next page" is not proposed
    assert not any(r.url.endswith("/page-2") for r in requests)
    kept = {r.url for r in requests if middleware.get_processed_request(r, response)}
    assert known not in kept
    assert spider.crawler.stats.get_value("eduwatch/cut/known") == 1


def test_budget_per_url_shape_cuts_endless_variants() -> None:
    spider = make_spider()
    middleware = CrawlScopeMiddleware.from_crawler(spider.crawler)
    links = "".join(f'<a href="/vi/news/tag/chu-de-{i}">t{i}</a>' for i in range(10))
    response = html("http://portal.example.vn/", f"<html><body>{links}</body></html>")
    _, requests = split(list(spider.parse(response)))
    kept = [r for r in requests if middleware.get_processed_request(r, response)]
    assert len(kept) == 3
    assert spider.crawler.stats.get_value("eduwatch/cut/shape_budget") == 7


POSTBACK = """<html><body><form id="aspnetForm" method="post" action="tin-tuc.aspx">
<input type="hidden" name="__VIEWSTATE" value="abc"><input type="hidden" name="__EVENTTARGET">
<input type="hidden" name="__EVENTARGUMENT">
<a href="tin-tuc.aspx?ItemID=12">Hội nghị tổng kết năm học</a>
<a href="javascript:__doPostBack('ctl00$m$g_1$pager','Page$2')">2</a>
<a href="javascript:__doPostBack('ctl00$m$g_1$pager','Page$3')">3</a>
<a href="javascript:__doPostBack('ctl00$m$btnSearch','')">Tìm</a>
</form></body></html>"""


def test_aspnet_postback_pager_is_submitted_as_a_form() -> None:
    spider = make_spider()
    response = html("http://portal.example.vn/Pages/tin-tuc.aspx", POSTBACK)
    _, requests = split(list(spider.parse(response)))
    posts = [r for r in requests if r.method == "POST"]
    assert len(posts) == 2  # pages 2 and 3, not the search button
    body = posts[0].body.decode()
    assert "__EVENTTARGET=ctl00%24m%24g_1%24pager" in body
    assert "__EVENTARGUMENT=Page%242" in body and "__VIEWSTATE=abc" in body
    assert posts[0].meta["eduwatch_key"].endswith("#postback=Page$2")
    # the same pager seen again is not submitted twice
    assert not [r for r in spider.parse(response) if getattr(r, "method", "") == "POST"]


def test_a_multipart_postback_form_is_still_submitted() -> None:
    spider = make_spider()  # DotNetNuke's Default.aspx form is multipart/form-data
    page = POSTBACK.replace('method="post"', 'method="post" enctype="multipart/form-data"')
    _, requests = split(list(spider.parse(html("http://portal.example.vn/Default.aspx", page))))
    posts = [r for r in requests if r.method == "POST"]
    assert len(posts) == 2
    assert posts[0].headers[b"Content-Type"] == b"application/x-www-form-urlencoded"
    assert "__EVENTARGUMENT=Page%242" in posts[0].body.decode()


def test_feed_and_sitemap_entries_become_article_requests() -> None:
    spider = make_spider()
    rss = b"""<?xml version="1.0"?><rss><channel><item><title>a</title>
    <link>http://portal.example.vn/vi/news/a-1.html</link></item></channel></rss>"""
    response = XmlResponse("http://portal.example.vn/vi/news/rss/", body=rss,
                           request=Request("http://portal.example.vn/vi/news/rss/"))
    items, requests = split(list(spider.parse(response)))
    assert items[0].fetch_kind == "feed"
    assert [r.url for r in requests] == ["http://portal.example.vn/vi/news/a-1.html"]
    sitemap = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>http://portal.example.vn/old-1.html</loc><lastmod>2020-01-01</lastmod></url>
    <url><loc>http://portal.example.vn/new-2.html</loc><lastmod>2024-01-01</lastmod></url>
    </urlset>"""
    response = XmlResponse("http://portal.example.vn/sitemap.xml", body=sitemap,
                           request=Request("http://portal.example.vn/sitemap.xml"))
    items, requests = split(list(spider.parse(response)))
    assert items[0].fetch_kind == "sitemap"
    # newest first, so a page budget keeps the recent articles
    assert [r.url for r in requests][0].endswith("new-2.html")


def test_not_modified_answer_keeps_the_old_validators() -> None:
    url = "http://portal.example.vn/vi/news/giao-duc/"
    spider = make_spider(validators={url: ('"v7"', "Mon, 01 Jan 2024 00:00:00 GMT")})
    response = Response(url, status=304, request=Request(url, meta={"depth": 1}))
    items, requests = split(list(spider.parse(response)))
    assert requests == []
    assert items[0].fetch_kind == "not_modified" and items[0].etag == '"v7"'


@pytest.mark.parametrize("start", [True, False])
def test_conditional_headers_only_for_pages_seen_before(start: bool) -> None:
    url = "http://portal.example.vn/vi/news/giao-duc/"
    spider = make_spider(validators={url: ('"v7"', None)})
    middleware = ConditionalRequestMiddleware.from_crawler(spider.crawler)
    request = spider.page_request(url, start=start)
    middleware.process_request(request)
    if start:  # a start page is always fetched whole
        assert b"If-None-Match" not in request.headers
    else:
        assert request.headers[b"If-None-Match"] == b'"v7"'
        assert 304 in request.meta["handle_httpstatus_list"]


def test_settings_carry_the_config(tmp_path: Any) -> None:
    from crawler.config import parse_config

    config = parse_config({"crawl": {"obey_robots": False, "max_pages": 7}}, tmp_path / "c.toml")
    settings = crawl_settings(config)
    assert settings.getbool("ROBOTSTXT_OBEY") is False
    assert settings.getint("EDUWATCH_MAX_PAGES") == 7


def to_windows_1258(text: str) -> bytes:
    """Vietnamese as windows-1258 writes it: vowel letters precomposed, tone marks combining."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_a_misdeclared_windows_1258_page_reaches_the_cleaners_intact() -> None:
    from crawler.pipelines import CleanPipeline

    paragraph = "Phòng Giáo dục và Đào tạo huyện tổ chức hội nghị tổng kết năm học 2022-2023. " * 6
    page = (
        '<html><head><meta charset="utf-8"><title>Tổng kết năm học</title></head><body>'
        f"<article><h1>Tổng kết năm học 2022-2023</h1><p>{paragraph}</p><p>{paragraph}</p>"
        "</article></body></html>"
    )
    url = "http://portal.example.vn/tong-ket-1.html"
    request = Request(url, meta={"depth": 0})
    # the server says UTF-8, the bytes are windows-1258
    response = HtmlResponse(url, body=to_windows_1258(page), request=request,
                            headers={"Content-Type": "text/html; charset=utf-8"})
    (item,) = [r for r in make_spider().parse(response) if isinstance(r, PageItem)]
    cleaned = CleanPipeline(0.5).process_item(item)
    assert "tổng kết năm học 2022-2023" in cleaned.article.text
    assert "\ufffd" not in cleaned.article.text


def test_a_homepage_is_never_a_report_however_much_prose_it_carries() -> None:
    from crawler.pipelines import CleanPipeline

    welcome = ("Phòng Giáo dục và Đào tạo huyện Kỳ Sơn là cơ quan chuyên môn thuộc UBND huyện, "
               "tham mưu về giáo dục mầm non, tiểu học và trung học cơ sở trên địa bàn. ") * 8
    page = (f'<html lang="vi"><head><title>Phòng GD&ĐT Kỳ Sơn</title></head><body>'
            f"<h1>Chào mừng đến với Phòng Giáo dục và Đào tạo</h1><p>{welcome}</p>"
            f"<p>{welcome}</p></body></html>")
    spider = make_spider()
    kinds = {}
    for url, start in (("http://portal.example.vn/", True),
                       ("http://portal.example.vn/trang-chu", False),
                       ("http://portal.example.vn/gioi-thieu-chung-ve-phong-12.html", False)):
        (item,) = [r for r in spider.parse(html(url, page, eduwatch_start=start))
                   if isinstance(r, PageItem)]
        kinds[url.rsplit("/", 1)[1]] = CleanPipeline(0.5).process_item(item).article.kind
    assert kinds == {"": "listing", "trang-chu": "listing",
                     "gioi-thieu-chung-ve-phong-12.html": "article"}


def test_links_resolved_against_a_base_written_with_escaped_ampersands_make_no_new_urls() -> None:
    # Joomla writes its <base href> with "&amp;", which link extraction does not decode: "#top"
    # resolved against it would be a new URL, one "amp;" longer on every page.
    spider = make_spider()
    page = ('<html><head><base href="http://portal.example.vn/index.php?option=com_content'
            '&amp;view=article&amp;id=12"></head><body><a href="#top">Lên đầu trang</a>'
            '<a href="#">In</a><a href="/index.php?option=com_content&amp;view=article&amp;id=13">'
            "Bài khác</a></body></html>")
    url = "http://portal.example.vn/index.php?option=com_content&view=article&id=12"
    _, requests = split(list(spider.parse(html(url, page))))
    assert {r.url for r in requests if "id=1" in r.url} == {
        "http://portal.example.vn/index.php?id=12&option=com_content&view=article",  # itself
        "http://portal.example.vn/index.php?id=13&option=com_content&view=article",
    }


def test_an_article_is_fetched_under_one_of_its_names() -> None:
    spider = make_spider()
    middleware = CrawlScopeMiddleware.from_crawler(spider.crawler)
    names = "".join(
        f'<a href="/web/guest/{page}/-/asset_publisher/{instance}/content/khai-giang-nam-hoc">'
        "Khai giảng năm học mới</a>" for page, instance in
        (("tin-tuc", "AbC"), ("giao-duc", "XyZ"), ("trang-chu", "Q1")))
    response = html("http://portal.example.vn/", f"<html><body>{names}</body></html>")
    _, requests = split(list(spider.parse(response)))
    kept = [r for r in requests if middleware.get_processed_request(r, response)]
    assert len([r for r in kept if "khai-giang" in r.url]) == 1
    assert spider.crawler.stats.get_value("eduwatch/cut/same_article") == 2


def test_a_page_whose_cleaning_overruns_its_time_limit_is_set_aside_and_the_crawl_goes_on() -> None:
    from crawler.pipelines import CleanPipeline

    paragraph = "Phòng Giáo dục và Đào tạo huyện tổ chức hội nghị tổng kết năm học 2022-2023. " * 6
    page = (f"<html><body><article><h1>Tổng kết năm học 2022-2023</h1><p>{paragraph}</p>"
            f"<p>{paragraph}</p></article></body></html>")
    url = "http://portal.example.vn/tong-ket-1.html"

    def cleaned(limit: float) -> Any:
        (item,) = [r for r in make_spider().parse(html(url, page)) if isinstance(r, PageItem)]
        return CleanPipeline(0.5, time_limit=limit).process_item(item).article

    slow = cleaned(0.0001)  # no page is cleaned in a tenth of a millisecond
    assert (slow.kind, slow.reason) == ("empty", "cleaning took over 0.0001 s")
    assert cleaned(60).kind == "article"  # within the limit: cleaned as always
