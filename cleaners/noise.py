"""Removing portal furniture from a page's tree, block by block, before trafilatura sees it.

Government portals surround each report with the same furniture: visit counters, lunar
calendars, star ratings, "Tin mới nhất"/"Tin liên quan" lists, polls, comment forms with
captchas, "Từ khóa:" tag lines, pagination bars, print/e-mail/font-size widgets, video and photo
boxes, login boxes. trafilatura keeps much of it because the blocks are short and sit next to the
body. We remove whole blocks, recognised by structure:

- a block whose HEADING is a furniture label ("Thống kê truy cập", "Tin liên quan" …): the
  heading's block (or, when the heading is loose in a column, the link lists that follow it);
- a widget recognised by its markup or its generated text: a list of counter rows ("Đang truy
  cập 223", "Hôm nay 94"), a form with radio buttons, a textarea or a password, a captcha image,
  a link to a lunar-calendar service, a calendar's colour legend, a rating line ("Tổng số điểm
  của bài viết là: 0 trong 0 đánh giá"), a tag line, a pagination bar, a print/zoom tool;
- class and id names portals give such blocks ("thongke", "binhluan", "related", "pagination").

Never by deleting lines that contain a keyword: a report that says "xem mục Tin mới nhất trên
cổng" keeps its sentence, because a sentence is not a block whose whole text is a label.

Nothing that holds the article is ever removed: the caller names anchors (title, body
containers) and no ancestor of an anchor, and no block holding a quarter of the page's prose,
is touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from lxml.html import HtmlElement

from cleaners.dom import HEADING_TAGS, INLINE_TAGS, ancestors_and_self, drop, label, text_of
from cleaners.layout import Layout
from cleaners.platforms import Platform

# --- What furniture headings say (folded: lower case, no diacritics; whole label must match).
_HEADINGS: dict[str, str] = {
    "counter": (
        r"(thong ke|so luong|so luot|tong luot|bo dem)( luot)? truy (cap|nhap)"
        r"|luot truy cap|thong ke website|thong ke truy cap website"
    ),
    "calendar": r"lich am( duong)?|am lich|lich van nien|xem lich am|lich ngay tot|lich ngay",
    "rating": r"danh gia bai viet|xep hang bai viet|cham diem bai viet",
    "poll": (
        r"tham do( y kien)?|khao sat( y kien)?|binh chon|y kien cua ban"
        r"|danh gia cua ban ve .{3,60}|ban danh gia .{3,60}"
    ),
    "comments": (
        r"y kien ban doc|(gui |viet |cac )?binh luan( cua ban)?( ve bai viet)?|gui y kien"
        r"|y kien (cua ban )?ve bai viet|y kien phan hoi|\d+ binh luan|phan hoi"
    ),
    "related": (
        r"nhung tin (moi hon|cu hon|khac)|(cac |nhung )?tin (moi|moi nhat|moi cap nhat|lien quan"
        r"|doc nhieu( nhat)?|xem nhieu( nhat)?|khac|cung chuyen muc|cung loai|noi bat|da dua"
        r"( ngay)?|hot|bai khac|bai lien quan|tuc khac|tuc moi nhat|tuc noi bat|tuc lien quan)"
        r"|(cac )?bai viet (lien quan|khac|cung chuyen muc|moi nhat|doc nhieu)"
        r"|doc nhieu( nhat)?|xem nhieu( nhat)?|theo dong su kien|ngay nay nam xua|xem them"
        r"|van ban moi( ban hanh)?|tin bai khac|tin tuc - su kien khac"
        r"|(cac )?van ban (khac|lien quan|cung linh vuc|cung loai)"
    ),
    "media": (
        r"video( clip)?s?|thu vien (anh|video|hinh anh)|phong su anh|album anh|hinh anh hoat dong"
        r"|ban tin( video)? .{2,40}|ban tin|truyen hinh .{2,30}|phat thanh .{2,30}|podcast"
        r"|infographics?|emagazine|anh dep|thu vien media|tin anh|tin video"
    ),
    "login": (
        r"quan ly thanh vien|thanh vien|dang nhap( he thong| thanh vien)?|tai khoan"
        r"|thong tin tai khoan|dang ky thanh vien"
    ),
    "links": (
        r"lien ket( website| web| nhanh)?|website lien ket|(cac )?trang lien ket|quang cao"
        r"|doi tac|tien ich|thoi tiet|gia vang|ty gia|mang xa hoi|chia se( bai viet)?"
        r"|lien ket trang"
    ),
    "tags": r"tu khoa( lien quan)?|tags?|the|keywords?",
}
_HEADING = re.compile("|".join(f"(?P<{kind}>{rx})" for kind, rx in _HEADINGS.items()))

# --- Text a widget generates, matched against a whole (short) element.
_WIDGET_TEXT: dict[str, str] = {
    "rating": (
        r"tong so diem cua bai viet la:? .{1,20} trong .{1,20} danh gia"
        r"|click de danh gia bai viet|xep hang:? .{1,20} phieu bau|bai viet chua co danh gia"
    ),
    "poll": r"[\d.,]+ (nguoi|luot) da binh chon|tong so (luot )?binh chon:? [\d.,]+",
    "login": (
        r"hay dang nhap thanh vien .*|ban da khong su dung site.*"
        r"|bam vao day de duy tri trang thai dang nhap.*|quen mat khau\??"
    ),
    "calendar": (
        r"licham\.net|lichvannien\.net|click vao nut hien thi ngay .*"
        r"|-? ?(mau (do|vang|xanh|xanh la|xanh duong)|xanh la|xanh duong)\s?: .{2,40}"
    ),
    "tools": (
        r"in bai viet|in bai|in ra|ban in|in trang|gui bai viet qua email|gui bai viet|gui email"
        r"|email bai viet|luu bai viet( nay)?|quay lai|tro ve|ve dau trang|len dau trang|dau trang"
        r"|gui phan hoi|gop y|co chu|tang co chu|giam co chu|nghe doc bai( viet)?"
        r"|(a\s?[-+]?\s?){2,3}|[-+]?\s?a\s?[-+]"
    ),
}
_WIDGET = re.compile("|".join(f"(?P<{kind}>{rx})" for kind, rx in _WIDGET_TEXT.items()))
_ZOOM = re.compile(r"\d{2,3}\s?%")
# "Đang truy cập 223", "Hôm nay: 94", "Tổng lượt truy cập105,584": one row of a visit counter.
_COUNTER_ROW = re.compile(
    r"(dang truy cap|dang online|dang xem|online|thanh vien online|khach|khach vieng tham"
    r"|may chu tim kiem|hom nay|hom qua|tuan nay|tuan truoc|thang nay|thang truoc|thang hien tai"
    r"|nam nay|nam truoc|tong|tong cong|tong so|tong luot truy cap|tong so luot truy cap"
    r"|luot truy cap|so luot truy cap|truy cap hien tai|da truy cap|luot xem)\s?:?\s?[\d.,]+"
)
# "Lượt xem: 1.284": a page's view count, metadata even alone, even in a table cell (a counter
# row such as "Tổng: 45" alone may be a cell of the report's own figures).
_VIEW_COUNT = re.compile(r"(luot xem|luot doc|so lan xem|so luot xem|da xem|view count|views?)"
                         r"\s?:?\s?[\d.,]+")
# "Xem thêm: <a>…</a>", "Đọc thêm:", "Tin liên quan:" written into the body: a link to another
# story, its label the only text that is not the link.
_READ_MORE = re.compile(r"(xem them|doc them|tin lien quan|bai lien quan|tin khac|bai viet khac)"
                        r"\s?:.+")
# "Từ khóa: giáo dục, tuyển sinh" — the label opens the line, links (or nothing) follow.
_TAG_LINE = re.compile(r"(tu khoa|tags?|the|keywords?|chu de)\s?:.*")
# "<< < 1 2 3 4 5 ... > >>", "Trang 1 2 3 Tiếp »", "Đầu Trước 1 2 Sau Cuối".
# Possessive: with the space optional, "12" could also be read as "1", "2", and a calendar's
# "1 11 2 12 … 31 19" would be tried in every such split (time doubling with each number).
_PAGER = re.compile(
    r"(?:(?:\d{1,4}+|<<|>>|<|>|«|»|‹|›|\.\.\.|…|trang|dau|cuoi|truoc|sau|tiep|next|previous"
    r"|prev|first|last|\|)\s?)++"
)

# --- Class and id names. A class or id is split into words at every non-letter ("box-thong-ke",
# "news_related" → box, thong, ke / news, related); a word, or two or three adjacent words run
# together ("thongke", "luottruycap", "othernews"), is looked up here. camelCase names arrive
# lower-cased ("relatedNews" → "relatednews") and are caught by `_MARKUP_STEMS`.
_MARKUP_WORDS: dict[str, str] = {
    "counter": "thongke luottruycap truycap visitor visitors visitorcounter statistic statistics "
    "hitcounter webcounter onlinecounter counterbox",
    "calendar": "licham lichamduong amlich lichvannien lunar calendar",
    "rating": "rating ratings starrating danhgia",
    "poll": "poll polls thamdo binhchon survey khaosat",
    "comments": "binhluan ykien captcha fbcomments idcomment disqus",
    "tags": "tags taglist keywords newstags tukhoa",
    "pagination": "pagination pager paging pagenav phantrang",
    "tools": "print share sharing social sendmail addthis sharethis toolbar tools fontsize "
    "textsize zoom zaloshare fblike chiase",
    "related": "related othernews newsother tinkhac lienquan tinlienquan samecat morenews",
    "login": "login dangnhap userbox timeoutsess signin",
}
_MARKUP_KIND = {word: kind for kind, words in _MARKUP_WORDS.items() for word in words.split()}
# Inside longer words: "boxthongke", "relatednews", "vnpagination".
_MARKUP_STEMS = re.compile(
    r"licham|amlich|lichvannien|thongke|truycap|binhluan|captcha|related|pagination|phantrang"
    r"|othernews|tinkhac|lienquan|timeoutsess|sharethis|addthis"
)
# Bigger than this, a block is not the widget its name suggests (themes reuse names loosely).
_MARKUP_CAP = dict(
    counter=600, calendar=3000, rating=500, poll=1500, comments=8000, tags=600, pagination=400,
    tools=300, related=8000, login=1000,
)
_LARGEST_WIDGET = max(_MARKUP_CAP.values())
_ANY_MARKUP_WORD = re.compile("|".join(sorted(_MARKUP_KIND, key=len, reverse=True)))
_WORDS = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"\d+")
# Links to lunar-calendar services, the tell-tale of a calendar widget.
_LUNAR_LINK = re.compile("licham|lichvannien|amlich|lichngaytot|lich-am")

_HEADING_SLACK = 40  # a widget's container may add this much text (its own small heading)
_PROSE_SHARE = 0.25  # no furniture block holds a quarter of a page's prose
_UNREMOVABLE = frozenset({"html", "body", "head"})
_TITLE_CLASS = re.compile(r"title|heading|header|caption|(?<![a-z])(hd|head|tit|ttl)(?![a-z])")


@dataclass(frozen=True)
class Removal:
    """One block taken out: what it was, how we knew, and the start of its text."""

    kind: str
    rule: str  # "heading", "widget", "markup" or "platform"
    text: str


class _Furniture:
    """The furniture found on one page and the blocks to drop for it."""

    def __init__(self, layout: Layout, anchors: Iterable[HtmlElement]) -> None:
        self.layout = layout
        self.protected: set[HtmlElement] = set()
        for anchor in anchors:
            self.protected.update(ancestors_and_self(anchor))
        self.prose_cap = _PROSE_SHARE * layout.total_prose
        self.blocks: dict[HtmlElement, Removal] = {}

    def removable(self, element: HtmlElement) -> bool:
        if element.tag in _UNREMOVABLE or element in self.protected:
            return False
        prose = self.layout.prose_in.get(element, 0)
        return not (prose and prose >= self.prose_cap)

    def size(self, element: HtmlElement) -> int:
        return self.layout.text_len.get(element, 0)

    def mark(self, element: HtmlElement, kind: str, rule: str) -> None:
        if element not in self.blocks and self.removable(element):
            self.blocks[element] = Removal(kind, rule, text_of(element)[:80])

    # --- expanding a recognised piece to its block

    def widget_block(self, element: HtmlElement) -> HtmlElement:
        """The widget's container: ancestors that add no text, or only a small heading."""
        block = element
        parent = block.getparent()
        headed = False
        while parent is not None and self.removable(parent):
            extra = self.size(parent) - self.size(block)
            if extra > 0 and (
                headed or extra > _HEADING_SLACK or not self.headed_by(parent, block)
            ):
                break
            headed = headed or extra > 0
            block, parent = parent, parent.getparent()
        return block

    def headed_by(self, parent: HtmlElement, block: HtmlElement) -> bool:
        """True if all of `parent`'s text outside `block` is a heading placed before it."""
        if parent.text and not parent.text.isspace() and parent.tag not in INLINE_TAGS:
            direct_heading = True  # "<div>Lượt truy cập<table>…</table></div>"
        else:
            direct_heading = False
        seen_block = False
        for child in parent:
            if child is block:
                seen_block = True
            elif self.size(child):
                if seen_block or not _is_heading_like(child):
                    return False
                direct_heading = True
            if child.tail and not child.tail.isspace():
                return False
        return direct_heading

    def starts_with(self, container: HtmlElement, element: HtmlElement) -> bool:
        """True if no text comes before `element` inside `container`."""
        node = element
        while node is not container:
            parent = node.getparent()
            if parent is None:
                return False
            if parent.text and not parent.text.isspace():
                return False
            for sibling in parent:
                if sibling is node:
                    break
                if self.size(sibling) or (sibling.tail and not sibling.tail.isspace()):
                    return False
            node = parent
        return True

    def heading_block(self, heading: HtmlElement) -> HtmlElement:
        """The block a heading opens: the largest ancestor whose text starts with the heading."""
        block = heading
        parent = block.getparent()
        while parent is not None and self.removable(parent) and self.starts_with(parent, heading):
            block, parent = parent, parent.getparent()
        return block

    def listy(self, element: HtmlElement) -> bool:
        """A sibling that belongs to a furniture heading: links, images or form controls only."""
        size = self.size(element)
        if not size:
            return True
        return self.layout.link_density(element) >= 0.5

    def mark_heading(self, heading: HtmlElement, kind: str) -> None:
        block = self.heading_block(heading)
        if block is not heading or not self.removable(heading):
            self.mark(block, kind, "heading")
            return
        # A heading loose in a column: take it and the link lists that follow it, up to the
        # next heading or the next piece of real text.
        self.mark(heading, kind, "heading")
        for sibling in heading.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if sibling.tag in HEADING_TAGS or not self.removable(sibling):
                break
            if not self.listy(sibling):
                break
            self.mark(sibling, kind, "heading")

    def mark_widget(self, element: HtmlElement, kind: str, rule: str = "widget") -> None:
        if not self.removable(element):
            return
        block = self.widget_block(element)
        self.mark(block, kind, rule)
        # A widget's own heading often sits just before it ("Lịch âm", "Bình chọn").
        previous = block.getprevious()
        if (
            previous is not None
            and isinstance(previous.tag, str)
            and self.removable(previous)
            and 0 < self.size(previous) <= 60
            and not self.layout.link_len.get(previous)
            and _is_heading_like(previous)
        ):
            self.mark(previous, kind, rule)


