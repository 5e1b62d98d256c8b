"""URL rules of the generic spider (crawler/urls.py), on URLs as the real portal platforms write
them: NukeViet, Liferay, SharePoint, WordPress, Joomla, VHV and custom .edu.vn sites."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from crawler import urls
from crawler.urls import (
    canonicalize,
    is_same_site,
    link_hint,
    page_number,
    trap_reason,
    url_shape,
)

# Pages and listings a crawl must follow, across platforms; none may ever be called a trap.
LEGITIMATE = [
    # NukeViet 4, with and without the language/module prefix, and without URL rewriting
    "https://dienbien.dienbien.gov.vn/vi/news/giao-duc/uy-ban-nhan-dan-huyen-dien-bien-to-chuc"
    "-tong-ket-nam-hoc-2022-2023-1234.html",
    "https://pgddienbien.edu.vn/tin-tuc/hoi-nghi-tong-ket-nam-hoc-567.html",
    "https://huyen.gov.vn/vi/news/giao-duc/",
    "https://huyen.gov.vn/vi/news/giao-duc/page-3",
    "https://huyen.gov.vn/vi/news/news/le-khai-giang-1.html",
    "https://huyen.gov.vn/index.php?language=vi&nv=news&op=giao-duc/le-khai-giang-12.html",
    "https://huyen.gov.vn/index.php?language=vi&nv=news",
    "https://huyen.gov.vn/vi/news/tag/giao-duc-mam-non",
    "https://huyen.gov.vn/vi/news/topic/nam-hoc-moi/",
    "https://huyen.gov.vn/vi/news/rss/giao-duc/",
    "https://huyen.gov.vn/sitemap-vi.news.xml",
    "https://huyen.gov.vn/sitemap.xml.gz",
    # Liferay 6.2 and VPortal
    "https://sogd.hanoi.gov.vn/tin-tuc/-/view_content/123456-ha-noi-khai-giang-nam-hoc-moi.html",
    "https://tinh.gov.vn/web/guest/tin-tuc/-/asset_publisher/AbC123dEf/content/khai-giang",
    "https://tinh.gov.vn/web/guest/tin-tuc?p_p_id=101_INSTANCE_AbC&p_p_lifecycle=0"
    "&p_p_state=normal&p_p_mode=view&_101_INSTANCE_AbC_delta=10"
    "&_101_INSTANCE_AbC_keywords=&_101_INSTANCE_AbC_advancedSearch=false&_101_INSTANCE_AbC_cur=3",
    # SharePoint
    "https://sogd.tinh.gov.vn/Pages/tin-tuc-su-kien.aspx?ItemID=1234",
    "https://sogd.tinh.gov.vn/sites/sogd/Pages/default.aspx",
    "https://sogd.tinh.gov.vn/Pages/2023-8-15/le-khai-giang-nam-hoc-moi.aspx",
    # WordPress
    "https://thcs-a.edu.vn/2023/08/khai-giang-nam-hoc-moi/",
    "https://thcs-a.edu.vn/2023/08/15/khai-giang-nam-hoc-moi/",
    "https://thcs-a.edu.vn/category/tin-tuc/page/2/",
    "https://thcs-a.edu.vn/?p=123",
    "https://thcs-a.edu.vn/feed/",
    # Joomla, with and without SEF URLs
    "https://thpt-b.edu.vn/index.php?option=com_content&view=article&id=12:khai-giang&catid=8"
    "&Itemid=101",
    "https://thpt-b.edu.vn/index.php?option=com_content&view=category&id=8&Itemid=101",
    "https://thpt-b.edu.vn/index.php/tin-tuc/123-khai-giang-nam-hoc-moi",
    "https://thpt-b.edu.vn/index.php/vi/tin-tuc",
    "https://thpt-b.edu.vn/tin-tuc?start=20",
    # VHV and custom .edu.vn CMSs
    "https://pgd-c.edu.vn/tin-tuc/le-khai-giang-nam-hoc-2023-2024.html",
    "https://thcs-d.edu.vn/tin-tuc-su-kien/le-khai-giang/ct/1234/5678",
    "https://thcs-d.edu.vn/tin-tuc-su-kien/le-khai-giang/ct/2019/12",
    "https://th-e.edu.vn/th/tin-tuc/hoi-thi-giao-vien-gioi-12.html",
    "https://pgd-c.edu.vn/de-thi/de-thi-hoc-ky-i-mon-toan-lop-9-88.html",
    # words that also name traps, inside article titles
    "https://sgddt.tinh.gov.vn/tin-tuc/thong-ke-so-lieu-giao-duc-nam-2023-99.html",
    "https://sgddt.tinh.gov.vn/tin-tuc/dang-ky-tuyen-sinh-dau-cap-2024-77.html",
    "https://sgddt.tinh.gov.vn/tin-tuc/hoi-thi-in-an-sang-tao-12.html",
    "https://sgddt.tinh.gov.vn/tin-tuc/lich-thi-tot-nghiep-thpt-2024-31.html",
    "https://sgddt.tinh.gov.vn/tin-tuc/ngay-hoi-doc-sach-5-thang-4.html",
    "https://sgddt.tinh.gov.vn/tin-tuc/tim-kiem-tai-nang-tre-2024-15.html",
    "https://sgddt.tinh.gov.vn/nam-hoc/2022-2023",
    "https://sgddt.tinh.gov.vn/lich-cong-tac",
    "https://sgddt.tinh.gov.vn/thong-bao/ke-hoach-tuyen-sinh-lop-10-nam-hoc-2024-2025",
    "https://sgddt.tinh.gov.vn/index.php?m=5&id=12",
    "https://sgddt.tinh.gov.vn/news.php?id=55&sid=3",
    "https://sgddt.tinh.gov.vn/",
    # tracking noise does not make a page a trap
    "https://sgddt.tinh.gov.vn/tin-tuc/khai-giang-12.html?utm_source=zalo&zarsrc=30&fbclid=x",
    # the Vietnamese view, a numeric language id, a Drupal route in "q", a week in a slug
    "https://tinh.gov.vn/Default.aspx?tabid=55&ItemID=12&language=vi-VN",
    "https://tinh.gov.vn/tin-tuc.aspx?lang=1",
    "https://huyen.gov.vn/?q=node/12",
    "https://huyen.gov.vn/index.php?q=tin-tuc/khai-giang-nam-hoc-moi",
    "https://huyen.gov.vn/tin-tuc/2024-w18-tong-ket-tuan-hoc.html",
    "https://tinh.gov.vn/vi/web/guest/tin-tuc",  # Liferay's Vietnamese view
    "https://truong.edu.vn/tin-tuc?id=1719766800",  # a number that could be a time is an id
]


# --- canonicalize ---------------------------------------------------------------------------

SAME_PAGE = [
    pytest.param(
        [
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html",
            "HTTPS://Huyen.Gov.VN/vi/news/giao-duc/khai-giang-12.html",
            "https://huyen.gov.vn:443/vi/news/giao-duc/khai-giang-12.html",
            "https://huyen.gov.vn./vi/news/giao-duc/khai-giang-12.html",
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html#comment",
            "https://huyen.gov.vn/vi/news/giao-duc/./khai-giang-12.html",
            "https://huyen.gov.vn/vi/news/the-thao/../giao-duc/khai-giang-12.html",
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html?",
            "  https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html\n",
        ],
        id="case, port, trailing dot, fragment, dot segments, empty query, spaces",
    ),
    pytest.param(
        [
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html",
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html?utm_source=zalo"
            "&utm_medium=zalo&utm_campaign=zalo&zarsrc=30",
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html?fbclid=IwAR0xYz_12",
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html?gidzl=Ab12&_ga=2.1.3.4",
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html?mc_cid=1a&mc_eid=2b&gclid=c",
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html?ref=facebook",
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html?src=zalo_share",
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html?UTM_Source=Newsletter",
        ],
        id="tracking parameters from Zalo, Facebook, Google, Mailchimp",
    ),
    pytest.param(
        [
            "http://cong.tinh.gov.vn/portal/tintuc.jsp?id=3",
            "http://cong.tinh.gov.vn/portal/tintuc.jsp;jsessionid=0A1B2C3D4E5F6A7B?id=3",
            "http://cong.tinh.gov.vn/portal/tintuc.jsp;JSESSIONID=ffee0011?id=3",
        ],
        id="servlet session in the path",
    ),
    pytest.param(
        [
            "https://so.tinh.gov.vn/Pages/chi-tiet.aspx?ItemID=3",
            "https://so.tinh.gov.vn/(S(lit3py55t21z5v55vlm25s55))/Pages/chi-tiet.aspx?ItemID=3",
            "https://so.tinh.gov.vn/(X(1)S(a5v55vlm25s55lit3py55t21z))/Pages/chi-tiet.aspx?ItemID=3",
        ],
        id="ASP.NET cookieless session segment",
    ),
    pytest.param(
        [
            "https://truong.edu.vn/news.php?id=1",
            "https://truong.edu.vn/news.php?PHPSESSID=8f14e45fceea167a5a36dedd4bea2543&id=1",
            "https://truong.edu.vn/news.php?id=1&sid=9f86d081884c7d659a2feaa0c55ad015",
            "https://truong.edu.vn/news.php?session_id=abc&id=1&sessionid=def",
        ],
        id="session parameters",
    ),
    pytest.param(
        [
            "https://huyen.gov.vn/index.php?language=vi&nv=news&op=giao-duc",
            "https://huyen.gov.vn/index.php?op=giao-duc&nv=news&language=vi",
            "https://huyen.gov.vn/index.php?nv=news&language=vi&op=giao-duc&utm_source=fb",
        ],
        id="query order",
    ),
    pytest.param(
        [
            "https://tinh.gov.vn/Default.aspx?tabid=55&ItemID=12",
            "https://tinh.gov.vn/Default.aspx?tabid=55&ItemID=12&language=vi-VN",
            "https://tinh.gov.vn/Default.aspx?language=vi&ItemID=12&tabid=55",
        ],
        id="the Vietnamese language named or not",
    ),
    pytest.param(
        [
            "https://huyen.gov.vn/index.php?option=com_content&view=article&id=12&catid=3",
            "https://huyen.gov.vn/index.php?option=com_content&amp;view=article&amp;id=12"
            "&amp;catid=3",
            "https://huyen.gov.vn/index.php?option=com_content&amp%3Bamp%3Bview=article&id=12"
            "&catid=3",
        ],
        id="ampersands written as &amp; and never decoded",
    ),
    pytest.param(
        [
            "https://huyen.gov.vn/tin-tức/giáo-dục",
            "https://huyen.gov.vn/tin-t%e1%bb%a9c/gi%c3%a1o-d%e1%bb%a5c",
            "https://huyen.gov.vn/tin-t%E1%BB%A9c/gi%C3%A1o-d%E1%BB%A5c",
        ],
        id="percent-encoding of Vietnamese paths",
    ),
    pytest.param(
        [
            "https://tinh.gov.vn/web/guest/tin-tuc/-/asset_publisher/AbC/content/khai-giang",
            "https://tinh.gov.vn/web/guest/tin-tuc/-/asset_publisher/AbC/content/khai-giang"
            "?redirect=https%3A%2F%2Ftinh.gov.vn%2Fweb%2Fguest%2Ftin-tuc&inheritRedirect=true",
            "https://tinh.gov.vn/web/guest/tin-tuc/-/asset_publisher/AbC/content/khai-giang"
            "?_101_INSTANCE_AbC_redirect=%2Fweb%2Fguest%2Ftin-tuc%3Fp%3D2",
        ],
        id="Liferay back-link parameters",
    ),
]


@pytest.mark.parametrize("spellings", SAME_PAGE)
def test_spellings_of_one_page_canonicalize_alike(spellings: list[str]) -> None:
    canonical = {canonicalize(url) for url in spellings}
    assert len(canonical) == 1, canonical


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # NukeViet without rewriting: the query is the page
        ("https://huyen.gov.vn/index.php?language=vi&nv=news", "https://huyen.gov.vn/index.php"),
        ("https://huyen.gov.vn/news.php?id=1", "https://huyen.gov.vn/news.php?id=2"),
        # Joomla article ids
        (
            "https://truong.edu.vn/index.php?option=com_content&view=article&id=12",
            "https://truong.edu.vn/index.php?option=com_content&view=article&id=13",
        ),
        # "ref", "src" and "sid" as real parameters
        ("https://huyen.gov.vn/van-ban.aspx?ref=12", "https://huyen.gov.vn/van-ban.aspx?ref=13"),
        ("https://huyen.gov.vn/tin.php?sid=5", "https://huyen.gov.vn/tin.php?sid=6"),
        ("https://huyen.gov.vn/tin.php?from=2023-01-01", "https://huyen.gov.vn/tin.php"),
        # a redirect outside Liferay's friendly URLs may lead elsewhere
        ("https://huyen.gov.vn/out?redirect=https://a.vn/", "https://huyen.gov.vn/out"),
        # servers may tell these apart; the crawler must not guess
        ("https://huyen.gov.vn/tin-tuc", "https://huyen.gov.vn/tin-tuc/"),
        ("https://huyen.gov.vn/Tin-Tuc", "https://huyen.gov.vn/tin-tuc"),
        ("http://huyen.gov.vn/a", "https://huyen.gov.vn/a"),
        ("https://www.huyen.gov.vn/a", "https://huyen.gov.vn/a"),
        ("https://huyen.gov.vn:8080/a", "https://huyen.gov.vn/a"),
    ],
)
def test_different_pages_keep_different_urls(first: str, second: str) -> None:
    assert canonicalize(first) != canonicalize(second)


def test_canonical_url_is_a_plain_absolute_url() -> None:
    canonical = canonicalize(
        "HTTPS://WWW.So.Tinh.GOV.VN:443/(S(lit3py55t21z5v55vlm25s55))/Pages/tin tức.aspx"
        "?utm_source=zalo&ItemID=7&b=2#top"
    )
    parts = urlsplit(canonical)
    assert parts.scheme == "https"
    assert parts.netloc == "www.so.tinh.gov.vn"
    assert parts.fragment == ""
    assert " " not in canonical and "(S(" not in canonical and "utm_" not in canonical
    assert parts.query == "ItemID=7&b=2"


def test_repeated_query_values_keep_every_value() -> None:
    canonical = canonicalize("https://huyen.gov.vn/a?tag=y&tag=x")
    assert sorted(v for k, v in (p.split("=") for p in urlsplit(canonical).query.split("&"))) == [
        "x",
        "y",
    ]


@pytest.mark.parametrize(
    "url", ["mailto:Phong.GD@Huyen.gov.vn", "tel:+84 215 3825", "javascript:;"]
)
def test_non_web_urls_are_left_alone(url: str) -> None:
    assert canonicalize(f"  {url} ") == url


@pytest.mark.parametrize("url", ["http://[::1/a", "https://huyen.gov.vn:99999/", "http://a.vn:x/"])
def test_unparsable_url_is_returned_unchanged_and_called_invalid(url: str) -> None:
    # The spider canonicalizes every href it finds; one broken link must not stop the page.
    assert canonicalize(f" {url} ") == url
    assert trap_reason(url) == urls.REASON_INVALID


IDEMPOTENCE_CASES = (
    LEGITIMATE
    + [url for param in SAME_PAGE for url in param.values[0]]
    + [
        "https://huyen.gov.vn/a?x&y=&z=1",
        "https://huyen.gov.vn/a?q=a+b%20c&r=%zz",
        "https://huyen.gov.vn/%7Euser/a%2Fb;p=1/c",
        "https://user:Pw@Huyen.gov.vn:80/a",
        "https://[::1]:8080/a",
        "https://hà-nội.vn/a",
    ]
)


@pytest.mark.parametrize("url", IDEMPOTENCE_CASES)
def test_canonicalize_is_idempotent(url: str) -> None:
    once = canonicalize(url)
    assert canonicalize(once) == once


# --- url_shape ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "urls_of_one_shape",
    [
        [
            "https://huyen.gov.vn/vi/news/giao-duc/abc-def-123.html",
            "https://huyen.gov.vn/vi/news/giao-duc/xyz-456.html",
            "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-nam-hoc-2023-2024-9876.html",
        ],
        [
            "https://huyen.gov.vn/lich-am/?date=2023-01-05",
            "https://huyen.gov.vn/lich-am/?date=1999-12-31",
        ],
        [
            "https://huyen.gov.vn/vi/news/giao-duc/page-2",
            "https://huyen.gov.vn/vi/news/giao-duc/page-37",
        ],
        [
            "https://so.tinh.gov.vn/Pages/chi-tiet.aspx?ItemID=1",
            "https://so.tinh.gov.vn/Pages/chi-tiet.aspx?ItemID=20456",
            "https://so.tinh.gov.vn/Pages/chi-tiet.aspx?ItemID=7&utm_source=zalo",
        ],
        [
            "https://truong.edu.vn/2023/08/khai-giang-nam-hoc-moi/",
            "https://truong.edu.vn/2024/01/so-ket-hoc-ky-mot-nam-hoc/",
        ],
        [
            "https://tinh.gov.vn/tin-tuc/-/view_content/123-khai-giang.html",
            "https://tinh.gov.vn/tin-tuc/-/view_content/98765-tong-ket-nam-hoc.html",
        ],
        [
            "https://truong.edu.vn/tin-tuc-su-kien/le-khai-giang/ct/12/345",
            "https://truong.edu.vn/tin-tuc-su-kien/le-khai-giang/ct/3/9",
        ],
        [
            "https://huyen.gov.vn/calendar/2023-01-05",
            "https://huyen.gov.vn/calendar/1999-12-31",
        ],
        [
            "https://huyen.gov.vn/tin-tuc/tổng-kết-năm-học-2022-2023",
            "https://huyen.gov.vn/tin-tuc/khai-giảng-năm-học-mới-ở-huyện-điện-biên",
        ],
    ],
)
def test_urls_of_one_template_share_a_shape(urls_of_one_shape: list[str]) -> None:
    assert len({url_shape(url) for url in urls_of_one_shape}) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # another category or module is another budget
        (
            "https://huyen.gov.vn/vi/news/giao-duc/abc-1.html",
            "https://huyen.gov.vn/vi/news/van-hoa/abc-1.html",
        ),
        (
            "https://huyen.gov.vn/vi/news/giao-duc/abc-1.html",
            "https://xa.gov.vn/vi/news/giao-duc/abc-1.html",
        ),
        (
            "https://huyen.gov.vn/vi/news/giao-duc/",
            "https://huyen.gov.vn/vi/news/giao-duc/abc-1.html",
        ),
        (
            "https://huyen.gov.vn/vi/news/giao-duc/page-2",
            "https://huyen.gov.vn/vi/news/giao-duc/abc-2",
        ),
        ("https://huyen.gov.vn/lich-am/?date=2023-01-05", "https://huyen.gov.vn/lich-am/?ngay=5"),
        ("https://huyen.gov.vn/index.php?nv=news&op=a", "https://huyen.gov.vn/index.php?nv=news"),
    ],
)
def test_different_templates_get_different_shapes(first: str, second: str) -> None:
    assert url_shape(first) != url_shape(second)


def test_shape_names_the_host_and_query_keys_but_no_values() -> None:
    shape = url_shape("https://Huyen.gov.vn/lich-am/?date=2023-01-05&thang=1")
    assert shape.startswith("huyen.gov.vn/")
    assert "date" in shape and "thang" in shape
    assert not any(ch.isdigit() for ch in shape)


# --- trap_reason ----------------------------------------------------------------------------


@pytest.mark.parametrize("url", LEGITIMATE)
def test_pages_and_listings_are_never_traps(url: str) -> None:
    assert trap_reason(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://huyen.gov.vn/lich-am/?date=2023-01-05",
        "https://licham.net/?date=2023-01-05",
        "https://huyen.gov.vn/index.php?nv=news&ngay=05&thang=01&nam=2023",
        "https://huyen.gov.vn/ngay-nay-nam-xua?day=5&month=1",
        "https://huyen.gov.vn/van-ban?year=2019",
        "https://huyen.gov.vn/lich?y=2023&m=1",
        "https://huyen.gov.vn/tin-tuc?d=2023-01-05",
        "https://huyen.gov.vn/van-ban?from=01/01/2023&to=31/01/2023",
        "https://huyen.gov.vn/tin-tuc?tungay=01-01-2023&denngay=31-01-2023",
        "https://tinh.gov.vn/web/guest/lich?_8_month=0&_8_day=5&_8_year=2023",
        "https://huyen.gov.vn/lich-cong-tac?tuan=12&nam=2023",
        "https://huyen.gov.vn/lich-am/2023/01/05",
        "https://huyen.gov.vn/licham/ngay-5-1-2023.html",
        "https://huyen.gov.vn/lich-am-2023-01-05.html",
        "https://huyen.gov.vn/calendar/2023-01",
        "https://truong.edu.vn/2023/08/",
        "https://truong.edu.vn/2023/08/15/",
        "https://truong.edu.vn/2023/8/page/2/",
        "https://truong.edu.vn/su-kien/2023-08-15",
        "https://huyen.gov.vn/su-kien/2024-W18",  # an event calendar's week view
        "https://tinh.gov.vn/web/guest/lich-cong-tac"
        "?_com_liferay_calendar_web_portlet_CalendarPortlet_date=1719766800000",
    ],
)
def test_calendars_and_date_archives_are_traps(url: str) -> None:
    assert trap_reason(url) == urls.REASON_CALENDAR


def test_a_lunar_calendar_block_is_trapped_every_day_of_the_year() -> None:
    days = [f"2024-{month:02d}-{day:02d}" for month in range(1, 13) for day in range(1, 29)]
    reasons = {trap_reason(f"https://huyen.gov.vn/lich-am/?date={day}") for day in days}
    assert reasons == {urls.REASON_CALENDAR}


@pytest.mark.parametrize(
    "url",
    [
        "https://tinh.gov.vn/tin-tuc/-/view_content/123-khai-giang.html",
        "https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html",
        "https://tinh.gov.vn/web/guest/tin-tuc/abc-12.html",
    ],
)
def test_language_switch_links_appended_to_an_article_stop_at_once(url: str) -> None:
    # Relative "vi"/"en" links on a page whose URL the server also answers with a slash appended
    # make ".html/vi", ".html/vi/en", …; a mirror of one portal held >11,000 such copies.
    grown = url
    for step, language in enumerate(["vi", "en", "vi", "vi", "en", "fr", "zh"]):
        grown = urljoin(grown + "/", language)
        assert trap_reason(grown) == urls.REASON_GROWING, (step, grown)


@pytest.mark.parametrize(
    "url",
    [
        "https://huyen.gov.vn/vi/en/vi/news/giao-duc/",
        "https://huyen.gov.vn/vi/news/giao-duc/en",
        "https://huyen.gov.vn/a/tin-tuc/a/b/a/c",
        "https://huyen.gov.vn/tin-tuc/giao-duc/tin-tuc/giao-duc/",
        "https://huyen.gov.vn/vi/news/khai-giang-1.html/khai-giang-1.html",
        "https://huyen.gov.vn/" + "/".join(f"muc-{i}" for i in range(13)),
        "https://huyen.gov.vn/tin-tuc?ids=" + ",".join(str(i) for i in range(200)),
    ],
)
def test_paths_that_grow_without_end_are_traps(url: str) -> None:
    assert trap_reason(url) == urls.REASON_GROWING


def test_relative_links_resolved_into_themselves_stop_growing() -> None:
    # A theme that writes href="tin-tuc/giao-duc/" instead of "/tin-tuc/giao-duc/".
    page = "https://huyen.gov.vn/tin-tuc/giao-duc/"
    reasons = []
    for _ in range(5):
        page = urljoin(page, "tin-tuc/giao-duc/")
        reasons.append(trap_reason(page))
    assert reasons == [urls.REASON_GROWING] * 5


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://huyen.gov.vn/vi/news/print/khai-giang-12.html", urls.REASON_PRINT),
        (
            "https://huyen.gov.vn/index.php?language=vi&nv=news&op=print/khai-giang-12",
            urls.REASON_PRINT,
        ),
        ("https://huyen.gov.vn/vi/news/sendmail/khai-giang-12/", urls.REASON_PRINT),
        ("https://huyen.gov.vn/vi/news/savefile/khai-giang-12/", urls.REASON_PRINT),
        ("https://tinh.gov.vn/tin-tuc/in-bai-viet/12", urls.REASON_PRINT),
        ("https://tinh.gov.vn/in-trang.aspx?ItemID=3", urls.REASON_PRINT),
        ("https://truong.edu.vn/tin-tuc/khai-giang-12.html?print=1", urls.REASON_PRINT),
        (
            "https://truong.edu.vn/index.php?option=com_content&view=article&id=12&tmpl=component"
            "&print=1",
            urls.REASON_PRINT,
        ),
        (
            "https://truong.edu.vn/index.php?option=com_mailto&tmpl=component&link=abc",
            urls.REASON_PRINT,
        ),
        ("https://truong.edu.vn/tin-tuc/khai-giang?format=print", urls.REASON_PRINT),
        ("https://huyen.gov.vn/share.php?url=https://huyen.gov.vn/a", urls.REASON_PRINT),
        ("https://huyen.gov.vn/sharer/sharer.php?u=a", urls.REASON_PRINT),
        ("https://huyen.gov.vn/vi/news/search/?q=giao+duc", urls.REASON_SEARCH),
        ("https://huyen.gov.vn/vi/seek/?q=hoc+sinh", urls.REASON_SEARCH),
        ("https://huyen.gov.vn/index.php?language=vi&nv=seek", urls.REASON_SEARCH),
        ("https://huyen.gov.vn/tim-kiem?tukhoa=khai+giang", urls.REASON_SEARCH),
        ("https://huyen.gov.vn/tin-tuc?keyword=khai+giang", urls.REASON_SEARCH),
        ("https://truong.edu.vn/?s=khai+giang", urls.REASON_SEARCH),
        ("https://truong.edu.vn/index.php?option=com_search&searchword=a", urls.REASON_SEARCH),
        ("https://so.tinh.gov.vn/Search/Pages/results.aspx?k=tuyen+sinh", urls.REASON_SEARCH),
        ("https://huyen.gov.vn/tin-tuc?sort=date&order=desc", urls.REASON_SORT),
        ("https://tinh.gov.vn/web/guest/tin-tuc?_101_orderByCol=title", urls.REASON_SORT),
        ("https://huyen.gov.vn/van-ban?orderby=ngay_ban_hanh", urls.REASON_SORT),
        ("https://huyen.gov.vn/thu-vien-anh?view=grid", urls.REASON_SORT),
        ("https://huyen.gov.vn/vi/users/login/", urls.REASON_LOGIN),
        ("https://huyen.gov.vn/vi/users/register/", urls.REASON_LOGIN),
        ("https://huyen.gov.vn/index.php?language=vi&nv=users&op=login", urls.REASON_LOGIN),
        ("https://huyen.gov.vn/vi/statistics/allbot/", urls.REASON_LOGIN),
        ("https://huyen.gov.vn/vi/comment/post/", urls.REASON_LOGIN),
        ("https://huyen.gov.vn/index.php?scaptcha=captcha&t=123", urls.REASON_LOGIN),
        ("https://tinh.gov.vn/c/portal/login?p_l_id=123", urls.REASON_LOGIN),
        ("https://so.tinh.gov.vn/_layouts/15/Authenticate.aspx?Source=%2F", urls.REASON_LOGIN),
        ("https://truong.edu.vn/wp-login.php?redirect_to=%2Fwp-admin%2F", urls.REASON_LOGIN),
        ("https://truong.edu.vn/wp-admin/", urls.REASON_LOGIN),
        ("https://truong.edu.vn/2023/08/khai-giang/?replytocom=5", urls.REASON_LOGIN),
        ("https://truong.edu.vn/index.php?option=com_users&view=login", urls.REASON_LOGIN),
        ("https://truong.edu.vn/dang-nhap.html", urls.REASON_LOGIN),
        ("https://truong.edu.vn/administrator/", urls.REASON_LOGIN),
        ("https://huyen.gov.vn/uploads/news/2023_08/quyet-dinh-123.pdf", urls.REASON_FILE),
        ("https://huyen.gov.vn/uploads/KE-HOACH.DOCX", urls.REASON_FILE),
        ("https://huyen.gov.vn/files/bang-diem.xlsx", urls.REASON_FILE),
        ("https://huyen.gov.vn/files/bao-cao.ppt", urls.REASON_FILE),
        ("https://huyen.gov.vn/files/ho-so.zip", urls.REASON_FILE),
        ("https://huyen.gov.vn/files/ho-so.rar", urls.REASON_FILE),
        ("https://huyen.gov.vn/uploads/anh-khai-giang.JPG", urls.REASON_FILE),
        ("https://huyen.gov.vn/uploads/logo.png", urls.REASON_FILE),
        ("https://huyen.gov.vn/uploads/video/le-khai-giang.mp4", urls.REASON_FILE),
        ("https://so.tinh.gov.vn/DownloadFile.aspx?file=quyet-dinh.docx", urls.REASON_FILE),
        (
            "https://cong.tinh.gov.vn/documents/10180/0/cong-van.pdf;jsessionid=ab12",
            urls.REASON_FILE,
        ),
        ("mailto:phonggd@huyen.gov.vn", urls.REASON_NOT_HTTP),
        ("tel:02153825123", urls.REASON_NOT_HTTP),
        ("javascript:void(0)", urls.REASON_NOT_HTTP),
        ("JavaScript:history.back()", urls.REASON_NOT_HTTP),
        ("http://[::1/a", urls.REASON_INVALID),
        ("https://tinh.gov.vn/Default.aspx?tabid=55&ItemID=12&language=en-US",
         urls.REASON_LANGUAGE),
        ("https://huyen.gov.vn/index.php?language=en&nv=news", urls.REASON_LANGUAGE),
        ("https://truong.edu.vn/tin-tuc?lang=fr", urls.REASON_LANGUAGE),
        ("https://huyen.gov.vn/?q=tuyen+sinh", urls.REASON_SEARCH),
        ("https://sgddt.tinh.gov.vn/en/news/education/opening-ceremony-12.html",
         urls.REASON_LANGUAGE),
        ("https://tinh.gov.vn/en/web/guest/tin-tuc", urls.REASON_LANGUAGE),
        ("https://tinh.gov.vn/web/guest/tin-tuc/-/asset_publisher/AbC/content/khai-giang"
         "?p_p_state=pop_up&_AbC_viewMode=print", urls.REASON_PRINT),
    ],
)
def test_views_searches_accounts_and_files_are_skipped(url: str, reason: str) -> None:
    assert trap_reason(url) == reason


def test_every_reason_is_a_documented_constant() -> None:
    documented = {value for name, value in vars(urls).items() if name.startswith("REASON_")}
    samples = [
        "mailto:a@b.vn",
        "http://[::1/a",
        "https://a.vn/a.pdf",
        "https://a.vn/login",
        "https://a.vn/print/a",
        "https://a.vn/search",
        "https://a.vn/?sort=a",
        "https://a.vn/?date=2023-01-01",
        "https://a.vn/vi/a/en",
        "https://a.vn/?lang=en",
    ]
    assert {trap_reason(url) for url in samples} == documented


# --- link_hint ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        # NukeViet
        ("https://huyen.gov.vn/vi/news/giao-duc/khai-giang-nam-hoc-moi-1234.html", "article"),
        ("https://pgd.edu.vn/giao-duc/khai-giang-1234.html", "article"),
        (
            "https://huyen.gov.vn/index.php?language=vi&nv=news&op=giao-duc/khai-giang-12.html",
            "article",
        ),
        ("https://huyen.gov.vn/vi/news/giao-duc/", "listing"),
        ("https://huyen.gov.vn/vi/news/giao-duc/page-3", "listing"),
        ("https://huyen.gov.vn/index.php?language=vi&nv=news&op=giao-duc", "listing"),
        ("https://huyen.gov.vn/vi/news/tag/giao-duc-mam-non-cong-lap-nam-hoc-moi-2023", "listing"),
        ("https://huyen.gov.vn/vi/news/topic/nam-hoc-moi/", "listing"),
        ("https://huyen.gov.vn/vi/news/rss/", "feed"),
        ("https://huyen.gov.vn/vi/news/rss/giao-duc/", "feed"),
        ("https://huyen.gov.vn/sitemap.xml", "sitemap"),
        ("https://huyen.gov.vn/sitemap-vi.news.xml", "sitemap"),
        ("https://huyen.gov.vn/index.php?nv=SitemapIndex", "sitemap"),
        ("https://huyen.gov.vn/vi/", "listing"),
        ("https://huyen.gov.vn/", "listing"),
        # Liferay
        (
            "https://sogd.hanoi.gov.vn/tin-tuc/-/view_content/123456-khai-giang-nam-hoc.html",
            "article",
        ),
        (
            "https://tinh.gov.vn/web/guest/tin-tuc/-/asset_publisher/AbC1/content/khai-giang",
            "article",
        ),
        (
            "https://tinh.gov.vn/web/guest/tin-tuc?p_p_id=101_INSTANCE_AbC1&_101_INSTANCE_AbC1_cur=2",
            "listing",
        ),
        ("https://tinh.gov.vn/web/guest/tin-tuc", "listing"),
        # SharePoint
        ("https://so.tinh.gov.vn/Pages/tin-tuc-su-kien.aspx?ItemID=1234", "article"),
        ("https://so.tinh.gov.vn/Pages/chi-tiet.aspx?itemid=55&CategoryID=3", "article"),
        ("https://so.tinh.gov.vn/Pages/tin-tuc-su-kien.aspx", "listing"),
        # WordPress
        ("https://truong.edu.vn/2023/08/khai-giang-nam-hoc-moi/", "article"),
        ("https://truong.edu.vn/2023/08/15/khai-giang-nam-hoc-moi/", "article"),
        ("https://truong.edu.vn/?p=123", "article"),
        ("https://truong.edu.vn/category/tin-tuc/", "listing"),
        ("https://truong.edu.vn/category/tin-tuc/page/2/", "listing"),
        ("https://truong.edu.vn/tag/tuyen-sinh/", "listing"),
        ("https://truong.edu.vn/feed/", "feed"),
        ("https://truong.edu.vn/?feed=rss2", "feed"),
        ("https://truong.edu.vn/wp-sitemap.xml", "sitemap"),
        ("https://truong.edu.vn/sitemap_index.xml", "sitemap"),
        # Joomla
        (
            "https://truong.edu.vn/index.php?option=com_content&view=article&id=12:khai-giang&catid=8",
            "article",
        ),
        ("https://truong.edu.vn/index.php/tin-tuc/123-khai-giang-nam-hoc-moi", "article"),
        ("https://truong.edu.vn/index.php?option=com_content&view=category&id=8", "listing"),
        (
            "https://truong.edu.vn/index.php?option=com_content&view=category&id=8&format=feed&type=rss",
            "listing",
        ),
        ("https://truong.edu.vn/tin-tuc?start=20", "listing"),
        # VHV and .edu.vn CMSs
        ("https://thcs.edu.vn/tin-tuc-su-kien/le-khai-giang/ct/1234/5678", "article"),
        ("https://pgd.edu.vn/tin-tuc/le-khai-giang-nam-hoc-2023-2024-5678", "article"),
        ("https://pgd.edu.vn/tin-tuc/bai-viet/5678", "article"),
        ("https://pgd.edu.vn/tin-tuc?page=2", "listing"),
        ("https://pgd.edu.vn/tin-tuc/trang-2.html", "listing"),
        ("https://pgd.edu.vn/news.php?id=55", "article"),
        ("https://pgd.edu.vn/rss.xml", "feed"),
        ("https://pgd.edu.vn/rss/tin-tuc.rss", "feed"),
        ("https://pgd.edu.vn/atom.xml", "feed"),
        # nothing to go on
        ("https://pgd.edu.vn/gioi-thieu", "unknown"),
        ("https://so.tinh.gov.vn/sites/sogd/Pages/default.aspx", "unknown"),
        ("mailto:a@b.vn", "unknown"),
    ],
)
def test_link_hint_guesses_from_the_url(url: str, hint: str) -> None:
    assert link_hint(url) == hint


def test_long_article_titles_are_articles_without_an_id() -> None:
    title = "https://sgd.tinh.gov.vn/thong-bao/ke-hoach-to-chuc-ky-thi-tuyen-sinh-vao-lop-10-thpt"
    section = "https://sgd.tinh.gov.vn/thong-bao/hoat-dong-cua-nganh-giao-duc/"
    assert link_hint(title) == "article"
    assert link_hint(section) == "listing"


# --- is_same_site ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "hosts", "same"),
    [
        ("https://dienbien.gov.vn/vi/news/a-1.html", ["dienbien.gov.vn"], True),
        ("https://www.dienbien.gov.vn/vi/news/a-1.html", ["dienbien.gov.vn"], True),
        ("http://dienbien.gov.vn/a", ["www.dienbien.gov.vn"], True),
        ("https://DienBien.Gov.VN./a", ["dienbien.gov.vn"], True),
        ("https://dienbien.gov.vn:8080/a", ["dienbien.gov.vn"], True),
        ("https://pgd.dienbien.edu.vn/a", ["sgd.dienbien.edu.vn", "pgd.dienbien.edu.vn"], True),
        # a province portal's districts are separate sources
        ("https://huyendienbien.dienbien.gov.vn/a", ["dienbien.gov.vn"], False),
        ("https://dienbien.gov.vn/a", ["huyendienbien.dienbien.gov.vn"], False),
        ("https://dienbien.gov.vn.evil.example/a", ["dienbien.gov.vn"], False),
        ("https://mdienbien.gov.vn/a", ["dienbien.gov.vn"], False),
        ("https://www2.dienbien.gov.vn/a", ["dienbien.gov.vn"], False),
        ("https://licham.net/?date=2023-01-05", ["dienbien.gov.vn"], False),
        ("mailto:a@dienbien.gov.vn", ["dienbien.gov.vn"], False),
        ("/vi/news/a-1.html", ["dienbien.gov.vn"], False),
        ("https://dienbien.gov.vn/a", [], False),
    ],
)
def test_same_site_is_the_host_or_its_www_twin(url: str, hosts: list[str], same: bool) -> None:
    assert is_same_site(url, hosts) is same


def test_same_site_accepts_any_iterable_of_hosts() -> None:
    hosts = (host for host in ["sgd.tinh.gov.vn", "tinh.gov.vn"])
    assert is_same_site("https://www.tinh.gov.vn/", hosts)


# --- page_number ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "number"),
    [
        ("https://huyen.gov.vn/vi/news/giao-duc/page-3", 3),
        ("https://huyen.gov.vn/vi/news/giao-duc/page-12/", 12),
        ("https://huyen.gov.vn/index.php?language=vi&nv=news&op=giao-duc/page-4", 4),
        ("https://truong.edu.vn/category/tin-tuc/page/3/", 3),
        ("https://truong.edu.vn/category/tin-tuc/?paged=5", 5),
        ("https://pgd.edu.vn/tin-tuc?page=3", 3),
        ("https://pgd.edu.vn/tin-tuc?page=0", 0),
        ("https://pgd.edu.vn/tin-tuc/trang-3", 3),
        ("https://pgd.edu.vn/tin-tuc/trang-7.html", 7),
        ("https://pgd.edu.vn/tin-tuc?p=3", 3),
        ("https://tinh.gov.vn/web/guest/tin-tuc?p_p_id=101_INSTANCE_x&_101_INSTANCE_x_cur=3", 3),
        ("https://tinh.gov.vn/web/guest/tin-tuc?_101_cur=9&_101_delta=10", 9),
        (
            "https://tinh.gov.vn/tin-tuc?_com_liferay_asset_publisher_web_portlet_"
            "AssetPublisherPortlet_INSTANCE_abc_cur=6",
            6,
        ),
        ("https://so.tinh.gov.vn/Pages/tin-tuc.aspx?PageIndex=4", 4),
        ("https://huyen.gov.vn/vi/news/giao-duc/khai-giang-12.html", None),
        ("https://huyen.gov.vn/vi/news/giao-duc/", None),
        ("https://truong.edu.vn/?p=123", None),
        ("https://truong.edu.vn/tin-tuc?page=abc", None),
        ("https://truong.edu.vn/tin-tuc/trang-chu", None),
        ("https://truong.edu.vn/tin-tuc/page-cua-doan-truong-12.html", None),
        ("https://truong.edu.vn/2023/08/khai-giang/", None),
        ("mailto:a@b.vn", None),
    ],
)
def test_page_number_reads_the_pagination_index(url: str, number: int | None) -> None:
    assert page_number(url) == number


def test_page_numbers_follow_the_listing_as_the_spider_pages_through_it() -> None:
    listing = "https://huyen.gov.vn/vi/news/giao-duc/"
    pages = [urljoin(listing, f"page-{n}") for n in range(2, 60)]
    assert [page_number(url) for url in pages] == list(range(2, 60))
    assert {link_hint(url) for url in pages} == {"listing"}
    assert len({url_shape(url) for url in pages}) == 1


def test_liferay_article_drops_sidebar_portlet_state_but_listing_keeps_paging() -> None:
    article = (
        "http://portal.example.gov.vn/giao-duc/-/view_content/3402116-vpub.html"
        "?_tinmoinhat_WAR_dienbienportlet_cur=2&p_p_id=tinmoinhat_WAR_dienbienportlet"
    )
    assert canonicalize(article) == (
        "http://portal.example.gov.vn/giao-duc/-/view_content/3402116-vpub.html"
    )
    listing = "http://portal.example.gov.vn/tin-tuc?p_p_id=101&_101_cur=3"
    assert "_101_cur=3" in canonicalize(listing)


@pytest.mark.parametrize(
    "url",
    [
        "http://portal.example.gov.vn/giao-duc-dao-tao/vi",
        "http://portal.example.gov.vn/tin-tuc/-/tag/giao-duc/en",
        "http://portal.example.gov.vn/en/vi",
    ],
)
def test_language_switch_appended_after_content_is_a_growing_path(url: str) -> None:
    assert trap_reason(url) == "growing path"


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("https://huyen.gov.vn/", True),
        ("https://huyen.gov.vn/trang-chu", True),
        ("https://huyen.gov.vn/vi/", True),
        ("https://huyen.gov.vn/index.php?language=vi", True),
        ("https://tinh.gov.vn/Default.aspx", True),
        ("https://tinh.gov.vn/web/guest/home", True),
        ("https://huyen.gov.vn/index.php?nv=news", False),
        ("https://tinh.gov.vn/Default.aspx?tabid=55", False),
        ("https://huyen.gov.vn/tin-tuc", False),
        ("https://huyen.gov.vn/gioi-thieu.html", False),
    ],
)
def test_homepages_are_known_by_their_url(url: str, home: bool) -> None:
    assert urls.is_homepage(url) is home


def test_liferay_serves_one_article_under_many_names() -> None:
    names = [
        "https://tinh.gov.vn/web/guest/tin-tuc/-/asset_publisher/AbC/content/khai-giang-nam-hoc",
        "https://tinh.gov.vn/web/guest/giao-duc/-/asset_publisher/XyZ9/content/khai-giang-nam-hoc",
        "https://tinh.gov.vn/vi/web/guest/trang-chu/-/asset_publisher/Q1/content/khai-giang-nam-hoc",
    ]
    assert len({urls.article_identity(u) for u in names}) == 1
    other = "https://tinh.gov.vn/web/guest/tin-tuc/-/asset_publisher/AbC/content/tuyen-sinh"
    assert urls.article_identity(other) != urls.article_identity(names[0])
    assert urls.article_identity("https://huyen.gov.vn/tin-tuc/khai-giang-12.html") is None
