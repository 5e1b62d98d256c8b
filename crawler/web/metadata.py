"""What the web UI says about the database: titles, descriptions, facets, hidden tables, queries.

Plain data for Datasette's metadata, built per served database (crawler/web/app.py). Only the
tables a reader needs are listed; everything else the database holds (crawl bookkeeping,
migrations, alert outboxes, index shadow tables, and whatever later migrations add) is hidden.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

DATABASE_NAME = "eduwatch"  # the served name, whatever the file is called: stable URLs
VISIBLE_TABLES = ("reports", "report_urls", "sources")
REPORTS_PAGE_SIZE = 50

# Only the columns a reader may wonder about; Datasette lists these above the table.
_REPORT_COLUMN_NOTES = (
    ("effective_date", "the published date, else the day first seen: what the month facet "
     "and date filters use"),
    ("source_id", "the source where the report was first found (every source: open the report)"),
    ("url", "every address the report was seen at"),
)


def _reports_description() -> str:
    notes = "".join(
        f"<li><strong>{escape(column)}</strong>: {escape(note)}</li>"
        for column, note in _REPORT_COLUMN_NOTES
    )
    return (
        f"<p>One row per distinct report. {escape(SEARCH_HELP)} Narrow down with the facets; "
        f"open a report (its id) for the whole text.</p><ul>{notes}</ul>"
    )


# "New" means new to eduwatch: first found by a crawl in the last 7 days, whatever its date.
# first_seen is fixed-width UTC text ("2024-05-01T10:00:00.000000+00:00"), so the cut-off is
# written the same way and compared as text, using the index on first_seen.
NEW_REPORTS_SQL = """\
select id, title, province, district, level, source_id, published, first_seen, url
from reports
where first_seen >= strftime('%Y-%m-%dT%H:%M:%S', 'now', '-7 days')
order by first_seen desc, id desc"""

SEARCH_HELP = (
    "Type words with or without diacritics (tong ket nam hoc = tổng kết năm học), "
    '"exact phrases", AND / OR / NOT in capitals, and prefix* — the same language as '
    "`eduwatch search`."
)


def _search_form(database: str) -> str:
    action = escape(f"/{database}/reports")
    return (
        f'<form action="{action}" method="get">'
        '<label for="home-search">Search reports:</label> '
        '<input id="home-search" type="search" name="_search" size="40" '
        'placeholder="tong ket nam hoc"> <input type="submit" value="Search">'
        f"</form><p>{escape(SEARCH_HELP)}</p>"
    )


def build_metadata(database: str, table_names: Iterable[str]) -> dict[str, Any]:
    """Datasette metadata for the eduwatch database served under the name `database`.

    `table_names` are the tables the file holds now; all but VISIBLE_TABLES are hidden.
    """
    hidden = {name: {"hidden": True} for name in table_names if name not in VISIBLE_TABLES}
    return {
        "title": "eduwatch: education reports from Vietnamese government portals",
        "description_html": (
            "<p>Reports on schools and education collected from provincial and district "
            "portals and Sở / Phòng Giáo dục và Đào tạo sites, cleaned and kept once each.</p>"
            + _search_form(database)
        ),
        "databases": {
            database: {
                "title": "eduwatch",
                "description_html": _search_form(database),
                "tables": {
                    **hidden,
                    "reports": {
                        "title": "Education reports",
                        "description_html": _reports_description(),
                        "label_column": "title",
                        "sort_desc": "effective_date",
                        "size": REPORTS_PAGE_SIZE,
                        "facets": [
                            "province",
                            "district",
                            "source_id",
                            "level",
                            {"month": "effective_date"},
                        ],
                    },
                    "report_urls": {
                        "title": "Where each report was seen",
                        "description": "Every address at which a report was found, with the "
                        "source it belongs to. A report syndicated by several portals has "
                        "several rows here.",
                        "sort_desc": "first_seen",
                        "facets": ["source_id"],
                    },
                    "sources": {
                        "title": "Sources",
                        "description": "The configured portals: what `eduwatch.toml` lists "
                        "under [[sources]].",
                        "label_column": "name",
                        "facets": ["level", "province"],
                    },
                },
                "queries": {
                    "new_in_last_7_days": {
                        "title": "New in the last 7 days",
                        "description": "Reports eduwatch first found during the last 7 days, "
                        "newest first.",
                        "sql": NEW_REPORTS_SQL,
                    },
                },
            }
        },
    }
