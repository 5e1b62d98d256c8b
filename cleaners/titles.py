"""Choosing an article's title: the article's own heading, never the site banner or a portlet
heading ("Hot News", "Tin tức - Sự kiện").

Best first: the platform's title element; a schema.org headline; the page's one real <h1>
(banners, logos and links home are not); the JSON-LD headline; a title-like heading above the
article's paragraphs that agrees with og:title/<title> (or is the nearest one); and last
og:title or <title> with the site's name cut off.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

from cleaners.dom import HEADING_TAGS, ancestors_and_self, label, squash, text_of
from cleaners.layout import Layout
from cleaners.noise import is_furniture_label
from cleaners.page_meta import PageMeta
from cleaners.platforms import Platform, first_match

MIN_TITLE_CHARS = 5
MAX_TITLE_CHARS = 400

_H1 = XPath("//h1")
_TITLE_TAGS = ("h2", "h3", "h4", "div", "p", "span", "strong", "td")  # td: table layouts
_TITLE_CLASS = re.compile(r"title|headline|heading|tieu-?de", re.IGNORECASE)
_REGION_LEVELS = 3  # how far above the paragraphs a title-like heading is looked for
# Page chrome a banner heading sits in. (Not "header": an article's own <header> holds its h1.)
_CHROME = re.compile(
    r"(?<![a-z])(banner|logo|brand|masthead|navbar|menu|top-?bar|site-?(name|title)"
    r"|footer|nav)(?![a-z])"
)
_CHROME_TAGS = frozenset({"nav", "footer", "aside"})
# " - ", " | ", " :: ", " » " between a title and the site's name in <title>.
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|–—»]|::)\s+")
_SITE_NAME = re.compile(
    r"cong thong tin|trang thong tin|cong ttdt|trang ttdt|website|portal|ubnd|uy ban nhan dan"
    r"|so giao duc|phong giao duc|\.gov\.vn|\.edu\.vn|\.vn$|\.com$"
    # the English names portals give themselves in <title>
    r"|(?:department|division|bureau|office) of (?:education|training)"
    r"|people'?s committee|^electronic (?:information )?portal|^official (?:web ?)?site"
)
# A school's name is its site's name ("Trường Tiểu học Đông Hợp"), a few words after the level.
_SCHOOL_NAME = re.compile(
    r"^truong (mam non|tieu hoc|thcs|thpt|th|trung hoc co so|trung hoc pho thong|pt dtnt"
    r"|ptdtnt|ptdtbt|tieu hoc va thcs|th va thcs|thcs va thpt)( \w+){1,4}$"
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Title:
    """The chosen title, the element it came from (None for meta data) and how it was chosen."""

    text: str
    element: HtmlElement | None
    source: str


def _words(text: str) -> set[str]:
    return set(_WORD.findall(label(text)))


def similarity(candidate: str, reference: str) -> float:
    """Share of the candidate's words found in the reference (0 when either is empty)."""
    words, ref = _words(candidate), _words(reference)
    return len(words & ref) / len(words) if words and ref else 0.0


def _usable(text: str) -> bool:
    return MIN_TITLE_CHARS <= len(text) <= MAX_TITLE_CHARS


def _in_chrome(element: HtmlElement) -> bool:
    for node in ancestors_and_self(element):
        if node.tag in _CHROME_TAGS:
            return True
        if node.tag in ("body", "html"):
            return False
        attributes = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if attributes.strip() and _CHROME.search(attributes):
            return True
    return False


def _same_page(href: str, url: str) -> bool:
    if not href or href.startswith("#"):
        return True
    target, page = urlsplit(urljoin(url, href)), urlsplit(url)
    return (target.netloc, target.path.rstrip("/")) == (page.netloc, page.path.rstrip("/"))


def _links_away(element: HtmlElement, url: str) -> bool:
    """A heading that is a link to another page: a teaser, or the banner linking home."""
    if any(node.tag == "a" for node in element.iterancestors()):
        return True
    links = element.findall(".//a")
    if len(links) != 1:
        return False
    linked = len(text_of(links[0]))
    return linked >= 0.8 * len(text_of(element)) and not _same_page(links[0].get("href", ""), url)


def strip_site_name(title: str, site_name: str = "") -> str:
    """`title` without a leading or trailing site name ("Tổng kết năm học - Cổng TTĐT …")."""
    parts = _TITLE_SEPARATORS.split(squash(title))
    if len(parts) < 2:
        return squash(title)
    while len(parts) > 1 and is_site_name(parts[-1], site_name):
        parts.pop()
    while len(parts) > 1 and is_site_name(parts[0], site_name):
        parts.pop(0)
    return " - ".join(parts)


def is_site_name(text: str, site_name: str = "") -> bool:
    """`text` names a site or its owner ("Cổng TTĐT …", "UBND huyện …", "Trường THCS Nguyễn
    Du"), or is the page's declared site name."""
    folded, site = label(text), label(site_name)
    return bool(folded) and (
        (bool(site) and (folded == site or folded in site or site in folded))
        or bool(_SITE_NAME.search(folded))
        or bool(_SCHOOL_NAME.match(folded))
    )


def _names_only_the_site(reference: str, site_name: str) -> bool:
    """Every part of the page's <title>/og:title names the site: it says nothing of the article
    (old ASP.NET and school sites give every page the same <title>)."""
    parts = _TITLE_SEPARATORS.split(squash(reference))
    return not reference.strip() or (
        all(is_site_name(part, site_name) or len(_words(part)) <= 3 for part in parts)
        and any(is_site_name(part, site_name) for part in parts)
    )


