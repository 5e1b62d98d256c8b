"""`cleaners.extract` rule by rule: decoding, platforms, furniture removal, page kind, title,
byline, options. Pages are small hand-written portal pages; the golden files cover whole ones."""

from __future__ import annotations

import codecs
import dataclasses
import unicodedata

import pytest

from cleaners.byline import looks_like_name
from cleaners.decoding import declared_encoding, decode_html, repair_double_encoding
from cleaners.dom import parse_html
from cleaners.extract import DEFAULT_OPTIONS, ExtractOptions, extract
from cleaners.layout import measure
from cleaners.noise import remove_furniture
from cleaners.noise_markers import leaked_markers
from cleaners.page_kind import KindThresholds, PageSignals, decide_kind
from cleaners.platforms import GENERIC, detect_platform
from cleaners.titles import similarity, strip_site_name
from tests.golden.build_pages import to_windows_1258

URL = "https://pgd.example.gov.vn/tin-tuc/bai-viet-1.html"

PARAGRAPHS = [
    "Sáng 20/3, Phòng Giáo dục và Đào tạo huyện tổ chức hội nghị sơ kết học kỳ I năm học "
    "2023-2024 với sự tham dự của lãnh đạo UBND huyện và hiệu trưởng các trường trực thuộc.",
    "Năm học này, toàn huyện có 58 trường mầm non, tiểu học và trung học cơ sở với hơn 12.000 "
    "học sinh; chất lượng giáo dục toàn diện tiếp tục được giữ vững, nhiều học sinh đạt giải cao.",
    "Hội nghị đã thống nhất các giải pháp trọng tâm cho học kỳ II, trong đó chú trọng bồi dưỡng "
    "học sinh giỏi, phụ đạo học sinh yếu và đẩy mạnh chuyển đổi số trong quản lý nhà trường.",
]
TITLE = "Phòng Giáo dục và Đào tạo sơ kết học kỳ I năm học 2023-2024"


def page(
    body: str, *, aside: str = "", head: str = "", title: str = TITLE, after: str = ""
) -> str:
    """A Vietnamese portal page: banner, the article (h1 + body container, then `after`), a side
    column."""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{title} - Cổng thông tin điện tử huyện</title>{head}</head><body>
<div id="header"><div class="logo"><a href="/"><h1>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN</h1></a></div>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li></ul>
</div><div class="wrap"><div class="col-main"><div class="detail">
<h1 class="title">{title}</h1><div class="noidung">{paragraphs}{body}</div>{after}</div></div>
<div class="col-right">{aside}</div></div>
<div class="footer"><p>Cơ quan chủ quản: Ủy ban nhân dân huyện</p></div></body></html>"""


def text_of(html: str | bytes, options: ExtractOptions = DEFAULT_OPTIONS) -> str:
    article = extract(html, URL, options)
    assert article.is_article, article.reason
    return article.text


# --- decoding ---------------------------------------------------------------------------------


def test_windows_1258_with_combining_tone_marks_comes_out_composed() -> None:
    # windows-1258 has "ô" but writes the acute of "ố" as a separate combining character.
    data = to_windows_1258(page("").replace("utf-8", "windows-1258"))
    assert "\u0301".encode("cp1258") in data
    text = text_of(data)
    assert PARAGRAPHS[0] in text
    assert unicodedata.is_normalized("NFC", text)


def test_utf8_page_declared_as_latin1_is_read_as_utf8() -> None:
    data = page("").replace("utf-8", "iso-8859-1").encode("utf-8")
    assert declared_encoding(data) == "cp1252"
    assert PARAGRAPHS[1] in text_of(data)


def test_byte_order_marks_and_http_charset() -> None:
    assert decode_html(codecs.BOM_UTF8 + "Thống kê".encode()) == "Thống kê"
    assert decode_html(codecs.BOM_UTF16_LE + "Thống kê".encode("utf-16-le")) == "Thống kê"
    legacy = to_windows_1258("Tổng lượt truy cập")
    assert unicodedata.normalize("NFC", decode_html(legacy)) == "Tổng lượt truy cập"
    latin = "Café".encode("cp1252")  # not UTF-8; the server said what it is
    assert decode_html(latin, http_encoding="windows-1252") == "Café"


def test_bytes_no_encoding_can_read_do_not_raise() -> None:
    assert decode_html(b"<p>\xff\xfe\xfd</p>").startswith("<p>")
    assert decode_html(b"") == ""


def test_double_encoded_utf8_is_repaired_and_normal_text_left_alone() -> None:
    good = "Thống kê truy cập đầu năm học mới, Ủy ban nhân dân huyện tổ chức hội nghị"
    broken = "".join(
        chr(b) if 0x80 <= b <= 0x9F else bytes([b]).decode("cp1252", "replace")
        for b in good.encode("utf-8")
    )
    assert repair_double_encoding(broken) == good
    assert repair_double_encoding("Café Ã  la carte") == "Café Ã  la carte"


def test_empty_input_is_an_empty_page() -> None:
    article = extract(b"", URL)
    assert (article.kind, article.text) == ("empty", "")
    assert article.reason


# --- platforms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "name"),
    [
        ('<meta name="generator" content="NukeViet v4.5">', "nukeviet"),
        ('<div id="news-bodyhtml" class="bodytext">x</div>', "nukeviet"),
        ('<div class="portlet-boundary" id="p_p_id_101_">x</div>', "liferay"),
        ('<p class="wd-date">Ngày đăng: 22/03/2024</p>', "liferay"),
        ('<article class="news-detail-layout-type-2">x</article>', "vhv"),
        ('<meta name="GENERATOR" content="Microsoft SharePoint">', "sharepoint"),
        ('<link rel="stylesheet" href="/wp-content/themes/x/style.css">', "wordpress"),
        ('<meta name="generator" content="Joomla! - Open Source Content Management">', "joomla"),
        ('<input type="hidden" name="__VIEWSTATE" value="x">', "aspnet"),
        ("<div class='content'>x</div>", "generic"),
    ],
)
def test_platform_recognised_from_its_markup(markup: str, name: str) -> None:
    head, body = (markup, "") if markup.startswith(("<meta", "<link")) else ("", markup)
    tree = parse_html(f"<html><head>{head}</head><body>{body}<p>text</p></body></html>")
    assert tree is not None
    assert detect_platform(tree).name == name


def test_generic_platform_has_no_selectors() -> None:
    assert GENERIC.body == () and not GENERIC.assembles_body


# --- furniture removal ------------------------------------------------------------------------


def _furniture(html: str) -> list[str]:
    tree = parse_html(html)
    assert tree is not None
    layout = measure(tree)
    return [r.kind for r in remove_furniture(tree, layout, [], GENERIC)]


def test_counter_block_removed_by_its_heading() -> None:
    aside = """<div class="block"><div class="block-title">Thống kê truy cập</div>
