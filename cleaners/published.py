"""Choosing a page's publication date, and saying where it came from.

Best evidence first:
1. machine-readable: itemprop=datePublished (the one in the article's itemscope), meta tags
   (article:published_time …), JSON-LD datePublished — source "itemprop", "meta", "json-ld";
2. the platform's own visible date element (NukeViet `span.h5`, Liferay `assetPublishDate`) —
   "platform";
3. a short date line next to the title ("Cập nhật: 12/03/2024", "21:22 23/08/2023") — "date-line";
   or, when furniture removal took the article's toolbar and the date printed on it
   ("Ngày xuất bản: 12/09/2023 | Cỡ chữ A A A"), that date (`toolbar_date`) — "toolbar";
4. an official notice's "Phong Thổ, ngày 25 tháng 8 năm 2023" in its first lines — "notice";
5. htmldate's original-date search over the part of the page around the article — "htmldate".
Steps 1-3 (`page_date`) run on the tree after furniture removal and before the text is taken,
so that a sidebar's or related list's dates are gone and the date line can be kept out of the
text; 4-5 (`text_date`) need the text. The date-line search looks only around the title, never
across the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import htmldate
from lxml.etree import Element
from lxml.html import HtmlElement

from cleaners.dates import notice_date, parse_date, parse_iso_date
from cleaners.dom import is_attached, squash, text_of
from cleaners.page_meta import PUBLISHED_META_NAMES, PageMeta
from cleaners.platforms import Platform, first_match

_DATE_LINE_MAX_CHARS = 100  # "Ngày đăng 18/03/2019 | 3:06 PM | View count: 107" and the like
_LOOK_AFTER_TITLE = 40  # elements scanned after the title
_LOOK_BEFORE_TITLE = 6  # some themes print the date above the title
_PROSE_PIECE = 200  # passing this many long text pieces means we are in the body
_NOTICE_LINES = 15


@dataclass(frozen=True)
class Published:
    """A publication date, where on the page it was read and, for a printed date, the element
    that printed it (metadata to keep out of the article's text)."""

    value: date
    source: str
    element: HtmlElement | None = field(default=None, compare=False, repr=False)


def _machine_value(element: HtmlElement) -> str:
    return element.get("content") or element.get("datetime") or text_of(element)


def _itemprop_date(tree: HtmlElement, meta: PageMeta, title: HtmlElement | None) -> date | None:
    candidates = [e for e in meta.itemprop("datePublished") if is_attached(e, tree)]
    if title is not None and len(candidates) > 1:
        # On a page with several (teasers carry theirs too), the one in the title's item.
        title_scopes = {e for e in title.iterancestors() if e.get("itemscope") is not None}
        in_scope = [c for c in candidates if _scope(c) in title_scopes]
        candidates = in_scope + [c for c in candidates if c not in in_scope]
    return next(
        (v for c in candidates if (v := parse_iso_date(_machine_value(c))) is not None), None
    )


def _scope(element: HtmlElement) -> HtmlElement | None:
    return next((e for e in element.iterancestors() if e.get("itemscope") is not None), None)


def _pieces(element: HtmlElement) -> list[tuple[str, bool]]:
    """The element's own short text pieces and date attribute, each with whether it belongs to
    the element (a tail is text after the element, not in it)."""
    pieces = [(element.get("datetime", ""), True), (element.text or "", True)]
    pieces.append((element.tail or "", False))
    return [(squash(p), own) for p, own in pieces if p and not p.isspace()]


def _date_near(tree: HtmlElement, anchor: HtmlElement, look_before: int) -> Published | None:
    elements = list(tree.iter(Element))
    try:
        position = elements.index(anchor)
    except ValueError:
        return None
    # Inside the anchor first (a title block may hold its date), then after, then just before.
    after = elements[position + 1 : position + 1 + _LOOK_AFTER_TITLE]
    before = elements[max(0, position - look_before) : position]
    long_pieces = 0
    for element in after:
        for piece, own in _pieces(element):
            if len(piece) > _PROSE_PIECE:
                long_pieces += 1
            elif len(piece) <= _DATE_LINE_MAX_CHARS and (found := _date_line(piece)):
                return Published(found.value, found.source, element if own else None)
        if long_pieces >= 2:
            break
    for element in reversed(before):
        for piece, own in _pieces(element):
            if len(piece) <= _DATE_LINE_MAX_CHARS and (found := _date_line(piece)):
                return Published(found.value, found.source, element if own else None)
    return None


def _date_line(piece: str) -> Published | None:
    value = notice_date(piece)
    if value:  # an official document's own "Phong Thổ, ngày 25 tháng 8 năm 2023" line
        return Published(value, "notice")
    value = parse_date(piece)
    return Published(value, "date-line") if value else None


def toolbar_date(texts: Iterable[str]) -> Published | None:
    """The date on an article's toolbar, from the texts of the toolbars furniture removal took
    (print, e-mail, font size: widgets only articles carry, so their date is the article's)."""
    for text in texts:
        if len(text) <= _DATE_LINE_MAX_CHARS * 2 and (found := _date_line(text)):
            return Published(found.value, "toolbar")
    return None


def _article_region(
    tree: HtmlElement, title: HtmlElement | None, body: HtmlElement | None
) -> HtmlElement:
    """The smallest element holding both the title and the body (or the body's parent)."""
    if body is None or not is_attached(body, tree):
        return tree
    parent = body.getparent()
    if title is None or not is_attached(title, tree):
        return parent if parent is not None else tree
    title_line = set(title.iterancestors())
    for ancestor in body.iterancestors():
        if ancestor in title_line:
            return ancestor if ancestor.tag != "html" else tree
    return tree


def page_date(
    tree: HtmlElement,
    *,
    platform: Platform,
    meta: PageMeta,
    title: HtmlElement | None,
    body: HtmlElement | None,
) -> Published | None:
    """The date the page states: machine-readable, the platform's date element, or a date line
    next to the title (steps 1-3 of the module docstring)."""
    value = _itemprop_date(tree, meta, title)
    if value:
        return Published(value, "itemprop")
    for name in PUBLISHED_META_NAMES:
        raw = meta.meta.get(name)
        if raw and (value := parse_iso_date(raw)):
            return Published(value, "meta")
    raw = meta.json_ld_value("datePublished")
    if isinstance(raw, str) and (value := parse_iso_date(raw)):
        return Published(value, "json-ld")

    element = first_match(tree, platform.visible_date)
    if element is not None and (value := parse_date(text_of(element))):
        return Published(value, "platform", element)

    if title is not None and is_attached(title, tree):
        return _date_near(tree, title, _LOOK_BEFORE_TITLE)
    if body is not None and is_attached(body, tree):
        return _date_near(tree, body, 0)
    return None


def text_date(
    tree: HtmlElement,
    *,
    url: str,
    title: HtmlElement | None,
    body: HtmlElement | None,
    text: str,
    use_htmldate: bool = True,
    htmldate_extensive: bool = False,
) -> Published | None:
    """When the page states none: a notice's place-and-date line in the article's first lines,
    then htmldate over the part of the page around the article (steps 4-5)."""
    for line in [line for line in text.split("\n") if line.strip()][:_NOTICE_LINES]:
        if value := notice_date(line):
            return Published(value, "notice")
    if use_htmldate:
        # Only the part of the page around the article: faster, and no sidebar dates.
        try:
            found = htmldate.find_date(
                _article_region(tree, title, body),
                extensive_search=htmldate_extensive,
                original_date=True,
                url=url or None,
            )
        except (ValueError, TypeError):  # a malformed page is no reason to lose the article
            found = None
        if found and (value := parse_iso_date(found)):
            return Published(value, "htmldate")
    return None
