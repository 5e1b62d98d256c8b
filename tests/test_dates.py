"""Publication dates: the Vietnamese forms portals print, and which date on a page is the one."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from cleaners.dates import find_dates, make_date, notice_date, parse_date, parse_iso_date
from cleaners.extract import ExtractOptions, extract


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Thứ hai - 09/10/2023 09:53", date(2023, 10, 9)),  # NukeViet 4 nv_date('l - d/m/Y H:i')
        ("Thứ hai - 09/10/2023  09:53", date(2023, 10, 9)),  # NukeViet 3: two spaces
        ("21:22 23/08/2023", date(2023, 8, 23)),  # NukeViet other-topic lists, 'H:i d/m/Y'
        ("Update 25 - 02 - 2021", date(2021, 2, 25)),  # spaces around the separators
        ("Cập nhật: 12/03/2024", date(2024, 3, 12)),
        ("Ngày đăng 18/03/2019 | 3:06 PM | View count: 107", date(2019, 3, 18)),  # Liferay
        ("Phong Thổ, ngày 25 tháng 8 năm 2023", date(2023, 8, 25)),
        ("(28/03/2024 11:06 CH)", date(2024, 3, 28)),  # CH = chiều (p.m.)
        ("23-8-2023", date(2023, 8, 23)),
        ("09.10.2023", date(2023, 10, 9)),
        ("08/12/2023 04:32:15 PM", date(2023, 12, 8)),  # NukeViet listings 'd/m/Y h:i:s A'
        ("10:15:00 | 28/08/2023", date(2023, 8, 28)),  # VHV 'H:i:s | d/m/Y'
        ("NGÀY 5 THÁNG 9 NĂM 2023", date(2023, 9, 5)),
        ("2023-10-09T09:53:00+07:00", date(2023, 10, 9)),
    ],
)
def test_printed_forms_are_read_day_first(printed: str, expected: date) -> None:
    assert parse_date(printed) == expected


def test_decomposed_text_reads_the_same() -> None:
    printed = unicodedata.normalize("NFD", "Hà Nội, ngày 3 tháng 1 năm 2024")
    assert parse_date(printed) == date(2024, 1, 3)
    assert notice_date(printed) == date(2024, 1, 3)


@pytest.mark.parametrize(
    "text",
    [
        "năm học 2022-2023",  # a school year
        "năm học 20223-2024",  # a typo in a real report (seed 002)
        "Số: 122 /TB-UBND",  # a document number
        "31/02/2023",  # no such day
        "15/13/2023",  # no such month
        "12/03/1890",  # before any portal
        "12/03/2150",
        "HTCTTH đạt 99,8% tốt nghiệp THCS đạt 99,2%",
        "đạt 1.234.567 lượt",
    ],
)
def test_what_is_not_a_date_is_not_read_as_one(text: str) -> None:
    assert parse_date(text) is None


def test_all_dates_of_a_text_in_order() -> None:
    text = "Từ 15/4/2024 đến hết ngày 25 tháng 4 năm 2024, thi ngày 2024-06-04."
    found = find_dates(text)
    assert [f.value for f in found] == [date(2024, 4, 15), date(2024, 4, 25), date(2024, 6, 4)]
    assert [f.form for f in found] == ["dmy", "spelled", "iso"]
    assert text[found[0].start : found[0].end] == "15/4/2024"


def test_machine_readable_values() -> None:
    assert parse_iso_date("2023-10-09") == date(2023, 10, 9)
    assert parse_iso_date(" 2023-10-09T09:53:00Z ") == date(2023, 10, 9)
    assert parse_iso_date("20231009T0953") == date(2023, 10, 9)
    assert parse_iso_date("09/10/2023 09:53") == date(2023, 10, 9)  # portals put this in itemprop
    assert parse_iso_date("not a date") is None


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-04-22T18:30:00.000Z", date(2024, 4, 23)),  # already the 23rd in Vietnam
        ("2023-10-09T23:30:00-05:00", date(2023, 10, 10)),
        ("2023-10-09T09:53:00+07:00", date(2023, 10, 9)),
        ("2023-10-09T00:30:00", date(2023, 10, 9)),  # no offset: the day as written
    ],
)
def test_a_moment_with_an_offset_is_dated_in_vietnam(value: str, day: date) -> None:
    assert parse_iso_date(value) == day


def test_notice_line_is_a_whole_line_not_a_sentence() -> None:
    assert notice_date("TP. Hồ Chí Minh, ngày 03 tháng 01 năm 2024") == date(2024, 1, 3)
    assert notice_date("Phong Thổ, ngày 25 tháng 8 năm 2023.") == date(2023, 8, 25)
    sentence = "Ngày 25 tháng 8 năm 2023, UBND huyện tổ chức Hội nghị tổng kết năm học"
    assert notice_date(sentence) is None


def test_plausible_calendar_days_only() -> None:
    assert make_date(2024, 2, 29) == date(2024, 2, 29)
    assert make_date(2023, 2, 29) is None
    assert make_date(1989, 12, 31) is None
    assert make_date(2101, 1, 1) is None


# --- which date of a page is the publication date ------------------------------------------

_SIDEBAR = """<div class="col-right"><div class="block"><h3>Tin mới nhất</h3><ul>
<li><a href="/a.html">Hội nghị sơ kết học kỳ I năm học 2023-2024 của ngành giáo dục</a>
<span>(28/03/2024 11:06 CH)</span></li>
<li><a href="/b.html">Trao học bổng cho học sinh nghèo vượt khó học giỏi tại các xã</a>
<span>(27/03/2024 9:47 SA)</span></li>
<li><a href="/c.html">Kiểm tra công tác chuẩn bị năm học mới tại các trường mầm non</a>
<span>(25/03/2024 2:43 CH)</span></li></ul></div></div>"""

_BODY = """<p>Sáng nay, Phòng Giáo dục và Đào tạo huyện tổ chức hội nghị tổng kết năm học, đánh giá
kết quả thực hiện nhiệm vụ và bàn giải pháp nâng cao chất lượng dạy và học trong năm tới.</p>
<p>Năm học vừa qua, toàn huyện có 64 trên 70 trường đạt chuẩn quốc gia; tỷ lệ học sinh hoàn
thành chương trình tiểu học đạt 99,8%, tốt nghiệp trung học cơ sở đạt 99,2 phần trăm.</p>
<p>Hội nghị đã khen thưởng các tập thể và cá nhân có thành tích xuất sắc trong năm học, đồng
thời triển khai kế hoạch năm học mới với nhiều nhiệm vụ trọng tâm cho các nhà trường.</p>"""


def _page(date_line: str, head: str = "") -> str:
    return f"""<html lang="vi"><head><title>Tổng kết năm học</title>{head}</head><body>