<div class="block-content"><p>Bạn là người truy cập thứ</p><b>105.584</b></div></div>"""
    text = text_of(page("", aside=aside))
    assert "105.584" not in text and "Thống kê" not in text
    assert PARAGRAPHS[2] in text


def test_counter_rows_removed_without_any_heading() -> None:
    aside = """<ul><li>Đang truy cập223</li><li>Máy chủ tìm kiếm13</li><li>Hôm nay: 94</li>
<li>Tổng lượt truy cập: 105,584</li></ul>"""
    assert not leaked_markers(text_of(page("", aside=aside)))
    assert "counter" in _furniture(page("", aside=aside))


def test_report_that_says_tin_moi_nhat_keeps_its_sentence() -> None:
    sentence = (
        "Phụ huynh theo dõi mục Tin mới nhất trên cổng thông tin để cập nhật lịch thi và "
        "danh sách phòng thi của kỳ tuyển sinh vào lớp 10."
    )
    aside = """<div class="box"><h3>Tin mới nhất</h3><ul><li><a href="/1">Hội khỏe Phù Đổng cấp
huyện năm 2024 khai mạc</a></li><li><a href="/2">Trao học bổng cho học sinh nghèo</a></li></ul>
</div>"""
    text = text_of(page(f"<p>{sentence}</p>", aside=aside))
    assert sentence in text
    assert "Hội khỏe Phù Đổng" not in text


def test_a_loose_heading_takes_its_link_list_but_not_the_next_paragraph() -> None:
    closing = "Kết thúc hội nghị, lãnh đạo huyện trao giấy khen cho các tập thể xuất sắc năm học."
    body = f"""<p><strong>Tin liên quan</strong></p><ul><li><a href="/a">Khai giảng năm học mới
tại các trường vùng cao</a></li><li><a href="/b">Hội thi giáo viên dạy giỏi</a></li></ul>
<p>{closing}</p>"""
    text = text_of(page(body))
    assert "Tin liên quan" not in text and "Khai giảng năm học mới" not in text
    assert closing in text


def test_lunar_calendar_widget_removed() -> None:
    aside = """<div><div id="cal"></div><a href="https://licham.net/">licham.net</a>
<p>- Click vào nút hiển thị ngày trong tuần hoặc tháng âm lịch để xem chi tiết</p>
<p>- Màu đỏ: Ngày tốt</p><p>- Xanh lá: Đầu tháng âm lịch</p>
<p>- Màu vàng: Ngày hiện tại</p></div>"""
    text = text_of(page("", aside=aside))
    assert not leaked_markers(text)
    assert "âm lịch" not in text


def test_month_grid_is_a_calendar_but_a_table_of_numbers_is_not() -> None:
    days = "".join(
        "<tr>" + "".join(f"<td>{d}</td>" for d in range(w * 7 + 1, min(w * 7 + 8, 32))) + "</tr>"
        for w in range(5)
    )
    grid = f"<table>{days}</table>"
    assert "calendar" in _furniture(f"<html><body><div>{grid}</div><p>x</p></body></html>")
    stats = "".join(
        f"<tr><td>{i}</td><td>Trường số {i}</td><td>{400 + i}</td><td>{90 + i % 9}%</td></tr>"
        for i in range(1, 20)
    )
    assert "calendar" not in _furniture(f"<html><body><table>{stats}</table></body></html>")


def test_rating_poll_comment_form_and_captcha_removed() -> None:
    body = """<form id="rate"><p>Tổng số điểm của bài viết là: 0 trong 0 đánh giá</p>
