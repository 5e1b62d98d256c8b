# ruff: noqa: E501  (the templates are HTML as portals print it, long lines included)
"""Build the golden portal pages from the report texts in sources/.

Each case is one real report (the seeds in sources/seed_*.txt, with their page noise) or a report
we wrote, wrapped in the markup its platform really emits (see /work/shared/PLATFORMS.md: NukeViet
`detail.tpl`, Liferay 6.2 asset publisher, VHV, SharePoint, WordPress, Joomla, a custom city
portal), with the noise placed as the real blocks it comes from: counters, lunar calendars,
ratings, related lists, polls, comment forms, tag lines, pagination, tool bars, media boxes.

Writes tests/golden/<case>/page.html.gz and meta.json, and creates expected.json holding only the
hand-written must_keep / must_drop lists when it does not exist yet. Then run regenerate.py and
review the diff of expected.json like code.

    .venv/bin/python tests/golden/build_pages.py
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Literal

HERE = Path(__file__).parent
SOURCES = HERE / "sources"
SAVED = "2024-04-02"


@dataclass
class Case:
    name: str
    url: str
    platform: str
    note: str
    html: str
    encoding: str = "utf-8"
    normalization: Literal["NFC", "NFD"] = "NFC"
    must_keep: list[str] = field(default_factory=list)
    must_drop: list[str] = field(default_factory=list)


def lines(name: str) -> list[str]:
    """The non-blank lines of a source text, stripped."""
    text = (SOURCES / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def e(text: str) -> str:
    return escape(text, quote=False)


def ps(texts: list[str], attrs: str = ' style="text-align: justify;"') -> str:
    return "\n".join(f"<p{attrs}>{e(t)}</p>" for t in texts)


# --------------------------------------------------------------------------- shared furniture


def nv_block(title: str, content: str, style: str = "primary") -> str:
    """NukeViet's block.primary.tpl."""
    return (
        f'<div class="panel panel-{style}">\n<div class="panel-heading">\n{e(title)}\n</div>\n'
        f'<div class="panel-body">\n{content}\n</div>\n</div>'
    )


NV_COUNTER = """<ul class="counter list-none display-table">
<li><span><em class="fa fa-bolt fa-lg fa-horizon"></em>Đang truy cập</span><span>223</span></li>
<li><span><em class="fa fa-filter fa-lg fa-horizon"></em>Máy chủ tìm kiếm</span><span>13</span></li>
<li><span><em class="fa fa-filter fa-lg fa-horizon"></em>Khách viếng thăm</span><span>210</span></li>
<li class="bborder"><span><em class="fa fa-filter fa-lg"></em>Hôm nay</span><span>94</span></li>
<li><span><em class="fa fa-bar-chart fa-lg"></em>Tháng hiện tại</span><span>834</span></li>
<li><span><em class="fa fa-bar-chart fa-lg"></em>Tổng lượt truy cập</span><span>105,584</span></li>
</ul>"""

LICHAM_WIDGET = """<div id="licham-widget" style="width:100%">
<div id="amlich-container"><script src="https://licham.net/widget.js?v=2"></script></div>
<div class="text-center"><a href="https://licham.net/" target="_blank">licham.net</a></div>
<div style="font-size:11px">
<p>- Click vào nút hiển thị ngày trong tuần hoặc tháng âm lịch để xem chi tiết</p>
<p>- Màu đỏ: Ngày tốt</p>
<p>- Xanh lá: Đầu tháng âm lịch</p>
<p>- Màu vàng: Ngày hiện tại</p>
</div>
</div>"""

NV_LOGIN = """<div class="nv-info">Hãy đăng nhập thành viên để trải nghiệm đầy đủ các tiện ích trên site</div>
<div class="text-center"><button type="button" class="btn btn-primary btn-sm"
 onclick="modalShowByObj('#guestLogin_nv6');">Đăng nhập</button>
<button type="button" class="btn btn-primary btn-sm"
 onclick="modalShowByObj('#guestReg_nv6');">Đăng ký</button></div>"""

NV_TIMEOUT = """<div id="timeoutsess" class="chromeframe">
Bạn đã không sử dụng Site, <a onclick="timeoutsesscancel();" href="#">Bấm vào đây để duy trì trạng thái đăng nhập</a>. Thời gian chờ: <span id="secField"> 60 </span> giây
</div>"""  # noqa: E501


def nv_head(title: str, url: str, extra: str = "", charset: str = "utf-8") -> str:
    return f"""<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{e(title)}</title>
<meta name="description" content="{escape(title)}">
<meta name="generator" content="NukeViet v4.4">
<meta property="og:url" content="{url}">
{extra}
<link rel="canonical" href="{url}">
<link rel="StyleSheet" href="/themes/egov/css/style.css">
<script>var nv_base_siteurl="/",nv_lang_data="vi",nv_name_variable="nv",nv_my_ofs=7;</script>
<script src="/assets/js/jquery/jquery.min.js"></script>
<script src="/themes/egov/js/main.js"></script>
</head>"""


