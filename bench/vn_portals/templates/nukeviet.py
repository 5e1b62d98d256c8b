"""NukeViet article pages: version 4 with the egov and default themes, and NukeViet 3.

Markup follows themes/{egov,default}/modules/news/detail.tpl (nukeviet/nukeviet,
nukeviet/eGovernment) and the NukeViet 3 news module; see PLATFORMS.md.
"""

from __future__ import annotations

from bench.vn_portals.editors import CKEDITOR4, WORD, e
from bench.vn_portals.furniture import (
    Link,
    Site,
    analytics_script,
    documents_box,
    licham_calendar,
    links_dropdown,
    member_box,
    news_links,
    nukeviet_counter,
    nukeviet_date,
    poll,
)
from bench.vn_portals.templates.base import PageContext, attr

DIENBIEN = Site(
    name="Cổng thông tin điện tử huyện Điện Biên",
    host="huyendienbien.dienbien.gov.vn",
    agency="Ủy ban nhân dân huyện Điện Biên",
    address="Trung tâm hành chính huyện Điện Biên, xã Thanh Xương, huyện Điện Biên, tỉnh Điện Biên",
    phone="0215.3926.118",
    email="vanphong.hdb@dienbien.gov.vn",
    editor="Chánh Văn phòng HĐND và UBND huyện",
    licence="Giấy phép số 05/GP-TTĐT do Sở Thông tin và Truyền thông cấp ngày 12/3/2019",
)

PGD_MUONGANG = Site(
    name="Phòng Giáo dục và Đào tạo huyện Mường Ảng",
    host="pgdmuongang.edu.vn",
    agency="Phòng Giáo dục và Đào tạo huyện Mường Ảng",
    address="Tổ dân phố 4, thị trấn Mường Ảng, huyện Mường Ảng, tỉnh Điện Biên",
    phone="0215.3555.268",
    email="pgdmuongang@dienbien.edu.vn",
    editor="Trưởng phòng Giáo dục và Đào tạo",
    licence="Trang thông tin điện tử nội bộ",
)

PHONGTHO = Site(
    name="Cổng thông tin điện tử huyện Phong Thổ",
    host="phongtho.laichau.gov.vn",
    agency="Ủy ban nhân dân huyện Phong Thổ",
    address="Thị trấn Phong Thổ, huyện Phong Thổ, tỉnh Lai Châu",
    phone="0213.3893.152",
    email="ubndphongtho@laichau.gov.vn",
    editor="Chánh Văn phòng HĐND và UBND huyện",
    licence="Giấy phép số 18/GP-STTTT ngày 20/5/2015",
)

_MENU = (
    ("Trang nhất", "/"),
    ("Giới thiệu", "/about/"),
    ("Tin tức - Sự kiện", "/news/"),
    ("Chỉ đạo điều hành", "/news/chi-dao-dieu-hanh/"),
    ("Văn bản", "/laws/"),
    ("Thủ tục hành chính", "/thu-tuc-hanh-chinh/"),
    ("Hỏi đáp", "/faq/"),
    ("Liên hệ", "/contact/"),
)


def _menu(css: str) -> str:
    items = "".join(f'<li><a title="{t}" href="{h}">{e(t)}</a></li>' for t, h in _MENU)
    return f'<ul class="{css}">{items}</ul>'


def _head(ctx: PageContext, generator: str, theme: str, title_suffix: str) -> str:
    story, published = ctx.story, ctx.published
    modified = published.replace(hour=min(23, published.hour + 1))
    return f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml" prefix="og: http://ogp.me/ns#">