<input type="radio" name="s" value="1"><input type="radio" name="s" value="2">
<span>Click để đánh giá bài viết</span></form>"""
    aside = """<div><p>Đánh giá của bạn về cổng thông tin điện tử</p><label><input type="radio"
name="v"> Tốt</label><label><input type="radio" name="v"> Bình thường</label>
<p>373 người đã bình chọn</p></div>
<div><p>Ý kiến bạn đọc</p><form><textarea name="c"></textarea><img src="/captcha.php" alt="">
<label>Mã an toàn</label><input type="text" name="code"></form></div>"""
    text = text_of(page(body, aside=aside))
    assert not leaked_markers(text)
    assert PARAGRAPHS[0] in text


def test_tag_line_pagination_and_zoom_widget_removed_but_a_100_percent_cell_kept() -> None:
    body = """<table><tr><td>Tỷ lệ tốt nghiệp THPT</td><td>100%</td></tr></table>
<div class="kw"><strong>Từ khóa:</strong> <a href="/tag/gd">giáo dục</a>, <a href="/tag/ts">
tuyển sinh</a></div>"""
    aside = """<div class="tb"><span>A-</span> <span>100%</span> <span>A+</span></div>
<div class="p"><a href="?p=1">&lt;&lt;</a> <a href="?p=1">&lt;</a> <a href="?p=1">1</a>
<a href="?p=2">2</a> <a href="?p=3">3</a> ... <a href="?p=2">&gt;</a> <a href="?p=9">&gt;&gt;</a>
</div>"""
    text = text_of(page(body, aside=aside))
    assert "Từ khóa" not in text and "&lt;&lt;" not in text and "<<" not in text
    assert "100%" in text  # the table cell
    assert text.count("100%") == 1


def test_login_box_and_session_timeout_removed() -> None:
    aside = """<div class="panel"><div class="panel-heading">QUẢN LÝ THÀNH VIÊN</div>
<div class="panel-body">Hãy đăng nhập thành viên để trải nghiệm đầy đủ các tiện ích trên site
<form><input type="text" name="u"><input type="password" name="p"></form></div></div>
<div id="timeoutsess">Bạn đã không sử dụng Site, <a href="#">Bấm vào đây để duy trì trạng thái
đăng nhập</a>. Thời gian chờ: 60 giây</div>"""
    assert not leaked_markers(text_of(page("", aside=aside)))


def test_media_boxes_removed_by_their_heading() -> None:
    aside = """<div class="box"><div class="box-title"><a href="/v">Video clip</a></div>
<div class="box-content"><a href="/v/1"><img src="1.jpg"></a></div></div>
<div class="box"><div class="box-title"><a href="/a">Phóng sự ảnh</a></div>
<div class="box-content"><a href="/a/1"><img src="2.jpg"></a></div></div>"""
    assert not leaked_markers(text_of(page("", aside=aside)))


def test_the_article_is_never_removed_even_under_a_furniture_heading() -> None:
    # A portlet titled like furniture that holds the article itself.
    html = page("").replace('<div class="detail">', '<div class="detail"><h3>Tin mới nhất</h3>')
    text = text_of(html)
    assert all(p in text for p in PARAGRAPHS)


def test_vietnamese_labels_are_read_only_on_vietnamese_pages() -> None:
    html = """<html><body><div class="story"><p>x</p></div>
<div class="box"><h3>Video clip</h3><ul><li><a href="/v/1">Clip one</a></li></ul></div>
</body></html>"""
    tree = parse_html(html)
    assert tree is not None
    layout = measure(tree)
    assert remove_furniture(tree, layout, [], GENERIC, read_labels=False) == []
    assert [r.kind for r in remove_furniture(tree, layout, [], GENERIC)] == ["media"]


def test_english_page_keeps_its_paragraphs() -> None:
    first = " ".join(["The board met to review the budget and the school calendar."] * 3)
    second = " ".join(["Parents asked for more buses on the northern routes this winter."] * 3)
    html = f"""<html lang="en"><head><title>School board meets</title></head><body>
<h1>School board meets</h1><div class="story"><p>{first}</p><p>{second}</p></div></body></html>"""
    article = extract(html, URL)
    assert article.text == f"{first}\n\n{second}"
    assert (article.title, article.kind) == ("School board meets", "article")


def test_liferay_7_asset_title_and_a_lead_written_in_a_div() -> None:
    lead = ("Kỳ thi tốt nghiệp trung học phổ thông năm 2024 tại tỉnh đã kết thúc sau hai ngày "
            "27 và 28/6 với 8.927 thí sinh dự thi.")
    html = f"""<html lang="vi"><head><title>Giáo dục - Đào tạo - Cổng TTĐT tỉnh</title></head>