def nv_page(title: str, url: str, main: str, head_extra: str = "", site: str = "") -> str:
    """A NukeViet 4 egov district portal page around `main` (the module's output)."""
    site = site or "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN ĐIỆN BIÊN"
    right = "\n".join(
        [
            nv_block("Xem ngày", LICHAM_WIDGET, "default"),
            nv_block("QUẢN LÝ THÀNH VIÊN", NV_LOGIN),
            nv_block("Thống kê truy cập", NV_COUNTER),
        ]
    )
    return f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml" prefix="og: http://ogp.me/ns#">
{nv_head(title, url, head_extra)}
<body>
<noscript><div class="alert alert-danger">Trình duyệt của bạn đã tắt chức năng hỗ trợ JavaScript.</div></noscript>
<div class="body-bg">
<div class="wraper">
<header>
<div class="container">
<div id="header" class="row">
<div class="logo col-xs-24 col-sm-24 col-md-8">
<a title="{e(site)}" href="/"><img src="/uploads/logo.png" alt="{e(site)}"></a>
<h1>{e(site)}</h1>
<h2>Cổng thông tin điện tử</h2>
</div>
</div>
</div>
</header>
<nav class="second-nav" id="menusite">
<div class="container"><div class="row"><div class="bg box-shadow">
<ul class="site-menu">
<li><a href="/" title="Trang nhất">Trang nhất</a></li>
<li><a href="/gioi-thieu/">Giới thiệu</a></li>
<li><a href="/tin-tuc/">Tin tức - Sự kiện</a></li>
<li><a href="/van-ban/">Văn bản</a></li>
<li><a href="/lien-he/">Liên hệ</a></li>
</ul>
</div></div></div>
</nav>
<section>
<div class="container" id="body">
<nav class="third-nav">
<div class="breadcrumbs-wrap"><div class="display"><ul class="breadcrumbs list-none">
<li><a href="/" title="Trang nhất"><span>Trang nhất</span></a></li>
<li><a href="/tin-tuc/"><span>Tin tức - Sự kiện</span></a></li>
</ul></div></div>
</nav>
<div class="row">
<div class="col-md-18">
{main}
</div>
<div class="col-md-6">
{right}
</div>
</div>
</div>
</section>
</div>
<footer id="footer">
<div class="wraper"><div class="container"><div class="row">
<div class="col-xs-24 col-sm-24 col-md-12">
<div class="copyright"><span>© Bản quyền thuộc về {e(site.title())}</span></div>
<p>Địa chỉ: Tổ dân phố 5, thị trấn Mường Thanh, huyện Điện Biên, tỉnh Điện Biên</p>
</div>
</div></div></div>
</footer>
</div>
{NV_TIMEOUT}
<div id="feedback"><a href="/feedback/" class="btn btn-primary">Gửi phản hồi</a></div>
<script src="/themes/egov/js/bootstrap.min.js"></script>
</body>
</html>
"""


# --------------------------------------------------------------------------- cases


def case_nukeviet_district() -> Case:
    """Seed 000: NukeViet 4 egov theme (no schema.org), lead in .hometext, captions."""
    seed = lines("seed_000.txt")
    title, visible_date, lead = seed[0], seed[1], seed[2]
    first_caption = seed[3]
    body_rows = seed[4:15]  # paragraphs and captions, alternating as on the page
    gallery = seed[15]
    url = "https://pgddienbien.edu.vn/tin-tuc/uy-ban-nhan-dan-huyen-dien-bien-to-chuc-tong-ket-1234.html"
    captions = {seed[5], seed[9], seed[11], seed[13]}
    parts = [
        f'<figure class="image"><img alt="{escape(first_caption)}" src="/uploads/news/2023_10/'
        f'hoi-nghi-1.jpg" width="800"><figcaption>{e(first_caption)}</figcaption></figure>'
    ]
    for n, row in enumerate(body_rows):
        if row in captions:
            parts.append(
                f'<p style="text-align: center;"><img alt="" src="/uploads/news/2023_10/'
                f'hoi-nghi-{n + 2}.jpg" width="700"></p>\n'
                f'<p style="text-align: center;"><em>{e(row)}</em></p>'
            )
        else:
            parts.append(f'<p style="text-align: justify;">{e(row)}</p>')
    parts.append(f'<p style="text-align: center;"><strong>{e(gallery)}</strong></p>')
    parts.append(
        '<p style="text-align: center;">'
        + "".join(f'<img src="/uploads/news/2023_10/anh-{i}.jpg" width="340"> ' for i in range(6))
        + "</p>"
    )
    body = "\n".join(parts)
    related = "\n".join(
        f'<li><em class="fa fa-angle-right">&nbsp;</em><a href="/tin-tuc/tin-{i}.html" '
        f'title="{escape(t)}"><h4>{e(t)}</h4></a><em>({d})</em></li>'
        for i, (t, d) in enumerate(
            zip(
                lines("listing_titles.txt")[:4],
                ["12/10/2023", "11/10/2023", "05/10/2023", "30/09/2023"],
                strict=True,
            )
        )
    )
    main = f"""<div class="news_column panel panel-default newsdetail">
