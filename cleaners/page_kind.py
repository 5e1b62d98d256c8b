"""Is a page one article, a listing (homepage, category, tag, search results) or empty?

Decided from generic structure, never from a site's URL patterns:
- teasers: headline links repeated in sibling blocks (list items, cards, table rows), how many
  carry a date, and how much text they hold;
- the article body: the largest run of prose paragraphs in one container that is not itself a
  run of teasers, or the platform's body container;
- what the page declares: og:type / schema.org Article versus CollectionPage/SearchResultsPage;
- pagination links (rel="next"/"prev").
A listing can carry plenty of text (teaser leads, an introduction box); what makes it a listing
is that teasers outweigh any single body of prose.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.etree import XPath
from lxml.html import HtmlElement

from cleaners.article import PageKind
from cleaners.dates import parse_date
from cleaners.dom import text_of
from cleaners.layout import Layout
from cleaners.page_meta import ARTICLE_TYPES, LISTING_TYPES, PageMeta

_HEADLINE_MIN_CHARS = 25  # a teaser's headline link; menu items and "Xem thêm" are shorter
_HEADLINE_MIN_WORDS = 4
_ITEM_MAX_CHARS = 700  # a teaser (headline, date, lead); more is a section, not an item
_ITEM_TAGS = frozenset({"li", "article", "tr", "dd", "dt"})
_GROUP_TAGS = frozenset({"div", "section", "h2", "h3", "h4", "h5", "p", "span"})
_PAGER = XPath("//a[@rel='next' or @rel='prev']|//link[@rel='next' or @rel='prev']")
_NOT_A_PAGE = ("#", "javascript:", "mailto:", "tel:")


@dataclass(frozen=True)
class PageSignals:
    """What the page-kind decision looks at; see `read_signals`."""

    text_chars: int = 0  # characters of extracted article text
    sentence_chars: int = 0  # characters of that text in sentence-long lines
    body_chars: int = 0  # prose in the article body, 0 when that body is a run of teasers
    teasers: int = 0
    dated_teasers: int = 0
    teaser_chars: int = 0
    pagination: bool = False
    declared_article: bool = False  # og:type=article or a schema.org Article type
    declared_listing: str = ""  # the schema.org collection type the page declares, if any
    platform_body: bool = False  # the platform's article body container is on the page


@dataclass(frozen=True)
class KindThresholds:
    """Limits of the decision (from ExtractOptions)."""

    min_article_chars: int = 150
    min_body_chars: int = 400
    listing_min_teasers: int = 6


def _teaser_item(
    link: HtmlElement, layout: Layout, runs: dict[tuple[HtmlElement, str], int]
) -> HtmlElement | None:
    """The repeated block a headline link belongs to, or None if it stands alone.

    `runs` caches how many children of a tag a container has.
    """
    node = link
    for _ in range(5):
        parent = node.getparent()
        if parent is None or layout.text_len.get(parent, 0) > _ITEM_MAX_CHARS:
            return None
        node = parent
        if node.tag in _ITEM_TAGS:
            return node
        container = node.getparent()
        if node.tag in _GROUP_TAGS and container is not None:
            key = (container, node.tag)
            if key not in runs:
                runs[key] = sum(1 for sibling in container if sibling.tag == node.tag)
            if runs[key] >= 3:
                return node
    return None


def _within(element: HtmlElement, container: HtmlElement) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())


def read_signals(
    tree: HtmlElement,
    layout: Layout,
    meta: PageMeta,
    *,
    text_chars: int,
    body: HtmlElement | None,
    platform_body: bool,
) -> PageSignals:
    """Measure the signals on the page as fetched (before furniture removal).

    `body` is the article body container if one is known (platform or main prose block).
    """
    items: dict[HtmlElement, bool] = {}
    runs: dict[tuple[HtmlElement, str], int] = {}
    text_len = layout.text_len
    for link in tree.iter("a"):
        if text_len.get(link, 0) < _HEADLINE_MIN_CHARS:
            continue
        href = link.get("href", "").strip()
        if not href or href.startswith(_NOT_A_PAGE):
            continue
        if len(text_of(link).split()) < _HEADLINE_MIN_WORDS:
            continue
        item = _teaser_item(link, layout, runs)
        if item is not None and item not in items:
            items[item] = parse_date(text_of(item)) is not None
    teaser_chars = sum(layout.text_len.get(item, 0) for item in items)

    body = body if body is not None else layout.main_block
    body_chars = 0
    if body is not None:
        inside = [item for item in items if _within(item, body)]
        # Teaser leads inside the body container are not the article's prose.
        body_chars = layout.prose_in.get(body, 0) - sum(layout.prose_in.get(i, 0) for i in inside)
        direct = sum(1 for item in inside if item.getparent() is body)
        if not platform_body and direct >= 5 and 2 * direct >= layout.paragraph_count.get(body, 0):
            body_chars = 0  # headline, lead, headline, lead…: a listing written flat

    declared_listing = next(iter(sorted(meta.schema_types & LISTING_TYPES)), "")
    return PageSignals(
        text_chars=text_chars,
        body_chars=body_chars,
        teasers=len(items),
        dated_teasers=sum(items.values()),
        teaser_chars=teaser_chars,
        pagination=bool(_PAGER(tree)),
        declared_article=meta.og_type == "article" or bool(meta.schema_types & ARTICLE_TYPES),
        declared_listing=declared_listing,
        platform_body=platform_body,
    )


_SENTENCE_MIN_WORDS = 10


def sentence_chars(text: str) -> int:
    """Characters of `text` in lines long enough to be sentences (menus and labels are not)."""
    return sum(len(line) for line in text.split("\n") if len(line.split()) >= _SENTENCE_MIN_WORDS)


def _teasers_phrase(signals: PageSignals) -> str:
    phrase = f"{signals.teasers} teaser links"
    if signals.dated_teasers:
        phrase += f" ({signals.dated_teasers} with dates)"
    return phrase


def decide_kind(signals: PageSignals, limits: KindThresholds) -> tuple[PageKind, str]:
    """("article" | "listing" | "empty", the reason in words a user can read)."""
    many_teasers = signals.teasers >= limits.listing_min_teasers
    if signals.platform_body and signals.text_chars >= limits.min_article_chars:
        return "article", f"article body of {signals.text_chars} characters"
    if signals.declared_listing and signals.teasers >= 3 and not signals.declared_article:
        return "listing", f"schema.org {signals.declared_listing} with {_teasers_phrase(signals)}"
    if many_teasers:
        if signals.body_chars < limits.min_body_chars:
            pager = ", pagination" if signals.pagination else ""
            return "listing", f"{_teasers_phrase(signals)}{pager}, no article body"
        if signals.body_chars * 3 < signals.teaser_chars and not signals.declared_article:
            return "listing", (
                f"{_teasers_phrase(signals)} with {signals.teaser_chars} characters outweigh "
                f"the largest text block ({signals.body_chars} characters)"
            )
    if signals.text_chars == 0:
        return "empty", "no text left after removing page furniture"
    if signals.text_chars < limits.min_article_chars:
        return "empty", f"only {signals.text_chars} characters of text"
    if (
        not signals.platform_body
        and signals.body_chars < limits.min_article_chars
        and signals.sentence_chars < limits.min_article_chars
    ):
        return "empty", (
            f"no article body: {signals.text_chars} characters of menus and labels, "
            f"{signals.sentence_chars} in sentences"
        )
    return "article", f"article body of {signals.text_chars} characters"