<head>
<title>{e(story.title)} - {e(title_suffix)}</title>
<meta name="description" content="{attr(ctx.description)}">
<meta name="author" content="{attr(ctx.site.name)}">
<meta name="copyright" content="{attr(ctx.site.name)} [{ctx.site.email}]">
<meta name="generator" content="{generator}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta property="og:title" content="{attr(story.title)}">
<meta property="og:type" content="article">
<meta property="og:description" content="{attr(ctx.description)}">
<meta property="og:site_name" content="{attr(ctx.site.name)}">
<meta property="og:url" content="{ctx.url}">
<meta property="article:published_time" content="{published:%Y-%m-%dT%H:%M:%S}+07:00">
<meta property="article:modified_time" content="{modified:%Y-%m-%dT%H:%M:%S}+07:00">
<meta property="article:section" content="Tin tức - Sự kiện">
<link rel="shortcut icon" href="/favicon.ico">
<link rel="canonical" href="{ctx.url}">
<link rel="alternate" href="/news/rss/" title="Tin Tức" type="application/rss+xml">
<link rel="StyleSheet" href="/assets/css/font-awesome.min.css">
<link rel="StyleSheet" href="/themes/{theme}/css/bootstrap.min.css">
<link rel="StyleSheet" href="/themes/{theme}/css/style.css">
<link rel="StyleSheet" href="/themes/{theme}/css/news.css">
<script data-show="inline" type="text/javascript">
var nv_base_siteurl="/",nv_lang_data="vi",nv_lang_interface="vi",nv_name_variable="nv",
nv_fc_variable="op",nv_lang_variable="language",nv_module_name="news",nv_func_name="detail",
nv_is_user=0,nv_my_ofs=7,nv_my_abbr="ICT",nv_cookie_prefix="nv4",nv_check_pass_mstime=1738000,
nv_area_admin=0,nv_safemode=0,theme_responsive=1,nv_is_recaptcha=0;
</script>
<script src="/assets/js/jquery/jquery.min.js"></script>
<script src="/assets/js/language/vi.js"></script>
<script src="/assets/js/global.js"></script>
{analytics_script("UA-12345678-1")}
</head>"""


def _hidden_schema(ctx: PageContext) -> str:
    published = ctx.published
    modified = published.replace(hour=min(23, published.hour + 1))
    return (
        f'<span class="hidden hide d-none" itemprop="mainEntityOfPage">{ctx.url}</span>'
        f'<span class="hidden hide d-none" itemprop="image">{ctx.site.origin}/uploads/news/'
        f"{published:%Y_%m}/{ctx.story.slug}-1.jpg</span>"
        f'<span class="hidden hide d-none" itemprop="datePublished">'
        f"{published:%Y-%m-%dT%H:%M:%S}+07:00</span>"
        f'<span class="hidden hide d-none" itemprop="dateModified">'
        f"{modified:%Y-%m-%dT%H:%M:%S}+07:00</span>"
        f'<span class="hidden hide d-none" itemprop="author">{e(ctx.site.name)}</span>'
        '<span class="hidden hide d-none" itemprop="publisher" itemscope '
        'itemtype="https://schema.org/Organization">'
        f'<span itemprop="name">{e(ctx.site.name)}</span></span>'
    )


def _tools() -> str:
    return (
        '<ul class="list-inline text-right">'
        '<li><a class="dimgray" rel="nofollow" title="Gửi bài viết qua email" '
        'href="javascript:void(0);" onclick="nv_open_browse(this.href, \'sendmail\', 650, 500);">'
        '<em class="fa fa-envelope fa-lg">&nbsp;</em></a></li>'
        '<li><a class="dimgray" rel="nofollow" title="In ra" href="javascript:void(0);" '
        "onclick=\"nv_open_browse(this.href, 'print', 840, 500);\">"
        '<em class="fa fa-print fa-lg">&nbsp;</em></a></li>'
        '<li><a class="dimgray" rel="nofollow" title="Lưu bài viết này" href="/news/savefile/">'
        '<em class="fa fa-save fa-lg">&nbsp;</em></a></li></ul>'
    )


def _tags(ctx: PageContext) -> str:
    words = ("giáo dục", "năm học", "học sinh", "giáo viên")
    links = ", ".join(
        f'<a title="{w}" href="{ctx.site.origin}/news/tag/{w.replace(" ", "-")}">'
        f"<em>{e(w)}</em></a>"
        for w in words
    )
    return (
        '<div class="news_column panel panel-default"><div class="panel-body">'
        '<div class="h5"><em class="fa fa-tags">&nbsp;</em><strong>Từ khóa: </strong>'
        f'<span itemprop="keywords">{links}</span></div></div></div>'
    )


def _rating(ctx: PageContext) -> str:
    stars = "".join(
        f'<input class="hover-star" type="radio" value="{n}" title="{t}" />'
        for n, t in enumerate(
            (
                "Bài viết rất kém",
                "Bài viết kém",
                "Bài viết bình thường",
                "Bài viết tốt",
                "Bài viết rất tốt",
            ),
            start=1,
        )
    )
    votes = ctx.rng.randint(0, 4)
    points = votes * ctx.rng.randint(3, 5)
    return (
        '<div class="news_column panel panel-default"><div class="panel-body">'
        '<form id="form3B" action=""><div class="h5 clearfix">'
        f'<p id="stringrating">Tổng số điểm của bài viết là: {points} trong {votes} đánh giá</p>'
        f'<div style="padding: 5px;">{stars}'
        '<span id="hover-test" style="margin: 0 0 0 20px;">Click để đánh giá bài viết</span>'
        "</div></div></form></div></div>"
    )


def _share() -> str:
    return (
        '<div class="news_column panel panel-default"><div class="panel-body" '
        'style="margin-bottom:0"><div class="socialicon clearfix">'
        '<div class="fb-like" data-href="" data-layout="button_count" data-action="like" '
        'data-show-faces="false" data-share="true">&nbsp;</div>'
        '<a href="http://twitter.com/share" class="twitter-share-button">Tweet</a>'
        "</div></div></div>"
    )


def _comments(ctx: PageContext) -> str:
    return (
        '<div class="news_column panel panel-default"><div class="panel-body">'
        '<div id="idcomment" class="nv-fullbg" data-module="news" data-content="news">'
        '<div class="row clearfix margin-bottom-lg"><div class="col-xs-12 text-left">'
        '<p class="comment-title"><em class="fa fa-comments">&nbsp;</em> Ý kiến bạn đọc</p>'
        '</div><div class="col-xs-12 text-right"><select class="form-control" id="sort">'
        '<option value="0">Sắp xếp theo bình luận mới</option>'
        '<option value="1">Sắp xếp theo bình luận cũ</option>'
        '<option value="2">Sắp xếp theo số lượt thích</option></select></div></div>'
        '<div id="showcomment" class="margin-bottom-lg"></div>'
        '<div id="formcomment" class="comment-form"><form method="post" role="form">'
        '<div class="form-group clearfix"><div class="row"><div class="col-xs-12">'
        '<input type="text" class="form-control" name="name" placeholder="Tên của bạn"/></div>'
        '<div class="col-xs-12"><input type="email" class="form-control" name="email" '
        'placeholder="Email"/></div></div></div>'
        '<div class="form-group clearfix"><textarea class="form-control" name="content" '
        'cols="20" rows="5"></textarea></div>'
        '<div class="form-group clearfix"><label>Mã an toàn</label> '
        f'<img class="captchaImg" alt="Mã bảo mật" src="/index.php?scaptcha=captcha&t='
        f'{ctx.rng.randint(10**8, 10**9)}" width="150" height="40" /> '
        '<em class="fa fa-pointer fa-refresh margin-left margin-right" title="Thay mới">'
        '</em><input type="text" class="form-control" maxlength="6" name="code" /></div>'
        '<div class="form-group text-center"><input type="button" value="Gửi bình luận" '
        'class="btn btn-primary" /></div></form></div></div></div></div>'
    )


def _related_items(links: list[Link], date_format: str) -> str:
    return "".join(
        f'<li><em class="fa fa-angle-right">&nbsp;</em><a href="{link.url}.html" '
        f'title="{attr(link.title)}">{e(link.title)}</a> '
        f"<em>({link.when.strftime(date_format)})</em></li>"
        for link in links
    )


def _body_area(ctx: PageContext, wrapper_class: str, itemtype: str) -> str:
    story = ctx.story
    body = CKEDITOR4.render(story.blocks, ctx.image_url(f"{ctx.site.origin}/uploads/news"))
    hometext = (
        f'<div class="hometext m-bottom" itemprop="description">{e(story.lead)}</div>'
        if story.lead
        else ""
    )
    return f"""<div class="{wrapper_class}" itemtype="{itemtype}" itemscope>