<div class="panel-body">
<h1 class="title margin-bottom-lg">{e(title)}</h1>
<div class="row margin-bottom-lg newsdetailmetatop">
<div class="col-md-12">
<span class="h5"><i class="fa fa-clock-o" aria-hidden="true"></i>{e(visible_date)}</span>
<span class="h5"><i class="fa fa-eye" aria-hidden="true"></i>256</span>
<span class="h5"><i class="fa fa-comment-o" aria-hidden="true"></i>0</span>
</div>
<div class="col-md-12">
<ul class="list-inline text-right">
<li><a class="dimgray" rel="nofollow" title="Gửi bài viết qua email" href="javascript:void(0);"><em class="fa fa-envelope fa-lg">&nbsp;</em></a></li>
<li><a class="dimgray" rel="nofollow" title="In ra" href="javascript: void(0)"><em class="fa fa-print fa-lg">&nbsp;</em></a></li>
<li><a class="dimgray" rel="nofollow" title="Lưu bài viết này" href="/tin-tuc/savefile/1234/"><em class="fa fa-save fa-lg">&nbsp;</em></a></li>
</ul>
</div>
</div>
<div class="clearfix">
<div class="hometext m-bottom">{e(lead)}</div>
</div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">
{body}
</div>
<div class="margin-bottom-lg">
<p class="h5 text-right"><strong>Nguồn tin: </strong>Phòng GD&amp;ĐT huyện Điện Biên</p>
</div>
</div>
</div>
<div class="news_column panel panel-default newsdetailbox">
<div class="panel-body">
<form id="form3B" action="">
<div class="h5 clearfix">
<p id="stringrating">Tổng số điểm của bài viết là: 0 trong 0 đánh giá</p>
<div style="padding: 5px;">
<input class="hover-star" type="radio" value="1" title="Bài viết rất kém"><input class="hover-star" type="radio" value="2" title="Bài viết kém"><input class="hover-star" type="radio" value="3" title="Bài viết đạt"><input class="hover-star" type="radio" value="4" title="Bài viết tốt"><input class="hover-star" type="radio" value="5" title="Bài viết rất tốt"><span id="hover-test" style="margin: 0 0 0 20px;">Click để đánh giá bài viết</span>
</div>
</div>
</form>
</div>
</div>
<div class="news_column panel panel-default newsdetailbox">
<div class="panel-body">
<div id="idcomment" class="nv-fullbg" data-module="news" data-content="news_commentcontent">
<div class="row clearfix margin-bottom-lg">
<div class="col-xs-12 text-left"><p class="comment-title"><em class="fa fa-comments">&nbsp;</em> Ý kiến bạn đọc</p></div>
<div class="col-xs-12 text-right"><select class="form-control"><option value="0">Sắp xếp theo bình luận mới</option></select></div>
</div>
<div id="showcomment" class="margin-bottom-lg"></div>
<div id="formcomment" class="comment-form">
<form method="post" role="form" target="submitcommentarea" action="/comment/post/">
<div class="form-group clearfix"><textarea class="form-control" name="content" placeholder="Nội dung bình luận"></textarea></div>
<div class="form-group clearfix"><label>Mã an toàn</label><img class="captchaImg" src="/index.php?scaptcha=captcha&t=1696820000" width="150" height="40" alt="">
<input type="text" class="form-control" name="code" maxlength="6"></div>
<input type="submit" class="btn btn-primary" value="Gửi bình luận">
</form>
</div>
</div>
</div>
</div>
<div class="news_column panel panel-default newsdetailbox">
<div class="panel-body other-news">
<p class="h3"><strong>Những tin mới hơn</strong></p>
<div class="clearfix"><ul class="detail-related related list-none list-items">
{related}
</ul></div>
<p class="h3"><strong>Những tin cũ hơn</strong></p>
<div class="clearfix"><ul class="detail-related related list-none list-items">
{related}
</ul></div>
</div>
</div>"""
    head = (
        f'<meta property="og:title" content="{escape(title)}">\n'
        '<meta property="og:type" content="website">'
    )
    return Case(
        name="nukeviet_district_tong_ket",
        url=url,
        platform="nukeviet",
        note="seed 000 (Điện Biên district education office) in the NukeViet 4 egov theme",
        html=nv_page(f"{title} - Phòng Giáo dục và Đào tạo huyện Điện Biên", url, main, head),
        must_keep=[lead[:60], seed[4][:60], seed[14][-60:], first_caption, seed[5]],
        must_drop=["Tổng số điểm", "Những tin mới hơn", "licham.net", "Đang truy cập", "Nguồn tin"],
    )


def case_wordpress_edu() -> Case:
    """Seed 001: a WordPress .edu.vn Phòng GD&ĐT site with Yoast, Jetpack and widgets."""
    seed = lines("seed_001.txt")
    title, paragraphs, byline = seed[0], seed[1:-1], seed[-1]
    url = "https://pgdtanuyen.edu.vn/2023/12/09/phong-giao-duc-so-ket-giua-hoc-ky-i/"
    captions = {"Toàn cảnh Hội nghị", paragraphs[3]}
    body = []
    for n, text in enumerate(paragraphs):
        if text in captions:
            body.append(
                f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" '
                f'height="683" src="/wp-content/uploads/2023/12/hn-{n}.jpg" alt="" '
                f'class="wp-image-51{n}"><figcaption class="wp-element-caption">{e(text)}'
                "</figcaption></figure>"
            )
        else:
            body.append(f"<p>{e(text)}</p>")
    body.append(f'<p style="text-align: right;"><strong>{e(byline)}</strong></p>')
    recent = "\n".join(
        f'<li><a href="/2023/12/0{i + 1}/bai-{i}/">{e(t)}</a></li>'
        for i, t in enumerate(lines("listing_titles.txt")[4:9])
    )
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": url + "#article",
                "headline": title[:110],
                "datePublished": "2023-12-09T08:30:00+07:00",
                "dateModified": "2023-12-09T09:02:11+07:00",
                "author": {"name": "admin", "@id": "https://pgdtanuyen.edu.vn/#/schema/person/1"},
            },
            {"@type": "WebPage", "@id": url, "name": title + " - Phòng GD&ĐT Tân Uyên"},
            {"@type": "WebSite", "@id": "https://pgdtanuyen.edu.vn/#website"},
        ],
    }
    html = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} - Phòng GD&amp;ĐT Tân Uyên</title>
<meta property="og:locale" content="vi_VN">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(title)} - Phòng GD&amp;ĐT Tân Uyên">
<meta property="og:site_name" content="Phòng GD&amp;ĐT Tân Uyên">
<meta property="article:published_time" content="2023-12-09T01:30:00+00:00">
<meta name="author" content="admin">
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(graph, ensure_ascii=False)}</script>
<link rel="stylesheet" id="wp-block-library-css" href="/wp-includes/css/dist/block-library/style.min.css" media="all">
<link rel="stylesheet" id="colormag_style-css" href="/wp-content/themes/colormag/style.css" media="all">
<meta name="generator" content="WordPress 6.4.2">
</head>
<body class="post-template-default single single-post postid-5120 single-format-standard">
<div id="page" class="hfeed site">
<header id="masthead" class="site-header clearfix">
<div id="header-text" class="">
<h3 id="site-title"><a href="/" title="Phòng GD&amp;ĐT Tân Uyên" rel="home">Phòng GD&amp;ĐT Tân Uyên</a></h3>
<p id="site-description">Phòng Giáo dục và Đào tạo huyện Tân Uyên - tỉnh Lai Châu</p>
</div>
<nav id="site-navigation" class="main-navigation clearfix" role="navigation">
<ul id="menu-primary" class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/category/tin-tuc/">Tin tức</a></li><li><a href="/category/van-ban/">Văn bản</a></li></ul>
</nav>
</header>
<div id="main" class="clearfix"><div class="inner-wrap clearfix">
<div id="primary"><div id="content" class="clearfix">
<article id="post-5120" class="post-5120 post type-post status-publish format-standard has-post-thumbnail hentry category-tin-tuc">
<div class="article-content clearfix">
<div class="above-entry-meta"><span class="cat-links"><a href="/category/tin-tuc/" rel="category tag">Tin tức</a></span></div>
<header class="entry-header">
<h1 class="entry-title">{e(title)}</h1>
</header>
<div class="below-entry-meta">
<span class="posted-on"><a href="{url}" title="8:30 sáng" rel="bookmark"><i class="fa fa-calendar-o"></i> <time class="entry-date published" datetime="2023-12-09T08:30:00+07:00">09/12/2023</time></a></span>
<span class="byline"><span class="author vcard"><i class="fa fa-user"></i><a class="url fn n" href="/author/admin/" title="admin">admin</a></span></span>
</div>
<div class="entry-content clearfix">
{chr(10).join(body)}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing">
<h3 class="sd-title">Chia sẻ:</h3>
<div class="sd-content"><ul><li class="share-facebook"><a rel="nofollow noopener noreferrer" class="share-facebook sd-button share-icon" href="{url}?share=facebook" target="_blank"><span>Facebook</span></a></li><li class="share-twitter"><a rel="nofollow" class="share-twitter sd-button share-icon" href="{url}?share=twitter"><span>X</span></a></li></ul></div>
</div></div>
<div id="jp-relatedposts" class="jp-relatedposts">
<h3 class="jp-relatedposts-headline"><em>Bài viết liên quan</em></h3>
</div>
</div>
</div>
</article>
<ul class="default-wp-page clearfix">
<li class="previous"><a href="/2023/12/05/bai-truoc/" rel="prev"><span class="meta-nav">&larr;</span> Hội thi giáo viên dạy giỏi cấp huyện bậc trung học cơ sở năm 2023</a></li>
<li class="next"><a href="/2023/12/12/bai-sau/" rel="next">Trao học bổng cho học sinh nghèo vượt khó học giỏi <span class="meta-nav">&rarr;</span></a></li>
</ul>
<div id="comments" class="comments-area">
<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Trả lời</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-notes">Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *</p>
<p class="comment-form-comment"><label for="comment">Bình luận *</label><textarea id="comment" name="comment" cols="45" rows="8"></textarea></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Phản hồi"></p>
</form>
</div>
</div>
</div></div>
<div id="secondary">
<aside id="recent-posts-2" class="widget widget_recent_entries clearfix">
<h3 class="widget-title"><span>Bài viết mới</span></h3>
<ul>{recent}</ul>
</aside>
<aside id="custom_html-3" class="widget_text widget widget_custom_html clearfix">
<h3 class="widget-title"><span>Thống kê truy cập</span></h3>
<div class="textwidget custom-html-widget"><div>Đang online: 12</div><div>Hôm nay: 340</div><div>Tổng truy cập: 120.456</div></div>
</aside>
</div>
</div></div>
<footer id="colophon" class="clearfix">
<div class="footer-socket-wrapper clearfix"><div class="copyright">Bản quyền © 2023 Phòng GD&amp;ĐT Tân Uyên. Thiết kế bởi ThemeGrill.</div></div>
</footer>
</div>
<script src="/wp-content/themes/colormag/js/navigation.js" id="colormag-navigation-js"></script>
</body>
</html>
"""
    return Case(
        name="wordpress_edu_so_ket",
        url=url,
        platform="wordpress",
        note="seed 001 (a district Phòng GD&ĐT report) in a WordPress ColorMag theme with Yoast",
        html=html,
        must_keep=[paragraphs[0][:60], paragraphs[-1][-50:], "Toàn cảnh Hội nghị", byline],
        must_drop=["Chia sẻ", "Bài viết liên quan", "Đang online", "Trả lời", "Hội thi giáo viên"],
    )


