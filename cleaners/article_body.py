"""Where an article's text is on the page: its body container and its lead.

The body is the platform's container when its templates name one (`platform_body`, copied into a
page of its own by `assemble`), else the innermost container named like a body (itemprop
articleBody, "entry-content", "noidung"…) around the main run of paragraphs (`generic_body`).

Vietnamese portals print the lead (sapo) in its own container before the body ("sapo", "brief",
"hometext", "news-summary"…), and trafilatura, which settles on the body container, drops it.
So the lead is found by its container's name (or itemprop=description) just before the body and
put back in front of the body. Captions of <figure> images, which trafilatura drops with the
image, are kept as paragraphs inside the body.
"""

from __future__ import annotations

import re
from copy import deepcopy
from functools import lru_cache

from lxml.etree import SubElement
from lxml.html import Element, HtmlElement

from cleaners.layout import Layout
from cleaners.platforms import Platform, first_match

# Class/id names of containers holding an article body on many themes (WordPress, Joomla,
# Vietnamese CMSs' "noidung"/"chitiet"); with itemprop=articleBody they anchor noise removal.
_BODY_NAME = re.compile(
    r"(^|[ _-])(entry|post|article|news|detail|content|main)[-_]?(content|body|text|detail)"
    r"([ _-]|$)|bodytext|fulltext|noi-?dung|chi-?tiet",
    re.IGNORECASE,
)
# Class/id names of a lead: "sapo", "brief", "hometext", "news-summary", "chapeau", "tomtat"…
_LEAD_NAME = re.compile(
    r"sapo|brief|hometext|summary|chapeau|standfirst|tom-?tat|(?<![a-z])(lead|intro|excerpt"
    r"|description|mota|mo-ta|abstract|desc)(?![a-z])",
    re.IGNORECASE,
)
_BODY_MIN_PROSE = 200
_BODY_SHARE = 0.8
_PLATFORM_BODY_MIN_CHARS = 80  # less: the article is elsewhere (a PDF viewer, an iframe)
_LEAD_CHARS = (40, 1000)
_LEAD_LEVELS = 3  # the lead sits beside the body or beside one of its nearest ancestors
_BLOCK_TAGS = frozenset(
    ["p", "div", "table", "ul", "ol", "li", "blockquote", "figure", "section", "article", "pre"]
    + ["h1", "h2", "h3", "h4", "h5", "h6", "dl"]
)


def platform_body(tree: HtmlElement, platform: Platform, layout: Layout) -> list[HtmlElement]:
    """The platform's lead and body containers, in page order, if the body holds text."""
    body = first_match(tree, platform.body)
    if body is None or layout.text_len.get(body, 0) < _PLATFORM_BODY_MIN_CHARS:
        return []
    lead = first_match(tree, platform.lead)
    if lead is None or lead is body or _within(body, lead) or _within(lead, body):
        return [body]
    return [lead, body]


def generic_body(layout: Layout) -> HtmlElement | None:
    """The body-like container (by its class, id or itemprop) that holds the article's prose.

    Themes nest them ("news-detail" around title, date, lead and "news-detail-content"): the
    innermost one around the main run of paragraphs is the body proper. Failing that, the
    innermost one that still holds most of the prose named containers hold.
    """
    candidates = {
        element: prose
        for element, prose in layout.prose_in.items()
        if prose >= _BODY_MIN_PROSE
        and (
            element.get("itemprop") == "articleBody"
            or _is_body_name(f"{element.get('class', '')} {element.get('id', '')}")
        )
    }
    if not candidates:
        return None
    main = layout.main_block
    if main is not None:
        for element in (main, *main.iterancestors()):
            if element in candidates:
                return element
    most = max(candidates.values())
    # prose_in is filled children first: the first element holding enough is the innermost.
    return next(element for element, prose in candidates.items() if prose >= _BODY_SHARE * most)


@lru_cache(maxsize=4096)
def _is_body_name(attributes: str) -> bool:
    return bool(_BODY_NAME.search(attributes))