<div class="panel-body">
{_hidden_schema(ctx)}
<h1 class="title margin-bottom-lg" itemprop="headline">{e(story.title)}</h1>
<div class="row margin-bottom-lg">
<div class="col-md-12"><span class="h5">{nukeviet_date(ctx.published)}</span></div>
<div class="col-md-12">{_tools()}</div>
</div>
<div class="clearfix">
{hometext}
</div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">
{body}
</div>
</div>
</div>"""


def egov(ctx: PageContext) -> str:
    """NukeViet 4, eGovernment theme: a district portal."""
    newer = news_links(ctx.rng, ctx.site, ctx.published, 5, True, "news/tin-tuc/bai-viet-")
    older = news_links(ctx.rng, ctx.site, ctx.published, 8, False, "news/tin-tuc/bai-viet-")
    latest = news_links(ctx.rng, ctx.site, ctx.crawled, 6, False, "news/tin-tuc/tin-")
    crawled = ctx.crawled
    return f"""{_head(ctx, "NukeViet v4.5", "egov", "Tin Tức - " + ctx.site.name)}
<body>
<noscript><div class="alert alert-danger">Trình duyệt của bạn đã tắt chức năng hỗ trợ JavaScript.
<br />Website chỉ làm việc khi bạn bật nó trở lại.<br />Để tham khảo cách bật JavaScript,
hãy click chuột <a href="http://wiki.nukeviet.vn/support:browser:enable_javascript">vào đây</a>!
</div></noscript>
<div class="body-bg"><div class="wraper">
<header><div class="container"><div id="header" class="row">
<div class="logo col-xs-24 col-sm-24 col-md-8"><a title="{attr(ctx.site.name)}" href="/">
<img src="/uploads/logo-ubnd.png" width="90" height="90" alt="{attr(ctx.site.name)}" /></a>
<span class="site_name">CỔNG THÔNG TIN ĐIỆN TỬ</span>
<span class="site_description">HUYỆN ĐIỆN BIÊN - TỈNH ĐIỆN BIÊN</span></div>
<div class="col-xs-24 col-sm-24 col-md-16"><div class="headerSearch">
<input type="text" class="form-control" maxlength="60" placeholder="Tìm kiếm...">
<button type="button" class="btn btn-info"><em class="fa fa-search fa-lg"></em></button>
</div></div></div></div></header>
<nav class="second-nav" id="menusite"><div class="container"><div class="row">
<div class="bg box-shadow">{_menu("nav navbar-nav")}</div></div></div></nav>
<nav class="third-nav"><div class="container"><div class="row"><div class="bg">
<div class="current-time">{nukeviet_date(crawled)}</div>
<div class="breadcrumbs-wrap"><ul class="breadcrumbs list-none">
<li itemscope itemtype="http://data-vocabulary.org/Breadcrumb"><a href="/" itemprop="url">
<span itemprop="title">Trang nhất</span></a></li>
<li itemscope itemtype="http://data-vocabulary.org/Breadcrumb"><a href="/news/" itemprop="url">
<span itemprop="title">Tin Tức</span></a></li>
<li itemscope itemtype="http://data-vocabulary.org/Breadcrumb"><a href="/news/tin-tuc/"
itemprop="url"><span itemprop="title">Tin tức - Sự kiện</span></a></li></ul></div>
</div></div></div></nav>
<section><div class="container" id="body"><div class="row">
<div class="col-sm-16 col-md-18">
{_body_area(ctx, "news_column panel panel-default newsdetail", "http://schema.org/NewsArticle")}
{_tags(ctx)}
{_rating(ctx)}
{_share()}
{_comments(ctx)}
<div class="news_column panel panel-default"><div class="panel-body other-news">
<ul class="nav nav-tabs"><li class="active"><a data-toggle="tab" href="#news-relatednew">
Những tin mới hơn</a></li><li><a data-toggle="tab" href="#news-related">Những tin cũ hơn</a></li>
</ul><div class="tab-content">
<div id="news-relatednew" class="tab-pane fade in active"><ul class="related list-items">
{_related_items(newer, "%d/%m/%Y")}</ul></div>
<div id="news-related" class="tab-pane fade"><ul class="related list-items">
{_related_items(older, "%d/%m/%Y")}</ul></div></div></div></div>
</div>
<div class="col-sm-8 col-md-6">
<div class="panel panel-primary"><div class="panel-heading">Tin mới nhất</div>
<div class="panel-body"><ul class="block_news">{_related_items(latest, "%H:%M %d/%m/%Y")}</ul>
</div></div>
<div class="panel panel-primary"><div class="panel-heading">Lịch âm dương</div>
<div class="panel-body">{licham_calendar(crawled.date())}</div></div>
{member_box("/users/login/")}
<div class="panel panel-primary"><div class="panel-heading">Thống kê truy cập</div>
<div class="panel-body">{nukeviet_counter(ctx.rng)}</div></div>
<div class="panel panel-primary"><div class="panel-body">{links_dropdown()}</div></div>
</div>
</div></div></section>
<footer id="footer" class="wraper"><div class="container"><div class="row">
<div class="col-xs-24 col-sm-24 col-md-16">
<p><strong>{e(ctx.site.name.upper())}</strong></p>
<p>Cơ quan chủ quản: {e(ctx.site.agency)}</p>
<p>Chịu trách nhiệm chính: {e(ctx.site.editor)}</p>
<p>Địa chỉ: {e(ctx.site.address)}</p>
<p>Điện thoại: {e(ctx.site.phone)} - Email: {e(ctx.site.email)}</p>
<p>{e(ctx.site.licence)}</p></div>
<div class="col-xs-24 col-sm-24 col-md-8"><div class="copyright">
<span>&copy;&nbsp;Bản quyền thuộc về <a href="/">{e(ctx.site.agency)}</a>.</span>
<span>Thiết kế bởi <a href="https://vinades.vn/">VINADES.,JSC</a></span></div></div>
</div></div></footer>
<a id="feedback-link" href="/feedback/">Gửi phản hồi</a>
</div></div>
<div id="timeoutsess" class="chromeframe">Bạn đã không sử dụng Site,
<a onclick="timeoutsesscancel();" href="#">Bấm vào đây để duy trì trạng thái đăng nhập</a>.
Thời gian chờ: <span id="secField"> 60 </span> giây</div>
<div id="openidResult" class="nv-alert" style="display:none"></div>
<script src="/themes/egov/js/main.js"></script>
</body>
</html>
"""


def default(ctx: PageContext) -> str:
    """NukeViet 4, default theme: a district education office (Phòng GD&ĐT) site."""
    newer = news_links(ctx.rng, ctx.site, ctx.published, 4, True, "tin-tuc/")
    older = news_links(ctx.rng, ctx.site, ctx.published, 6, False, "tin-tuc/")
    popular = news_links(ctx.rng, ctx.site, ctx.published, 5, False, "tin-tuc/")
    return f"""{_head(ctx, "NukeViet v4.4", "default", ctx.site.name)}