def case_city_portal() -> Case:
    """Seed 002: a custom city portal; the banner is the only h1, the title an h2."""
    seed = lines("seed_002.txt")
    title, visible_date = seed[0], seed[1]
    byline_at = seed.index("Thái Bình")
    rows = seed[2:byline_at]
    captions = {seed[3], seed[6], seed[9]}
    url = "https://lechan.haiphong.gov.vn/tin-tuc/tong-ket-nam-hoc-2022-2023-24531.html"
    body = []
    for n, row in enumerate(rows):
        if row in captions:
            body.append(
                '<table class="image center" align="center"><tr><td><img src="/Upload/'
                f'images/2023/08/tk-{n}.jpg" width="600"></td></tr><tr><td class="image_desc">'
                f"{e(row)}</td></tr></table>"
            )
        else:
            body.append(f"<p>{e(row)}</p>")
    body.append(f'<p style="text-align:right"><strong>{e(seed[byline_at])}</strong></p>')
    video = "".join(
        f'<li><a href="/video/{i}"><img src="/Upload/video/{i}.jpg"></a></li>' for i in range(3)
    )
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>Cổng thông tin điện tử quận Lê Chân - {e(title)}</title>
<meta property="og:title" content="{escape(title)}" />
<meta property="og:site_name" content="Cổng thông tin điện tử quận Lê Chân" />
<link href="/Portals/css/style.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div id="wrapper">
<div class="header">
<div class="banner"><a href="/"><img src="/Portals/images/banner.jpg" alt="banner" /></a>
<h1 class="site-name">CỔNG THÔNG TIN ĐIỆN TỬ QUẬN LÊ CHÂN</h1></div>
<div class="menu-top"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li></ul></div>
</div>
<div class="container">
<div class="col-left">
<div class="path"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức - Sự kiện</a> &gt; <a href="/tin-tuc/giao-duc">Giáo dục</a></div>
<div class="detail-news">
<h2 class="title-news">{e(title)}</h2>
<div class="date-news">{e(visible_date)}</div>
<div class="content-news">
{chr(10).join(body)}
</div>
<div class="keyword-news"><b>Từ khóa:</b> </div>
<div class="comment-box">
<div class="title-cmt">Bình luận của bạn về bài viết...</div>
<form name="frmComment" method="post" action="/Comment.aspx">
<textarea name="txtContent" rows="5"></textarea>
<input type="text" name="txtName" placeholder="Họ và tên" />
<div class="row-captcha"><img src="/CaptchaImage.aspx?guid=7c1e" alt="captcha" /><span>captcha</span>
<input type="text" name="txtCaptcha" /></div>
<input type="submit" value="Gửi" />
</form>
</div>
</div>
</div>
<div class="col-right">
<div class="box"><div class="box-title"><a href="/ban-tin-phap-luat">Bản tin Pháp luật</a></div>
<div class="box-content"><a href="/ban-tin-phap-luat/so-35"><img src="/Upload/bantin/35.jpg" /></a></div></div>
<div class="box"><div class="box-title"><a href="/video">Video clip</a></div>
<div class="box-content"><ul class="video-list">{video}</ul></div></div>
<div class="box"><div class="box-title"><a href="/phong-su-anh">Phóng sự ảnh</a></div>
<div class="box-content"><div class="slide-anh"><a href="/phong-su-anh/1"><img src="/Upload/anh/1.jpg" /></a></div></div></div>
<div class="box-banner"><a href="/an-toan-giao-thong"><img src="/Upload/banner/atgt.png" alt="" /><span>An toàn giao thông</span></a></div>
</div>
</div>
<div class="footer">
<p>Cơ quan chủ quản: Ủy ban nhân dân quận Lê Chân</p>
<p>Địa chỉ: Số 1 Hồ Sen, quận Lê Chân, thành phố Hải Phòng. Điện thoại: 0225.3857.xxx</p>
</div>
</div>
</body>
</html>
"""
    return Case(
        name="city_portal_le_chan",
        url=url,
        platform="generic",
        note="seed 002 (Lê Chân district, Hải Phòng) in a custom city portal (banner h1, h2 title)",
        html=html,
        must_keep=[rows[0][:60], rows[-1][-50:], seed[3], "Thái Bình"],
        must_drop=["CỔNG THÔNG TIN ĐIỆN TỬ QUẬN LÊ CHÂN", "Từ khóa", "captcha", "Video clip"],
    )


def case_sharepoint_notice() -> Case:
    """Seed 003: an official notice on a SharePoint department site; no date but the notice's."""
    seed = lines("seed_003.txt")
    url = (
        "https://phongtho.laichau.gov.vn/van-phong/Pages/thong-bao-ket-luan-hoi-nghi-tong-ket"
        "-nam-hoc.aspx?ItemID=1452"
    )
    title = (
        "Thông báo kết luận của Chủ tịch UBND huyện tại Hội nghị tổng kết năm học 2022-2023, "
        "triển khai nhiệm vụ năm học 2023-2024"
    )
    blocks = []
    for row in seed:
        if row.startswith("**"):  # the signature block is bold in the original document
            continue
        if row.startswith("- "):
            blocks.append(f"<p>{e(row)}</p>")
        elif row in ("THÔNG BÁO", "Nơi nhận:") or row.startswith("Số:"):
            blocks.append(f'<p style="text-align:center"><strong>{e(row)}</strong></p>')
        elif row.startswith("Phong Thổ, ngày"):
            blocks.append(f'<p style="text-align:right"><em>{e(row)}</em></p>')
        elif row == "CHÁNH VĂN PHÒNG**":
            blocks.append(
                '<p style="text-align:center"><strong>TL. CHỦ TỊCH<br>CHÁNH VĂN PHÒNG</strong></p>'
            )
        else:
            blocks.append(f'<p style="text-align:justify">{e(row)}</p>')
    counter_rows = "".join(
        f"<tr><td>{label}</td><td class='num'>{value}</td></tr>"
        for label, value in (("Hôm nay", "1.024"), ("Hôm qua", "2.310"), ("Tổng", "912.337"))
    )
    html = f"""<!DOCTYPE html>
<html dir="ltr" lang="vi-VN">
<head><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=10" />
<title>
	{e(title)}
</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=2Z" />
<script type="text/javascript" src="/_layouts/15/init.js?rev=ZSzq"></script>
</head>
<body>
<form method="post" action="./thong-bao-ket-luan-hoi-nghi-tong-ket-nam-hoc.aspx?ItemID=1452" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIFD2QWAmYPZBYCAgEPFgIeE1ByZXZpb3VzQ29udHJvbE1vZGULKYgBTWljcm9zb2Z0" />
</div>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="header-portal"><a href="/"><img src="/PublishingImages/banner-phongtho.png" alt="Cổng thông tin điện tử huyện Phong Thổ" /></a></div>
<div class="top-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/van-phong">Văn phòng HĐND - UBND</a></li></ul></div>
<div class="main-content">
<div class="left-col">
<div class="box-left"><div class="box-left-title">Văn bản mới</div>
<ul><li><a href="/van-ban/1">Quyết định số 1452/QĐ-UBND ngày 20/8/2023 của UBND huyện</a></li>
<li><a href="/van-ban/2">Kế hoạch số 210/KH-UBND ngày 18/8/2023 về tổ chức khai giảng năm học</a></li></ul></div>
<div class="box-left"><div class="box-left-title">Lượt truy cập</div>
<table class="tbl-counter">{counter_rows}</table></div>
</div>
<div class="center-col">
<div id="ctl00_PlaceHolderMain_ctl01__ControlWrapper_RichHtmlField" class="ms-rtestate-field" style="display:inline">
<div class="news-detail">
<h1 class="news-title">{e(title)}</h1>
<div class="news-content">
{chr(10).join(blocks)}
</div>
</div>
</div>
<div class="other-news-sp"><div class="other-news-title">Các tin đã đưa</div>
<ul><li><a href="/van-phong/Pages/tb-1451.aspx?ItemID=1451">Thông báo lịch tiếp công dân tháng 9/2023 của Chủ tịch UBND huyện</a> <span>(22/08/2023)</span></li>
<li><a href="/van-phong/Pages/tb-1449.aspx?ItemID=1449">Thông báo kết luận cuộc họp giao ban tháng 8/2023</a> <span>(15/08/2023)</span></li></ul></div>
</div>
</div>
<div class="footer-portal"><p>Bản quyền thuộc Ủy ban nhân dân huyện Phong Thổ - tỉnh Lai Châu</p></div>
</div></div>
</form>
</body>
</html>
"""
    return Case(
        name="sharepoint_notice_phong_tho",
        url=url,
        platform="sharepoint",
        note="seed 003 (a notice of the Phong Thổ district People's Committee) on SharePoint 2013",
        html=html,
        must_keep=["Số: 122 /TB-UBND", "Phong Thổ, ngày 25 tháng 8 năm 2023", "Nơi nhận:"],
        must_drop=["Lượt truy cập", "912.337", "Văn bản mới", "Các tin đã đưa"],
    )


