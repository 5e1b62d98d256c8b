"""Is a page one article, a listing (homepage, category, tag, search results) or empty?

Decided from generic structure, never from a site's URL patterns:
- teasers: blocks led by a headline link to another page (list items, cards, table rows,
  repeated blocks), how many carry a date and how much text they hold;
- the article body: the largest run of prose paragraphs in one container, less the teaser leads
  in it, or the platform's body container;
- whether the extracted text is nothing but teaser leads (a tag page with one result);
- what the page declares: og:type / schema.org Article versus CollectionPage/SearchResultsPage;
- pagination links (rel="next"/"prev").
A listing can carry plenty of text (teaser leads, an introduction box); what makes it a listing
is that teasers outweigh any single body of prose.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

from cleaners.article import PageKind
from cleaners.dates import parse_date
from cleaners.dom import label, text_of
from cleaners.layout import PROSE_MIN_CHARS, Layout
from cleaners.page_meta import ARTICLE_TYPES, LISTING_TYPES, PageMeta

_HEADLINE_MIN_CHARS = 25  # a teaser's headline link; menu items and "Xem thêm" are shorter
_HEADLINE_MIN_WORDS = 4
_ITEM_MAX_CHARS = 700  # a teaser (headline, date, lead); more is a section, not an item
_ITEM_LEVELS = 5
_ITEM_TAGS = frozenset({"li", "article", "tr", "dd", "dt"})
_GROUP_TAGS = frozenset({"div", "section", "h2", "h3", "h4", "h5", "p", "span"})
_PAGER = XPath("//a[@rel='next' or @rel='prev']|//link[@rel='next' or @rel='prev']")
_NOT_A_PAGE = ("#", "javascript:", "mailto:", "tel:")
_SENTENCE_MIN_WORDS = 10
_TEASER_TEXT_SHARE = 0.6  # this much of the text found in teasers: the text is their leads
_WORD = re.compile(r"\w+")
_DATE_LINE_CHARS = 40
_LETTER = re.compile(r"[^\W\d_]")
_KICKER_CHARS = 30  # "Giáo dục - Đào tạo" above a headline


@dataclass(frozen=True)
class PageSignals:
    """What the page-kind decision looks at; see `read_signals` and `with_text`."""

    text_chars: int = 0  # characters of extracted article text
    sentence_chars: int = 0  # characters of that text in sentence-long lines
    teaser_text_share: float = 0.0  # share of that text that is teaser text
    body_chars: int = 0  # prose in the article body, 0 when that body is a run of teasers
    teasers: int = 0
    dated_teasers: int = 0
    teaser_chars: int = 0
    pagination: bool = False
    declared_article: bool = False  # og:type=article or a schema.org Article type
    declared_listing: str = ""  # the schema.org collection type the page declares, if any
    platform_body: bool = False  # the platform's article body container is on the page
    # the teasers' text (a listing's extracted text is made of them)
    teaser_texts: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def with_text(self, text: str, limits: KindThresholds | None = None) -> PageSignals:
        """These signals completed with the extracted article text's measures.

        The teaser share is measured only where `decide_kind` under `limits` reads it (teasers
        and a short body): it compares word trigrams, the costliest measure, and most pages
        have a body.
        """
        lines = [line for line in text.split("\n") if line.strip()]
        body_floor = (limits or KindThresholds()).min_body_chars
        shared = 0.0
        if self.teaser_texts and self.body_chars < body_floor:
            trigrams = _trigrams(text)
            teaser_trigrams = frozenset().union(*(_trigrams(t) for t in self.teaser_texts))
            shared = len(trigrams & teaser_trigrams) / len(trigrams) if trigrams else 0.0
        return dataclasses.replace(
            self,
            text_chars=len(text),
            sentence_chars=sum(len(ln) for ln in lines if len(ln.split()) >= _SENTENCE_MIN_WORDS),
            teaser_text_share=shared,
        )


def _trigrams(text: str) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(label(text))
    return frozenset(zip(words, words[1:], words[2:], strict=False))


@dataclass(frozen=True)
class KindThresholds:
    """Limits of the decision (from ExtractOptions)."""

    min_article_chars: int = 150
    min_body_chars: int = 400
    listing_min_teasers: int = 6


def _page_key(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    return parts.netloc.lower(), parts.path.rstrip("/"), parts.query


def _target_key(href: str, url: str, page: tuple[str, str, str]) -> tuple[str, str, str]:
    """`_page_key` of the page a link points to (absolute URLs and site-absolute paths split
    by hand: urljoin costs more than the rest of the teaser scan)."""
    href = href.partition("#")[0]
    if href.startswith(("http://", "https://")):
        netloc, _, rest = href.partition("://")[2].partition("/")
        path, _, query = f"/{rest}".partition("?")
        return netloc.lower(), path.rstrip("/"), query
    if href.startswith("/") and not href.startswith("//"):
        path, _, query = href.partition("?")
        return page[0], path.rstrip("/"), query
    return _page_key(urljoin(url, href))


def _teaser_item(
    link: HtmlElement, layout: Layout, runs: dict[tuple[HtmlElement, str], int]
) -> HtmlElement | None:
    """The block a headline link leads (a list item, a row, a repeated block, a block whose
    text starts with it), or None if the link stands in running text.

    A headline ends its line, and nothing but a number, a date, an icon or a short kicker (its
    category) comes before it in its block: "<li>12/03 <a>…</a> (5 lượt xem)</li>" is a teaser,
    "<p>… theo <a>Quyết định số 12</a> của UBND …</p>" is a sentence. `runs` caches how many
    children of a tag a container has.
    """
    if _LETTER.search(link.tail or ""):
        return None
    text_len = layout.text_len
    node, led = link, None
    before: list[str | HtmlElement] = []  # what precedes the headline in the current block
    before_chars = 0
    for _ in range(_ITEM_LEVELS):
        parent = node.getparent()
        if parent is None or text_len.get(parent, 0) > _ITEM_MAX_CHARS:
            break
        if parent.text and not parent.text.isspace():
            before.append(parent.text)
            before_chars += len(parent.text.strip())
        for sibling in parent:
            if sibling is node:
                break
            if text_len.get(sibling):
                before.append(sibling)
                before_chars += text_len[sibling]
            if sibling.tail and not sibling.tail.isspace():
                before.append(sibling.tail)
                before_chars += len(sibling.tail.strip())
        node = parent
        if before_chars > _KICKER_CHARS and _has_letters(before):
            return led  # a sentence before the headline: `node` is not its teaser
        if node.tag in _ITEM_TAGS:
            return node
        container = node.getparent()
        if node.tag in _GROUP_TAGS and container is not None:
            key = (container, node.tag)
            if key not in runs:
                runs[key] = sum(1 for sibling in container if sibling.tag == node.tag)
            if runs[key] >= 3:
                return node
        led = node
    return led


def _has_letters(pieces: list[str | HtmlElement]) -> bool:
    return any(
        _LETTER.search(piece if isinstance(piece, str) else text_of(piece)) for piece in pieces
    )


def _written_flat(body: HtmlElement, items: set[HtmlElement], layout: Layout) -> bool:
    """True if most of the body's paragraphs are leads, each right after its headline."""
    paragraphs = leads = 0
    after_headline = False
    for child in body:
        if child in items:
            after_headline = True
            continue
        if layout.prose_in.get(child, 0) >= PROSE_MIN_CHARS:
            paragraphs += 1
            leads += after_headline
            after_headline = False
        elif layout.text_len.get(child, 0) > _DATE_LINE_CHARS:
            after_headline = False  # a date or a "views" line may sit between the two
    return leads >= 5 and 2 * leads >= paragraphs