<body><div class="portlet-boundary" id="p_p_id_com_liferay_asset_publisher_web_portlet_X_">
<h2 class="portlet-title-text">Giáo dục - Đào tạo</h2>
<div class="asset-full-content show-asset-title"><p class="component-title h4">
<span class="asset-title-text">{TITLE}</span></p>
<div class="asset-content mb-3"><div class="journal-content-article"><div class="news-detail">
<div class="news-date">Ngày đăng: 28/06/2024 | 18:00 | Lượt xem: 218</div>
<div class="news-sapo"><strong>{lead}</strong></div>
<div class="news-content"><p style="text-align:center"><img alt="" src="/anh-1.jpg" /></p>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3)}</div>
</div></div></div></div></div></body></html>"""
    article = extract(html, URL)
    assert (article.platform, article.title) == ("liferay", TITLE)
    assert article.text.split("\n\n")[:2] == [lead, unicodedata.normalize("NFC", PARAGRAPHS[0])]
    assert str(article.published) == "2024-06-28" and "Lượt xem" not in article.text


# --- layout tables ----------------------------------------------------------------------------


def table_layout_page(lang: str = ' lang="vi"') -> str:
    """A classic ASP.NET portal: the page is one table, the article a cell of `<br>` lines with a
    data table of figures in it, the menu and a visit counter in the cells beside it."""
    lines = "<br /><br />".join(PARAGRAPHS)
    figures = ("<table border=1><tr><th>Cấp học</th><th>Số trường</th></tr>"
               "<tr><td>Tiểu học</td><td>24</td></tr><tr><td>THCS</td><td>18</td></tr></table>")
    menu = "<table>" + "".join(  # a menu built as a table: links, row after row
        f'<tr><td><img src="/dot.gif"> <a href="/m{i}">Chuyên mục số {i}</a></td></tr>'
        for i in range(8)) + "</table>"
    site = "Phòng Giáo dục và Đào tạo huyện Mường Khương"
    return f"""<html{lang}><head><meta charset="utf-8"><title>{site}</title></head><body>
