"""How each portal's rich-text editor writes a story body into HTML.

Portals differ less in their article text than in how their editors wrap it: CKEditor 4
`figure.image` on NukeViet, captions as a centred `<em>` paragraph on Liferay, `table.tplCaption`
on news CMSs, Word's `MsoNormal` spans pasted into SharePoint and old NukeViet, Gutenberg blocks
on WordPress, TinyMCE spans on Joomla, CKEditor 5 figures on VHV, bare `<div>`s on home-grown
CMSs. Each `Editor` renders every block kind of `story.Block` in one of these house styles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from zlib import crc32

from bench.vn_portals.story import Block

ImageUrl = Callable[[int], str]  # photo number (1-based) -> src


def e(text: str) -> str:
    """Text escaped for an HTML text node."""
    return escape(text, quote=False)


def _cell_lines(cell: str, joiner: str) -> str:
    return joiner.join(e(line) for line in cell.split("\n"))


@dataclass(frozen=True)
class Editor:
    paragraph: Callable[[str], str]
    heading: Callable[[str], str]
    center: Callable[[str], str]
    byline: Callable[[str], str]
    photo: Callable[[str, str | None], str]  # (src, caption or None)
    table: Callable[[Sequence[Sequence[str]]], str]
    items: Callable[[Sequence[str]], str]

    def render(self, blocks: Sequence[Block], image_url: ImageUrl) -> str:
        """The body HTML of `blocks`, photos numbered in order from 1."""
        out: list[str] = []
        photo = 0
        for block in blocks:
            if block.kind in ("caption", "image"):
                photo += 1
                out.append(self.photo(image_url(photo), block.text or None))
            elif block.kind == "table":
                out.append(self.table(block.rows))
            elif block.kind == "list":
                out.append(self.items(block.items))
            else:
                out.append(getattr(self, block.kind)(block.text))
        return "\n".join(out)


def _html_table(
    rows: Sequence[Sequence[str]],
    attrs: str,
    header_cell: Callable[[str], str],
    cell: Callable[[str], str],
    thead: bool = False,
) -> str:
    lines = [f"<table {attrs}>"]
    body = rows
    if thead and rows:
        lines.append("<thead><tr>" + "".join(f"<th>{header_cell(c)}</th>" for c in rows[0]))
        lines.append("</tr></thead>")
        body = rows[1:]
    lines.append("<tbody>")
    bold_first_row = not thead and not _is_letterhead(rows)
    for index, row in enumerate(body):
        wrap = header_cell if index == 0 and bold_first_row else cell
        lines.append("<tr>" + "".join(f"<td>{wrap(c)}</td>" for c in row) + "</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _is_letterhead(rows: Sequence[Sequence[str]]) -> bool:
    """A two-column table with line breaks in cells: an official letter's head or signature."""
    return all(len(row) == 2 for row in rows) and any("\n" in c for row in rows for c in row)


# --- CKEditor 4 (NukeViet 4, VPortal) ------------------------------------------------------------

CKEDITOR4 = Editor(
    paragraph=lambda t: f'<p style="text-align: justify;">{e(t)}</p>',
    heading=lambda t: f'<p style="text-align: justify;"><strong>{e(t)}</strong></p>',
    center=lambda t: f'<p style="text-align: center;"><strong>{e(t)}</strong></p>',
    byline=lambda t: f'<p style="text-align: right;"><strong>{e(t)}</strong></p>',
    photo=lambda src, cap: (
        f'<div style="text-align:center"><figure class="image" style="display:inline-block">'
        f'<img alt="" height="533" src="{src}" width="800" /><figcaption>{e(cap)}</figcaption>'
        f"</figure></div>"
        if cap
        else f'<p style="text-align: center;"><img alt="" height="533" src="{src}" width="800" />'
        "</p>"
    ),
    table=lambda rows: _html_table(
        rows,
        'border="1" cellpadding="1" cellspacing="1" style="width:100%;"'
        if not _is_letterhead(rows)
        else 'border="0" cellpadding="1" cellspacing="1" style="width:100%;"',
        lambda c: f"<strong>{_cell_lines(c, '<br />')}</strong>",
        lambda c: _cell_lines(c, "<br />"),
    ),
    items=lambda items: "<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>",
)

# --- Word pasted into an old editor (NukeViet 3, SharePoint) -------------------------------------

_WORD_SPAN = 'lang="VI" style="font-size:14.0pt;font-family:&quot;Times New Roman&quot;,serif"'