def _within(element: HtmlElement, container: HtmlElement) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())


def read_signals(
    tree: HtmlElement,
    layout: Layout,
    meta: PageMeta,
    *,
    url: str,
    body: HtmlElement | None,
    platform_body: bool,
) -> PageSignals:
    """Measure the page as fetched (before furniture removal); `with_text` adds the text's.

    `body` is the article body container if one is known (platform or main prose block).
    """
    items: dict[HtmlElement, str] = {}  # teaser → its text
    runs: dict[tuple[HtmlElement, str], int] = {}
    text_len = layout.text_len
    page = _page_key(url)
    for link in tree.iter("a"):
        if text_len.get(link, 0) < _HEADLINE_MIN_CHARS:
            continue
        href = link.get("href", "").strip()
        if not href or href.startswith(_NOT_A_PAGE):
            continue
        if len(text_of(link).split()) < _HEADLINE_MIN_WORDS:
            continue
        item = _teaser_item(link, layout, runs)
        # (a headline linking to the page itself is the article's own title)
        if item is not None and item not in items and _target_key(href, url, page) != page:
            items[item] = text_of(item)
    teaser_chars = sum(text_len.get(item, 0) for item in items)

    body = body if body is not None else layout.main_block
    body_chars = 0
    if body is not None:
        inside = [item for item in items if _within(item, body)]
        if any(_within(body, item) for item in items):
            inside = []  # the "body" is a teaser's lead
        else:
            # Teaser leads inside the body container are not the article's prose.
            body_chars = layout.prose_in.get(body, 0)
            body_chars -= sum(layout.prose_in.get(item, 0) for item in inside)
        if not platform_body and _written_flat(body, set(inside), layout):
            body_chars = 0  # headline, lead, headline, lead…: a listing written flat

    return PageSignals(
        body_chars=max(body_chars, 0),
        teasers=len(items),
        dated_teasers=sum(1 for text in items.values() if parse_date(text) is not None),
        teaser_chars=teaser_chars,
        pagination=bool(_PAGER(tree)),
        declared_article=meta.og_type == "article" or bool(meta.schema_types & ARTICLE_TYPES),
        declared_listing=next(iter(sorted(meta.schema_types & LISTING_TYPES)), ""),
        platform_body=platform_body,
        teaser_texts=tuple(items.values()),
    )