def choose_title(
    tree: HtmlElement, url: str, platform: Platform, layout: Layout, meta: PageMeta
) -> Title | None:
    """The article's title, or None when the page names none at all."""
    reference = meta.og_title or meta.title_tag
    site = label(meta.site_name)

    def acceptable(element: HtmlElement) -> bool:
        text = text_of(element)
        folded = label(text)
        return _usable(text) and bool(folded) and folded != site

    element = first_match(tree, platform.title)
    if element is not None and acceptable(element):
        return Title(squash(text_of(element)), element, "platform")

    headlines = [
        e
        for e in meta.itemprop("headline")
        if e.tag != "meta" and acceptable(e) and not _links_away(e, url)
    ]
    if headlines:
        best = max(headlines, key=lambda e: similarity(text_of(e), reference))
        return Title(text_of(best), best, "itemprop")

    headline = meta.json_ld_value("headline")
    if isinstance(headline, str):
        reference = headline  # the article's own headline (if truncated, still its words)
    h1s = [
        e for e in _H1(tree) if acceptable(e) and not _in_chrome(e) and not _links_away(e, url)
    ]
    if h1s:
        if len(h1s) == 1:
            lone = h1s[0]
            og_title = meta.og_title
            if og_title and similarity(text_of(lone), og_title) < 0.3:
                # A lone h1 that og:title disowns is a banner under an unusual name
                # ("div.school-name h1") when a titled heading by the paragraphs is what og:title
                # says. (Not <title>: on many portals it names the section, "Giáo dục - Đào tạo".)
                agreeing = [e for e in _heading_candidates(layout, tree, url, acceptable)
                            if similarity(text_of(e), og_title) >= 0.8]
                if agreeing:
                    return Title(text_of(agreeing[-1]), agreeing[-1], "heading")
            return Title(text_of(lone), lone, "h1")
        scored = [(similarity(text_of(e), reference), e) for e in h1s]
        top_score, top = max(scored, key=lambda pair: pair[0])
        if top_score >= 0.5:
            return Title(text_of(top), top, "h1")
        return Title(text_of(h1s[0]), h1s[0], "h1")

    if isinstance(headline, str) and _usable(squash(headline)):
        return Title(squash(headline), None, "json-ld")

    candidates = _heading_candidates(layout, tree, url, acceptable)
    if candidates:
        top_score, top = max(
            ((similarity(text_of(e), reference), e) for e in candidates), key=lambda p: p[0]
        )
        if top_score >= 0.6:
            return Title(_after_breadcrumb(text_of(top)), top, "heading")
        nearest = candidates[-1]
        if nearest.tag in HEADING_TAGS or (
            # a headline's length: box headings ("Giới thiệu chung") are a few words
            _names_only_the_site(reference, meta.site_name) and len(_words(text_of(nearest))) >= 5
        ):
            return Title(_after_breadcrumb(text_of(nearest)), nearest, "heading")

    for source, value in (("og:title", meta.og_title), ("title", meta.title_tag)):
        stripped = strip_site_name(value, meta.site_name)
        if _usable(stripped):
            return Title(stripped, None, source)
    return None


_BREADCRUMB = re.compile(r"\s+[»›>]\s+")


def _after_breadcrumb(text: str) -> str:
    """"Tin tức nhà trường » Trường … tổ chức hội nghị" → the headline after the trail, when the
    heading leads with its section's path (short steps, a headline-long last part)."""
    parts = _BREADCRUMB.split(text)
    if len(parts) > 1 and len(_words(parts[-1])) >= 5 and all(
        len(_words(part)) <= 5 for part in parts[:-1]
    ):
        return parts[-1]
    return text


def _heading_candidates(
    layout: Layout,
    tree: HtmlElement,
    url: str,
    acceptable: Callable[[HtmlElement], bool],
) -> list[HtmlElement]:
    """Title-like headings (by class) above the paragraphs, in the part of the page around them,
    in document order: up to the first paragraph of the main block (a title may sit inside it,
    as on ASP.NET pages that put title, date and body spans in one panel)."""
    main = layout.main_block
    region = main if main is not None else tree
    for _ in range(_REGION_LEVELS):
        parent = region.getparent()
        region = parent if parent is not None else region
    prose = layout.prose_in

    def is_paragraph(element: HtmlElement) -> bool:
        return bool(prose.get(element)) and not any(prose.get(child) for child in element)

    # A main block whose own text is the body (title, date and body spans in one panel) is read
    # for the one title that leads it; otherwise up to the block's first paragraph.
    leaf_main = main is not None and is_paragraph(main)
    inside_main = set(main.iterdescendants()) if main is not None else set()
    candidates = []
    for element in region.iter(*_TITLE_TAGS):
        if element is main:
            continue
        in_main = element in inside_main
        if in_main and not leaf_main and is_paragraph(element):
            break
        if (
            _TITLE_CLASS.search(element.get("class", ""))
            and acceptable(element)
            and len(text_of(element)) >= 15
            and not _in_chrome(element)
            and not _links_away(element, url)
            and not is_furniture_label(text_of(element))
        ):
            candidates.append(element)
            if in_main and leaf_main:
                break
    return candidates
