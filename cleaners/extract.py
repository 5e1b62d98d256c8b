"""From one fetched page to one `Article`: `extract(html, url)`. Pure, no I/O.

The page is decoded (`cleaners.decoding`) and parsed once with lxml. On that tree we recognise the
platform (`cleaners.platforms`), read its machine-readable metadata (`cleaners.page_meta`),
measure where its text is (`cleaners.layout`), pick the title (`cleaners.titles`), find the body
(`cleaners.article_body`) and measure teasers for the page-kind decision. Then portal furniture
is removed block by block (`cleaners.noise`), anchored on the title and body so the article
cannot be cut, and the date the page prints is read (`cleaners.published`), its date line taken
out of the text. trafilatura extracts the text from the cleaned tree, or, when the platform's
templates name the lead and body containers, from those containers alone. Kind
(`cleaners.page_kind`), a date from the text if the page printed none, and the byline
(`cleaners.byline`) come last.

Options are one frozen `ExtractOptions`, built once (it builds trafilatura's `Extractor` once).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import islice

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document, Extractor

from cleaners.article import Article
from cleaners.article_body import (
    assemble,
    find_lead,
    gather_lead,
    generic_body,
    keep_captions,
    platform_body,
)
from cleaners.byline import find_byline
from cleaners.decoding import decode_html
from cleaners.dom import (
    ancestors_and_self,
    drop,
    has_vietnamese,
    is_attached,
    label,
    parse_html,
    squash,
    text_of,
)
from cleaners.layout import Layout, measure
from cleaners.layout_tables import unwrap_layout_tables
from cleaners.noise import remove_furniture
from cleaners.page_kind import KindThresholds, decide_kind, read_signals
from cleaners.page_meta import PageMeta, read_page_meta
from cleaners.platforms import detect_platform
from cleaners.published import Published, page_date, text_date, toolbar_date
from cleaners.titles import Title, choose_title
from cleaners.vietnamese import normalize_text

_LINE_BREAKS = re.compile(r"\n+")
# What portals print before an article's own date; such a line is metadata, never report text.
_DATE_LABEL = re.compile(
    r"(ngay dang|ngay dang tin|dang ngay|ngay cap nhat|cap nhat|cap nhat luc|ngay xuat ban"
    r"|thoi gian dang|thoi gian cap nhat|ngay ban hanh tin|posted|published|updated)"
    r"( luc| ngay)?\s?:?\s?\d"
)
_ACCENTED = re.compile("[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]")


@dataclass(frozen=True)
class ExtractOptions:
    """How `extract` works; build once and pass it down (like trafilatura's `Extractor`)."""

    min_article_chars: int = 150  # less text than this: kind "empty"
    min_body_chars: int = 400  # a page of teasers needs a prose body this long to be an article
    listing_min_teasers: int = 6  # this many teaser links without a body: kind "listing"
    include_tables: bool = True
    keep_captions: bool = True  # figure captions inside the body (Vietnamese pages)
    # trafilatura's precision mode on the whole cleaned page: its stricter link-density and
    # trailing-heading cuts remove the related-story lines and promos our furniture rules do not
    # know (measured: general F1 0.964 -> 0.971, the Vietnamese set unchanged). A platform's own
    # body containers hold the article only, so they are read in balanced mode whatever this says:
    # there the cuts could only lose text (a paragraph that is one link to an attached document).
    favor_precision: bool = True
    fast: bool = False  # trafilatura without its readability/jusText fallbacks
    # True rewrites Vietnamese text to one tone-mark convention ("Ủy" → "Uỷ", "khỏe" → "khoẻ").
    # Off by default: users quote and cite reports as published; hashing and search fold the
    # conventions on their own (cleaners.fingerprint, cleaners.vietnamese.fold).
    unify_tone_marks: bool = False
    use_htmldate: bool = True  # htmldate as the last resort for the date
    htmldate_extensive: bool = False  # htmldate's free-text search (slower, less precise)
    trafilatura: Extractor = field(init=False, repr=False, compare=False)  # the whole page
    # Balanced mode: platform body containers, and the page when precision mode finds nothing.
    trafilatura_containers: Extractor = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "trafilatura", self._extractor(self.favor_precision))
        object.__setattr__(self, "trafilatura_containers", self._extractor(precision=False))

    def _extractor(self, precision: bool) -> Extractor:
        return Extractor(
            output_format="python",
            fast=self.fast,
            precision=precision,
            comments=False,
            tables=self.include_tables,
        )

    @property
    def kind_thresholds(self) -> KindThresholds:
        return KindThresholds(
            min_article_chars=self.min_article_chars,
            min_body_chars=self.min_body_chars,
            listing_min_teasers=self.listing_min_teasers,
        )