<body>
<noscript><div class="alert alert-danger">Trình duyệt của bạn đã tắt chức năng hỗ trợ JavaScript.
<br />Website chỉ làm việc khi bạn bật nó trở lại.</div></noscript>
<div class="body-bg"><div class="wraper">
<header><div class="container"><div id="header" class="row">
<div class="logo col-xs-24 col-sm-24 col-md-8"><a title="{attr(ctx.site.name)}" href="/">
<img src="/uploads/logo.png" width="340" height="80" alt="{attr(ctx.site.name)}" /></a>
<h1>{e(ctx.site.name)}</h1><h2>Dạy tốt - Học tốt</h2></div>
</div></div></header>
<nav class="second-nav" id="menusite"><div class="container"><div class="row"><div class="bg">
<ul class="nav navbar-nav menu"><li><a href="/">Trang nhất</a></li>
<li><a href="/gioi-thieu/">Giới thiệu</a></li><li><a href="/tin-tuc/">Tin tức</a></li>
<li><a href="/van-ban/">Văn bản</a></li><li><a href="/thu-vien-anh/">Thư viện ảnh</a></li>
<li><a href="/lien-he/">Liên hệ</a></li></ul></div></div></div></nav>
<section><div class="container" id="body">
<nav class="third-nav"><div class="row"><div class="bg"><div class="clearfix">
<div class="col-xs-24 col-sm-18 col-md-18"><div class="breadcrumbs-wrap">
<div class="display"><a class="show-subs-breadcrumbs hidden" href="#"><em class="fa fa-lg
fa-angle-right"></em></a><ul class="breadcrumbs list-none"></ul></div>
<ul class="subs-breadcrumbs"></ul><ul class="temp-breadcrumbs hidden">
<li itemscope itemtype="http://data-vocabulary.org/Breadcrumb"><a href="/" itemprop="url"
title="Trang nhất"><span itemprop="title">Trang nhất</span></a></li>
<li itemscope itemtype="http://data-vocabulary.org/Breadcrumb"><a href="/tin-tuc/"
itemprop="url" title="Tin tức"><span class="txt" itemprop="title">Tin tức</span></a></li>
</ul></div></div>
<div class="headerSearch col-xs-24 col-sm-6 col-md-6"><div class="input-group">
<input type="text" class="form-control" maxlength="60" placeholder="Tìm kiếm...">
<span class="input-group-btn"><button type="button" class="btn btn-info">
<em class="fa fa-search fa-lg"></em></button></span></div></div>
</div></div></div></nav>
<div class="row">
<div class="col-md-16">
{_body_area(ctx, "news_column panel panel-default", "http://schema.org/NewsArticle")}
{_tags(ctx)}
{_rating(ctx)}
{_share()}
{_comments(ctx)}
<div class="news_column panel panel-default"><div class="panel-body other-news">
<p class="h3"><strong>Những tin mới hơn</strong></p>
<div class="clearfix"><ul class="detail-related related list-none list-items">
{_related_items(newer, "%d/%m/%Y")}</ul></div>
<p class="h3"><strong>Những tin cũ hơn</strong></p>
<div class="clearfix"><ul class="detail-related related list-none list-items">
{_related_items(older, "%d/%m/%Y")}</ul></div>
</div></div>
</div>
<div class="col-md-8">
<div class="panel panel-default"><div class="panel-heading">Tin xem nhiều</div>
<div class="panel-body"><ul class="list-none">{_related_items(popular, "%d/%m/%Y")}</ul>
</div></div>
<div class="panel panel-default"><div class="panel-body">{poll(ctx.rng, "voting")}</div></div>
<div class="panel panel-default"><div class="panel-body">{documents_box(ctx.site)}</div></div>
<div class="panel panel-default"><div class="panel-heading">Thống kê truy cập</div>
<div class="panel-body">{nukeviet_counter(ctx.rng)}</div></div>
</div>
</div></div></section>
<footer id="footer"><div class="wraper"><div class="container"><div class="row">
<div class="col-xs-24 col-sm-24 col-md-12"><p><strong>{e(ctx.site.name.upper())}</strong></p>
<p>Địa chỉ: {e(ctx.site.address)}</p><p>Điện thoại: {e(ctx.site.phone)}</p>
<p>Email: {e(ctx.site.email)}</p></div>
<div class="col-xs-24 col-sm-24 col-md-12"><div class="copyright">
<span>&copy;&nbsp;Bản quyền thuộc về <a href="/">{e(ctx.site.agency)}</a>.</span>
<span>Mã nguồn <a href="https://nukeviet.vn/">NukeViet CMS</a>.</span></div></div>
</div></div></div></footer>
</div></div>
<div id="timeoutsess" class="chromeframe">Bạn đã không sử dụng Site,
<a onclick="timeoutsesscancel();" href="#">Bấm vào đây để duy trì trạng thái đăng nhập</a>.
Thời gian chờ: <span id="secField"> 60 </span> giây</div>
<script src="/themes/default/js/main.js"></script>
</body>
</html>
"""


def nukeviet3(ctx: PageContext) -> str:
    """NukeViet 3: an older district portal, Word-pasted bodies, table-free but dated layout."""
    story = ctx.story
    body = WORD.render(story.blocks, ctx.image_url(f"{ctx.site.origin}/uploads/news"))
    newer = news_links(ctx.rng, ctx.site, ctx.published, 5, True, "news/Tin-tuc/")
    older = news_links(ctx.rng, ctx.site, ctx.published, 5, False, "news/Tin-tuc/")
    hometext = (
        '<div id="hometext"><img alt="" src="'
        f'{ctx.site.origin}/uploads/news/thumb/{story.slug}.jpg" width="140" '
        f'style="float:left;margin-right:8px" /><p>{e(story.lead)}</p></div>'
        if story.lead
        else ""
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="content-type" content="text/html; charset=utf-8" />
<meta name="generator" content="NukeViet v3.x" />
<meta name="description" content="{attr(ctx.description)}" />
<meta name="keywords" content="giáo dục, năm học, phong thổ" />
<title>{e(story.title)} - Tin tức - {e(ctx.site.name)}</title>
<link rel="stylesheet" type="text/css" href="/themes/modern/css/template.css" />
<link rel="stylesheet" type="text/css" href="/themes/modern/css/news.css" />
<script type="text/javascript" src="/js/jquery/jquery.min.js"></script>
<script type="text/javascript">
//<![CDATA[
var nv_siteroot="/",nv_sitelang="vi",nv_name_variable="nv",nv_fc_variable="op";
//]]>
</script>
</head>
<body>
<div id="container">
<div id="header"><div class="logo"><a href="/"><img src="/images/banner.jpg"
alt="{attr(ctx.site.name)}" width="980" height="150" /></a></div>
<div id="topmenu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/news/Gioi-thieu/">Giới
thiệu</a></li><li><a href="/news/Tin-tuc/">Tin tức</a></li><li><a href="/laws/">Văn bản pháp
quy</a></li><li><a href="/news/Thong-bao/">Thông báo</a></li><li><a href="/contact/">Liên
hệ</a></li></ul><div class="clock">Hôm nay, {nukeviet_date(ctx.crawled, two_spaces=True)}</div>
</div></div>
<div id="contentwrapper">
<div id="contentcolumn">
<div class="breadcrumbs"><a href="/">Trang chủ</a> &raquo; <a href="/news/">Tin tức</a>
&raquo; <a href="/news/Tin-tuc/">Tin tức - Sự kiện</a></div>
<div id="news_detail">
<h1>{e(story.title)}</h1>
<span class="time">{nukeviet_date(ctx.published, two_spaces=True)}</span>
<div class="control"><ul>
<li><a class="sendmail" title="Gửi bài viết qua email" href="/news/sendmail/">&nbsp;</a></li>
<li><a class="print" title="In ra" href="/news/print/">&nbsp;</a></li>
<li><a class="savefile" title="Lưu bài viết này" href="/news/savefile/">&nbsp;</a></li>
</ul></div>
<div style="clear:both"></div>
{hometext}
<div class="bodytext">
{body}
</div>
<div class="keywords"><strong>Từ khóa: </strong><a href="/news/tag/giao-duc/">giáo dục</a>,
<a href="/news/tag/nam-hoc/">năm học</a></div>
<div class="rating"><div id="stringrating">Tổng số điểm của bài viết là: 0 trong 0 đánh giá
</div><div class="rate-stars">Xếp hạng: 0 - 0 phiếu bầu</div>
<span id="hover-test">Click để đánh giá bài viết</span></div>
</div>
<div class="other_news">
<h4>Những tin mới hơn</h4><ul>{_related_items(newer, "%d/%m/%Y")}</ul>
<h4>Những tin cũ hơn</h4><ul>{_related_items(older, "%d/%m/%Y")}</ul>
</div>
</div>
<div id="rightcolumn">
<div class="block"><div class="block-title">Thông báo</div><div class="block-content"><marquee
direction="up" scrollamount="2" onmouseover="this.stop()" onmouseout="this.start()">
<a href="/news/Thong-bao/">Lịch tiếp công dân tháng này của Chủ tịch UBND huyện</a><br />
<a href="/news/Thong-bao/">Thông báo tuyển sinh lớp 10 năm học mới</a></marquee></div></div>
<div class="block"><div class="block-title">Văn bản mới</div><div class="block-content">
{documents_box(ctx.site, "Văn bản mới ban hành")}</div></div>
<div class="block"><div class="block-title">Thăm dò ý kiến</div><div class="block-content">
{poll(ctx.rng, "voting")}</div></div>
<div class="block"><div class="block-title">Thống kê truy cập</div><div class="block-content">
{nukeviet_counter(ctx.rng)}</div></div>
</div>
</div>
<div id="footer"><div class="footer-info">
<p>{e(ctx.site.name)} - {e(ctx.site.address)}</p>
<p>Điện thoại: {e(ctx.site.phone)} | Email: {e(ctx.site.email)}</p>
<p>{e(ctx.site.licence)}</p></div>
<div class="powered">Powered by <a href="http://nukeviet.vn">NukeViet</a></div></div>
</div>
</body>
</html>
"""
