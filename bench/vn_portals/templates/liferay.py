"""Liferay portals: a 6.2 asset-publisher department portal and a VPortal (Vietsoftware) province.

On the Liferay page the first `<h1>` is the portlet heading ("Tin tức - Sự kiện") and `<title>`
names the section, not the article: the article title is only `div.asset-full-content-title`.
"""

from __future__ import annotations

from datetime import datetime

from bench.vn_portals.editors import CKEDITOR4, LIFERAY, e
from bench.vn_portals.furniture import (
    Site,
    analytics_script,
    counter_values,
    documents_box,
    links_dropdown,
    news_links,
    poll,
)
from bench.vn_portals.templates.base import PageContext, attr

SO_GDDT = Site(
    name="Sở Giáo dục và Đào tạo tỉnh Điện Biên",
    host="sogddt.dienbien.gov.vn",
    agency="Sở Giáo dục và Đào tạo tỉnh Điện Biên",
    address="Tổ dân phố 10, phường Mường Thanh, thành phố Điện Biên Phủ, tỉnh Điện Biên",
    phone="0215.3825.452",
    email="sogddt@dienbien.gov.vn",
    editor="Giám đốc Sở Giáo dục và Đào tạo",
    licence="Giấy phép số 21/GP-TTĐT ngày 04/6/2018 của Sở Thông tin và Truyền thông",
)

LAICHAU = Site(
    name="Cổng thông tin điện tử tỉnh Lai Châu",
    host="laichau.gov.vn",
    agency="Văn phòng Ủy ban nhân dân tỉnh Lai Châu",
    address="Tầng 5, Nhà B, Trung tâm Hành chính - Chính trị tỉnh Lai Châu",
    phone="0213.3876.568",
    email="congthongtin@laichau.gov.vn",
    editor="Chánh Văn phòng UBND tỉnh",
    licence="Giấy phép số 48/GP-TTĐT do Cục Phát thanh, truyền hình và thông tin điện tử cấp",
)


_QUERY = "browserId=other&amp;themeId=sgdtheme_WAR_sgdtheme&amp;languageId=vi_VN&amp;b=6210"
_CSS_QUERY = f"{_QUERY}&amp;minifierType=css&amp;t=1572334712000"
_JS_QUERY = (
    f"{_QUERY}&amp;colorSchemeId=01&amp;minifierType=js"
    "&amp;minifierBundleId=javascript.barebone.files&amp;t=1572334712000"
)
_VPORTAL_QUERY = "browserId=other&amp;themeId=vportaltheme_WAR_vportaltheme&amp;languageId=vi_VN"


def _liferay_time(when: datetime) -> str:
    hour = when.hour % 12 or 12
    return f"{hour}:{when:%M} {'PM' if when.hour >= 12 else 'AM'}"


def _liferay_head(ctx: PageContext, title: str) -> str:
    return f"""<!DOCTYPE html>
<html class="aui ltr" dir="ltr" lang="vi-VN">
<head>
<title>{e(title)}</title>
<meta content="initial-scale=1.0, width=device-width" name="viewport" />
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<link href="/html/themes/sgd-theme/images/favicon.ico" rel="Shortcut Icon" />
<link href="{ctx.url}" rel="canonical" />
<link href="/html/css/main.css?{_CSS_QUERY}" rel="stylesheet" type="text/css" />
<link href="/sgd-theme/css/main.css?{_CSS_QUERY}" rel="stylesheet" type="text/css" />
<script type="text/javascript">
var Liferay = {{Browser: {{acceptsGzip: function() {{return true;}}, getMajorVersion: function()
{{return 0;}}}}, ThemeDisplay: {{getCompanyId: function() {{return "10154";}},
getLanguageId: function() {{return "vi_VN";}}, getPathThemeImages: function()
{{return "/sgd-theme/images";}}, getPlid: function() {{return "26405";}}, isSignedIn:
function() {{return false;}}}}, PropsValues: {{NTLM_AUTH_ENABLED: false}}}};
var themeDisplay = Liferay.ThemeDisplay;
Liferay.authToken = 'Xk2PqV9a';
Liferay.currentURL = '\\x2ftin-tuc-su-kien\\x2f-\\x2fview_content\\x2f';
</script>
<script src="/html/js/barebone.jsp?{_JS_QUERY}" type="text/javascript"></script>
{analytics_script("UA-87654321-2")}
</head>"""