def _teasers_phrase(signals: PageSignals) -> str:
    phrase = f"{signals.teasers} teaser link{'s' if signals.teasers != 1 else ''}"
    if signals.dated_teasers:
        phrase += f" ({signals.dated_teasers} with dates)"
    return phrase


def decide_kind(signals: PageSignals, limits: KindThresholds) -> tuple[PageKind, str]:
    """("article" | "listing" | "empty", the reason in words a user can read)."""
    if signals.platform_body and signals.text_chars >= limits.min_article_chars:
        return "article", f"article body of {signals.text_chars} characters"
    if signals.declared_listing and signals.teasers >= 3 and not signals.declared_article:
        return "listing", f"schema.org {signals.declared_listing} with {_teasers_phrase(signals)}"
    # An article page may carry many teasers around a short body; its own markup says so.
    body_floor = limits.min_article_chars if signals.declared_article else limits.min_body_chars
    if signals.teasers >= limits.listing_min_teasers:
        if signals.body_chars < body_floor:
            pager = ", pagination" if signals.pagination else ""
            return "listing", f"{_teasers_phrase(signals)}{pager}, no article body"
        if signals.body_chars * 3 < signals.teaser_chars and not signals.declared_article:
            return "listing", (
                f"{_teasers_phrase(signals)} with {signals.teaser_chars} characters outweigh "
                f"the largest text block ({signals.body_chars} characters)"
            )
    if (
        signals.teasers
        and signals.teaser_text_share >= _TEASER_TEXT_SHARE
        and signals.body_chars < limits.min_body_chars
    ):
        return "listing", f"the text is the leads of {_teasers_phrase(signals)}, no article body"
    if signals.text_chars == 0:
        return "empty", "no text left after removing page furniture"
    if signals.text_chars < limits.min_article_chars:
        plural = "s" if signals.text_chars != 1 else ""
        return "empty", f"only {signals.text_chars} character{plural} of text"
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