DEFAULT_OPTIONS = ExtractOptions()


def _is_vietnamese(tree: HtmlElement, meta: PageMeta, main: HtmlElement | None) -> bool:
    """The page is in Vietnamese: its lang attribute says so, or its title is written in it, or
    its main block of prose is (old portals declare no language and title their pages without
    diacritics: "So Giao duc va Dao tao")."""
    if tree.get("lang", "").lower().startswith("vi"):
        return True
    title = f"{meta.title_tag} {meta.og_title} {meta.site_name}"
    if has_vietnamese(unicodedata.normalize("NFC", title)):
        return True
    if main is None:
        return False
    prose = squash(" ".join(islice(main.itertext(), 40)))[:600]
    return has_vietnamese(unicodedata.normalize("NFC", prose), at_least=12)


def _gather_article(
    tree: HtmlElement,
    body: HtmlElement | None,
    layout: Layout,
    title: Title | None,
    options: ExtractOptions,
) -> None:
    """On a Vietnamese page without platform templates: the lead back in front of the body,
    and the body's figure captions kept."""
    container = body if body is not None else layout.main_block
    if container is None or not is_attached(container, tree):
        return
    lead = find_lead(container, layout, title.element if title else None)
    parts = _split_parts(container, lead, layout)
    if lead is not None:
        gather_lead(lead, parts[0])
    if options.keep_captions:
        for part in parts:
            keep_captions(part)


def _split_parts(
    body: HtmlElement, lead: HtmlElement | None, layout: Layout
) -> list[HtmlElement]:
    """The body, after the earlier parts of a body split in sibling containers
    ("detail-content-1", a share bar, "detail-content-2") that come after the lead: the lead
    goes to the first of them, and captions are kept in all."""
    parts = [body]
    holding_lead = {lead, *lead.iterancestors()} if lead is not None else set()
    for sibling in body.itersiblings(preceding=True):
        if sibling in holding_lead:
            break
        if layout.prose_in.get(sibling):
            parts.insert(0, sibling)
    return parts


def _is_metadata_line(
    published: Published, holders: set[HtmlElement], body: HtmlElement | None
) -> bool:
    """A printed date line outside the article's body (a notice's own date line, or a date
    inside the body, is the document's text and stays). `holders` hold the article."""
    element = published.element
    if element is None or published.source == "notice":
        return False
    if _DATE_LABEL.match(label(text_of(element))) and len(element) <= 2:
        return True  # "Ngày đăng: 03/11/2023 14:25": labelled metadata, wherever it is printed
    if element in holders:
        return False
    return body is None or not any(a is body for a in element.iterancestors())


def _without_code(tree: HtmlElement) -> None:
    """Drop scripts and style sheets (JSON-LD excepted, trafilatura's fallback reads it): they
    are never text, trafilatura would drop them too, after copying them twice."""
    for element in list(tree.iter("script", "style")):
        if element.get("type") != "application/ld+json":
            drop(element)


def _trafilatura_text(tree: HtmlElement, extractor: Extractor) -> str:
    document = bare_extraction(tree, options=extractor)
    if not isinstance(document, Document) or not document.text:
        return ""
    return str(document.text)


def _page_text(tree: HtmlElement, options: ExtractOptions) -> str:
    """trafilatura's text of the whole cleaned page. Precision mode gives up on some short pages
    (one paragraph that is a link, such as an attached document, fails its link-density test and
    its rescue passes are off in that mode); then the balanced reading is better than nothing."""
    text = _trafilatura_text(tree, options.trafilatura)
    if not text and options.favor_precision:
        text = _trafilatura_text(tree, options.trafilatura_containers)
    return text