<table width="100%" cellpadding="0"><tr><td colspan="3"><img src="/banner.jpg"></td></tr>
<tr><td class="left" valign="top" width="200">{menu}</td>
<td class="center" valign="top"><span class="tieude">{TITLE}</span><br />
<span class="noidung">{lines}<br /><br /><b>Mạng lưới trường lớp</b><br />{figures}</span></td>
<td class="right" valign="top"><table class="counter"><tr><td>Đang truy cập: 12</td></tr>
<tr><td>Tổng lượt truy cập: 1.204.331</td></tr></table></td></tr></table></body></html>"""


def test_a_table_laid_out_page_keeps_its_paragraphs_and_its_data_table() -> None:
    article = extract(table_layout_page(), URL)
    assert article.title == TITLE  # the title span, not the <title> naming only the site
    lines = article.text.split("\n\n")
    assert lines[0] == unicodedata.normalize("NFC", PARAGRAPHS[0])
    for paragraph in PARAGRAPHS:  # one line each, not one row of a table
        assert unicodedata.normalize("NFC", paragraph) in lines
    assert "Mạng lưới trường lớp" in lines
    assert any("Tiểu học" in line and "24" in line and line.startswith("|") for line in lines)
    text = "\n".join(lines)
    assert "Chuyên mục" not in text and "truy cập" not in text


def test_a_page_that_is_not_a_layout_keeps_its_tables() -> None:
    from cleaners.layout_tables import layout_tables

    tree = parse_html(table_layout_page())
    assert tree is not None
    cell = tree.find(".//td[@class='center']")
    outer, *others = layout_tables(tree, [cell])
    assert outer.get("width") == "100%" and len(others) == 0  # without a layout: no link lists
    menu = tree.find(".//td[@class='left']/table")
    assert layout_tables(tree, [cell], measure(tree))[1:] == [menu]  # not the figures, counter
    figures = parse_html(page("<table><tr><td>Tiểu học</td><td>24</td></tr></table>"))
    assert figures is not None
    assert layout_tables(figures, [figures.find(".//div[@class='noidung']")]) == []


def test_a_list_of_other_news_built_as_a_table_is_not_the_article() -> None:
    rows = "".join(
        f'<tr><td><img src="/dot.gif"> <a href="/tin/{i}">Hội nghị chuyên đề số {i} về đổi mới '
        f"phương pháp dạy học</a> (1{i}/04/2014)</td></tr>" for i in range(4))
    html = page("", after=f'<div class="other"><b>Xem thêm:</b><table>{rows}</table></div>')
    text = text_of(html)
    assert "chuyên đề số" not in text and PARAGRAPHS[-1] in text


def test_a_page_that_declares_no_language_is_still_cleaned_as_vietnamese() -> None:
    # An old portal: no lang attribute, a <title> typed without diacritics, the visit counter as
    # <br>-separated lines under a bare "Thống kê" heading, and a view count beside the title.
    counter = ('<div class="block"><div class="blockTitle">Thống kê</div><div class="content">'
               "Đang truy cập: 3<br>Thành viên online: 0<br>Hôm nay: 41<br>"
               "Tổng lượt truy cập: 58.214</div></div>")
    html = (table_layout_page(lang="")
            .replace("<title>Phòng Giáo dục và Đào tạo huyện Mường Khương</title>",
                     "<title>Phong Giao duc va Dao tao huyen Muong Khuong</title>")
            .replace('<td class="left" valign="top" width="200">',
                     f'<td class="left" valign="top" width="200">{counter}')
            .replace('</span><br />\n<span class="noidung">',
                     '</span><br /><span class="luotxem">Lượt xem: 1.284</span><br />\n'
                     '<span class="noidung">'))
    assert "Lượt xem: 1.284" in html and "<html>" in html
    article = extract(html, URL)
    assert leaked_markers(article.text, "") == []
    assert "Lượt xem" not in article.text and "Thành viên online" not in article.text
    assert "| Tiểu học | 24 |" in article.text  # a figure row of the report is no counter


def test_a_title_behind_its_section_trail_is_the_headline_alone() -> None:
    trail = f'<div class="presentTitle">Tin tức nhà trường » <b>{TITLE}</b></div>'
    html = (page("").replace(f'<h1 class="title">{TITLE}</h1>', trail)
            .replace(f"<title>{TITLE} - Cổng thông tin điện tử huyện</title>",
                     "<title>Tin tức - Trường Tiểu học Đông Hợp</title>"))
    article = extract(html, URL)
    assert article.title == TITLE
    assert "Tin tức nhà trường" not in article.text


def test_a_body_split_around_a_toolbar_keeps_lead_first_and_its_image_captions() -> None:
    lead = ("Ngày 20/10, Tỉnh ủy tổ chức hội nghị tổng kết 10 năm thực hiện Nghị quyết 29 về đổi "
            "mới căn bản, toàn diện giáo dục và đào tạo trên địa bàn tỉnh.")
    caption = "Đồng chí Bí thư Tỉnh ủy phát biểu chỉ đạo hội nghị"
    first = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    image = (f'<div class="img-wrap"><img src="/a.jpg" alt=""><br>'
             f'<i class="img-note">{caption}</i></div>')
    second = f"<p>{PARAGRAPHS[2]}</p>" + "".join(f"<p>{p} Tiếp theo.</p>" for p in PARAGRAPHS)
    html = page("").replace(
        f'<div class="noidung">{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}</div>',
        f'<div class="sapo">{lead}</div><div class="part-1">{first}{image}</div>'
        '<div class="share"><a href="#">Facebook</a> <a href="#">In bài viết</a></div>'
        f'<div class="part-2">{second}</div>')
    assert caption in html and "part-2" in html
    lines = text_of(html).split("\n\n")
    assert lines[0] == unicodedata.normalize("NFC", lead)
    assert lines[1] == unicodedata.normalize("NFC", PARAGRAPHS[0])
    assert caption in lines


def test_a_read_more_link_written_into_the_body_is_not_report_text() -> None:
    more = ('<p>Xem thêm: <a href="/tin/15">Huyện tổ chức kỳ thi chọn học sinh giỏi lớp 9 năm '
            "học 2023-2024</a></p>")
    mention = "<p>Xem thêm: kết quả chi tiết được đăng tải trên trang của Phòng Giáo dục.</p>"
    text = text_of(page(more + mention))
    assert "chọn học sinh giỏi lớp 9" not in text
    assert "Xem thêm: kết quả chi tiết được đăng tải trên trang của Phòng Giáo dục." in text


def test_a_lunar_month_grid_written_as_one_line_of_numbers_is_read_at_once() -> None:
    # "1 11 2 12 … 31 21": solar and lunar days in one short block. A pager pattern that could
    # read "12" as "1", "2" tried every split of it, doubling its time with each number.
    import signal

    days = "".join(f'<li><a href="https://licham.net/?d={d}"><b>{d}</b><i>{(d + 10) % 30 + 1}'
                   "</i></a></li>" for d in range(1, 32)) + "<li>âm lịch</li>"
    html = page("", aside=f'<div class="box"><p>Tháng 7</p><ul class="days">{days}</ul></div>')

    def too_slow(*_: object) -> None:
        raise TimeoutError("extract did not finish within 10 s")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, 10)
    try:
        article = extract(html, URL)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert article.is_article and "licham" not in article.text


def test_a_counter_written_as_one_line_in_nested_wrappers_is_removed() -> None:
    counter = ('<section><div id="anchor"></div><div><div><p><span><strong>Thống kê truy cập'
               "</strong><br>Đang truy cập: 3 &nbsp;·&nbsp; Hôm nay: 41 &nbsp;·&nbsp; "
               "Tổng lượt truy cập: 52.918</span></p></div></div></section>")
    text = text_of(page("", after=counter))
    assert leaked_markers(text, "") == [] and PARAGRAPHS[-1] in text


def test_an_english_title_naming_the_department_is_not_the_headline() -> None:
    html = (page("").replace(f'<h1 class="title">{TITLE}</h1>',
                             f'<div class="news-title-detail"><span>{TITLE}</span></div>')
            .replace(f"<title>{TITLE} - Cổng thông tin điện tử huyện</title>",
                     "<title>Quang Ninh Department of Education and Training</title>"))
    assert extract(html, URL).title == TITLE


# --- page kind --------------------------------------------------------------------------------


def _listing(items: int, *, leads: bool = True, flat: bool = False) -> str:
    lead = (
        "<p>Sáng nay, Phòng Giáo dục và Đào tạo tổ chức hội nghị đánh giá kết quả thực hiện "
        "nhiệm vụ học kỳ I và bàn giải pháp cho học kỳ II năm học.</p>"
    )
    rows = []
    for i in range(items):
        head = f'<h3><a href="/tin/{i}.html">Tin hoạt động giáo dục số {i} của các trường</a></h3>'
        dated = f"{head}<span>{i + 1:02d}/03/2024</span>{lead if leads else ''}"
        rows.append(dated if flat else f'<div class="item">{dated}</div>')
    pager = '<a rel="next" href="/tin/page-2">2</a>'
    return f"""<html lang="vi"><head><title>Tin tức - Sự kiện</title></head><body>
