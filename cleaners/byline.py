"""Finding who wrote a report: schema.org author, the platform's author line, a labelled line
("Tác giả: …", "Tin, ảnh: …") or the short personal-name line portals end reports with
("Thanh Tuyền", "Nguyễn Dịu"). The text itself keeps its signature line as published."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement

from cleaners.dom import is_attached, squash, text_of
from cleaners.page_meta import PageMeta
from cleaners.platforms import Platform

_AUTHOR_NAME = XPath(".//*[@itemprop='name']")
# "Tác giả bài viết: Thanh Tuyền", "Người viết: …", "Tin, ảnh: …", "Bài và ảnh: …", "PV: …".
_LABELLED = re.compile(
    r"^(?:(?:tác giả(?: bài viết)?|người viết|phóng viên|pv|(?:tin|bài|ảnh)"
    r"(?:\s*(?:,|và|-|&)\s*(?:ảnh|bài|tin))?)\s*:|viết bởi:?|đăng bởi:?|người đăng:?)"
    r"\s*(?P<name>.{2,80})$",
    re.IGNORECASE,
)
# "Nguồn tin: …", "Nguồn: …" name where a report came from, not who wrote it.
_SOURCE = re.compile(r"^nguồn(?: tin)?\s*:", re.IGNORECASE)
_TRAILER = re.compile(r"\s*(?:\([^)]{1,60}\)|[-–—,]\s*[^-–—,]{1,40})$")  # "(Phòng GD&ĐT)", "- TTVH"
# Words of office and place names that capitalised lines share with personal names.
_NOT_NAMES = frozenset(
    re.findall(
        r"\w+",
        "ban biên tập bộ cổng huyện phòng quận sở tỉnh trang trường trung tâm ubnd ủy uỷ văn "
        "thành phố xã thị trấn hội đồng nhân dân",
    )
)
_JUNK_AUTHORS = frozenset({"admin", "administrator", "quản trị", "quản trị viên", "webmaster"})
_MAX_NAME_CHARS = 40
_AFTER_BODY = 2  # blocks after the body container that may carry the author
_MAX_AUTHOR_LINE = 80


def looks_like_name(text: str) -> bool:
    """A Vietnamese personal name: 2-5 capitalised words, letters only ("Nguyễn Chí Thanh")."""
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > _MAX_NAME_CHARS:
        return False
    if any(word.lower() in _NOT_NAMES for word in words):
        return False
    return all(word.isalpha() and word[0].isupper() and not word.isupper() for word in words)


def _clean(name: str) -> str | None:
    name = squash(name).strip(" .,;:-–—")
    if not name or name.casefold() in _JUNK_AUTHORS or len(name) > 80:
        return None
    return name


def _json_ld_author(meta: PageMeta) -> str | None:
    author: Any = meta.json_ld_value("author")
    authors = author if isinstance(author, list) else [author]
    names = []
    for entry in authors:
        if isinstance(entry, dict):
            entry = entry.get("name")
        if isinstance(entry, str) and (name := _clean(entry)):
            names.append(name)
    return ", ".join(dict.fromkeys(names)) or None


def _itemprop_author(tree: HtmlElement, meta: PageMeta) -> str | None:
    names = []
    for element in meta.itemprop("author"):
        if not is_attached(element, tree):
            continue
        named = _AUTHOR_NAME(element)
        raw = element.get("content") or (text_of(named[0]) if named else text_of(element))
        if name := _clean(unicodedata.normalize("NFC", raw)):
            names.append(name)
    return ", ".join(dict.fromkeys(names)) or None


def _labelled(line: str) -> str | None:
    match = _LABELLED.match(squash(line))
    return _clean(match["name"]) if match else None


def _trailing_name(lines: list[str]) -> str | None:
    """A personal name alone on one of the last lines ("Thanh Tuyền", "Nguyễn Dịu (PGD)")."""
    for line in reversed(lines[-3:]):
        if name := _labelled(line):
            return name
        candidate = _TRAILER.sub("", line).strip()
        if looks_like_name(candidate):
            return candidate
    return None


def _author_line(element: HtmlElement, *, plain_names: bool) -> str | None:
    """The name an author element gives ("Tác giả: …", or a bare name), not a source line."""
    line = unicodedata.normalize("NFC", text_of(element))
    if not line or _SOURCE.match(line):
        return None
    if _LABELLED.match(line):
        return _labelled(line)
    if ":" in line:
        return None
    name = _clean(line)
    return name if name and (plain_names or looks_like_name(name)) else None


def _after_body(body: HtmlElement | None) -> list[HtmlElement]:
    """The short blocks right after the body container, where themes print the author."""
    if body is None:
        return []
    following = [e for e in body.itersiblings() if isinstance(e.tag, str)][:_AFTER_BODY]
    return [e for e in following if len(text_of(e)) <= _MAX_AUTHOR_LINE]


def find_byline(
    tree: HtmlElement,
    platform: Platform,
    meta: PageMeta,
    text: str,
    body: HtmlElement | None = None,
) -> str | None:
    """The report's author, or None. `body` is the article's body container, if known."""
    if name := _itemprop_author(tree, meta) or _json_ld_author(meta):
        return name
    for xpath in platform.byline:
        for element in xpath(tree):
            if isinstance(element, HtmlElement) and (
                name := _author_line(element, plain_names=True)
            ):
                return name
    lines = [squash(line) for line in text.split("\n") if line.strip()]
    if name := _trailing_name(lines):
        return name
    for element in _after_body(body):
        if name := _author_line(element, plain_names=False):
            return name
    meta_author = meta.meta.get("author", "")
    return meta_author if looks_like_name(meta_author) else None