def case_vhv() -> Case:
    """Seed 004: a provincial portal on VHV: post-date, zoom widget, dated newest list, poll."""
    seed = lines("seed_004.txt")
    title, visible_date = seed[0], seed[1]
    lead, caption = seed[3], seed[4]
    byline_at = seed.index("Nguyễn Dịu")
    paragraphs = seed[5:byline_at]
    newest = seed[byline_at + 2 : byline_at + 2 + 20]
    url = "https://dienbien.gov.vn/portal/Pages/2021-02-25/VPUB-Dong-chi-Vu-A-Bang-tham-va-lam-viec.aspx"
    items: list[str] = []
    for line in newest:
        headline, _, stamp = line.rpartition("(")
        items.append(
            f'<li><a href="/tin-tuc/{len(items)}.html">{e(headline.strip())}</a>'
            f'<span class="date">({e(stamp)}</span></li>'
        )
    pager = " ".join(
        f'<a href="?page={p}">{e(label)}</a>'
        for p, label in ((1, "<<"), (1, "<"), (1, "1"), (2, "2"), (3, "3"), (4, "4"), (5, "5"))
    )
    html = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{e(title)}</title>
<meta property="og:title" content="{escape(title)}">
<meta property="og:type" content="article">
<link rel="stylesheet" href="/3rdparty/vhv/css/style.css">
<script src="https://static.vhv.vn/js/vhv.min.js"></script>
</head>
<body class="page-news-detail">
<div class="header"><div class="container"><a class="logo" href="/"><img src="/upload/logo.png" alt="Cổng thông tin điện tử tỉnh Điện Biên"></a></div></div>
<div class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/chinh-quyen">Chính quyền</a></li><li><a href="/tin-tuc">Tin tức - sự kiện</a></li></ul></div>
<div class="container">
<div class="row">
<div class="col-md-8">
<article class="news-detail-layout-type-2">
<h1 class="title-detail">{e(title)}</h1>
<div class="post-meta clearfix">
<span class="post-date">{e(visible_date)}</span>
<div class="zoom-text"><a href="javascript:;" class="btn-down">A-</a><span class="zoom-value">100%</span><a href="javascript:;" class="btn-up">A+</a></div>
</div>
<div class="brief">{e(lead)}</div>
<div class="content-detail" itemprop="articleBody">
<p style="text-align:center"><img src="/upload/2021/02/vpub-1.jpg" alt=""></p>
<p style="text-align:center"><em>{e(caption)}</em></p>
{ps(paragraphs, "")}
<p style="text-align:right"><strong>{e(seed[byline_at])}</strong></p>
</div>
</article>
<div class="block-news-newest">
<div class="block-title"><h3>Tin mới nhất</h3></div>
<ul class="list-news">
{chr(10).join(items)}
</ul>
<div class="paging">{pager} <span>...</span> <a href="?page=2">&gt;</a> <a href="?page=40">&gt;&gt;</a></div>
</div>
</div>
<div class="col-md-4">
<div class="weather"><span class="city">Điện Biên Phủ</span><span class="temp">24</span><sup>°</sup></div>
<div class="vote-portal">
<div class="question">Đánh giá của bạn về cổng thông tin điện tử</div>
<div class="options">
<label><input type="radio" name="vote" value="1"> Rất hữu ích</label>
<label><input type="radio" name="vote" value="2"> Hữu ích</label>
<label><input type="radio" name="vote" value="3"> Bình thường</label>
</div>
<button type="button">Bình chọn</button> <a href="/binh-chon/ket-qua">Xem kết quả</a>
<p class="total">373 người đã bình chọn</p>
</div>
</div>
</div>
</div>
<div class="footer"><p>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐIỆN BIÊN</p><p>Cơ quan chủ quản: UBND tỉnh Điện Biên</p></div>
</body>
</html>
"""
    return Case(
        name="vhv_province_vpub",
        url=url,
        platform="vhv",
        note="seed 004 (Điện Biên provincial portal news) in VHV's news-detail layout",
        html=html,
        must_keep=[lead[:60], caption, paragraphs[-1][-50:], "Nguyễn Dịu"],
        must_drop=["100%", "Tin mới nhất", "28/03/2024", "người đã bình chọn", "Đánh giá của bạn"],
    )


def case_liferay() -> Case:
    """Our report that itself says "Tin mới nhất", on a Liferay 6.2 provincial Sở GD&ĐT portal."""
    src = lines("liferay_tuyen_sinh.txt")
    title, lead = src[0], src[1]
    table_rows = [row for row in src if row.startswith("|")]
    rest = [row for row in src[2:] if not row.startswith("|")]
    before_table, caption, after = rest[0], rest[1], rest[2:-1]
    byline = rest[-1]
    cells = [row.strip("|").split("|") for row in table_rows]
    table = "<table border='1' cellpadding='4'>" + "".join(
        "<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells_row) + "</tr>" for cells_row in cells
    ) + "</table>"
    url = (
        "https://sogddt.laichau.gov.vn/tin-tuc-su-kien/-/view_content/"
        "4821-so-giao-duc-va-dao-tao-huong-dan-tuyen-sinh-vao-lop-10-nam-hoc-2024-2025.html"
    )
    others = "\n".join(
        f'<li><a href="/tin-tuc-su-kien/-/view_content/48{i}.html">{e(t)}</a> '
        f'<span class="date">({d})</span></li>'
        for i, (t, d) in enumerate(
            zip(
                lines("listing_titles.txt")[6:11],
                ["08/03/2024", "05/03/2024", "01/03/2024", "27/02/2024", "20/02/2024"],
                strict=True,
            )
        )
    )
    portlet = "p_p_id_101_INSTANCE_tK9wqL3mYxZa_"
    html = f"""<!DOCTYPE html>
