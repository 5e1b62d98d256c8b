"""Home-grown news CMSs of city and province portals (no known platform).

- `city`: a city portal in the style of haiphong.gov.vn: time-first date ("21:22 23/08/2023"),
  sapo in an `<h2>`, caption tables, tags, a comment form with captcha, section boxes.
- `province`: a provincial portal in the style of dienbien.gov.vn: "Update 25 - 02 - 2021",
  a text-size control, one `<div>` per paragraph, a long "Tin mới nhất" list with its own
  pagination, a portal-rating poll.
"""

from __future__ import annotations

from datetime import datetime

from bench.vn_portals.editors import CAPTION_TABLE, DIVS, e
from bench.vn_portals.furniture import Site, counter_values, news_links, pagination
from bench.vn_portals.templates.base import PageContext, attr

HAIPHONG = Site(
    name="Cổng thông tin điện tử thành phố Hải Phòng",
    host="haiphong.gov.vn",
    agency="Ủy ban nhân dân thành phố Hải Phòng",
    address="Số 18 Hoàng Diệu, quận Hồng Bàng, thành phố Hải Phòng",
    phone="0225.3842.658",
    email="congthongtin@haiphong.gov.vn",
    editor="Giám đốc Trung tâm Thông tin - Truyền thông",
    licence="Giấy phép số 174/GP-TTĐT ngày 24/10/2016 của Bộ Thông tin và Truyền thông",
)

DIENBIEN_PROVINCE = Site(
    name="Cổng thông tin điện tử tỉnh Điện Biên",
    host="dienbien.gov.vn",
    agency="Văn phòng Ủy ban nhân dân tỉnh Điện Biên",
    address="Số 853, đường Võ Nguyên Giáp, phường Mường Thanh, TP. Điện Biên Phủ",
    phone="0215.3825.976",
    email="congttdt@dienbien.gov.vn",
    editor="Chánh Văn phòng UBND tỉnh Điện Biên",
    licence="Giấy phép số 91/GP-TTĐT ngày 07/7/2017",
)

_SECTIONS = ("Bản tin Pháp luật", "Video clip", "Phóng sự ảnh", "An toàn giao thông")


def city(ctx: PageContext) -> str:
    story, published = ctx.story, ctx.published
    body = CAPTION_TABLE.render(story.blocks, ctx.image_url("/upload/haiphong/product"))
    sapo = f'<h2 class="article-sapo">{e(story.lead)}</h2>' if story.lead else ""
    same_topic = news_links(ctx.rng, ctx.site, published, 6, False, "Tin-tuc/")
    topic_items = "".join(
        f'<li><a href="{link.url}.html">{e(link.title)}</a> '
        f'<span class="time">{link.when:%H:%M %d/%m/%Y}</span></li>'
        for link in same_topic
    )
    sections = "".join(
        f'<div class="box-section"><h3 class="box-title"><a href="/{i}">{e(name)}</a></h3>'
        f'<div class="box-body"><img src="/upload/haiphong/section-{i}.jpg" alt="" />'
        f'<a href="/{i}/latest">{e(ctx.rng.choice(("Kỳ", "Số")))} {ctx.rng.randint(10, 60)}'
        f"</a></div></div>"
        for i, name in enumerate(_SECTIONS, start=1)
    )
    views = ctx.rng.randint(80, 5000)
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8" />
<title>{e(story.title)} - {e(ctx.site.name)}</title>
<meta name="description" content="{attr(ctx.description)}" />
<meta name="keywords" content="Hải Phòng, tin tức, giáo dục" />
<meta property="og:title" content="{attr(story.title)}" />
<meta property="og:description" content="{attr(ctx.description)}" />
<meta property="og:url" content="{ctx.url}" />
<link href="/Content/css/bootstrap.min.css" rel="stylesheet" />
<link href="/Content/css/site.css?v=20230410" rel="stylesheet" />
<script src="/Scripts/jquery-3.6.0.min.js"></script>
</head>
<body>
<div class="top-bar"><div class="container"><span class="today">{_weekday_date(ctx.crawled)}</span>
<span class="hotline">Đường dây nóng: 1022</span>
<a href="/en">English</a> <a href="/sitemap">Sơ đồ cổng</a></div></div>
<header class="header"><div class="container"><a class="logo" href="/"><img
src="/Content/images/logo.png" alt="{attr(ctx.site.name)}" /></a>
<form class="search-box" action="/tim-kiem"><input type="text" name="keyword"
placeholder="Tìm kiếm..." /></form></div></header>
<nav class="main-nav"><div class="container"><ul><li><a href="/">Trang chủ</a></li><li><a
href="/gioi-thieu">Giới thiệu</a></li><li class="active"><a href="/Tin-tuc">Tin tức</a></li>
<li><a href="/chinh-quyen">Chính quyền</a></li><li><a href="/cong-dan">Công dân</a></li><li><a
href="/doanh-nghiep">Doanh nghiệp</a></li><li><a href="/du-khach">Du khách</a></li></ul></div>
</nav>
<div class="container main"><div class="row">
<div class="col-md-8">
<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/Tin-tuc">Tin tức</a></li>
<li><a href="/Tin-tuc/Giao-duc">Giáo dục</a></li></ul>
<div class="article-detail">
<h1 class="article-title">{e(story.title)}</h1>
<div class="article-meta"><span class="article-date">{published:%H:%M %d/%m/%Y}</span>
<span class="article-views">Lượt xem: {views:,}</span>
<span class="article-tools"><a href="#" class="font-down">A-</a> <a href="#"
class="font-up">A+</a> <a href="javascript:window.print()">In</a></span></div>
{sapo}
<div class="article-content">
{body}
</div>
<div class="article-tags">Từ khóa: <a href="/tag/giao-duc">giáo dục</a>, <a
href="/tag/nam-hoc">năm học</a></div>
<div class="article-comment"><h3>Ý kiến</h3><form action="/comment" method="post">
<textarea name="content" rows="4">Bình luận của bạn về bài viết...</textarea>
<input type="text" name="name" placeholder="Họ tên" /><input type="text" name="email"
placeholder="Email" /><img src="/captcha.ashx?r={ctx.rng.randint(1000, 9999)}" alt="captcha" />
<input type="text" name="captcha" placeholder="Mã xác nhận" /><button type="submit">Gửi</button>
</form></div>
<div class="article-related"><h3>Tin cùng chuyên mục</h3><ul>{topic_items}</ul></div>
</div>
</div>
<div class="col-md-4 sidebar">{sections}</div>
</div></div>
<footer class="footer"><div class="container"><p><strong>{e(ctx.site.name.upper())}</strong></p>
<p>Cơ quan chủ quản: {e(ctx.site.agency)}</p><p>Chịu trách nhiệm: {e(ctx.site.editor)}</p>
<p>Địa chỉ: {e(ctx.site.address)} - Điện thoại: {e(ctx.site.phone)}</p>
<p>{e(ctx.site.licence)}</p></div></footer>
<script src="/Scripts/site.js?v=20230410"></script>
</body>
</html>
"""


def _weekday_date(when: datetime) -> str:
    names = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
    return f"{names[when.weekday()]}, ngày {when:%d/%m/%Y}"


def _twelve_hour(when: datetime) -> str:
    """Vietnamese 12-hour time, "11:06 CH": SA before noon, CH after."""
    hour = when.hour % 12 or 12
    return f"{hour}:{when:%M} {'CH' if when.hour >= 12 else 'SA'}"


def province(ctx: PageContext) -> str:
    story, published = ctx.story, ctx.published
    body = DIVS.render(story.blocks, ctx.image_url("/Uploads/images/tin-tuc"))
    sapo = (
        f'<div class="sapo"><strong>{e(story.lead)}</strong></div><div>&nbsp;</div>'
        if story.lead
        else ""
    )
    latest = news_links(ctx.rng, ctx.site, ctx.crawled, 20, False, "tin-tuc/")
    latest_items = "".join(
        f'<li><a href="{link.url}.html">VPUB - {e(link.title)}</a>'
        f'<span class="date">({link.when:%d/%m/%Y} {_twelve_hour(link.when)})</span></li>'
        for link in latest
    )
    voters = ctx.rng.randint(120, 900)
    v = counter_values(ctx.rng)
    return f"""<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>Tin tức - Sự kiện</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<link href="/Portals/_default/Skins/DienBien/skin.css" rel="stylesheet" type="text/css" />