def _tidy(text: str, respell: bool, repeated_title: str = "") -> str:
    """NFC text, one paragraph per line of trafilatura's output, blank lines between; the title
    is dropped when the page's body repeats it as its first line.

    `respell`: `normalize_text` (one tone-mark convention), for Vietnamese text only: on other
    languages its rules would respell words such as Portuguese "aí". Otherwise NFC.
    """
    lines = [squash(line) for line in _LINE_BREAKS.split(text)]
    lines = [line for line in lines if line]
    if lines and repeated_title and _repeats_title(lines[0], repeated_title):
        lines = lines[1:]
    # Only lines with accented letters can change (the rest are already whitespace-tidy).
    normalize = normalize_text if respell else _nfc
    return "\n\n".join(normalize(line) if _ACCENTED.search(line) else line for line in lines)


def _repeats_title(line: str, title: str) -> bool:
    """The line is the title, or the title behind its section's trail ("Tin tức » title")."""
    folded, folded_title = label(line), label(title)
    return folded == folded_title or (
        folded.endswith(folded_title) and len(folded) - len(folded_title) <= 60
    )


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def extract(html: str | bytes, url: str, options: ExtractOptions = DEFAULT_OPTIONS) -> Article:
    """Read one page: its article text, title, date, byline, platform and kind (with a reason)."""
    source = decode_html(html)
    tree = parse_html(source) if source.strip() else None
    if tree is None:
        return Article(url=url, kind="empty", reason="no HTML to read")

    # What the page is, as fetched.
    platform = detect_platform(tree)
    meta = read_page_meta(tree)
    layout = measure(tree)
    title = choose_title(tree, url, platform, layout, meta)
    title_element = title.element if title else None
    body_parts = platform_body(tree, platform, layout)
    body = body_parts[-1] if body_parts else generic_body(layout)
    signals = read_signals(tree, layout, meta, url=url, body=body, platform_body=bool(body_parts))
    vietnamese = _is_vietnamese(tree, meta, layout.main_block)

    # Furniture out, then the printed date (sidebars are gone) and its line out of the text.
    candidates = (title_element, body, layout.main_block, *body_parts)
    anchors = [element for element in candidates if element is not None]
    removed = remove_furniture(tree, layout, anchors, platform, read_labels=vietnamese)
    published = page_date(tree, platform=platform, meta=meta, title=title_element, body=body)
    if published is None:
        # The date printed on the article's own toolbar line ("Ngày xuất bản: 12/09/2023 |
        # Cỡ chữ A A A | Lượt xem"), which went out with the toolbar.
        published = toolbar_date(
            r.text for r in removed
            if r.kind == "tools" or (r.kind == "counter" and _DATE_LABEL.match(label(r.text)))
        )  # a view count ("Ngày đăng: 15/3/2024 | Lượt xem: 731") takes its line along too
    if published and published.element is not None:
        holders = {a for anchor in anchors for a in ancestors_and_self(anchor)}
        if _is_metadata_line(published, holders, body if body is not None else layout.main_block):
            drop(published.element)  # "Cập nhật: 12/03/2024" is the page's metadata, not its text

    # The text.
    respell = vietnamese and options.unify_tone_marks
    title_text = unicodedata.normalize("NFC", title.text) if title else ""
    text = ""
    if body_parts:
        # The containers hold the article only; a first line equal to the title is a caption.
        assembled = assemble(body_parts, options.keep_captions)
        text = _tidy(_trafilatura_text(assembled, options.trafilatura_containers), respell)
    if not text:  # no platform body, or its templates changed under us: the whole cleaned page
        if vietnamese:
            _gather_article(tree, body, layout, title, options)
        unwrap_layout_tables(tree, [a for a in anchors if is_attached(a, tree)], layout)
        _without_code(tree)
        text = _tidy(_page_text(tree, options), respell, title_text)

    thresholds = options.kind_thresholds
    kind, reason = decide_kind(signals.with_text(text, thresholds), thresholds)
    published = published or text_date(
        tree,
        url=url,
        title=title_element,
        body=body,
        text=text,
        use_htmldate=options.use_htmldate and kind == "article",
        htmldate_extensive=options.htmldate_extensive,
    )
    byline = find_byline(tree, platform, meta, text, body)
    return Article(
        url=url,
        kind=kind,
        reason=reason,
        title=title_text,
        text=text,
        published=published.value if published else None,
        byline=unicodedata.normalize("NFC", byline) if byline else None,
        platform=platform.name,
        date_source=published.source if published else None,
    )