<div class="header"><h1>Cổng thông tin điện tử huyện Điện Biên</h1></div>
<div class="main"><div class="detail"><h2 class="title">Phòng Giáo dục tổng kết năm học 2022-2023
</h2>{date_line}<div class="noidung">{_BODY}</div></div></div>{_SIDEBAR}</body></html>"""


_NO_HTMLDATE = ExtractOptions(use_htmldate=False)


def test_the_date_line_next_to_the_title_wins_over_the_sidebar() -> None:
    article = extract(_page('<div class="ngay">Cập nhật: 12/03/2024</div>'), "https://x.gov.vn/a")
    assert (article.published, article.date_source) == (date(2024, 3, 12), "date-line")
    assert "Cập nhật" not in article.text  # the date line is metadata, not report text


def test_machine_readable_date_wins_over_printed_ones() -> None:
    head = '<meta property="article:published_time" content="2024-03-10T08:00:00+07:00">'
    article = extract(_page('<div>Cập nhật: 12/03/2024</div>', head), "https://x.gov.vn/a")
    assert (article.published, article.date_source) == (date(2024, 3, 10), "meta")


def test_a_page_with_only_sidebar_dates_has_no_date() -> None:
    for options in (_NO_HTMLDATE, ExtractOptions()):
        article = extract(_page(""), "https://x.gov.vn/a", options)
        assert article.is_article
        assert article.published is None


def test_itemprop_date_of_the_article_not_of_a_teaser() -> None:
    page = f"""<html lang="vi"><body>
<div itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="headline">Tổng kết năm học
2022-2023 của ngành giáo dục huyện</h1>
<span class="hidden" itemprop="datePublished">2023-10-09T09:53:00+07:00</span>
<div itemprop="articleBody">{_BODY}</div></div>
<ul><li itemscope itemtype="http://schema.org/NewsArticle"><a href="/b.html" itemprop="headline">
Một tin khác của huyện về giáo dục</a><span itemprop="datePublished">2024-01-02</span></li></ul>
</body></html>"""
    article = extract(page, "https://x.gov.vn/a")
    assert (article.published, article.date_source) == (date(2023, 10, 9), "itemprop")


def test_a_notice_is_dated_by_its_own_place_and_date_line() -> None:
    notice = """<p>Số: 45/TB-PGDĐT</p><p>Mường Ảng, ngày 05 tháng 9 năm 2023</p><p>THÔNG BÁO</p>
<p>Về việc tổ chức khai giảng năm học 2023-2024 tại các trường mầm non, tiểu học và trung học
cơ sở trên địa bàn huyện, đảm bảo an toàn, tiết kiệm và tạo không khí vui tươi cho học sinh.</p>
<p>Phòng Giáo dục và Đào tạo đề nghị các đơn vị triển khai thực hiện nghiêm túc nội dung thông
báo này và báo cáo kết quả về Phòng trước ngày 10 tháng 9 năm 2023 để tổng hợp.</p>"""
    page = f"""<html lang="vi"><body><div class="content"><div class="noidung">{notice}</div>
</div></body></html>"""
    article = extract(page, "https://x.gov.vn/tb", _NO_HTMLDATE)
    assert (article.published, article.date_source) == (date(2023, 9, 5), "notice")
    assert "Mường Ảng, ngày 05 tháng 9 năm 2023" in article.text  # part of the document


def test_the_platform_date_element() -> None:
    page = f"""<html lang="vi"><head><meta name="generator" content="NukeViet v4.5"></head><body>
<div class="news_column panel panel-default"><div class="panel-body">
<h1 class="title margin-bottom-lg">Tổng kết năm học 2022-2023 của ngành giáo dục huyện</h1>
<span class="h5">Thứ hai - 09/10/2023 09:53</span>
<div id="news-bodyhtml" class="bodytext">{_BODY}</div></div></div>{_SIDEBAR}</body></html>"""
    article = extract(page, "https://x.gov.vn/a")
    assert (article.published, article.date_source, article.platform) == (
        date(2023, 10, 9),
        "platform",
        "nukeviet",
    )