def _word_p(text: str, align: str = "justify", wrap: str = "", indent: bool = True) -> str:
    open_wrap, close_wrap = (f"<{wrap}>", f"</{wrap}>") if wrap else ("", "")
    indent_style = "text-indent:36.0pt;" if indent else ""
    align_attr = f' align="{align}"' if align != "justify" else ""
    return (
        f'<p class="MsoNormal"{align_attr} style="margin-bottom:6.0pt;text-align:{align};'
        f'{indent_style}line-height:normal">{open_wrap}<span {_WORD_SPAN}>{e(text)}<o:p></o:p>'
        f"</span>{close_wrap}</p>"
    )


def _word_cell(cell: str, bold: bool) -> str:
    return "".join(
        _word_p(line, align="center", wrap="b" if bold else "", indent=False)
        for line in cell.split("\n")
    )


def _word_table(rows: Sequence[Sequence[str]]) -> str:
    letterhead = _is_letterhead(rows)
    attrs = (
        'class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" width="100%" '
        'style="width:100.0%;border-collapse:collapse"'
        if letterhead
        else 'class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
        'style="border-collapse:collapse;border:none"'
    )
    lines = [f"<table {attrs}>", "<tbody>"]
    for index, row in enumerate(rows):
        cells = "".join(
            f'<td valign="top" style="padding:0cm 5.4pt 0cm 5.4pt">'
            f"{_word_cell(c, bold=letterhead or index == 0)}</td>"
            for c in row
        )
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


WORD = Editor(
    paragraph=_word_p,
    heading=lambda t: _word_p(t, wrap="b"),
    center=lambda t: _word_p(t, align="center", wrap="b", indent=False),
    byline=lambda t: _word_p(t, align="right", wrap="b", indent=False),
    photo=lambda src, cap: (
        f'<p class="MsoNormal" align="center" style="text-align:center"><span {_WORD_SPAN}>'
        f'<img width="600" height="400" src="{src}" /></span></p>'
        + (_word_p(cap, align="center", wrap="i", indent=False) if cap else "")
    ),
    table=_word_table,
    items=lambda items: "".join(
        f'<p class="MsoListParagraph" style="margin-left:36.0pt;text-indent:-18.0pt">'
        f'<span {_WORD_SPAN}>-<span style="font:7.0pt &quot;Times New Roman&quot;">'
        f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span></span><span {_WORD_SPAN}>{e(i)}</span></p>"
        for i in items
    ),
)

# --- Liferay 6.2 web content (AlloyEditor/CKEditor) ----------------------------------------------

LIFERAY = Editor(
    paragraph=lambda t: f'<p style="text-align: justify;">{e(t)}</p>',
    heading=lambda t: f"<p><strong>{e(t)}</strong></p>",
    center=lambda t: f'<p style="text-align: center;"><strong>{e(t)}</strong></p>',
    byline=lambda t: f'<p style="text-align: right;"><strong>{e(t)}</strong></p>',
    photo=lambda src, cap: (
        f'<p style="text-align: center;"><img alt="" src="{src}" '
        f'style="width: 600px; height: 400px;" /></p>'
        + (f'<p style="text-align: center;"><em>{e(cap)}</em></p>' if cap else "")
    ),
    table=lambda rows: _html_table(
        rows,
        'border="1" cellpadding="0" cellspacing="0" style="width: 100%;"',
        lambda c: f"<strong>{_cell_lines(c, '<br />')}</strong>",
        lambda c: _cell_lines(c, "<br />"),
    ),
    items=lambda items: "<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>",
)

# --- News CMS with caption tables (city portals) -------------------------------------------------

CAPTION_TABLE = Editor(
    paragraph=lambda t: f'<p class="Normal">{e(t)}</p>',
    heading=lambda t: f'<p class="Normal"><strong>{e(t)}</strong></p>',
    center=lambda t: f'<p class="Normal" style="text-align:center;"><strong>{e(t)}</strong></p>',
    byline=lambda t: f'<p class="Normal" style="text-align:right;"><strong>{e(t)}</strong></p>',
    photo=lambda src, cap: (
        '<table align="center" border="0" cellpadding="3" cellspacing="0" class="tplCaption" '
        f'style="width:100%;"><tbody><tr><td><img alt="" src="{src}" /></td></tr>'
        + (f'<tr><td><p class="Image">{e(cap)}</p></td></tr>' if cap else "")
        + "</tbody></table>"
    ),
    table=lambda rows: _html_table(
        rows,
        'class="table table-bordered" border="1" cellspacing="0" cellpadding="4"',
        lambda c: f"<b>{_cell_lines(c, '<br>')}</b>",
        lambda c: _cell_lines(c, "<br>"),
    ),
    items=lambda items: "<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>",
)

# --- Home-grown CMS writing one <div> per paragraph (provincial portal) --------------------------