<html class="aui ltr" dir="ltr" lang="vi-VN">
<head>
<title>Hot News - Sở Giáo dục và Đào tạo tỉnh Lai Châu</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<meta property="og:title" content="Hot News" />
<link href="/html/themes/classic/images/favicon.ico" rel="Shortcut Icon" />
<link class="lfr-css-file" href="/sgd-theme/css/main.css?browserId=other&amp;themeId=sgd_WAR_sgdtheme" rel="stylesheet" type="text/css" />
<script type="text/javascript">var themeDisplay = Liferay.ThemeDisplay = {{getLayoutId: function() {{return "12";}}}}; Liferay.currentURL = "\\x2ftin-tuc-su-kien";</script>
</head>
<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">
<div id="wrapper">
<header id="banner" role="banner">
<div id="heading"><h1 class="site-title"><a class="logo custom-logo" href="/" title="Sở Giáo dục và Đào tạo tỉnh Lai Châu"><img alt="Sở Giáo dục và Đào tạo" src="/image/company_logo" /></a></h1></div>
<nav class="sort-pages modify-pages" id="navigation"><ul><li><a href="/trang-chu"><span>Trang chủ</span></a></li><li><a href="/tin-tuc-su-kien"><span>Tin tức - Sự kiện</span></a></li></ul></nav>
</header>
<div id="content">
<div class="columns-2" id="main-content" role="main">
<div class="portlet-layout row-fluid">
<div class="portlet-column portlet-column-first span8" id="column-1">
<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-asset-publisher" id="{portlet}">
<section class="portlet" id="portlet_101_INSTANCE_tK9wqL3mYxZa">
<div class="portlet-topper"><h2 class="portlet-title"><span class="portlet-title-text">Tin tức - Sự kiện</span></h2></div>
<div class="portlet-content"><div class="portlet-body">
<div class="asset-full-content default-asset-publisher show-asset-title">
<div class="asset-full-content-title">{e(title)}</div>
<div class="assetPublishDate block_timer">Ngày đăng 12/03/2024 | 3:06 PM | View count: 1.207</div>
<div class="asset-content" id="_101_INSTANCE_tK9wqL3mYxZa_4821">
<div class="journal-content-article">
<p class="sapo"><strong>{e(lead)}</strong></p>
<p>{e(before_table)}</p>
{table}
<p style="text-align:center"><img src="/documents/10181/0/tu-van-tuyen-sinh.jpg" /></p>
<p style="text-align:center"><em>{e(caption)}</em></p>
{ps(after, "")}
<p style="text-align:right"><strong>{e(byline)}</strong></p>
</div>
</div>
<div class="taglib-social-bookmarks"><ul class="unstyled"><li><a href="https://www.facebook.com/sharer.php?u={url}">Facebook</a></li><li><a href="#" onclick="window.print()">In bài viết</a></li></ul></div>
<div class="taglib-ratings stars"><div class="liferay-rating-vote">Đánh giá của bạn: <span class="rating-label">Chưa có đánh giá</span></div></div>
</div>
<div class="related_asset"><div class="title">Các tin khác</div><ul>
{others}
</ul></div>
</div></div>
</section>
</div>
</div>
<div class="portlet-column portlet-column-last span4" id="column-2">
<div class="portlet-boundary portlet-boundary_counter_WAR_counterportlet_" id="p_p_id_counter_WAR_counterportlet_">
<div class="portlet-topper"><span class="portlet-title-text">Số lượng truy cập</span></div>
<div class="portlet-body"><p>Đang truy cập: 25</p><p>Tổng: 1.234.567</p></div>
</div>
<div class="portlet-boundary portlet-boundary_poll_WAR_pollportlet_" id="p_p_id_poll_WAR_pollportlet_">
<div class="portlet-topper"><span class="portlet-title-text">Thăm dò ý kiến</span></div>
<div class="portlet-body"><p>Bạn thấy cổng thông tin có hữu ích không?</p>
<label><input type="radio" name="c" /> Có</label><label><input type="radio" name="c" /> Không</label></div>
</div>
</div>
</div>
</div>
</div>
<footer id="footer" role="contentinfo"><p class="powered-by">Sở Giáo dục và Đào tạo tỉnh Lai Châu - Đường 19/8, phường Đông Phong, thành phố Lai Châu</p></footer>
</div>
</body>
</html>
"""
    return Case(
        name="liferay_so_gd_tuyen_sinh",
        url=url,
        platform="liferay",
        note="our report (mentions 'Tin mới nhất' in a sentence) on a Liferay 6.2 Sở GD&ĐT portal",
        html=html,
        must_keep=[lead[:60], after[-1], caption, "Ngày 4 và 5/6/2024", "Hoàng Anh"],
        must_drop=["Hot News", "Các tin khác", "Số lượng truy cập", "In bài viết", "Chưa có"],
    )


def to_windows_1258(text: str) -> bytes:
    """windows-1258 bytes: base letters precomposed where the code page has them, tone marks
    as the combining characters legacy Vietnamese pages carry."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
        others = "".join(m for m in marks if m not in tones)
        out += unicodedata.normalize("NFC", base + others).encode("cp1258", "xmlcharrefreplace")
        for tone in tones:
            out += tone.encode("cp1258")
    return bytes(out)


