"""Portal furniture shared by the page templates: the text around an article that is not it.

Strings are the ones real portals print (see /work/shared/PLATFORMS.md and the seed pages):
visit counters, lunar calendars, polls, member boxes, document lists, related-news lists, footers.
Numbers come from a seeded `random.Random`, so a rebuild gives the same bytes.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bench.vn_portals.editors import e

WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


@dataclass(frozen=True)
class Site:
    """The portal a template stands for."""

    name: str  # "Cổng thông tin điện tử huyện Điện Biên"
    host: str
    agency: str  # "Ủy ban nhân dân huyện Điện Biên"
    address: str
    phone: str
    email: str
    editor: str  # "Chịu trách nhiệm chính"
    licence: str

    @property
    def origin(self) -> str:
        return f"https://{self.host}"


HEADLINES = (
    "Hội nghị triển khai nhiệm vụ năm học 2024-2025 ngành Giáo dục và Đào tạo",
    "Tổng kết công tác phổ cập giáo dục, xóa mù chữ năm 2023",
    "Hội thi giáo viên dạy giỏi cấp huyện bậc tiểu học năm học 2023-2024",
    "Ra quân hưởng ứng Tháng hành động vì an toàn thực phẩm",
    "Triển khai kế hoạch tuyển sinh đầu cấp năm học 2024-2025",
    "Kiểm tra công tác chuẩn bị năm học mới tại các trường vùng cao",
    "Trao học bổng cho học sinh nghèo vượt khó",
    "Hội nghị tiếp xúc cử tri trước kỳ họp thứ bảy HĐND tỉnh",
    "Tập huấn nghiệp vụ công tác thư viện trường học",
    "Lễ kỷ niệm 41 năm Ngày Nhà giáo Việt Nam 20/11",
    "Đại hội Liên đội các trường tiểu học năm học 2023-2024",
    "Huyện duy trì chuẩn phổ cập giáo dục mầm non cho trẻ em 5 tuổi",
    "Phát động Tết trồng cây đời đời nhớ ơn Bác Hồ",
    "Công bố quyết định công nhận trường đạt chuẩn quốc gia",
    "Ngày hội đọc sách trong trường học năm 2024",
    "Giao ban công tác dân tộc quý I năm 2024",
    "Khai mạc Hội thi tin học trẻ cấp huyện",
    "Hướng dẫn thực hiện nhiệm vụ giáo dục mầm non năm học 2023-2024",
    "Tăng cường phòng, chống đuối nước cho học sinh trong dịp hè",
    "Tuyên truyền phòng, chống bạo lực học đường",
    "Thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND huyện",
    "Hội nghị sơ kết công tác cải cách hành chính quý III",
    "Kiểm tra tiến độ xây dựng phòng học tại xã Mường Mươn",
    "Trao tặng áo ấm cho học sinh vùng cao",
    "Hội thi thiết kế bài giảng điện tử năm học 2023-2024",
    "Giao lưu “Tiếng Việt của chúng em” cấp huyện",
    "Kết quả thi giáo viên chủ nhiệm lớp giỏi cấp THCS",
    "Triển khai tiêm vắc xin phòng bệnh sởi cho học sinh",
    "Họp Ban chỉ đạo kỳ thi tốt nghiệp THPT năm 2024",
    "Bồi dưỡng chính trị hè năm 2024 cho cán bộ, giáo viên",
    "Giải chạy Báo Điện Biên Phủ lần thứ 47",
    "Tổ chức Ngày hội STEM cho học sinh THCS",
)

DOCUMENTS = (
    ("2456/QĐ-UBND", "Quyết định công nhận trường đạt chuẩn quốc gia"),
    ("112/KH-PGDĐT", "Kế hoạch tổ chức Hội thi giáo viên dạy giỏi cấp huyện"),
    ("845/UBND-VX", "Về việc tăng cường phòng, chống dịch bệnh trong trường học"),
    ("67/TB-UBND", "Kết luận của Chủ tịch UBND huyện tại buổi làm việc với ngành giáo dục"),
    ("1203/QĐ-UBND", "Phê duyệt kế hoạch tuyển sinh năm học 2024-2025"),
    ("38/CT-UBND", "Chỉ thị về nhiệm vụ trọng tâm năm học 2023-2024"),
)


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    when: datetime


def news_links(
    rng: random.Random, site: Site, around: datetime, count: int, newer: bool, path: str
) -> list[Link]:
    """Other articles of the site, dated just after (`newer`) or before `around`."""
    titles = rng.sample(HEADLINES, count)
    links = []
    for index, title in enumerate(titles, start=1):
        days = index * rng.randint(2, 6)
        when = (
            around + timedelta(days=days, hours=rng.randint(-5, 5))
            if newer
            else (around - timedelta(days=days, hours=rng.randint(-5, 5)))
        )
        slug = f"{path}{rng.randint(1200, 9800)}"
        links.append(Link(title=title, url=f"{site.origin}/{slug}", when=when))
    return links


def counter_values(rng: random.Random) -> dict[str, str]:
    total = rng.randint(150_000, 2_400_000)
    return {
        "online": str(rng.randint(40, 400)),
        "members": str(rng.randint(0, 6)),
        "bots": str(rng.randint(5, 40)),
        "guests": str(rng.randint(30, 380)),
        "today": str(rng.randint(300, 4000)),
        "month": f"{rng.randint(20_000, 90_000):,}",
        "total": f"{total:,}",
    }


def nukeviet_counter(rng: random.Random) -> str:
    """NukeViet 4 statistics block (global.counter.tpl)."""
    v = counter_values(rng)
    rows = (
        ("fa-bolt", "Đang truy cập", v["online"]),
        ("fa-filter", "Thành viên online", v["members"]),
        ("fa-filter", "Máy chủ tìm kiếm", v["bots"]),
        ("fa-filter", "Khách viếng thăm", v["guests"]),
        ("fa-calendar", "Hôm nay", v["today"]),
        ("fa-calendar-o", "Tháng hiện tại", v["month"]),
        ("fa-bar-chart", "Tổng lượt truy cập", v["total"]),
    )
    items = "\n".join(
        f'<li><span><em class="fa {icon} fa-lg fa-horizon"></em>{label}</span>'
        f"<span>{value}</span></li>"
        for icon, label, value in rows
    )
    return f'<ul class="counter list-none display-table">\n{items}\n</ul>'


def licham_calendar(today: date) -> str:
    """The licham.net lunar-calendar widget many NukeViet district portals embed."""
    weeks = calendar.Calendar(firstweekday=0).monthdayscalendar(today.year, today.month)
    head = "".join(f"<th>{d}</th>" for d in ("T2", "T3", "T4", "T5", "T6", "T7", "CN"))
    rows = []
    for week in weeks:
        cells = []
        for day in week:
            if day == 0:
                cells.append("<td></td>")
                continue
            iso = date(today.year, today.month, day).isoformat()
            css = ' class="today"' if day == today.day else ""
            cells.append(
                f'<td{css}><a href="https://licham.net/?date={iso}" target="_blank">{day}</a>'
                f'<span class="am">{(day + 12) % 30 + 1}</span></td>'
            )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<div class="licham-widget">'
        f'<div class="licham-head"><a href="https://licham.net/" target="_blank">licham.net</a>'
        f"<span>Tháng {today.month} năm {today.year}</span></div>"
        f'<table class="licham-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        '<div class="licham-note">'
        "<p>- Click vào nút hiển thị ngày trong tuần hoặc tháng âm lịch để xem chi tiết</p>"
        "<p>- Màu đỏ: Ngày tốt</p><p>- Xanh lá: Đầu tháng âm lịch</p>"
        "<p>- Màu vàng: Ngày hiện tại</p></div></div>"
    )


def member_box(action: str) -> str:
    """NukeViet's member login block."""
    return (
        '<div class="panel panel-default"><div class="panel-heading">QUẢN LÝ THÀNH VIÊN</div>'
        '<div class="panel-body"><p>Hãy đăng nhập thành viên để trải nghiệm đầy đủ các tiện ích '
        "trên site</p>"
        f'<form action="{action}" method="post"><input type="text" name="nv_login" '
        'placeholder="Tên đăng nhập hoặc email" /><input type="password" name="nv_password" '
        'placeholder="Mật khẩu" /><button type="submit">Đăng nhập</button>'
        '<a href="#">Đăng ký</a> | <a href="#">Quên mật khẩu?</a></form></div></div>'
    )