def _is_heading_like(element: HtmlElement) -> bool:
    """A heading tag, or an element whose class or id says title/heading."""
    if element.tag in HEADING_TAGS or element.tag in ("legend", "caption", "strong", "b"):
        return True
    return bool(_TITLE_CLASS.search(f"{element.get('class', '')} {element.get('id', '')}".lower()))


def is_furniture_label(text: str) -> bool:
    """`text` is what a portal widget calls itself or prints ("Thống kê truy cập", "Tin mới
    nhất", "Cỡ chữ"), never an article's title."""
    return _label_kind(label(text)) is not None


@lru_cache(maxsize=8192)
def _label_kind(folded: str) -> tuple[str, str] | None:
    """(kind, rule) for a whole element's folded text, if it is a furniture label. Rules
    "zoom" and "pager" need a look at the element before they count (see the caller)."""
    match = _HEADING.fullmatch(folded)
    if match and match.lastgroup:
        return match.lastgroup, "heading"
    match = _WIDGET.fullmatch(folded)
    if match and match.lastgroup:
        return match.lastgroup, "widget"
    if _TAG_LINE.fullmatch(folded):
        return "tags", "widget"
    if _ZOOM.fullmatch(folded):
        return "tools", "zoom"
    if _PAGER.fullmatch(folded) and any(ch.isdigit() for ch in folded):
        return "pagination", "pager"
    if _COUNTER_ROW.fullmatch(folded):
        return "counter", "row"
    return None


