"""WordPress .edu.vn site of a district education office (Phòng GD&ĐT).

A classic theme's single post with Yoast SEO metadata (dates in UTC, as Yoast writes them), the
published and the updated `<time>` side by side, post navigation, comment form and widgets.
"""

from __future__ import annotations

import json
from datetime import timedelta

from bench.vn_portals.editors import GUTENBERG, e
from bench.vn_portals.furniture import Site, counter_values, news_links
from bench.vn_portals.templates.base import PageContext, attr

PGD_TANUYEN = Site(
    name="Phòng GD&ĐT huyện Tân Uyên",
    host="pgdtanuyen.edu.vn",
    agency="Phòng Giáo dục và Đào tạo huyện Tân Uyên",
    address="Tổ dân phố 26, thị trấn Tân Uyên, huyện Tân Uyên, tỉnh Lai Châu",
    phone="0213.3781.139",
    email="pgdtanuyen@laichau.edu.vn",
    editor="Trưởng phòng",
    licence="",
)

_UTC_OFFSET = timedelta(hours=7)


def wordpress(ctx: PageContext) -> str:
    story, published = ctx.story, ctx.published
    post_id = ctx.rng.randint(1000, 9000)
    updated = published + timedelta(days=ctx.rng.randint(1, 9), hours=ctx.rng.randint(1, 5))
    published_utc, updated_utc = published - _UTC_OFFSET, updated - _UTC_OFFSET
    lead = f"<p><strong>{e(story.lead)}</strong></p>\n" if story.lead else ""
    body = GUTENBERG.render(
        story.blocks, ctx.image_url(f"{ctx.site.origin}/wp-content/uploads", "%Y/%m")
    )
    recent = news_links(ctx.rng, ctx.site, ctx.crawled, 5, False, "")
    recent_items = "".join(f'<li><a href="{link.url}/">{e(link.title)}</a></li>' for link in recent)
    previous, following = news_links(ctx.rng, ctx.site, published, 2, False, "")
    schema = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": f"{ctx.url}#article",
                "headline": story.title,
                "datePublished": f"{published_utc:%Y-%m-%dT%H:%M:%S}+00:00",
                "dateModified": f"{updated_utc:%Y-%m-%dT%H:%M:%S}+00:00",
                "author": {"name": "Quản trị viên"},
                "publisher": {"@type": "Organization", "name": ctx.site.name},
                "inLanguage": "vi",
            },
            {"@type": "WebSite", "url": ctx.site.origin + "/", "name": ctx.site.name},
        ],
    }
    v = counter_values(ctx.rng)
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>{e(story.title)} &#8211; {e(ctx.site.name)}</title>
<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1" />
<link rel="canonical" href="{ctx.url}" />
<meta property="og:locale" content="vi_VN" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{attr(story.title)} - {attr(ctx.site.name)}" />
<meta property="og:description" content="{attr(ctx.description)}" />
<meta property="og:url" content="{ctx.url}" />
<meta property="og:site_name" content="{attr(ctx.site.name)}" />
<meta property="article:published_time" content="{published_utc:%Y-%m-%dT%H:%M:%S}+00:00" />
<meta property="article:modified_time" content="{updated_utc:%Y-%m-%dT%H:%M:%S}+00:00" />
<meta name="author" content="Quản trị viên" />
<script type="application/ld+json" class="yoast-schema-graph">
{json.dumps(schema, ensure_ascii=False)}</script>
<link rel='stylesheet' id='wp-block-library-css'
href='{ctx.site.origin}/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3' media='all' />
<link rel='stylesheet' id='edu-theme-style-css'
href='{ctx.site.origin}/wp-content/themes/edu-theme/style.css?ver=20231107' media='all' />
<script src="{ctx.site.origin}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"
id="jquery-core-js"></script>
</head>
<body class="post-template-default single single-post postid-{post_id} single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Chuyển đến nội dung</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="{ctx.site.origin}/" rel="home">
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN TÂN UYÊN</a></p>
<p class="site-description">Trang thông tin điện tử ngành Giáo dục huyện Tân Uyên</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle"
aria-controls="primary-menu" aria-expanded="false">Menu</button>
<div class="menu-menu-chinh-container"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="{ctx.site.origin}/">Trang chủ</a></li>
<li class="menu-item"><a href="{ctx.site.origin}/gioi-thieu/">Giới thiệu</a></li>
<li class="menu-item current-post-ancestor"><a href="{ctx.site.origin}/category/tin-tuc/">Tin
tức</a></li><li class="menu-item"><a href="{ctx.site.origin}/category/van-ban/">Văn bản</a></li>
<li class="menu-item"><a href="{ctx.site.origin}/lien-he/">Liên hệ</a></li></ul></div></nav>
</header>
<div id="content" class="site-content">
<main id="primary" class="site-main">
<article id="post-{post_id}" class="post-{post_id} post type-post status-publish
format-standard has-post-thumbnail hentry category-tin-tuc">
<header class="entry-header">
<h1 class="entry-title">{e(story.title)}</h1>
<div class="entry-meta"><span class="posted-on">Đăng ngày <a href="{ctx.url}" rel="bookmark">
<time class="entry-date published" datetime="{published:%Y-%m-%dT%H:%M:%S}+07:00">
{published:%d/%m/%Y}</time>
<time class="updated" datetime="{updated:%Y-%m-%dT%H:%M:%S}+07:00">{updated:%d/%m/%Y}</time></a>
</span><span class="byline"> bởi <span class="author vcard"><a class="url fn n"
href="{ctx.site.origin}/author/admin/">Quản trị viên</a></span></span></div>
</header>
<div class="post-thumbnail"><img width="800" height="450"
src="{ctx.site.origin}/wp-content/uploads/{published:%Y/%m}/{story.slug}-thumb.jpg"
class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" decoding="async" /></div>
<div class="entry-content">
{lead}{body}
</div>
<footer class="entry-footer"><span class="cat-links">Đăng trong <a
href="{ctx.site.origin}/category/tin-tuc/" rel="category tag">Tin tức</a></span>
<span class="tags-links">Thẻ <a href="{ctx.site.origin}/tag/giao-duc/" rel="tag">giáo dục</a>,
<a href="{ctx.site.origin}/tag/nam-hoc/" rel="tag">năm học</a></span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Bài viết">
<h2 class="screen-reader-text">Điều hướng bài viết</h2><div class="nav-links">
<div class="nav-previous"><a href="{previous.url}/" rel="prev"><span class="nav-subtitle">Bài
trước:</span> <span class="nav-title">{e(previous.title)}</span></a></div>
<div class="nav-next"><a href="{following.url}/" rel="next"><span class="nav-subtitle">Bài
tiếp theo:</span> <span class="nav-title">{e(following.title)}</span></a></div></div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Để lại một bình luận</h3>
<form action="{ctx.site.origin}/wp-comments-post.php" method="post" id="commentform"
class="comment-form"><p class="comment-notes"><span id="email-notes">Email của bạn sẽ không
được hiển thị công khai.</span> Các trường bắt buộc được đánh dấu <span class="required">*</span>
</p><p class="comment-form-comment"><label for="comment">Bình luận <span
class="required">*</span></label><textarea id="comment" name="comment" cols="45" rows="8"
maxlength="65525" required></textarea></p><p class="comment-form-author"><label
for="author">Tên <span class="required">*</span></label><input id="author" name="author"
type="text" value="" size="30" maxlength="245" required /></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit"
value="Phản hồi" /></p></form></div></div>
</main>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get"
class="search-form" action="{ctx.site.origin}/"><label><span class="screen-reader-text">Tìm
kiếm cho:</span><input type="search" class="search-field" placeholder="Tìm kiếm &hellip;"
value="" name="s" /></label><input type="submit" class="search-submit" value="Tìm kiếm" />
</form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Bài
viết mới</h2><ul>{recent_items}</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Lưu trữ</h2><ul>
<li><a href="{ctx.site.origin}/{published:%Y/%m}/">Tháng {published.month} {published.year}</a></li>
</ul></section>
<section id="counter-2" class="widget widget_counter"><h2 class="widget-title">Thống kê truy cập
</h2><ul><li>Hôm nay: {v["today"]}</li><li>Tổng lượt truy cập: {v["total"]}</li></ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">Bản quyền &copy;
{ctx.crawled.year} {e(ctx.site.agency)} - Địa chỉ: {e(ctx.site.address)} - Điện thoại:
{e(ctx.site.phone)}<span class="sep"> | </span>Vận hành bởi WordPress</div></footer>
</div>
<script src="{ctx.site.origin}/wp-content/themes/edu-theme/js/navigation.js?ver=20231107"
id="edu-navigation-js"></script>
</body>
</html>
"""