def _liferay_counter(ctx: PageContext) -> str:
    v = counter_values(ctx.rng)
    return (
        '<section class="portlet" id="portlet_thongketruycap_WAR_sgdportlet">'
        '<header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">'
        'Số lượng truy cập</span></h1></header><div class="portlet-content">'
        f'<div class="counter"><p>Đang truy cập: <span>{v["online"]}</span></p>'
        f"<p>Hôm nay: <span>{v['today']}</span></p>"
        f"<p>Tổng: <span>{v['total']}</span></p></div></div></section>"
    )


def liferay62(ctx: PageContext) -> str:
    """Liferay 6.2 asset publisher: a provincial Department of Education portal."""
    story, published = ctx.story, ctx.published
    instance = f"{ctx.rng.randint(100000, 999999):X}"
    article_id = ctx.rng.randint(1_000_000, 9_999_999)
    lead = f'<p class="sapo"><strong>{e(story.lead)}</strong></p>' if story.lead else ""
    body = LIFERAY.render(story.blocks, ctx.image_url("/documents/10180/26405"))
    others = news_links(ctx.rng, ctx.site, published, 8, False, "tin-tuc-su-kien/-/view_content/")
    other_items = "".join(
        f'<li><a href="{link.url}-tin.html">{e(link.title)}</a> '
        f'<span class="date">({link.when:%d/%m/%Y})</span></li>'
        for link in others
    )
    views = ctx.rng.randint(40, 2600)
    return f"""{_liferay_head(ctx, "Tin tức - Sự kiện - " + ctx.site.name)}
<body class="yui3-skin-sam controls-visible signed-out public-page site">
<a href="#main-content" id="skip-to-content">Nhảy tới nội dung</a>
<div class="container-fluid" id="wrapper">
<header id="banner" role="banner">
<div id="heading"><h1 class="site-title"><a class="logo custom-logo" href="/trang-chu"
title="Đi tới {attr(ctx.site.name)}"><img alt="{attr(ctx.site.name)}" height="120"
src="/image/layout_set_logo?img_id=26731&amp;t=1572334751123" width="1000" /></a>
<span class="site-name" title="Đi tới {attr(ctx.site.name)}">{e(ctx.site.name)}</span></h1></div>
<nav class="sort-pages modify-pages" id="navigation" role="navigation">
<h1 class="hide-accessible">Điều hướng</h1>
<ul aria-label="Các trang của trang web" role="menubar">
<li role="presentation"><a href="/trang-chu" role="menuitem"><span>Trang chủ</span></a></li>
<li role="presentation"><a href="/gioi-thieu" role="menuitem"><span>Giới thiệu</span></a></li>
<li class="selected" role="presentation"><a href="/tin-tuc-su-kien" role="menuitem">
<span>Tin tức - Sự kiện</span></a></li>
<li role="presentation"><a href="/van-ban" role="menuitem"><span>Văn bản</span></a></li>
<li role="presentation"><a href="/thu-tuc-hanh-chinh" role="menuitem"><span>Thủ tục hành
chính</span></a></li>
<li role="presentation"><a href="/hoi-dap" role="menuitem"><span>Hỏi đáp</span></a></li>
</ul></nav>
</header>
<div id="content">
<div class="columns-2-r" id="main-content" role="main">
<div class="portlet-layout row-fluid">
<div class="portlet-column portlet-column-first span8" id="column-1">
<div class="portlet-dropzone portlet-column-content portlet-column-content-first"
id="layout-column_column-1">
<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end
portlet-asset-publisher" id="p_p_id_101_INSTANCE_{instance}_">
<span id="p_101_INSTANCE_{instance}"></span>
<div class="portlet-body">
<section class="portlet" id="portlet_101_INSTANCE_{instance}">
<header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">
Tin tức - Sự kiện</span></h1>
<menu class="portlet-topper-toolbar" id="portlet-topper-toolbar_101_INSTANCE_{instance}"
type="toolbar"></menu></header>
<div class="portlet-content"><div class=" portlet-content-container"><div class="portlet-body">
<div class="asset-full-content clearfix default-asset-publisher show-asset-title">
<div class="asset-full-content-title">{e(story.title)}</div>
<div class="assetPublishDate block_timer">Ngày đăng {published:%d/%m/%Y} |
{_liferay_time(published)} | View count: {views}</div>
<div class="asset-content" id="_101_INSTANCE_{instance}_{article_id}">
<div class="journal-content-article">
{lead}
{body}
</div>
</div>
<div class="asset-ratings"><div class="taglib-ratings stars">
<div class="liferay-rating-vote"><div id="_101_INSTANCE_{instance}_ratingStar">
<div class="rating-label">Xếp hạng của bạn</div>
<div class="rating-content">Đánh giá (0 Bình chọn)</div></div></div></div></div>
<div class="asset-print"><a href="javascript:print();" title="In">In</a></div>
</div>
<div class="related_asset"><div class="title">Các tin khác</div><ul>{other_items}</ul></div>
</div></div></div>
</section>
</div></div></div></div>
<div class="portlet-column portlet-column-last span4" id="column-2">
<div class="portlet-dropzone portlet-column-content portlet-column-content-last"
id="layout-column_column-2">
<section class="portlet"><header class="portlet-topper"><h1 class="portlet-title">
<span class="portlet-title-text">Văn bản chỉ đạo điều hành</span></h1></header>
<div class="portlet-content">{documents_box(ctx.site, "Văn bản mới")}</div></section>
<section class="portlet"><div class="portlet-content">{poll(ctx.rng, "polls-display")}</div>
</section>
{_liferay_counter(ctx)}
<section class="portlet"><div class="portlet-content">{links_dropdown()}</div></section>
</div></div>
</div></div></div>
<footer id="footer" role="contentinfo">
<p class="powered-by">Cơ quan chủ quản: {e(ctx.site.agency)}</p>
<p>Địa chỉ: {e(ctx.site.address)} - Điện thoại: {e(ctx.site.phone)}</p>
<p>Email: {e(ctx.site.email)} - {e(ctx.site.licence)}</p>
</footer>
</div>
<script type="text/javascript">
Liferay.Util.addInputFocus();
Liferay.Portlet.runtimePortletIds = ["101_INSTANCE_{instance}"];
AUI().use('aui-base', 'liferay-menu', 'liferay-notice', 'liferay-poller', function(A) {{
(function() {{ Liferay.Menu(); Liferay.Notice.init(); }})(); }});
</script>
</body>
</html>
"""


