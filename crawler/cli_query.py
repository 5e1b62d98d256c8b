"""The reading side of the CLI: `eduwatch stats`, `eduwatch serve`, and how search hits and
corpus statistics are laid out on a terminal.

The commands register themselves on the `eduwatch` group when crawler/cli.py imports this
module. The layout functions are pure: hits or stats and a width in, lines out.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from typing import Any

import click

from crawler.cli import Context, UsageProblem, WorkProblem, cli, pass_ctx, problems
from db import SearchHit

# Private-use characters never occur in report text: search wraps hits in them, and the layout
# turns them into bold (terminal) or [ ] (pipe, file) once it has cut lines to width.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
HIT_MARKERS = (HIT_OPEN, HIT_CLOSE)
ELLIPSIS = "…"
_GAP = "  "
_DATE_WIDTH = 10
_PLACE_WIDTH = 24
_MIN_TITLE = 20  # narrower than this, hits are listed as blocks
_MIN_TITLE_BESIDE_URL = 40
_BOLD, _NORMAL = "\x1b[1m", "\x1b[22m"


def terminal_width() -> int:
    return shutil.get_terminal_size((120, 24)).columns


def _one_line(text: str) -> str:
    return " ".join(text.split())


def fit(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    text = _one_line(text)
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + ELLIPSIS if width > 0 else ""


def _host_end(url: str) -> int:
    """Length of "scheme://host/", or -1."""
    if "://" not in url:
        return -1
    slash = url.find("/", url.index("://") + 3)
    return len(url) if slash == -1 else slash + 1


def fit_url(url: str, width: int) -> str:
    """`url` cut in the middle to `width`: it keeps its host and its last, most specific part."""
    if len(url) <= width:
        return url
    if width < 3:
        return url[:width]
    host_end = _host_end(url)
    head = host_end if 0 < host_end <= width - 8 else (width - 1) // 2
    return url[:head] + ELLIPSIS + url[len(url) - (width - 1 - head) :]


def render_marked(text: str, width: int, *, color: bool) -> str:
    """A snippet with HIT markers cut to `width` visible characters, hits bold or in [ ]."""
    opening, closing = (_BOLD, _NORMAL) if color else ("[", "]")
    marker_width = 0 if color else 1
    out: list[str] = []
    used = 0
    inside = False
    text = _one_line(text)
    visible = sum(marker_width if ch in HIT_MARKERS else 1 for ch in text)
    budget = width if visible <= width else width - 1  # room for the ellipsis
    for ch in text:
        cost = marker_width if ch in HIT_MARKERS else 1
        if used + cost > budget - (marker_width if inside and ch != HIT_CLOSE else 0):
            break
        if ch == HIT_OPEN:
            inside = True
            out.append(opening)
        elif ch == HIT_CLOSE:
            inside = False
            out.append(closing)
        else:
            out.append(ch)
        used += cost
    if inside:
        out.append(closing)
    if visible > width:
        out.append(ELLIPSIS)
    return "".join(out)


def _place(hit: SearchHit) -> str:
    return ", ".join(part for part in (hit.district, hit.province) if part)


def hits_table(hits: Sequence[SearchHit], width: int, *, color: bool = False) -> list[str]:
    """Search hits as lines no wider than `width`.

    A header, then per hit a row (id, date, place, title, URL) and its snippet indented below.
    A URL is a column only when every URL fits whole beside a readable title; otherwise it gets
    its own line under the row, because a URL cut short is a wrong link to whoever clicks or
    copies it. Too narrow for columns (a phone, a split pane), each hit becomes a short block.
    Snippets carry HIT_MARKERS (Store.search(markers=HIT_MARKERS)).
    """
    if not hits:
        return []
    ids = [str(hit.id) for hit in hits]
    dates = [hit.published.isoformat() if hit.published else "-" for hit in hits]
    places = [_place(hit) or "-" for hit in hits]
    titles = [_one_line(hit.title) for hit in hits]
    id_width = max(len("ID"), *(len(i) for i in ids))
    place_width = min(_PLACE_WIDTH, max(len("PLACE"), *(len(p) for p in places)))
    room = width - (id_width + _DATE_WIDTH + place_width + 3 * len(_GAP))
    indent = " " * (id_width + len(_GAP))
    if room < _MIN_TITLE:
        lines = []
        for hit, id_, date_, place, title in zip(hits, ids, dates, places, titles, strict=True):
            lines += [
                fit(f"#{id_}  {date_}  {place}", width),
                fit(f"  {title}", width),
                "  " + fit_url(hit.url, width - 2),
                "  " + render_marked(hit.snippet, width - 2, color=color),
            ]
        return lines
    longest_url = max(len(hit.url) for hit in hits)
    url_column = room - len(_GAP) - longest_url >= _MIN_TITLE_BESIDE_URL
    title_width = room - len(_GAP) - longest_url if url_column else room
    title_width = max(len("TITLE"), min(title_width, max(len(t) for t in titles)))

    def row(id_: str, date_: str, place: str, title: str, url: str) -> str:
        cells = [
            id_.rjust(id_width),
            date_.ljust(_DATE_WIDTH),
            fit(place, place_width).ljust(place_width),
            fit(title, title_width).ljust(title_width),
        ]
        return _GAP.join([*cells, url] if url_column else cells).rstrip()

    header = row("ID", "DATE", "PLACE", "TITLE", "URL")
    lines = [click.style(header, bold=True) if color else header]
    for hit, id_, date_, place, title in zip(hits, ids, dates, places, titles, strict=True):
        lines.append(row(id_, date_, place, title, hit.url))
        if not url_column:
            lines.append(indent + fit_url(hit.url, width - len(indent)))
        if hit.snippet:
            lines.append(indent + render_marked(hit.snippet, width - len(indent), color=color))
    return lines


# ------------------------------------------------------------------ stats
def stats_summary(stats: Mapping[str, Any], sources: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """`Store.stats()` joined with `Store.list_sources()`: every source, with or without reports."""
    by_source = dict(stats.get("by_source", {}))
    last_ok = dict(stats.get("last_ok_crawl", {}))
    names = {source["id"]: source.get("name") or "" for source in sources}
    source_ids = sorted({*names, *by_source, *last_ok})
    return {
        "reports": stats.get("reports", 0),
        "by_source": [
            {
                "source": source_id,
                "name": names.get(source_id, ""),
                "reports": by_source.get(source_id, 0),
                "last_successful_crawl": last_ok.get(source_id),
            }
            for source_id in source_ids
        ],
        "by_province": dict(stats.get("by_province", {})),
        "by_month": dict(stats.get("by_month", {})),
    }


def _when(timestamp: str | None) -> str:
    # Stored as "2024-05-01T10:00:00.000000+00:00": minutes are precise enough to read.
    return f"{timestamp[:10]} {timestamp[11:16]} UTC" if timestamp else "never"


def stats_lines(summary: Mapping[str, Any], width: int) -> list[str]:
    """The stats summary as three small tables: per source, per province, per month (a bar)."""
    total = summary["reports"]
    lines = [f"{total} report{'' if total == 1 else 's'}", ""]
    sources = summary["by_source"]
    id_width = max([len("SOURCE"), *(len(s["source"]) for s in sources)])
    name_width = max(10, min(40, width - id_width - 36))
    lines.append(
        f"{'SOURCE':<{id_width}}  {'NAME':<{name_width}}  {'REPORTS':>7}  LAST SUCCESSFUL CRAWL"
    )
    for source in sources:
        lines.append(
            f"{source['source']:<{id_width}}  {fit(source['name'], name_width):<{name_width}}  "
            f"{source['reports']:>7}  {_when(source['last_successful_crawl'])}"
        )
    provinces = summary["by_province"]
    place_width = max([len("PROVINCE"), *(len(p or "(none)") for p in provinces)])
    lines += ["", f"{'PROVINCE':<{place_width}}  {'REPORTS':>7}"]
    for province, count in sorted(provinces.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"{province or '(none)':<{place_width}}  {count:>7}")
    months = summary["by_month"]
    lines += ["", f"{'MONTH':<7}  {'REPORTS':>7}"]
    most = max(months.values(), default=0)
    bar_room = max(0, min(40, width - 20))
    for month, count in sorted(months.items()):
        bar = "█" * max(1, round(count / most * bar_room)) if most and bar_room else ""
        lines.append(f"{month:<7}  {count:>7}  {bar}".rstrip())
    return lines


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="table for people, json for programs.")
@pass_ctx
def stats(ctx: Context, fmt: str) -> None:
    """Count the reports: per source, per province, per month; last successful crawl per source.

    Months are the published month, or the month a report was first seen when its page
    carried no date.

    \b
    Example:
      eduwatch stats
      eduwatch stats --format json
    """
    store = ctx.store()
    with problems():
        summary = stats_summary(store.stats(), store.list_sources())
        store.close()
    if fmt == "json":
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    for line in stats_lines(summary, terminal_width()):
        click.echo(line)


# ------------------------------------------------------------------ serve
@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Keep 127.0.0.1 unless others must reach it.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port to listen on (0: any free port).")
@pass_ctx
def serve(ctx: Context, host: str, port: int) -> None:
    """Browse, search and facet the reports in a web browser (Datasette, read-only).

    Search works with or without diacritics, as `eduwatch search` does; facets narrow by
    province, district, source, level and month. A crawl may run meanwhile: new reports show
    up on the next page load. Stop with Ctrl-C.

    \b
    Example:
      eduwatch serve --port 8001
      # then open http://127.0.0.1:8001/eduwatch/reports?_search=tong+ket+nam+hoc
    """
    import sqlite3

    db_path = ctx.config.db_path
    if not db_path.is_file():
        raise UsageProblem(
            f"{db_path}: no database yet; run `eduwatch init` or `eduwatch crawl` first"
        )
    ctx.store().close()  # brings an older database's schema up to date before serving it
    from crawler.web import make_datasette
    from crawler.web import serve as serve_web

    try:
        datasette = make_datasette(db_path)
    except sqlite3.Error as error:
        raise WorkProblem(f"{db_path}: cannot open the database ({error})") from None

    def ready(url: str) -> None:
        click.echo(f"serving {db_path} read-only at {url} (Ctrl-C to stop)", err=True)

    try:
        serve_web(datasette, host, port, on_ready=ready)
    except OSError as error:
        raise WorkProblem(
            f"cannot listen on {host}:{port} ({error.strerror or error}); "
            "choose another --port, or 0 for any free one"
        ) from None
