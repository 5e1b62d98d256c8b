"""Joomla 3 .edu.vn site of a district education office, Protostar-derived template.

The menu item's page heading ("Tin tức - Sự kiện") is the page's `<h1>`; the article title is an
`<h2 itemprop="headline">`. With `show_date=False` the site hides the publication date, as
Joomla's show_publish_date=0 does: the only visible date is then inside the article itself.
"""

from __future__ import annotations

from bench.vn_portals.editors import TINYMCE, e
from bench.vn_portals.furniture import WEEKDAYS, Site, counter_values, news_links
from bench.vn_portals.templates.base import PageContext, attr

PGD_TAMDUONG = Site(
    name="Phòng Giáo dục và Đào tạo huyện Tam Đường",
    host="pgdtamduong.edu.vn",
    agency="Phòng Giáo dục và Đào tạo huyện Tam Đường",
    address="Thị trấn Tam Đường, huyện Tam Đường, tỉnh Lai Châu",
    phone="0213.3798.166",
    email="pgdtamduong@laichau.edu.vn",
    editor="Trưởng phòng",
    licence="",
)


def joomla(ctx: PageContext) -> str:
    story, published = ctx.story, ctx.published
    item_id = ctx.rng.randint(100, 900)
    lead = (
        f'<p style="text-align: justify;"><strong>{e(story.lead)}</strong></p>\n'
        if story.lead
        else ""
    )
    body = TINYMCE.render(story.blocks, ctx.image_url("/images/tin-tuc"))
    weekday = WEEKDAYS[published.weekday()]
    published_dd = (
        '<dd class="published"><span class="icon-calendar" aria-hidden="true"></span>'
        f'<time datetime="{published:%Y-%m-%dT%H:%M:%S}+07:00" itemprop="datePublished">'
        f"Ngày đăng: {weekday}, {published.day:02d} Tháng {published.month} {published.year} "
        f"{published:%H:%M}</time></dd>"
        if ctx.show_date
        else ""
    )
    hits = ctx.rng.randint(30, 1800)
    latest = news_links(ctx.rng, ctx.site, ctx.crawled, 5, False, "tin-tuc/")
    latest_items = "".join(
        f'<li itemscope itemtype="https://schema.org/Article"><a href="{link.url}.html" '
        f'itemprop="url"><span itemprop="name">{e(link.title)}</span></a></li>'
        for link in latest
    )
    previous, following = news_links(ctx.rng, ctx.site, published, 2, False, "tin-tuc/")
    v = counter_values(ctx.rng)
    return f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<meta charset="utf-8" />