def poll(rng: random.Random, css: str = "poll") -> str:
    """A "Thăm dò ý kiến" block."""
    options = (
        "Rất hữu ích",
        "Hữu ích",
        "Bình thường",
        "Chưa đáp ứng được nhu cầu",
    )
    inputs = "".join(
        f'<div class="radio"><label><input type="radio" name="option" value="{i}" /> {e(o)}'
        "</label></div>"
        for i, o in enumerate(options, start=1)
    )
    return (
        f'<div class="{css}"><h3>Thăm dò ý kiến</h3>'
        "<p><strong>Bạn thấy thông tin trên cổng thông tin điện tử có hữu ích không?</strong></p>"
        f'<form>{inputs}<input type="button" value="Biểu quyết" /> '
        f'<input type="button" value="Xem kết quả" /></form>'
        f'<p class="poll-total">Tổng số phiếu: {rng.randint(120, 2400)}</p></div>'
    )


def documents_box(site: Site, heading: str = "Văn bản mới") -> str:
    items = "".join(
        f'<li><a href="{site.origin}/van-ban/{number.replace("/", "-").lower()}.html">'
        f"<strong>{e(number)}</strong></a><p>{e(summary)}</p></li>"
        for number, summary in DOCUMENTS
    )
    return f'<div class="block-docs"><h3>{heading}</h3><ul>{items}</ul></div>'