def vportal(ctx: PageContext) -> str:
    """VPortal (Vietsoftware, Liferay-based): a provincial portal with `wd-` classes."""
    story, published = ctx.story, ctx.published
    body = CKEDITOR4.render(story.blocks, ctx.image_url("/documents/20182/0"))
    lead = (
        f'<div class="wd-sapo"><p><strong>{e(story.lead)}</strong></p></div>' if story.lead else ""
    )
    others = news_links(ctx.rng, ctx.site, published, 6, False, "tin-tuc/-/view_content/")
    most_read = news_links(ctx.rng, ctx.site, ctx.crawled, 5, False, "tin-tuc/-/view_content/")
    other_items = "".join(
        f'<li><a href="{link.url}.html">{e(link.title)}</a> '
        f'<span class="wd-date-other">({link.when:%d/%m/%Y})</span></li>'
        for link in others
    )
    most_read_items = "".join(
        f'<li><a href="{link.url}.html">{e(link.title)}</a></li>' for link in most_read
    )
    v = counter_values(ctx.rng)
    return f"""<!DOCTYPE html>
<html class="aui ltr" dir="ltr" lang="vi-VN">
<head>
<title>{e(story.title)} - {e(ctx.site.name)}</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<meta content="{attr(ctx.description)}" lang="vi-VN" name="description" />
<meta property="og:title" content="{attr(story.title)}" />
<meta property="og:image" content="{ctx.site.origin}/documents/20182/0/{story.slug}-1.jpg" />
<link href="{ctx.url}" rel="canonical" />
<link href="/vportal-theme/css/main.css?{_VPORTAL_QUERY}" rel="stylesheet" type="text/css" />
<script type="text/javascript">var Liferay = {{ThemeDisplay: {{getLanguageId: function()
{{return "vi_VN";}}, getPlid: function() {{return "1081";}}}}}};</script>
<script src="/vportal-theme/js/main.js?{_VPORTAL_QUERY}&amp;minifierType=js"
type="text/javascript"></script>
</head>
<body class="yui3-skin-sam signed-out public-page site">
<div class="wd-wrapper">
<div class="wd-header"><div class="wd-banner"><img src="/vportal-theme/images/banner.png"
alt="{attr(ctx.site.name)}" /></div>
<div class="wd-topbar"><span class="wd-today">{ctx.crawled:%d/%m/%Y}</span>
<a href="/en">English</a> | <a href="/vi">Tiếng Việt</a> | <a href="/sitemap">Sơ đồ cổng</a></div>
<ul class="wd-menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a>
</li><li class="active"><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a
href="/chinh-quyen">Chính quyền</a></li><li><a href="/cong-dan">Công dân</a></li><li><a
href="/doanh-nghiep">Doanh nghiệp</a></li><li><a href="/du-khach">Du khách</a></li></ul>
</div>
<div class="wd-main"><div class="wd-left">
<div class="portlet-boundary portlet-boundary_vportalnews_WAR_vportalportlet_">
<div class="wd-content-detail">
<div class="wd-breadcrumb"><a href="/">Trang chủ</a> / <a href="/tin-tuc">Tin tức - Sự
kiện</a> / <a href="/tin-tuc/giao-duc">Giáo dục - Đào tạo</a></div>
<h1 class="wd-title-detail">{e(story.title)}</h1>
<p class="wd-date">Ngày đăng: {published:%d/%m/%Y} | {published:%H:%M}</p>
<div class="wd-tools"><a href="javascript:window.print()" class="wd-print">In bài viết</a>
<a href="#" class="wd-mail">Gửi email</a> <a href="#" class="wd-font-up">A+</a>
<a href="#" class="wd-font-down">A-</a>
<a class="wd-listen" href="#">Nghe đọc bài viết</a></div>
{lead}
<div class="wd-content-body">
{body}
</div>
<div class="wd-social"><div class="zalo-share-button" data-href="" data-oaid="579745863508352884"
data-layout="1" data-color="blue" data-customize="false"></div>
<div class="fb-share-button" data-layout="button_count"></div></div>
<div class="wd-other-news-block"><h3 class="wd-title-other">Các tin khác</h3>
<ul class="wd-other-news">{other_items}</ul></div>
<div class="wd-view-by-date"><span>Tin đã đưa ngày:</span> <input type="text"
value="{published:%d/%m/%Y}" class="wd-date-input" /> <button type="button">Xem</button></div>
</div></div></div>
<div class="wd-right">
<div class="wd-block"><h3 class="wd-block-title">Tin đọc nhiều</h3>
<ul class="wd-most-read">{most_read_items}</ul></div>
<div class="wd-block">{poll(ctx.rng, "wd-poll")}</div>
<div class="wd-block"><h3 class="wd-block-title">Thống Kê Truy Cập</h3>
<div class="wd-counter"><p>Đang online: {v["online"]}</p><p>Hôm nay: {v["today"]}</p>
<p>Tháng này: {v["month"]}</p><p>Tổng lượt truy cập: {v["total"]}</p></div></div>
<div class="wd-block">{links_dropdown()}</div>
</div></div>
<div class="wd-footer"><p><strong>{e(ctx.site.name.upper())}</strong></p>
<p>Cơ quan chủ quản: {e(ctx.site.agency)}</p><p>Địa chỉ: {e(ctx.site.address)}</p>
<p>Điện thoại: {e(ctx.site.phone)} - Email: {e(ctx.site.email)}</p>
<p>{e(ctx.site.licence)}</p><p>Ghi rõ nguồn "{e(ctx.site.name)}" khi phát hành lại thông tin
từ cổng thông tin này.</p></div>
</div>
</body>
</html>
"""