<div class="list">{"".join(rows)}</div>{pager}</body></html>"""


def test_category_page_is_a_listing_with_a_reason() -> None:
    article = extract(_listing(12), "https://x.gov.vn/tin-tuc/")
    assert article.kind == "listing"
    assert "12 teaser links" in article.reason and "dates" in article.reason


def test_listing_written_flat_is_a_listing() -> None:
    assert extract(_listing(10, flat=True), "https://x.gov.vn/tin-tuc/").kind == "listing"


def test_tag_page_with_one_result_is_a_listing() -> None:
    lead = (
        "Từ ngày 18/3/2024, Sở Giáo dục và Đào tạo chính thức vận hành chuyên trang tuyển sinh "
        "trực tuyến, giúp cha mẹ học sinh tra cứu thông tin tuyển sinh vào lớp 10 thuận tiện hơn."
    )
    html = f"""<html lang="vi"><head><title>Từ khóa: tuyển sinh</title></head><body>
<h2 class="page-title">Từ khóa: tuyển sinh</h2><div class="news-item">
<a href="/tin/314.html"><img src="/a.jpg"></a>
<a class="title" href="/tin/314.html">Sở Giáo dục và Đào tạo vận hành chuyên trang tuyển sinh</a>
<span class="date">(18/03/2024)</span><p class="summary">{lead}</p></div></body></html>"""
    article = extract(html, "https://so.example.gov.vn/tag/tuyen-sinh")
    assert article.kind == "listing"
    assert "1 teaser link" in article.reason


def test_paragraphs_with_links_in_their_sentences_are_not_teasers() -> None:
    linked = "".join(
        f"<p>Theo <a href='/vb/{i}.html'>Kế hoạch số {i}/KH-UBND về tuyển sinh năm học mới</a> "
        "của Ủy ban nhân dân huyện, các trường hoàn thành công tác tuyển sinh trước ngày 15/8 và "
        "báo cáo kết quả về Phòng Giáo dục và Đào tạo để tổng hợp.</p>"
        for i in range(8)
    )
    assert extract(page(linked), URL).kind == "article"


def test_article_with_related_links_is_an_article() -> None:
    related = "".join(
        f'<li><a href="/r/{i}.html">Tin liên quan đến giáo dục của huyện số {i}</a></li>'
        for i in range(8)
    )
    article = extract(page(f'<ul class="others">{related}</ul>'), URL)
    assert article.kind == "article"


def test_page_with_only_menus_and_a_message_is_empty() -> None:
    html = """<html lang="vi"><head><title>Thông báo</title></head><body><ul class="menu">
<li><a href="/">Trang chủ</a></li><li><a href="/gt">Giới thiệu</a></li></ul>
<div class="alert">Bài viết không tồn tại hoặc đã bị xóa.</div></body></html>"""
    article = extract(html, URL)
    assert article.kind == "empty"
    assert "characters" in article.reason


@pytest.mark.parametrize(
    ("signals", "kind"),
    [
        (PageSignals(text_chars=2000, body_chars=1800, teasers=20, teaser_chars=1500), "article"),
        (PageSignals(text_chars=2000, body_chars=100, teasers=20, teaser_chars=1500), "listing"),
        (PageSignals(text_chars=1500, body_chars=600, teasers=40, teaser_chars=5000), "listing"),
        (PageSignals(text_chars=90, body_chars=0), "empty"),
        (PageSignals(text_chars=0), "empty"),
        (PageSignals(text_chars=900, teasers=4, declared_listing="collectionpage"), "listing"),
        (PageSignals(text_chars=300, sentence_chars=250, platform_body=True), "article"),
        (PageSignals(text_chars=300, sentence_chars=40, body_chars=40), "empty"),
    ],
)
def test_kind_decision(signals: PageSignals, kind: str) -> None:
    decided, reason = decide_kind(signals, KindThresholds())
    assert decided == kind
    assert reason


# --- title ------------------------------------------------------------------------------------


def test_title_is_the_article_heading_not_the_banner() -> None:
    assert extract(page(""), URL).title == TITLE


def test_title_is_the_asset_title_not_the_portlet_heading_or_hot_news() -> None:
    html = f"""<html><head><title>Hot News - Sở Giáo dục và Đào tạo</title>