def case_nukeviet3_cp1258() -> Case:
    """Seed 001 again, on a legacy NukeViet 3 site saved in windows-1258."""
    seed = lines("seed_001.txt")
    title, paragraphs, byline = seed[0], seed[1:-1], seed[-1]
    url = "http://pgdtanuyen.edu.vn/news/Tin-tuc/Phong-Giao-duc-va-Dao-tao-so-ket-giua-hoc-ky-I-412/"
    related = "\n".join(
        f'<li><a title="{escape(t)}" href="/news/Tin-tuc/bai-{i}/">{e(t)}</a> '
        f'<span class="date">({d})</span></li>'
        for i, (t, d) in enumerate(
            zip(lines("listing_titles.txt")[:3], ["15/12/2023", "12/12/2023", "11/12/2023"],
                strict=True)
        )
    )
    body = ps(paragraphs[1:], "") + f'\n<p style="text-align: right;">{e(byline)}</p>'
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1258" />
<title>{e(title)} - Tin tức - Phòng Giáo dục và Đào tạo Tân Uyên</title>
<meta name="generator" content="NukeViet v3.4" />
<script type="text/javascript">var nv_siteroot="/",nv_sitelang="vi",nv_name_variable="nv";</script>
<script type="text/javascript" src="/js/jquery/jquery.min.js"></script>
</head>
<body>
<div id="container">
<div id="header"><div class="logo"><a href="/"><img src="/images/logo.gif" alt="Phòng GD&amp;ĐT Tân Uyên" /></a></div></div>
<div id="topmenu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/news/Tin-tuc/">Tin tức</a></li></ul></div>
<div id="contentwrapper">
<div class="contentcolumn">
<div class="news_column" style="padding:0 !important;margin:0 !important;">
<div id="news_detail">
<h1>{e(title)}</h1>
<span class="time">Thứ bảy, 09/12/2023  10:15</span>
<div class="control"><ul>
<li><a rel="nofollow" class="sendmail" title="Gửi bài viết qua email" href="javascript:void(0);"></a></li>
<li><a class="print" title="In ra" href="javascript: void(0)"></a></li>
</ul></div>
<div style="clear: both;"></div>
<div id="hometext">{e(paragraphs[0])}</div>
<div class="bodytext">
{body}
</div>
</div>
<form id="form3B" action=""><div class="clearfix"><div id="stringrating">Tổng số điểm của bài viết là: 0 trong 0 đánh giá</div>
<div style="padding: 5px;"><input class="hover-star" type="radio" value="1" /><input class="hover-star" type="radio" value="2" /><span id="hover-test">Click để đánh giá bài viết</span></div></div></form>
<p><strong>Những tin mới hơn</strong></p>
<ul class="related">
{related}
</ul>
</div>
</div>
<div class="rightcolumn">
<div class="block"><div class="block-title">Thống kê</div>
<div class="block-content"><ul class="stats">
<li>Đang truy cập : 12</li><li>Hôm nay : 1.234</li><li>Tổng lượt truy cập : 456.789</li>
</ul></div></div>
</div>
</div>
<div id="footer"><p>Phòng Giáo dục và Đào tạo huyện Tân Uyên - tỉnh Lai Châu</p></div>
</div>
</body>
</html>
"""
    return Case(
        name="nukeviet3_windows_1258",
        url=url,
        platform="nukeviet",
        note="seed 001 on a legacy NukeViet 3 site, saved as windows-1258 with combining marks",
        html=html,
        encoding="windows-1258",
        must_keep=[paragraphs[0][:60], paragraphs[-1][-50:], byline],
        must_drop=["Tổng số điểm", "Những tin mới hơn", "Đang truy cập", "Hội thi giáo viên"],
    )


def case_joomla_nfd() -> Case:
    """Our report on a Joomla 3 school site whose HTML is stored decomposed (NFD)."""
    src = lines("joomla_ngay_hoi_doc_sach.txt")
    title, paragraphs, byline = src[0], src[1:-1], src[-1]
    url = "https://thkimdong.edu.vn/index.php/tin-tuc/142-ngay-hoi-doc-sach-nam-2024"
    visitors = "".join(
        f'<tr><td class="vcnt-label">{label}</td><td class="vcnt-num">{value}</td></tr>'
        for label, value in (
            ("Hôm nay", "85"),
            ("Hôm qua", "132"),
            ("Tuần này", "604"),
            ("Tháng này", "2.315"),
            ("Tất cả", "98.771"),
        )
    )
    html = f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="generator" content="Joomla! - Open Source Content Management">
<title>{e(title)}</title>
<link href="/templates/protostar/css/template.css" rel="stylesheet">
<script src="/media/jui/js/jquery.min.js?5e1b4c"></script>
<script src="/media/system/js/caption.js?5e1b4c"></script>
</head>
<body class="site com_content view-article no-layout no-task itemid-142">
<div class="body"><div class="container">
<header class="header"><div class="header-inner clearfix"><a class="brand pull-left" href="/"><span class="site-title" title="Trường Tiểu học Kim Đồng">Trường Tiểu học Kim Đồng</span></a></div></header>
<nav class="navigation"><ul class="nav menu"><li><a href="/">Trang chủ</a></li><li><a href="/index.php/tin-tuc">Tin tức</a></li></ul></nav>
<div class="row-fluid">
<main id="content" class="span9">
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<meta itemprop="inLanguage" content="vi-VN">
<div class="page-header"><h2 itemprop="headline">{e(title)}</h2></div>
<div class="icons"><div class="btn-group pull-right"><a class="btn dropdown-toggle" href="#"><span class="icon-cog"></span><span class="caret"></span></a>
<ul class="dropdown-menu"><li class="print-icon"><a href="{url}?tmpl=component&amp;print=1" rel="nofollow">In</a></li><li class="email-icon"><a href="/index.php/component/mailto/?link=abc" rel="nofollow">E-mail</a></li></ul></div></div>
<dl class="article-info muted">
<dt class="article-info-term">Chi tiết</dt>
<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">Viết bởi <span itemprop="name">Administrator</span></dd>
<dd class="category-name">Danh mục: <a href="/index.php/tin-tuc" itemprop="genre">Tin tức</a></dd>
<dd class="published"><span class="icon-calendar"></span><time datetime="2024-04-23T08:15:00+07:00" itemprop="datePublished">Ngày đăng: 23 Tháng 4 2024</time></dd>
<dd class="hits"><span class="icon-eye-open"></span><meta itemprop="interactionCount" content="UserPageVisits:312">Lượt xem: 312</dd>
</dl>
<div itemprop="articleBody">
{ps(paragraphs, "")}
<p style="text-align: right;"><em>{e(byline)}</em></p>
</div>
<ul class="pager pagenav">
<li class="previous"><a class="hasTooltip" title="Hội thi giáo viên dạy giỏi cấp trường" href="/index.php/tin-tuc/141" rel="prev"><span class="icon-chevron-left"></span> Trước</a></li>
<li class="next"><a class="hasTooltip" title="Sơ kết học kỳ II" href="/index.php/tin-tuc/143" rel="next">Tiếp <span class="icon-chevron-right"></span></a></li>
</ul>
</div>
</main>
<div id="aside" class="span3">
<div class="well"><h3 class="page-header">Thống kê truy cập</h3>
<div class="vcnt"><table cellpadding="0" cellspacing="0" style="width:90%">{visitors}</table></div></div>
</div>
</div>
</div></div>
<footer class="footer"><div class="container"><p class="pull-right"><a href="#top" id="back-top">Về đầu trang</a></p><p>© 2024 Trường Tiểu học Kim Đồng</p></div></footer>
</body>
</html>
"""
    return Case(
        name="joomla_nfd_school",
        url=url,
        platform="joomla",
        note="our report on a Joomla 3 primary-school site, HTML stored in NFD",
        html=html,
        normalization="NFD",
        must_keep=[paragraphs[0][:60], paragraphs[-1][-50:], "Thu Hà"],
        must_drop=["Administrator", "Hôm qua", "Về đầu trang", "Trước", "Lượt xem"],
    )