@lru_cache(maxsize=8192)
def _markup_kind(attributes: str) -> str | None:
    """The furniture kind a (lower-cased) class or id names, if any."""
    if not _ANY_MARKUP_WORD.search(attributes.replace("-", "").replace("_", "")):
        return None  # the common case, decided without splitting into words
    words = _WORDS.findall(attributes)
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            kind = _MARKUP_KIND.get("".join(words[i : i + n]))
            if kind:
                return kind
    match = _MARKUP_STEMS.search(attributes)
    return _MARKUP_KIND[match.group()] if match else None


_ROW_SEPARATOR = re.compile(r"\s[·•|]\s")


def _is_counter_lines(element: HtmlElement) -> bool:
    """Two or more `<br>`-separated lines, every one a visit counter's row."""
    while not (element.text or "").strip() and not any((c.tail or "").strip() for c in element):
        texted = [child for child in element if "".join(child.itertext()).strip()]
        if len(texted) != 1:
            break
        element = texted[0]  # "<section><p><span>rows</span></p></section>": the span's rows
    if element.find("br") is None:
        return False
    lines: list[str] = []
    current = [element.text or ""]
    for child in element:
        if child.tag == "br":
            lines.append("".join(current))
            current = [child.tail or ""]
        else:
            current += [text_of(child), child.tail or ""]
    lines.append("".join(current))
    # rows may also share a line: "Đang truy cập: 3 · Hôm nay: 41 · Tổng: 58.214"
    rows = [folded for line in lines for piece in _ROW_SEPARATOR.split(line)
            if (folded := label(piece))]
    if rows and _label_kind(rows[0]) == ("counter", "heading"):  # "Thống kê truy cập<br>…"
        rows = rows[1:]
    return len(rows) >= 2 and all(_COUNTER_ROW.fullmatch(row) for row in rows)


