"""Small helpers over lxml HTML trees shared by the cleaners: parsing, element text, labels."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lxml.etree import ElementDefaultClassLookup
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)
from trafilatura.utils import repair_faulty_html

# Elements that sit inside a line of text rather than making one.
INLINE_TAGS = frozenset(
    ["a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "em", "font", "i", "img", "kbd"]
    + ["label", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var"]
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Punctuation and decoration around a block label: "Thống kê truy cập:", "» Tin mới nhất",
# "TIN LIÊN QUAN ...", "Tin mới nhất »", "• Hôm nay".
_LABEL_EDGES = " \t\n\r\f\v\u00a0:;,.!?…»«›‹><-–—|/\\*•·+=~_()[]{}\"'“”‘’°#"
# Combining diacritics dropped, đ read as d: the same folding as cleaners.vietnamese.fold, done
# with C-level str methods because labels are compared for thousands of elements per page.
_UNMARK = {**dict.fromkeys(range(0x300, 0x370)), ord("đ"): "d", ord("Đ"): "d", 0xD0: "d"}


# Letters only Vietnamese writes (among Latin scripts): ă, đ, ơ, ư and the dot-below/hook vowels.
_VIETNAMESE_LETTERS = re.compile(
    "[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE
)


def has_vietnamese(text: str, at_least: int = 3) -> bool:
    """True if `text` (NFC) holds at least `at_least` letters only Vietnamese uses."""
    for found, _ in enumerate(_VIETNAMESE_LETTERS.finditer(text), start=1):
        if found >= at_least:
            return True
    return False


def _parser() -> HTMLParser:
    """trafilatura's parser settings (comments and processing instructions dropped), with one
    element class looked up in C. lxml.html's own lookup runs Python code for every element
    handed to Python, to give forms, inputs and labels classes we never use: the pipeline
    touches each element many times, and that lookup cost about 5% of extraction time."""
    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    parser.set_element_class_lookup(
        ElementDefaultClassLookup(
            element=HtmlElement,
            comment=HtmlComment,
            pi=HtmlProcessingInstruction,
            entity=HtmlEntity,
        )
    )
    return parser


_PARSER = _parser()


def _fromstring(markup: str | bytes) -> HtmlElement | None:
    try:
        tree = fromstring(markup, parser=_PARSER)
    except Exception:  # noqa: BLE001 - ValueError, ParserError...: this form cannot be read
        return None
    return tree if isinstance(tree, HtmlElement) else None


def parse_html(text: str) -> HtmlElement | None:
    """The page's lxml tree, parsed as trafilatura's `load_html` parses a decoded page (same
    repairs, same parser settings), or None when `text` is not HTML."""
    beginning = text[:50].lower()
    text = repair_faulty_html(text, beginning)
    tree = _fromstring(text)
    if tree is None or len(tree) < 1:
        # lxml refuses a str with an XML declaration naming an encoding, and reads a few
        # broken pages only as bytes.
        from_bytes = _fromstring(text.encode("utf-8", "surrogatepass"))
        tree = from_bytes if from_bytes is not None else tree
    if tree is None:
        return None
    # A text that does not even mention "html" near its start and parses to a single block is
    # a fragment or plain text, not a page (trafilatura's own rejection test).
    if "html" not in beginning and len(tree) < 2:
        return None
    return tree


def squash(text: str) -> str:
    """Runs of whitespace collapsed to one space, ends trimmed."""
    return " ".join(text.split())


def text_of(element: HtmlElement) -> str:
    """The element's visible text (its own and its descendants'), whitespace collapsed."""
    return squash(" ".join(element.itertext()))


def fold_fast(text: str) -> str:
    """Lower case without diacritics ("Thống kê" → "thong ke"); lengths may change."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFD", text).translate(_UNMARK).lower()


def label(text: str) -> str:
    """Text as a label to compare: folded (no case, no diacritics), edges' punctuation dropped."""
    return " ".join(fold_fast(text).split()).strip(_LABEL_EDGES)


def ancestors_and_self(element: HtmlElement) -> Iterator[HtmlElement]:
    """The element, its parent, its grandparent... up to the root."""
    node: HtmlElement | None = element
    while node is not None:
        yield node
        node = node.getparent()


def is_attached(element: HtmlElement, tree: HtmlElement) -> bool:
    """True if `element` is still in `tree` (not inside a removed block)."""
    return element.getroottree().getroot() is tree


def drop(element: HtmlElement) -> None:
    """Remove the element and its subtree, keeping the text that follows it in place."""
    if element.getparent() is not None:
        element.drop_tree()