def case_nukeviet_listing() -> Case:
    """A NukeViet category page: ten dated teasers with leads, pagination, the usual sidebar."""
    titles = lines("listing_titles.txt")[:10]
    url = "https://pgddienbien.edu.vn/tin-tuc/giao-duc/"
    leads = [
        "Sáng nay, Phòng Giáo dục và Đào tạo huyện tổ chức hội nghị đánh giá kết quả thực hiện "
        "nhiệm vụ học kỳ I, bàn giải pháp nâng cao chất lượng dạy và học trong học kỳ II.",
        "Sau ba năm nỗ lực đầu tư cơ sở vật chất và nâng cao chất lượng đội ngũ, nhà trường vinh "
        "dự được UBND tỉnh công nhận đạt chuẩn quốc gia mức độ 1.",
    ]
    items = []
    for i, title in enumerate(titles):
        items.append(
            f"""<div class="news_column panel panel-default">
<div class="panel-body">
<a href="/tin-tuc/giao-duc/bai-{i}.html" title="{escape(title)}"><img alt="{escape(title)}" src="/assets/news/2023_12/{i}.jpg" width="183" class="img-thumbnail pull-left imghome"></a>
<h3><a href="/tin-tuc/giao-duc/bai-{i}.html" title="{escape(title)}">{e(title)}</a></h3>
<div class="text-muted"><ul class="list-unstyled list-inline">
<li><em class="fa fa-clock-o">&nbsp;</em> {8 + i % 20:02d}/12/2023 04:{10 + i:02d}:15 PM</li>
<li><em class="fa fa-eye">&nbsp;</em> Đã xem: {120 + 7 * i}</li>
</ul></div>
<p>{e(leads[i % 2])}</p>
</div>
</div>"""
        )
    pager = (
        '<div class="text-center"><ul class="pagination">'
        '<li class="active"><a href="#">1</a></li>'
        '<li><a rel="next" href="/tin-tuc/giao-duc/page-2">2</a></li>'
        '<li><a href="/tin-tuc/giao-duc/page-3">3</a></li>'
        '<li><a href="/tin-tuc/giao-duc/page-2">&raquo;</a></li></ul></div>'
    )
    main = "\n".join(items) + "\n" + pager
    return Case(
        name="nukeviet_listing_category",
        url=url,
        platform="nukeviet",
        note="a NukeViet 4 category page (viewcat_page_new) with pagination",
        html=nv_page("Giáo dục - Phòng Giáo dục và Đào tạo huyện Điện Biên", url, main),
    )


def case_city_homepage() -> Case:
    """A custom portal homepage: a featured story, section boxes, an introduction box."""
    titles = lines("listing_titles.txt")
    url = "https://lechan.haiphong.gov.vn/"

    def box(heading: str, picks: list[str], dated: bool = True) -> str:
        rows = "".join(
            f'<li><a href="/tin-tuc/{9100 + titles.index(t)}.html">{e(t)}</a>'
            + (f' <span class="time">({10 + n}/03/2024)</span>' if dated else "")
            + "</li>"
            for n, t in enumerate(picks)
        )
        return (
            f'<div class="box-home"><div class="box-home-title"><a href="#">{e(heading)}</a>'
            f'</div><ul class="list-home">{rows}</ul></div>'
        )

    featured = titles[0]
    html = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Cổng thông tin điện tử quận Lê Chân</title>
<meta property="og:title" content="Cổng thông tin điện tử quận Lê Chân">
<meta property="og:type" content="website">
</head>
<body>
<div id="wrapper">
<div class="header"><div class="banner"><a href="/"><img src="/Portals/images/banner.jpg" alt="banner"></a>
<h1 class="site-name">CỔNG THÔNG TIN ĐIỆN TỬ QUẬN LÊ CHÂN</h1></div>
<div class="menu-top"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li></ul></div></div>
<div class="container">
<div class="col-left">
<div class="hot-news">
<a href="/tin-tuc/9001.html"><img src="/Upload/hot.jpg" alt=""></a>
<h2><a href="/tin-tuc/9001.html">{e(featured)}</a></h2>
<p class="sapo">Chiều 20/3, Phòng Giáo dục và Đào tạo quận tổ chức hội nghị sơ kết học kỳ I năm học 2023-2024. Năm học này, toàn quận có 58 trường mầm non, tiểu học và trung học cơ sở với hơn 42.000 học sinh; chất lượng giáo dục toàn diện tiếp tục được giữ vững, nhiều học sinh đạt giải cao trong các kỳ thi cấp thành phố.</p>
</div>
{box("Tin hoạt động", titles[1:7])}
{box("Giáo dục - Đào tạo", titles[6:12])}
{box("Văn bản mới", titles[2:6], dated=False)}
<div class="box-home intro"><div class="box-home-title">Giới thiệu chung</div>
<p>Quận Lê Chân được thành lập năm 1961, nằm ở trung tâm thành phố Hải Phòng, có diện tích tự nhiên 12,3 km² với 15 phường. Trải qua hơn 60 năm xây dựng và phát triển, quận đã trở thành một trong những trung tâm thương mại, dịch vụ, giáo dục của thành phố; hệ thống trường học các cấp được đầu tư đồng bộ, đội ngũ giáo viên đạt chuẩn và trên chuẩn chiếm tỷ lệ cao.</p>
</div>
</div>
<div class="col-right">
<div class="box"><div class="box-title">Thống kê truy cập</div><div class="box-content"><p>Đang truy cập: 48</p><p>Tổng lượt truy cập: 5.332.108</p></div></div>
</div>
</div>
<div class="footer"><p>Cơ quan chủ quản: Ủy ban nhân dân quận Lê Chân</p><p>Địa chỉ: Số 1 Hồ Sen, quận Lê Chân, thành phố Hải Phòng</p></div>
</div>
</body>
</html>
"""
    return Case(
        name="city_portal_homepage",
        url=url,
        platform="generic",
        note="the homepage of the custom city portal: featured story, section boxes, intro box",
        html=html,
    )


def case_nukeviet_not_found() -> Case:
    """A NukeViet page for a removed article: the message, then the usual furniture."""
    url = "https://pgddienbien.edu.vn/tin-tuc/bai-viet-da-xoa-999.html"
    main = """<div class="alert alert-info">
<p>Bài viết không tồn tại hoặc đã bị xóa.</p>
<p>Hệ thống sẽ tự chuyển về trang chủ sau 5 giây.</p>
</div>"""
    return Case(
        name="nukeviet_not_found",
        url=url,
        platform="nukeviet",
        note="a NukeViet page whose article was removed (only the message and furniture)",
        html=nv_page("Thông báo - Phòng Giáo dục và Đào tạo huyện Điện Biên", url, main),
    )


CASES: tuple[Callable[[], Case], ...] = (
    case_nukeviet_district,
    case_wordpress_edu,
    case_city_portal,
    case_sharepoint_notice,
    case_vhv,
    case_liferay,
    case_nukeviet3_cp1258,
    case_joomla_nfd,
    case_nukeviet_listing,
    case_city_homepage,
    case_nukeviet_not_found,
)


def write(case: Case) -> None:
    folder = HERE / case.name
    folder.mkdir(exist_ok=True)
    html = unicodedata.normalize(case.normalization, case.html)
    data = to_windows_1258(html) if case.encoding == "windows-1258" else html.encode("utf-8")
    # mtime=0: the same page always gives the same bytes, so rebuilding makes no diff.
    (folder / "page.html.gz").write_bytes(gzip.compress(data, mtime=0))
    meta = {
        "url": case.url,
        "saved": SAVED,
        "platform": case.platform,
        "encoding": case.encoding,
        "normalization": case.normalization,
        "source": case.note,
    }
    (folder / "meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    expected = folder / "expected.json"
    if not expected.exists():
        checks = {"must_keep": case.must_keep, "must_drop": case.must_drop}
        expected.write_text(json.dumps(checks, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    for make in CASES:
        write(make())
        print(make.__name__)