def _in_table(element: HtmlElement) -> bool:
    parent = element.getparent()
    grand = parent.getparent() if parent is not None else None
    return any(
        node is not None and node.tag in ("td", "th", "table", "tr")
        for node in (element, parent, grand)
    )


def _form_kind(form: HtmlElement) -> str | None:
    """What a small form is for, judging by its controls."""
    if form.find(".//textarea") is not None:
        return "comments"
    if form.find(".//input[@type='password']") is not None:
        return "login"
    choices = form.findall(".//input[@type='radio']") + form.findall(".//input[@type='checkbox']")
    if len(choices) >= 2:
        return "poll"
    return None


def _is_calendar_grid(table: HtmlElement) -> bool:
    """A month grid: 28-42 day cells, each led by a day number, all 28 days of a month there.

    (A standings or statistics table has numbers too, but not every day 1-28 as the first
    number of short cells.) Lunar calendars print the lunar day after the solar one.
    """
    cells = table.findall(".//td")
    if not 28 <= len(cells) <= 60:
        return False
    days = set()
    for cell in cells:
        pieces = [piece.strip() for piece in cell.itertext() if piece.strip()]
        if not pieces:
            continue
        if len(" ".join(pieces)) > 12:
            return False
        if pieces[0].isdigit() and 1 <= int(pieces[0]) <= 31:
            days.add(int(pieces[0]))
    return len(days) >= 28