<base href="{ctx.url}" />
<meta name="author" content="Super User" />
<meta name="description" content="{attr(ctx.description)}" />
<meta name="generator" content="Joomla! - Open Source Content Management" />
<title>{e(story.title)}</title>
<link href="/templates/pgd/favicon.ico" rel="shortcut icon" type="image/vnd.microsoft.icon" />
<link href="/templates/pgd/css/template.css?4f7a2b1c" rel="stylesheet" />
<script src="/media/jui/js/jquery.min.js?4f7a2b1c"></script>
<script src="/media/jui/js/bootstrap.min.js?4f7a2b1c"></script>
<script>jQuery(function($){{ initTooltips(); $("body").on("subform-row-add", initTooltips);
function initTooltips (event, container) {{ container = container || document;
$(container).find(".hasTooltip").tooltip({{"html": true,"container": "body"}});}} }});</script>
</head>
<body class="site com_content view-article no-layout no-task itemid-{item_id}">
<div class="body" id="top"><div class="container">
<header class="header" role="banner"><div class="header-inner clearfix">
<a class="brand pull-left" href="/"><img src="/images/banner-pgd.png" alt="{attr(ctx.site.name)}" />
</a><div class="header-search pull-right"><div class="search"><form action="/tin-tuc"
method="post" class="form-inline" role="search"><label for="mod-search-searchword93"
class="element-invisible">Tìm kiếm...</label><input name="searchword"
id="mod-search-searchword93" maxlength="200" class="inputbox search-query input-medium"
type="search" placeholder="Tìm kiếm..." /><input type="hidden" name="task" value="search" />
</form></div></div></div></header>
<nav class="navigation" role="navigation"><div class="nav-collapse"><ul class="nav menu nav-pills
mod-list"><li class="item-101 default"><a href="/">Trang chủ</a></li><li class="item-102"><a
href="/gioi-thieu">Giới thiệu</a></li><li class="item-{item_id} current active"><a
href="/tin-tuc">Tin tức - Sự kiện</a></li><li class="item-105"><a href="/van-ban">Văn bản</a>
</li><li class="item-106"><a href="/thu-vien">Thư viện</a></li><li class="item-107"><a
href="/lien-he">Liên hệ</a></li></ul></div></nav>
<div class="row-fluid">
<main id="content" role="main" class="span9">
<div id="system-message-container"></div>
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<meta itemprop="inLanguage" content="vi-VN" />
<div class="page-header"><h1> Tin tức - Sự kiện </h1></div>
<div class="page-header"><h2 itemprop="headline">{e(story.title)}</h2></div>
<div class="icons"><div class="btn-group pull-right"><button class="btn dropdown-toggle"
type="button" data-toggle="dropdown"><span class="icon-cog" aria-hidden="true"></span><span
class="caret" aria-hidden="true"></span></button><ul class="dropdown-menu"><li
class="print-icon"><a href="{ctx.url}?tmpl=component&amp;print=1" title="In bài viết"
rel="nofollow"><span class="icon-print" aria-hidden="true"></span>In</a></li><li
class="email-icon"><a href="/component/mailto/?tmpl=component" title="Gửi email"
rel="nofollow"><span class="icon-envelope" aria-hidden="true"></span>Email</a></li></ul></div>
</div>
<dl class="article-info muted"><dt class="article-info-term">Chi tiết</dt>
<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">Viết bởi
<span itemprop="name">Super User</span></dd>
<dd class="category-name">Danh mục: <a href="/tin-tuc" itemprop="genre">Tin tức - Sự kiện</a></dd>
{published_dd}
<dd class="hits"><span class="icon-eye-open" aria-hidden="true"></span><meta
itemprop="interactionCount" content="UserPageVisits:{hits}" />Lượt xem: {hits}</dd></dl>
<div itemprop="articleBody">
{lead}{body}
</div>
<ul class="pager pagenav"><li class="previous"><a class="hasTooltip" title="{attr(previous.title)}"
aria-label="Bài trước: {attr(previous.title)}" href="{previous.url}.html" rel="prev"><span
class="icon-chevron-left" aria-hidden="true"></span> <span aria-hidden="true">Trước</span></a>
</li><li class="next"><a class="hasTooltip" title="{attr(following.title)}" aria-label="Bài
tiếp: {attr(following.title)}" href="{following.url}.html" rel="next"><span
aria-hidden="true">Tiếp</span> <span class="icon-chevron-right" aria-hidden="true"></span></a>
</li></ul>
</div>
</main>
<div id="aside" class="span3">
<div class="well"><h3 class="page-header">Tin mới</h3><ul class="latestnews mod-list">
{latest_items}</ul></div>
<div class="well"><h3 class="page-header">Lượt truy cập</h3><div class="vinaora-counter">
<table><tr><td>Hôm nay</td><td>{v["today"]}</td></tr><tr><td>Tháng này</td><td>{v["month"]}</td>
</tr><tr><td>Tất cả</td><td>{v["total"]}</td></tr></table>
<p>Khách trực tuyến: {v["guests"]}</p></div></div>
<div class="well"><h3 class="page-header">Liên kết</h3><ul><li><a
href="https://moet.gov.vn">Bộ Giáo dục và Đào tạo</a></li><li><a
href="https://sogddt.laichau.gov.vn">Sở GD&amp;ĐT Lai Châu</a></li><li><a
href="https://tamduong.laichau.gov.vn">UBND huyện Tam Đường</a></li></ul></div>
</div>
</div></div></div>
<footer class="footer" role="contentinfo"><div class="container"><hr />
<p class="pull-right"><a href="#top" id="back-top">Về đầu trang</a></p>
<p>&copy; {ctx.crawled.year} {e(ctx.site.name)} - {e(ctx.site.address)} - ĐT: {e(ctx.site.phone)}
</p></div></footer>
</body>
</html>
"""