def _div(text: str, align: str = "justify", wrap: str = "") -> str:
    open_wrap, close_wrap = (f"<{wrap}>", f"</{wrap}>") if wrap else ("", "")
    return (
        f'<div style="text-align: {align};"><span style="font-size:14px;">'
        f"{open_wrap}{e(text)}{close_wrap}</span></div>"
    )


DIVS = Editor(
    paragraph=lambda t: _div(t) + "\n<div>&nbsp;</div>",
    heading=lambda t: _div(t, wrap="strong"),
    center=lambda t: _div(t, align="center", wrap="strong"),
    byline=lambda t: _div(t, align="right", wrap="strong"),
    photo=lambda src, cap: (
        f'<div style="text-align: center;"><img alt="" src="{src}" style="width: 650px;" /></div>'
        + (_div(cap, align="center", wrap="em") if cap else "")
    ),
    table=lambda rows: _html_table(
        rows,
        'border="1" cellpadding="2" cellspacing="0" style="width: 100%;"',
        lambda c: f"<strong>{_cell_lines(c, '<br />')}</strong>",
        lambda c: _cell_lines(c, "<br />"),
    ),
    items=lambda items: "".join(_div(f"- {i}") for i in items),
)

# --- WordPress block editor ---------------------------------------------------------------------

GUTENBERG = Editor(
    paragraph=lambda t: f"<p>{e(t)}</p>",
    heading=lambda t: f'<h3 class="wp-block-heading">{e(t)}</h3>',
    center=lambda t: f'<p class="has-text-align-center"><strong>{e(t)}</strong></p>',
    byline=lambda t: f'<p class="has-text-align-right"><strong>{e(t)}</strong></p>',
    photo=lambda src, cap: (
        '<figure class="wp-block-image aligncenter size-large"><img decoding="async" '
        f'width="1024" height="683" src="{src}" alt="" '
        f'class="wp-image-{crc32(src.encode()) % 9000}" />'
        + (f'<figcaption class="wp-element-caption">{e(cap)}</figcaption>' if cap else "")
        + "</figure>"
    ),
    table=lambda rows: (
        '<figure class="wp-block-table">'
        + _html_table(
            rows,
            'class="has-fixed-layout"',
            lambda c: _cell_lines(c, "<br>"),
            lambda c: _cell_lines(c, "<br>"),
            thead=not _is_letterhead(rows),
        )
        + "</figure>"
    ),
    items=lambda items: (
        '<ul class="wp-block-list">' + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>"
    ),
)

# --- Joomla TinyMCE ------------------------------------------------------------------------------

_TINY_SPAN = "font-size: 14pt; font-family: 'times new roman', times;"

TINYMCE = Editor(
    paragraph=lambda t: (
        f'<p style="text-align: justify;"><span style="{_TINY_SPAN}">{e(t)}</span></p>'
    ),
    heading=lambda t: f'<p><strong><span style="{_TINY_SPAN}">{e(t)}</span></strong></p>',
    center=lambda t: (
        f'<p style="text-align: center;"><strong><span style="{_TINY_SPAN}">{e(t)}</span>'
        "</strong></p>"
    ),
    byline=lambda t: f'<p style="text-align: right;"><strong>{e(t)}</strong></p>',
    photo=lambda src, cap: (
        f'<p style="text-align: center;"><img src="{src}" alt="" width="600" height="400" />'
        + (f"<br /><em>{e(cap)}</em>" if cap else "")
        + "</p>"
    ),
    table=lambda rows: _html_table(
        rows,
        'class="table" style="width: 100%; border-collapse: collapse;" border="1"',
        lambda c: f"<strong>{_cell_lines(c, '<br />')}</strong>",
        lambda c: _cell_lines(c, "<br />"),
    ),
    items=lambda items: "<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>",
)

# --- CKEditor 5 (VHV) ---------------------------------------------------------------------------

CKEDITOR5 = Editor(
    paragraph=lambda t: f'<p style="text-align:justify;">{e(t)}</p>',
    heading=lambda t: f"<p><strong>{e(t)}</strong></p>",
    center=lambda t: f'<p style="text-align:center;"><strong>{e(t)}</strong></p>',
    byline=lambda t: f'<p style="text-align:right;"><strong>{e(t)}</strong></p>',
    photo=lambda src, cap: (
        f'<figure class="image"><img src="{src}">'
        + (f"<figcaption>{e(cap)}</figcaption>" if cap else "")
        + "</figure>"
    ),
    table=lambda rows: (
        '<figure class="table">'
        + _html_table(
            rows,
            'style="width:100%;"',
            lambda c: _cell_lines(c, "<br>"),
            lambda c: _cell_lines(c, "<br>"),
        )
        + "</figure>"
    ),
    items=lambda items: "<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>",
)