def remove_furniture(
    tree: HtmlElement,
    layout: Layout,
    anchors: Iterable[HtmlElement],
    platform: Platform,
    *,
    read_labels: bool = True,
) -> list[Removal]:
    """Remove furniture blocks from `tree` in place; return what was removed, in page order.

    `layout` must have been measured on `tree`; `anchors` are elements that hold the article
    (title, body containers, main prose block) and must survive with all their ancestors.
    `read_labels=False` skips the headings and widget lines, all of them Vietnamese portal
    wording, on pages in other languages.
    """
    page = _Furniture(layout, anchors)
    text_len = layout.text_len
    counter_rows: dict[HtmlElement, int] = {}

    for xpath in platform.furniture:
        for found in xpath(tree):
            if isinstance(found, HtmlElement):
                page.mark(found, "platform", "platform")

    # Only elements with text (removing the others changes no text), and none bigger than the
    # largest widget. Class names repeat, so their lookups mostly hit the cache; ids are unique
    # but for their numbers ("post-1234"), which are dropped before the lookup.
    for element, size in text_len.items():
        if size > _LARGEST_WIDGET or element.tag in _UNREMOVABLE:
            continue
        cls, ident = element.get("class"), element.get("id")
        kind = (cls and _markup_kind(cls.lower())) or (
            ident and _markup_kind(_DIGITS.sub("", ident.lower()))
        )
        if kind and size <= _MARKUP_CAP[kind]:
            page.mark_widget(element, kind, "markup")
    for element in tree.iter("form", "img", "a", "table", "noscript"):
        tag = element.tag
        if tag == "a":
            href = element.get("href", "")
            if "lich" in href and _LUNAR_LINK.search(href):
                page.mark_widget(element, "calendar")
        elif tag == "img":
            described = f"{element.get('src')} {element.get('alt')} {element.get('id')}"
            if "captcha" in described.lower():
                page.mark_widget(element, "comments")
        elif tag == "form":
            if kind := _form_kind(element):
                page.mark_widget(element, kind)
        elif tag == "table":
            if _is_calendar_grid(element):
                page.mark_widget(element, "calendar")
        else:  # what browsers show only without JavaScript
            page.mark(element, "noscript", "markup")

    for element in layout.short_blocks if read_labels else ():
        tag = element.tag
        size = text_len[element]
        parent = element.getparent()
        folded = label(text_of(element))
        found = _label_kind(folded)
        if found is None:
            if _is_counter_lines(element):  # "Đang truy cập: 3<br>Hôm nay: 41<br>Tổng: …"
                page.mark_widget(element, "counter")
            elif _READ_MORE.fullmatch(folded) and layout.link_density(element) >= 0.5:
                page.mark_widget(element, "related")  # "Xem thêm: <a>another story</a>"
            continue
        kind, rule = found
        if rule == "row":
            if _VIEW_COUNT.fullmatch(folded):
                page.mark_widget(element, "counter")
            elif parent is not None:
                counter_rows[parent] = counter_rows.get(parent, 0) + 1
        elif rule == "heading":
            heading = element
            if tag in INLINE_TAGS:
                # "<div class='title'><a>Tin mới nhất</a> <a>Xem thêm</a></div>": the bar is
                # the heading; an inline label inside a sentence is not one.
                if parent is None or text_len.get(parent, 0) > size + _HEADING_SLACK:
                    continue
                heading = parent
            page.mark_heading(heading, kind)
        elif rule == "zoom":
            if not _in_table(element):
                page.mark_widget(element, kind)
        elif rule == "pager":
            if len(element.findall(".//a")) >= 2:
                page.mark_widget(element, kind)
        elif kind == "tags" and layout.link_density(element) < 0.3 and size > 24:
            continue  # "Từ khóa: …" followed by prose is a sentence, not a tag line
        else:
            page.mark_widget(element, kind)

    for rows_parent, rows in counter_rows.items():
        if rows >= 2:
            page.mark_widget(rows_parent, "counter")

    order = {element: position for position, element in enumerate(layout.elements)}
    removals: list[Removal] = []
    for element in sorted(page.blocks, key=lambda e: order.get(e, 0)):
        if any(ancestor in page.blocks for ancestor in element.iterancestors()):
            continue  # inside a block that goes anyway
        removals.append(page.blocks[element])
        drop(element)
    return removals
