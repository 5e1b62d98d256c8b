"""SharePoint 2013 department site: `form#aspnetForm`, `__VIEWSTATE`, Word-pasted bodies.

The page `<title>` is the page layout's name ("Chi tiết tin"), not the article.
"""

from __future__ import annotations

import base64

from bench.vn_portals.editors import WORD, e
from bench.vn_portals.furniture import Site, counter_values, documents_box, links_dropdown
from bench.vn_portals.templates.base import PageContext

SO_GDDT_LAICHAU = Site(
    name="Sở Giáo dục và Đào tạo tỉnh Lai Châu",
    host="sgddt.laichau.gov.vn",
    agency="Sở Giáo dục và Đào tạo tỉnh Lai Châu",
    address="Tầng 4, Nhà D, Trung tâm Hành chính - Chính trị tỉnh Lai Châu",
    phone="0213.3876.320",
    email="sgddt@laichau.gov.vn",
    editor="Giám đốc Sở Giáo dục và Đào tạo",
    licence="Giấy phép số 11/GP-TTĐT ngày 10/4/2017",
)


def _viewstate(ctx: PageContext, size: int) -> str:
    blob = bytes(ctx.rng.randrange(256) for _ in range(size))
    return "/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIFD2QW" + base64.b64encode(blob).decode()


def sharepoint(ctx: PageContext) -> str:
    story, published = ctx.story, ctx.published
    item_id = ctx.rng.randint(800, 4000)
    body = WORD.render(story.blocks, ctx.image_url("/PublishingImages/TinTuc"))
    summary = f'<div class="news-summary"><b>{e(story.lead)}</b></div>' if story.lead else ""
    earlier = "".join(
        f'<li><a href="/Pages/ChiTietTin.aspx?ItemID={item_id - n}">{e(title)}</a> '
        f'<span class="date">({(published.day + n) % 28 + 1:02d}/{published:%m/%Y})</span></li>'
        for n, title in enumerate(
            (
                "Hội nghị tổng kết công tác thi đua, khen thưởng ngành giáo dục",
                "Hướng dẫn nhiệm vụ giáo dục trung học năm học mới",
                "Kiểm tra công tác tuyển sinh tại các trường THPT",
                "Bồi dưỡng giáo viên cốt cán các môn học",
            ),
            start=1,
        )
    )
    v = counter_values(ctx.rng)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN">
<head>
<meta name="GENERATOR" content="Microsoft SharePoint" />
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=10" />
<meta http-equiv="Expires" content="0" />
<title>Chi tiết tin</title>
<link rel="shortcut icon" href="/_layouts/15/images/favicon.ico?rev=23"
type="image/vnd.microsoft.icon" />
<link rel="stylesheet" type="text/css"
href="/_layouts/15/1066/styles/Themable/corev15.css?rev=2bpHeX9U8DH09TB5zpJcsQ%3D%3D"/>
<link rel="stylesheet" type="text/css" href="/Style%20Library/sgd/css/style.css"/>
<script type="text/javascript" src="/_layouts/15/init.js?rev=ZwTMJcFmGqyrOJkV8cx9Kg%3D%3D">
</script>
<script type="text/javascript"
src="/ScriptResource.axd?d=nv7asgRUU0tRmHNR2D6t1HtWqu4F&amp;t=ffffffffecf19baa"></script>
</head>
<body>
<form method="post" action="./{ctx.url.rsplit("/", 1)[-1]}"
onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="_wpcmWpid" id="_wpcmWpid" value="" />
<input type="hidden" name="wpcmVal" id="wpcmVal" value="" />
<input type="hidden" name="MSOWebPartPage_PostbackSource" id="MSOWebPartPage_PostbackSource"
value="" />
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST"
value="0x6C3B1D7A,{ctx.crawled:%d %b %Y} 02:11:37 -0000" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{_viewstate(ctx, 900)}" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {{ theForm = document.aspnetForm; }}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="sgd-header"><div class="sgd-banner"><img src="/Style%20Library/sgd/images/banner.jpg"
alt="{e(ctx.site.name)}" /></div>
<div class="sgd-topnav"><ul><li><a href="/Pages/default.aspx">Trang chủ</a></li>
<li><a href="/Pages/GioiThieu.aspx">Giới thiệu</a></li>
<li><a href="/Pages/TinTuc.aspx">Tin tức - Sự kiện</a></li>
<li><a href="/Pages/VanBan.aspx">Văn bản chỉ đạo</a></li>
<li><a href="/Pages/ThuTucHanhChinh.aspx">Thủ tục hành chính</a></li>
<li><a href="/Pages/LienHe.aspx">Liên hệ</a></li></ul>
<div class="sgd-search"><input name="ctl00$txtSearch" type="text" id="ctl00_txtSearch"
value="Tìm kiếm..." /><a id="ctl00_btnSearch" href="javascript:__doPostBack('ctl00$btnSearch','')">
Tìm</a></div></div></div>
<div id="contentRow"><div class="sgd-left">
<div class="ms-webpart-zone ms-fullWidth">
<div id="MSOZoneCell_WebPartWPQ2"
class="s4-wpcell-plain ms-webpartzone-cell ms-webpart-cell-vertical ms-fullWidth">
<div class="ms-webpart-chrome ms-webpart-chrome-vertical ms-webpart-chrome-fullWidth">
<div webpartid="9b2b7c74-3c1e-4d6a-a1b2-{item_id:012d}" haspers="false" id="WebPartWPQ2"
width="100%" class="ms-WPBody noindex" allowdelete="false" style="">
<div class="news-detail">
<div class="sgd-path"><a href="/Pages/default.aspx">Trang chủ</a> &gt;
<a href="/Pages/TinTuc.aspx">Tin tức - Sự kiện</a></div>
<h2 class="news-title">{e(story.title)}</h2>
<div class="news-date">Ngày cập nhật {published:%d/%m/%Y}</div>
{summary}
<div class="news-content ms-rtestate-field">
{body}
</div>
<div class="news-tools"><a href="javascript:window.print()">In trang</a> |
<a href="mailto:?subject=Tin%20tức">Gửi email</a> | <a href="#s4-workspace">Về đầu trang</a></div>
<div class="news-other"><div class="title">Các tin đã đưa</div><ul>{earlier}</ul></div>
</div>
</div></div></div></div>
</div>
<div class="sgd-right">
<div class="sgd-box">{documents_box(ctx.site, "Văn bản mới ban hành")}</div>
<div class="sgd-box">{links_dropdown()}</div>
<div class="sgd-box"><div class="title">Thống kê truy cập</div>
<p>Đang online: {v["online"]}</p><p>Lượt truy cập: {v["total"]}</p></div>
</div></div>
<div class="sgd-footer"><p><strong>{e(ctx.site.name.upper())}</strong></p>
<p>Địa chỉ: {e(ctx.site.address)}</p><p>Điện thoại: {e(ctx.site.phone)} - Email:
{e(ctx.site.email)}</p><p>{e(ctx.site.licence)}</p></div>
</div></div>
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="BAB98CB3" />
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION"
value="{_viewstate(ctx, 120)}" />
</div>
<script type="text/javascript">
//<![CDATA[
var _spFormDigestRefreshInterval = 1440000;
function WebForm_OnSubmit() {{ UpdateFormDigest('\\u002f', 1440000); return true; }}
//]]>
</script>
</form>
</body>
</html>
"""
