"""How a page's text is laid out: text, link text and prose per element, and the main prose block.

Measured once, bottom-up, in one walk over the tree, so that the noise rules, the title choice and
the page-kind decision can ask "how much text is in here, how much of it is links, is this where
the article's paragraphs are" without re-reading subtrees. Lengths count visible characters with
the whitespace around text pieces trimmed (indentation would otherwise dominate small blocks).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.etree import Element
from lxml.html import HtmlElement

from cleaners.dom import INLINE_TAGS

# A block with this many characters of its own non-link text is a paragraph of prose. Teaser
# titles, menu items and counter rows stay well below it; report paragraphs rarely do.
PROSE_MIN_CHARS = 80
SHORT_BLOCK_CHARS = 120  # labels, headings and widget lines are shorter
_SILENT = frozenset(["script", "style", "noscript", "template", "head", "title", "select"])
_INLINE_TEXT = INLINE_TAGS - {"a"}


@dataclass
class Layout:
    """Per-element measures of one page (a snapshot: removals do not update it)."""

    elements: list[HtmlElement]
    text_len: dict[HtmlElement, int] = field(default_factory=dict)
    link_len: dict[HtmlElement, int] = field(default_factory=dict)
    prose_in: dict[HtmlElement, int] = field(default_factory=dict)  # prose within the subtree
    total_prose: int = 0
    main_block: HtmlElement | None = None  # the element holding the largest run of paragraphs
    main_score: int = 0
    paragraph_count: dict[HtmlElement, int] = field(default_factory=dict)  # prose children
    # Elements whose whole text is short (a label, a heading, a widget line) and whose parent
    # holds more text than they do: the outermost element for that text.
    short_blocks: list[HtmlElement] = field(default_factory=list)

    def link_density(self, element: HtmlElement) -> float:
        total = self.text_len.get(element, 0)
        return self.link_len.get(element, 0) / total if total else 0.0


def measure(tree: HtmlElement) -> Layout:
    """Measure every element of `tree`."""
    elements = list(tree.iter(Element))
    layout = Layout(elements)
    text_len, link_len, prose_in = layout.text_len, layout.link_len, layout.prose_in
    short_blocks, paragraph_count = layout.short_blocks, layout.paragraph_count
    paragraphs: dict[HtmlElement, int] = {}  # prose of an element's child paragraphs (+ its own)
    for element in reversed(elements):  # children before their parents
        tag = element.tag
        if tag in _SILENT:
            continue
        text = element.text
        length = len(text.strip()) if text else 0
        own = length
        links = prose = 0
        short = None
        for child in element if len(element) else ():
            tail = child.tail
            if tail:
                tail_len = len(tail.strip())
                length += tail_len
                own += tail_len
            child_len = text_len.get(child)
            if child_len:
                length += child_len
                child_links = link_len.get(child, 0)
                links += child_links
                if child.tag in _INLINE_TEXT:
                    own += child_len - child_links
                prose += prose_in.get(child, 0)
                if child_len <= SHORT_BLOCK_CHARS:
                    if short is None:
                        short = [child]
                    else:
                        short.append(child)
        if short:
            short_blocks.extend(child for child in short if text_len[child] < length)
        if length:
            text_len[element] = length
            if tag == "a":
                links = length
        if links:
            link_len[element] = links
        if own >= PROSE_MIN_CHARS and tag not in INLINE_TAGS:
            prose += own
            paragraphs[element] = paragraphs.get(element, 0) + own
            parent = element.getparent()
            if parent is not None:
                paragraphs[parent] = paragraphs.get(parent, 0) + own
                paragraph_count[parent] = paragraph_count.get(parent, 0) + 1
        if prose:
            prose_in[element] = prose
    layout.total_prose = prose_in.get(tree, 0)
    if paragraphs:
        layout.main_block, layout.main_score = max(paragraphs.items(), key=lambda item: item[1])
    return layout
