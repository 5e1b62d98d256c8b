"""Datasette plugin hooks that make the eduwatch database readable and searchable.

Registered by crawler/web/app.py (`register_plugin`); every hook acts on the eduwatch database
only (served as DATABASE_NAME), so other databases in the same process are left alone.

- Search: the index holds folded text (lower case, no diacritics, đ → d), which Datasette's own
  `?_search=` cannot query, so this plugin answers `?_search=` on the reports table itself, by
  db.search's query language: "tong ket" finds "Tổng kết", phrases, AND/OR/NOT and prefix* work
  as in `eduwatch search`, and the search box, facets, filters and JSON/CSV export of the table
  page all apply to the matches. A query that cannot be parsed shows its one-line reason.
- SQL functions for people who write their own queries: `fold(text)` (the index's folding) and
  `eduwatch_match(query)` (an FTS5 expression for `reports_fts MATCH`).
- Cells: a report's `url` lists every address the report was seen at, as links; a source id
  links to its source; titles in canned queries link to the report.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import markupsafe
from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import tilde_encode

from cleaners.vietnamese import fold
from crawler.web.metadata import DATABASE_NAME
from crawler.web.month_facet import MonthFacet
from db.errors import QuerySyntaxError
from db.fts import TEXT_COLUMNS
from db.query_syntax import parse_query
from db.search import search_condition

SEARCH_ARG = "_search"  # what Datasette's table page search box submits


def _fold_sql(text: Any) -> Any:
    return fold(text) if isinstance(text, str) else text


def _match_sql(query: Any) -> str | None:
    # A function cannot hand SQL a readable error, so a query that cannot be parsed becomes
    # NULL, which FTS5 refuses: an error, never a silently empty result. The table page's
    # search box is where the reason is explained in words.
    if not isinstance(query, str):
        return None
    try:
        return f"{TEXT_COLUMNS}: ({parse_query(query).match})"
    except QuerySyntaxError:
        return None


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("fold", 1, _fold_sql, deterministic=True)
    conn.create_function("eduwatch_match", 1, _match_sql, deterministic=True)


@hookimpl
def register_facet_classes() -> list[type]:
    return [MonthFacet]


@hookimpl(trylast=True)
def filters_from_request(request: Any, database: str, table: str) -> FilterArguments | None:
    # trylast: Datasette merges each hook's extra_context in call order, and its own search
    # hook (which finds no FTS table for `reports`) turns the search box off; ours comes after.
    if database != DATABASE_NAME or table != "reports":
        return None
    query = request.args.get(SEARCH_ARG, "")
    context = {"supports_search": True, "search": query}
    if not query.strip():
        return FilterArguments([], extra_context=context)
    try:
        condition, params = search_condition(query)
    except QuerySyntaxError as error:
        return FilterArguments(
            ["0"], human_descriptions=[f"the search cannot run: {error.problem}"],
            extra_context=context,
        )
    return FilterArguments([condition], params, [f"search matches {query!r}"], context)


def _links(urls: list[str]) -> markupsafe.Markup:
    items = [
        markupsafe.Markup('<a href="{0}">{0}</a>').format(url) for url in urls if url
    ]
    if len(items) == 1:
        return items[0]
    return markupsafe.Markup('<ul class="report-urls">{}</ul>').format(
        markupsafe.Markup("").join(markupsafe.Markup("<li>{}</li>").format(i) for i in items)
    )


def _columns(row: Any) -> set[str]:
    keys = getattr(row, "keys", None)
    return set(keys()) if callable(keys) else set()


async def _report_urls(datasette: Any, database: str, report_id: Any) -> list[str]:
    results = await datasette.get_database(database).execute(
        "select url from report_urls where report_id = ? order by first_seen, url", [report_id]
    )
    return [row["url"] for row in results.rows]


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    if database != DATABASE_NAME or value in (None, ""):
        return None
    columns = _columns(row)
    is_report_row = table == "reports" or (table is None and {"id", "title", "url"} <= columns)
    if column == "url" and is_report_row and "id" in columns:

        async def every_url() -> markupsafe.Markup:
            urls = await _report_urls(datasette, database, row["id"])
            return _links(urls if value in urls else [value, *urls])

        return every_url
    if column == "title" and table is None and is_report_row:
        href = datasette.urls.row(database, "reports", tilde_encode(str(row["id"])))
        return markupsafe.Markup('<a href="{}">{}</a>').format(href, value)
    if column == "source_id" and table in ("reports", "report_urls", None):
        href = datasette.urls.row(database, "sources", tilde_encode(str(value)))
        return markupsafe.Markup('<a href="{}">{}</a>').format(href, value)
    if column == "signals" and table == "reports":
        try:
            signals = json.loads(value)
        except ValueError:
            return None
        items = markupsafe.Markup("").join(
            markupsafe.Markup("<li>{}</li>").format(signal) for signal in signals
        )
        return markupsafe.Markup('<ul class="signals">{}</ul>').format(items)
    if column == "urls" and table == "sources":
        try:
            urls = json.loads(value)
        except ValueError:
            return None
        return _links([u for u in urls if isinstance(u, str)]) if isinstance(urls, list) else None
    return None