<meta property="og:title" content="Hot News"></head><body>
<div class="portlet-boundary" id="p_p_id_101_INSTANCE_x_"><div class="portlet-topper">
<span class="portlet-title-text">Tin tức - Sự kiện</span></div>
<div class="asset-full-content"><div class="asset-full-content-title">{TITLE}</div>
<div class="asset-content">{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}</div></div></div>
</body></html>"""
    article = extract(html, URL)
    assert (article.title, article.platform) == (TITLE, "liferay")


def test_title_from_a_heading_before_the_body_when_the_only_h1_is_the_banner() -> None:
    html = page("").replace('<h1 class="title">', '<h2 class="title-news">').replace(
        f"{TITLE}</h1>", f"{TITLE}</h2>"
    )
    assert extract(html, URL).title == TITLE


def test_title_falls_back_to_og_title_without_the_site_name() -> None:
    html = page("").replace(f'<h1 class="title">{TITLE}</h1>', "")
    og_title = f'<meta property="og:title" content="{TITLE} | UBND huyện">'
    html = html.replace("<head>", f"<head>{og_title}")
    assert extract(html, URL).title == TITLE


def test_site_name_stripping() -> None:
    assert strip_site_name("Tổng kết năm học - Cổng TTĐT huyện Mường Ảng") == "Tổng kết năm học"
    kept = "VPUB - Đồng chí Vừ A Bằng thăm Sở"
    assert strip_site_name(kept) == kept
    assert strip_site_name("Tin tức | Trường THCS Kim Đồng", "Trường THCS Kim Đồng") == "Tin tức"


def test_similarity_ignores_case_and_marks() -> None:
    assert similarity("TỔNG KẾT NĂM HỌC", "Tổng kết năm học - Cổng TTĐT") == 1.0
    assert similarity("Hot News", "Tổng kết năm học") == 0.0


def test_a_lone_h1_banner_gives_way_to_the_heading_og_title_names() -> None:
    og = '<meta property="og:title" content="' + TITLE + '">'
    html = page("", head=og).replace(
        '<div class="detail">\n<h1 class="title">', '<div class="detail">\n<h2 class="title">'
    ).replace(f"{TITLE}</h1>", f"{TITLE}</h2>").replace(
        '<div class="logo"><a href="/"><h1>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN</h1></a>',
        '<div class="school-name"><h1>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN</h1>')
    assert html.count("<h1>") == 1
    article = extract(html, URL)
    assert article.title == TITLE
    assert "CỔNG THÔNG TIN" not in article.text and TITLE not in article.text


def test_a_widget_heading_is_never_the_title_of_a_site_titled_page() -> None:
    others = "".join(f'<a href="/tin/{i}">Tin số {i}</a><br>' for i in range(3))
    counter = ('<div class="boxtitle">Thống kê truy cập</div>'
               "<div>Đang truy cập: 12</div><div>Hôm nay: 310</div>"
               f'<div class="boxtitle">Các bài viết cùng chuyên mục</div>{others}')
    html = table_layout_page().replace('<td class="left" valign="top" width="200">',
                                       f'<td class="left" valign="top" width="200">{counter}')
    assert extract(html, URL).title == TITLE
    plain = html.replace(f'<span class="tieude">{TITLE}</span>', "")
    assert extract(plain, URL).title not in ("Thống kê truy cập", "Các bài viết cùng chuyên mục")


def test_a_date_on_the_article_toolbar_survives_the_toolbar() -> None:
    toolbar = ('<div class="vt-toolbar"><span>Ngày xuất bản: 12/09/2023 15:40</span>'
               '<span>Cỡ chữ: <a href="#">A</a> <a href="#">A</a></span>'
               "<span>Lượt xem: 642</span></div>")
    html = page("").replace('<div class="noidung">', f'<div class="noidung">{toolbar}')
    article = extract(html, URL)
    assert (str(article.published), article.date_source) == ("2023-09-12", "toolbar")
    assert "Cỡ chữ" not in article.text and "12/09/2023" not in article.text


def test_a_labelled_date_line_inside_the_body_is_metadata_not_text() -> None:
    html = page("").replace('<div class="noidung">',
                            '<div class="noidung"><p>Ngày đăng: 03/11/2023 14:25:08</p>')
    article = extract(html, URL)
    assert str(article.published) == "2023-11-03"
    assert "Ngày đăng" not in article.text and article.text.startswith("Sáng 20/3")


# --- byline -----------------------------------------------------------------------------------


def test_trailing_signature_is_the_byline_and_stays_in_the_text() -> None:
    article = extract(page('<p style="text-align:right"><strong>Thanh Tuyền</strong></p>'), URL)
    assert article.byline == "Thanh Tuyền"
    assert article.text.endswith("Thanh Tuyền")


def test_labelled_author_line() -> None:
    article = extract(page("<p>Tin, ảnh: Nguyễn Dịu (Phòng GD&amp;ĐT)</p>"), URL)
    assert article.byline == "Nguyễn Dịu (Phòng GD&ĐT)"


def test_author_line_printed_after_the_body() -> None:
    article = extract(page("", after='<div class="news-author"><b>Hồng Nhung</b></div>'), URL)
    assert article.byline == "Hồng Nhung"
    source = extract(page("", after="<p>Nguồn: Báo Điện Biên Phủ</p>"), URL)
    assert source.byline is None  # where a report came from is not who wrote it


def test_no_byline_when_the_report_ends_with_a_sentence() -> None:
    assert extract(page(""), URL).byline is None


@pytest.mark.parametrize(
    ("line", "is_name"),
    [
        ("Thanh Tuyền", True),
        ("Nguyễn Chí Thanh", True),
        ("Thái Bình", True),
        ("CHÁNH VĂN PHÒNG", False),
        ("Phòng Giáo Dục", False),
        ("Một số hình ảnh tại Hội nghị", False),
        ("Hằng", False),
        ("Nguyễn Văn A 2023", False),
    ],
)
def test_personal_name_lines(line: str, is_name: bool) -> None:
    assert looks_like_name(line) is is_name


# --- options and text -------------------------------------------------------------------------


def test_options_are_frozen_and_build_the_extractor_once() -> None:
    options = ExtractOptions(min_article_chars=50)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.min_article_chars = 10  # type: ignore[misc]
    assert options.trafilatura is options.trafilatura
    assert options.trafilatura.focus == "precision" and not options.trafilatura.comments
    # A platform's own body containers hold the article only: read without precision cuts.
    assert options.trafilatura_containers.focus == "balanced"
    assert ExtractOptions(favor_precision=False).trafilatura.focus == "balanced"


def test_related_story_line_inside_a_story_dropped_in_precision_mode() -> None:
    first = " ".join(["The board met to review the budget and the school calendar."] * 3)
    second = " ".join(["Parents asked for more buses on the northern routes this winter."] * 3)
    related = "Related: District adds two bus routes for the new term"
    html = f"""<html lang="en"><head><title>School board meets</title></head><body>
