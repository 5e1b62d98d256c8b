"""Small pure helpers the portal templates share: escaping, Vietnamese date forms, pagination,
article bodies, RSS and sitemap documents, and the placeholder assets pages refer to.
"""

from __future__ import annotations

import string
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import format_datetime
from functools import cache
from html import escape
from pathlib import Path
from typing import TypeVar
from xml.sax.saxutils import escape as xml_escape

from .site import VIETNAM, Entry, SiteView, local_to_utc
from .stories import Post

T = TypeVar("T")

PAGES_DIR = Path(__file__).parent / "pages"

WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


@cache
def _page_template(name: str) -> string.Template:
    return string.Template((PAGES_DIR / f"{name}.html").read_text(encoding="utf-8"))


def fill(name: str, **values: object) -> str:
    """pages/<name>.html with its $placeholders filled; values must already be HTML-safe."""
    return _page_template(name).substitute({key: str(value) for key, value in values.items()})


def esc(text: object) -> str:
    """HTML-escape text for element content and double-quoted attributes."""
    return escape(str(text), quote=True)


def weekday(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def clock_12h(moment: datetime, am: str = "AM", pm: str = "PM") -> str:
    """'3:06 PM' style, or with am/pm words such as 'SA'/'CH' (sáng/chiều)."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment:%M} {am if moment.hour < 12 else pm}"


def iso_local(moment: datetime) -> str:
    """ISO 8601 with the +07:00 offset, as schema.org and Open Graph carry it."""
    return moment.replace(tzinfo=VIETNAM).isoformat()


def view_count(number: int) -> int:
    """A plausible, stable 'Đã xem' figure for an article (stable so pages keep their ETag)."""
    return 100 + (number * 7919) % 2900


def truncate(text: str, limit: int) -> str:
    """Cut at a word boundary and add '...', as portal sidebars do."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "..."


def page_count(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def page_of(items: Sequence[T], page: int, per_page: int) -> Sequence[T]:
    start = (page - 1) * per_page
    return items[start : start + per_page]


def parse_page(raw: str | None, default: int = 1) -> int:
    """A page number from a URL; junk or < 1 reads as the first page, like the real portals."""
    try:
        value = int(raw or default)
    except ValueError:
        return default
    return max(1, value)


@dataclass(frozen=True)
class BodyStyle:
    """How one platform's editor writes each kind of body block (format strings)."""

    paragraph: str = "<p>{text}</p>"
    caption: str = '<figure><img src="{src}" alt="{alt}"><figcaption>{text}</figcaption></figure>'
    center: str = '<p style="text-align:center">{text}</p>'
    right: str = '<p style="text-align:right">{text}</p>'
    bold: str = "<p><strong>{text}</strong></p>"
    image: str = '<p style="text-align:center"><img src="{src}" alt=""></p>'


def render_body(post: Post, style: BodyStyle, image_src: Callable[[int], str]) -> str:
    """The post's body blocks as HTML in the platform's style (lead and byline not included)."""
    out: list[str] = []
    photo = 0
    for block in post.blocks:
        if block.kind == "images":
            for _ in range(block.count):
                photo += 1
                out.append(style.image.format(src=esc(image_src(photo))))
            continue
        text = esc(block.text)
        if block.kind == "caption":
            photo += 1
            src = esc(image_src(photo))
            out.append(style.caption.format(src=src, alt=text, text=text))
        elif block.kind == "center":
            out.append(style.center.format(text=text))
        elif block.kind == "right":
            out.append(style.right.format(text=text))
        elif block.kind == "bold":
            out.append(style.bold.format(text=text))
        else:
            out.append(style.paragraph.format(text=text))
    return "\n".join(out)


def rss_document(
    view: SiteView, entries: Sequence[Entry], *, title: str, link_path: str, description: str
) -> str:
    """An RSS 2.0 feed of `entries` (absolute links, RFC 822 dates in +0700)."""
    items = []
    for entry in entries:
        post = entry.post
        when = format_datetime(post.published.replace(tzinfo=VIETNAM))
        items.append(
            "<item>"
            f"<title>{xml_escape(post.title)}</title>"
            f"<link>{xml_escape(view.url(entry.path))}</link>"
            f'<guid isPermaLink="false">{xml_escape(view.portal.id)}-{entry.number}</guid>'
            f"<description>{xml_escape(post.lead or truncate(post.paragraphs[0], 240))}"
            "</description>"
            f"<category>{xml_escape(view.sections[post.section])}</category>"
            f"<pubDate>{when}</pubDate>"
            "</item>"
        )
    build = format_datetime(view.clock.astimezone(VIETNAM))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>'
        f"<title>{xml_escape(title)}</title>"
        f"<link>{xml_escape(view.url(link_path))}</link>"
        f"<description>{xml_escape(description)}</description>"
        "<language>vi</language>"
        f"<lastBuildDate>{build}</lastBuildDate>" + "\n".join(items) + "\n</channel>\n</rss>\n"
    )


def sitemap_urlset(view: SiteView, pages: Sequence[tuple[str, datetime | None]]) -> str:
    """A sitemap of (path, last modification) pairs; a naive datetime is local time."""
    rows = []
    for path, modified in pages:
        lastmod = ""
        if modified is not None:
            moment = local_to_utc(modified) if modified.tzinfo is None else modified
            lastmod = f"<lastmod>{moment.astimezone(VIETNAM).isoformat()}</lastmod>"
        rows.append(f"<url><loc>{xml_escape(view.url(path))}</loc>{lastmod}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(rows)
        + "\n</urlset>\n"
    )


def sitemap_index(view: SiteView, paths: Sequence[str]) -> str:
    lastmod = view.clock.astimezone(VIETNAM).isoformat()
    rows = [
        f"<sitemap><loc>{xml_escape(view.url(p))}</loc><lastmod>{lastmod}</lastmod></sitemap>"
        for p in paths
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(rows)
        + "\n</sitemapindex>\n"
    )


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    row = b"\x00" + bytes(rgb) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


# Photos, logos and banners all get this grey placeholder: pages look whole in a browser and a
# crawler that fetches images gets a real image back.
PLACEHOLDER_IMAGE = _png(160, 100, (200, 204, 208))
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".ico", ".webp")