<script src="/Resources/Shared/Scripts/jquery/jquery.min.js" type="text/javascript"></script>
</head>
<body id="Body">
<form method="post" action="{ctx.url}" id="Form">
<div id="header"><div class="banner"><img src="/Portals/0/banner.jpg" alt="{attr(ctx.site.name)}"
/></div><div class="weather"><span class="city">Điện Biên Phủ</span>
<span class="temp">{ctx.rng.randint(16, 33)}</span><span class="unit">°</span></div></div>
<div id="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a>
</li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/chinh-quyen">Chính quyền</a>
</li><li><a href="/van-ban">Văn bản</a></li><li><a href="/hoi-dap">Hỏi đáp</a></li></ul></div>
<div id="content"><div class="left-col">
<div class="content-detail">
<div class="title-detail"><h3 class="title">{e(story.title)}</h3></div>
<div class="date-detail"><span class="date">Update {published:%d - %m - %Y}</span>
<span class="zoom"><a href="#" class="zoom-out">-</a> 100% <a href="#" class="zoom-in">+</a>
</span></div>
<div class="news-body">
{sapo}
{body}
</div>
</div>
<div class="tin-moi-nhat"><h3 class="box-title">Tin mới nhất</h3><ul>{latest_items}</ul>
{pagination("/tin-tuc?page=", 1, 48)}</div>
</div>
<div class="right-col">
<div class="box-poll"><h3>Đánh giá của bạn về cổng thông tin điện tử</h3>
<div class="option"><input type="radio" name="poll" /> Đẹp, dễ sử dụng</div>
<div class="option"><input type="radio" name="poll" /> Thông tin phong phú, cập nhật</div>
<div class="option"><input type="radio" name="poll" /> Cần cải tiến thêm</div>
<p class="result">{voters} người đã bình chọn</p></div>
<div class="box-counter"><h3>Thống kê truy cập</h3><p>Đang truy cập: {v["online"]}</p>
<p>Tổng lượt truy cập: {v["total"]}</p></div>
</div></div>
<div id="footer"><p>{e(ctx.site.name.upper())}</p><p>Cơ quan chủ quản: {e(ctx.site.agency)}</p>
<p>Địa chỉ: {e(ctx.site.address)}</p><p>Điện thoại: {e(ctx.site.phone)} - Email:
{e(ctx.site.email)}</p><p>{e(ctx.site.licence)}</p></div>
</form>
</body>
</html>
"""