def find_lead(
    body: HtmlElement, layout: Layout, title: HtmlElement | None = None
) -> HtmlElement | None:
    """The lead printed in its own container just before `body` (and after the title, when
    there is one: a site description in the header is not a lead), if there is one."""
    position: dict[HtmlElement, int] = {}
    if title is not None:
        position = {element: i for i, element in enumerate(layout.elements)}
    after = position.get(title, -1) if title is not None else -1
    node = body
    for _ in range(_LEAD_LEVELS):
        for sibling in node.itersiblings(preceding=True):
            for candidate in sibling.iter():
                if position.get(candidate, after + 1) > after and _is_lead(candidate, layout):
                    return candidate
        parent = node.getparent()
        if parent is None:
            return None
        node = parent
    return None


def _is_lead(element: HtmlElement, layout: Layout) -> bool:
    named = element.get("itemprop") == "description" or _LEAD_NAME.search(
        f"{element.get('class', '')} {element.get('id', '')}"
    )
    if not named or element.tag == "meta":
        return False
    return (
        _LEAD_CHARS[0] <= layout.text_len.get(element, 0) <= _LEAD_CHARS[1]
        and layout.link_density(element) < 0.3
    )


def gather_lead(lead: HtmlElement, body: HtmlElement) -> None:
    """Move `lead` to the start of `body` (the text after it stays where it was)."""
    tail, lead.tail = lead.tail, None
    previous, parent = lead.getprevious(), lead.getparent()
    if tail and tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        elif parent is not None:
            parent.text = (parent.text or "") + tail
    if not _has_blocks(lead):
        lead.tag = "p"  # a lead written straight into a <div>: trafilatura may skip it
    body.insert(0, lead)
    lead.tail = body.text
    body.text = None


_CAPTION_MAX_CHARS = 250


def keep_captions(container: HtmlElement) -> None:
    """Turn <figure>/<figcaption> into plain blocks: trafilatura drops figures, and elements
    whose class says "caption", and with them the caption a reader sees under the image. An
    image's own wrapper holding a short line of text ("<div><img><br><i>Đồng chí … phát biểu</i>
    </div>") is that caption too, and becomes a paragraph."""
    for element in container.iter("figure", "figcaption"):
        element.tag = "div" if element.tag == "figure" else "p"
        for name in ("class", "id"):
            element.attrib.pop(name, None)
    for image in list(container.iter("img")):
        wrapper = image.getparent()
        if wrapper is None or wrapper is container or wrapper.tag not in ("div", "span", "center"):
            continue
        caption = " ".join("".join(wrapper.itertext()).split())
        if 0 < len(caption) <= _CAPTION_MAX_CHARS and not _has_blocks(wrapper):
            wrapper.tag = "p"
            for name in ("class", "id"):
                wrapper.attrib.pop(name, None)


def assemble(parts: list[HtmlElement], captions: bool) -> HtmlElement:
    """A new page holding copies of the article's containers (lead first) and nothing else.

    The copies lose their class, id and itemprop: trafilatura, seeing an itemprop=articleBody
    or a "content" class, would settle on the body alone and drop the lead.
    """
    root = Element("html")
    article = SubElement(SubElement(root, "body"), "article")
    for part in parts:
        copy = deepcopy(part)
        copy.tail = None
        for name in ("class", "id", "itemprop"):
            copy.attrib.pop(name, None)
        if not _has_blocks(copy):
            copy.tag = "p"
        article.append(copy)
    _text_divs_as_paragraphs(article)
    if captions:
        keep_captions(article)
    return root


def _text_divs_as_paragraphs(container: HtmlElement) -> None:
    """Divs holding a paragraph's worth of text and no blocks ("<div class='news-sapo'><strong>
    lead</strong></div>") become paragraphs: trafilatura skips text written straight into a div
    when it sits beside real paragraphs."""
    for div in list(container.iter("div")):
        if len("".join(div.itertext()).strip()) >= _LEAD_CHARS[0] and not _has_blocks(div):
            div.tag = "p"


def _has_blocks(element: HtmlElement) -> bool:
    return any(child.tag in _BLOCK_TAGS for child in element.iterdescendants())


def _within(element: HtmlElement, container: HtmlElement) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())
