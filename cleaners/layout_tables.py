"""Tables used for page layout, turned back into blocks before trafilatura reads the page.

Older portals (classic ASP and ASP.NET, DotNetNuke modules, Violet school sites) lay the whole
page out with `<table>`: the menu in one cell, the article in another. trafilatura reads every
table as data, so the cell holding the article comes out as one table row, its paragraphs joined
into a single line with the sidebar cells beside it. A table is layout, not data, when it holds
the article (the title or body we located) or other tables; its rows and cells then become plain
`div`s, so the cell's paragraphs, line breaks and headings read as they do in any other block.
Menus and link lists built as tables become blocks too, so that trafilatura's link-density
tests apply to them as to any list of links. Data tables inside the article (enrolment figures,
exam results) are left as tables.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml.html import HtmlElement

from cleaners.layout import Layout

_TABLE_PARTS = frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"})
# A menu or "other news" list laid out as a table: three rows or more, links nearly all its text.
_LINK_LIST_DENSITY = 0.75
_LINK_LIST_ROWS = 3
_TABLE_ATTRIBUTES = ("cellpadding", "cellspacing", "border", "colspan", "rowspan", "valign")


def layout_tables(
    tree: HtmlElement, anchors: Iterable[HtmlElement], layout: Layout | None = None
) -> list[HtmlElement]:
    """The tables of `tree` that lay the page out: those around an anchor (the article's title
    or body), those holding another table, and (with the page's `layout`) menus and link lists
    built as tables, whose text is nearly all links."""
    found: dict[HtmlElement, None] = {}
    for anchor in anchors:
        for ancestor in anchor.iterancestors("table"):
            found[ancestor] = None
    for table in tree.iter("table"):
        if table in found:
            continue
        if next(table.iterdescendants("table"), None) is not None or (
            layout is not None
            and layout.link_density(table) >= _LINK_LIST_DENSITY
            and len(table.findall(".//tr")) >= _LINK_LIST_ROWS
        ):
            found[table] = None
    return list(found)


def _own_parts(table: HtmlElement) -> list[HtmlElement]:
    """The rows, cells and row groups of `table` itself, not those of tables nested in it."""
    parts: list[HtmlElement] = []
    stack = list(table)
    while stack:
        element = stack.pop()
        if element.tag in _TABLE_PARTS:
            parts.append(element)
            stack.extend(element)
    return parts


def unwrap_layout_tables(
    tree: HtmlElement, anchors: Iterable[HtmlElement], layout: Layout | None = None
) -> int:
    """Turn the layout tables of `tree` (see `layout_tables`) into `div`s, in place; returns how
    many tables were turned."""
    tables = layout_tables(tree, anchors, layout)
    for table in tables:
        for element in [table, *_own_parts(table)]:
            element.tag = "div"
            for name in _TABLE_ATTRIBUTES:
                element.attrib.pop(name, None)
    return len(tables)