def links_dropdown() -> str:
    sites = (
        ("https://chinhphu.vn", "Cổng TTĐT Chính phủ"),
        ("https://moet.gov.vn", "Bộ Giáo dục và Đào tạo"),
        ("https://dichvucong.gov.vn", "Cổng Dịch vụ công quốc gia"),
        ("https://baodienbienphu.com.vn", "Báo Điện Biên Phủ"),
    )
    options = "".join(f'<option value="{url}">{e(name)}</option>' for url, name in sites)
    return (
        '<div class="weblink"><h3>Liên kết website</h3>'
        f'<select onchange="window.open(this.value)"><option value="">-- Chọn liên kết --</option>'
        f"{options}</select></div>"
    )


def footer_lines(site: Site) -> str:
    return (
        f"<p><strong>{e(site.name.upper())}</strong></p>"
        f"<p>Cơ quan chủ quản: {e(site.agency)}</p>"
        f"<p>Chịu trách nhiệm chính: {e(site.editor)}</p>"
        f"<p>Địa chỉ: {e(site.address)}</p>"
        f"<p>Điện thoại: {e(site.phone)} - Email: {e(site.email)}</p>"
        f"<p>{e(site.licence)}</p>"
        "<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>"
    )


def analytics_script(tracking_id: str) -> str:
    return (
        "<script>window.dataLayer = window.dataLayer || [];"
        "function gtag(){dataLayer.push(arguments);}gtag('js', new Date());"
        f"gtag('config', '{tracking_id}');</script>"
    )


def nukeviet_date(when: datetime, two_spaces: bool = False) -> str:
    """nv_date('l - d/m/Y H:i'); NukeViet 3 put two spaces before the time."""
    gap = "  " if two_spaces else " "
    return f"{WEEKDAYS[when.weekday()]} - {when:%d/%m/%Y}{gap}{when:%H:%M}"


def pagination(base: str, current: int, last: int) -> str:
    """A numbered pagination bar of a listing."""
    links = [f'<a href="{base}1">&laquo;</a>', f'<a href="{base}{current}">&lt;</a>']
    for number in range(1, min(last, 5) + 1):
        css = ' class="active"' if number == current else ""
        links.append(f'<a{css} href="{base}{number}">{number}</a>')
    links.append("<span>...</span>")
    links.append(f'<a href="{base}{current + 1}">&gt;</a><a href="{base}{last}">&raquo;</a>')
    return '<div class="pagination">' + " ".join(links) + "</div>"
