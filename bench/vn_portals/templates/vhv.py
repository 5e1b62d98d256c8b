"""VHV platform district portal: `article.news-detail-layout-type-2`.

Its rating block prints NukeViet's strings, so a string does not identify the platform.
The "updated" variant shows "Cập nhật: d/m/Y" instead of `span.post-date` (some VHV views do).
"""

from __future__ import annotations

from bench.vn_portals.editors import CKEDITOR5, e
from bench.vn_portals.furniture import (
    Site,
    counter_values,
    documents_box,
    licham_calendar,
    news_links,
    poll,
)
from bench.vn_portals.templates.base import PageContext, attr

NAMPO = Site(
    name="Cổng thông tin điện tử huyện Nậm Pồ",
    host="nampo.dienbien.gov.vn",
    agency="Ủy ban nhân dân huyện Nậm Pồ",
    address="Bản Nà Pẩu, xã Nà Khoa, huyện Nậm Pồ, tỉnh Điện Biên",
    phone="0215.3640.288",
    email="vpubnampo@dienbien.gov.vn",
    editor="Chánh Văn phòng HĐND và UBND huyện",
    licence="Giấy phép số 09/GP-STTTT ngày 15/9/2021",
)


def vhv(ctx: PageContext) -> str:
    story, published = ctx.story, ctx.published
    body = CKEDITOR5.render(story.blocks, ctx.image_url("/upload/2005656/fck/files"))
    brief = f'<div class="brief">{e(story.lead)}</div>' if story.lead else ""
    date_line = (
        f'<div class="date-update">Cập nhật: {published:%d/%m/%Y}</div>'
        if ctx.variant == "updated"
        else f'<span class="post-date">{published:%H:%M:%S} | {published:%d/%m/%Y}</span>'
    )
    related = news_links(ctx.rng, ctx.site, published, 6, False, "tin-tuc/")
    latest = news_links(ctx.rng, ctx.site, ctx.crawled, 6, False, "tin-tuc/")
    related_items = "".join(
        f'<li class="item"><a href="{link.url}.htm" title="{attr(link.title)}">{e(link.title)}'
        f'</a><span class="date">{link.when:%d/%m/%Y}</span></li>'
        for link in related
    )
    latest_items = "".join(
        f'<li><a href="{link.url}.htm">{e(link.title)}</a></li>' for link in latest
    )
    votes = ctx.rng.randint(0, 6)
    v = counter_values(ctx.rng)
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{e(story.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{attr(ctx.description)}">
<meta property="og:title" content="{attr(story.title)}">
<meta property="og:description" content="{attr(ctx.description)}">
<meta property="og:image" content="{ctx.site.origin}/upload/2005656/fck/files/{story.slug}-1.jpg">
<link rel="stylesheet" href="/3rdparty/bootstrap/css/bootstrap.min.css">
<link rel="stylesheet" href="/templates/portal/css/style.css?v=2.4">
<script src="/3rdparty/jquery/jquery.min.js"></script>
<script>var VHV = {{site: 2005656, lang: 'vi', module: 'Article.detail'}};</script>
</head>
<body class="page-article">
<div id="header"><div class="container"><div class="banner"><a href="/"><img
src="/upload/2005656/banner.png" alt="{attr(ctx.site.name)}"></a></div>
<div class="top-links"><a href="/">Trang chủ</a> | <a href="/so-do-site">Sơ đồ site</a> |
<a href="/lien-he">Liên hệ</a></div></div></div>
<div id="menu"><div class="container"><ul class="main-menu"><li><a href="/">Trang chủ</a></li>
<li><a href="/gioi-thieu">Giới thiệu</a></li><li class="active"><a href="/tin-tuc">Tin tức - Sự
kiện</a></li><li><a href="/chi-dao-dieu-hanh">Chỉ đạo điều hành</a></li><li><a
href="/van-ban">Văn bản</a></li><li><a href="/dich-vu-cong">Dịch vụ công</a></li></ul>
<form class="search" action="/tim-kiem"><input type="text" name="q" placeholder="Nhập từ khóa
tìm kiếm"><button type="submit">Tìm kiếm</button></form></div></div>
<div id="main"><div class="container"><div class="row">
<div class="col-md-8">
<ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức - Sự
kiện</a></li><li class="active">Giáo dục</li></ol>
<article class="news-detail-layout-type-2">
<h1 class="title-detail">{e(story.title)}</h1>
<div class="article-meta">{date_line}
<span class="tool"><a href="javascript:window.print()" title="In bài viết"><i class="fa
fa-print"></i></a> <a href="#" title="Gửi email"><i class="fa fa-envelope"></i></a></span>
</div>
{brief}
<div class="content-detail" itemprop="articleBody">
{body}
</div>
<div class="rating"><p>Tổng số điểm của bài viết là: {votes * 4} trong {votes} đánh giá</p>
<p class="rate-stars"><span>Click để đánh giá bài viết</span></p></div>
<div class="share"><a class="fb" href="#">Chia sẻ</a> <a class="zalo" href="#">Zalo</a></div>
<div class="related-news"><h3 class="title-related">Tin liên quan</h3><ul>{related_items}</ul>
</div>
</article>
</div>
<div class="col-md-4">
<div class="box"><h3 class="box-title">Tin mới</h3><ul class="list-news">{latest_items}</ul></div>
<div class="box"><h3 class="box-title">Lịch âm dương</h3>{licham_calendar(ctx.crawled.date())}</div>
<div class="box">{documents_box(ctx.site)}</div>
<div class="box">{poll(ctx.rng, "vote-box")}</div>
<div class="box"><h3 class="box-title">Thống kê truy cập</h3><ul class="stat">
<li>Đang truy cập: {v["online"]}</li><li>Hôm nay: {v["today"]}</li>
<li>Tháng hiện tại: {v["month"]}</li><li>Tổng lượt truy cập: {v["total"]}</li></ul></div>
</div>
</div></div></div>
<div id="footer"><div class="container"><p><strong>{e(ctx.site.name.upper())}</strong></p>
<p>Cơ quan chủ quản: {e(ctx.site.agency)}</p><p>Địa chỉ: {e(ctx.site.address)}</p>
<p>Điện thoại: {e(ctx.site.phone)} | Email: {e(ctx.site.email)}</p>
<p>{e(ctx.site.licence)}</p><p class="vhv">Phát triển bởi VHV</p></div></div>
<script src="/templates/portal/js/main.js?v=2.4"></script>
</body>
</html>
"""
