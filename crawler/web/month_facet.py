"""A Datasette facet that counts rows per calendar month of a 'YYYY-MM-DD…' text column.

Datasette's own date facet counts per day, which spreads a year of reports over hundreds of
values. Choosing a month filters with `COLUMN__startswith=YYYY-MM`, a filter Datasette already
has, so the selection is an ordinary, shareable table URL. Months are listed newest first.
"""

from __future__ import annotations

from typing import Any

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

# Only values that start like a date are counted; anything else in the column is not a month.
_MONTH_GLOB = "[0-9][0-9][0-9][0-9]-[0-1][0-9]*"


class MonthFacet(Facet):  # type: ignore[misc]
    """`{"month": "COLUMN"}` in a table's facets, or `?_facet_month=COLUMN`."""

    type = "month"

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results: list[dict[str, Any]] = []
        timed_out: list[str] = []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for entry in self.get_configs():
            config = entry["config"]
            column = config.get("column") or config["simple"]
            quoted = escape_sqlite(column)
            sql = f"""
                select substr({quoted}, 1, 7) as value, count(*) as count from ({self.sql})
                where {quoted} glob '{_MONTH_GLOB}'
                group by value order by value desc limit {size + 1}
            """
            try:
                rows = await self.ds.execute(
                    self.database,
                    sql,
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            selected_month = args.get(f"{column}__startswith")
            values = []
            for row in rows.rows[:size]:
                month = row["value"]
                selected = month == selected_month
                change = {f"{column}__startswith": month}
                path = (
                    path_with_removed_args(self.request, change)
                    if selected
                    else path_with_added_args(self.request, change)
                )
                values.append(
                    {
                        "value": month,
                        "label": month,
                        "count": row["count"],
                        "toggle_url": self.ds.absolute_url(self.request, path),
                        "selected": selected,
                    }
                )
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "results": values,
                    "hideable": entry["source"] != "metadata",
                    "toggle_url": path_with_removed_args(self.request, {"_facet_month": column}),
                    "truncated": len(rows.rows) > size,
                }
            )
        return results, timed_out