<h1>School board meets</h1><div class="story"><p>{first}</p>
<p><a href="/news/2024/03/buses">{related}</a></p><p>{second}</p></div></body></html>"""
    assert text_of(html) == f"{first}\n\n{second}"
    assert related in text_of(html, ExtractOptions(favor_precision=False))


def test_platform_body_keeps_a_paragraph_that_is_a_link_to_an_attached_document() -> None:
    attachment = "Kế hoạch số 45/KH-PGDĐT tổ chức kỳ thi học sinh giỏi cấp huyện"
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<html lang="vi"><head><meta name="generator" content="NukeViet v4.5">
<title>{TITLE}</title></head><body><div class="news_column"><h1>{TITLE}</h1>
<div id="news-bodyhtml" class="bodytext">{paragraphs}
<p><a href="/uploads/ke-hoach-45.pdf">{attachment}</a></p></div></div></body></html>"""
    article = extract(html, URL)
    assert article.platform == "nukeviet"
    assert article.text.endswith(f"{PARAGRAPHS[-1]}\n\n{attachment}")


def test_short_notice_that_precision_mode_gives_up_on_still_has_its_text() -> None:
    # One paragraph that is a link fails precision mode's link test and the whole page with it.
    notice = (
        "Ngày 5/2, Phòng GD&ĐT ban hành công văn hướng dẫn tổ chức dạy học trong thời tiết rét "
        "đậm, rét hại cho các trường trên địa bàn."
    )
    link = "Tải về công văn số 123/PGDĐT-GDTH ngày 5/2/2024"
    html = f'<html><body><div><p>{notice}</p><p><a href="/f.pdf">{link}</a></p></div></body></html>'
    assert extract(html, URL).text == f"{notice}\n\n{link}"


def test_tone_marks_kept_as_published_by_default_or_unified_on_request() -> None:
    html = page("<p>Đồng chí Nguyễn Văn Hòa, Ủy viên Ban Thường vụ Huyện ủy phát biểu.</p>")
    assert "Ủy viên" in text_of(html)
    assert "Uỷ viên" in text_of(html, ExtractOptions(unify_tone_marks=True))


def test_text_paragraphs_are_separated_by_blank_lines() -> None:
    text = text_of(page(""))
    assert text.split("\n\n")[:3] == PARAGRAPHS


def test_lead_in_its_own_container_is_kept_before_the_body() -> None:
    lead = "Chiều 22/3, Ban Chỉ đạo Hội thao huyện tổ chức lễ khai mạc Hội thao học sinh lần thứ X."
    body = '<div class="noidung">'
    html = page("").replace(body, f'<div class="sapo">{lead}</div>{body}')
    assert text_of(html).startswith(lead)


def test_figure_captions_stay_in_vietnamese_reports() -> None:
    caption = "Toàn cảnh Hội nghị sơ kết học kỳ I"
    body = f'<figure class="image"><img src="a.jpg"><figcaption>{caption}</figcaption></figure>'
    assert caption in text_of(page(body))
