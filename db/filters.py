"""`ReportFilter` → the exact stored values it means → SQL on `reports r` or an FTS5 facet match.

A place name typed by a user ("lai chau", "Tỉnh Lai Châu") is first resolved to the names the
database actually holds ("Lai Châu"), in Python over the few distinct names, so that the SQL
condition is a plain `IN (...)` on an indexed column (no function call per row, no full scan)
and the search condition is a handful of facet tokens (db/fts.py).
A value that resolves to nothing raises UnknownFilterError listing what is known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from db.errors import UnknownFilterError
from db.fts import FACET_COLUMN, facet_token, quote
from db.query_syntax import fold_tokens
from db.records import LEVELS, ReportFilter

# Words that name the kind of unit, not the unit: "Tỉnh Lai Châu" and "Lai Châu" are one place.
_ADMIN_PREFIXES: tuple[tuple[str, ...], ...] = (
    ("thanh", "pho"),
    ("thi", "xa"),
    ("thi", "tran"),
    ("tinh",),
    ("tp",),
    ("huyen",),
    ("quan",),
)


@dataclass(frozen=True)
class FilterSql:
    """Conditions to AND into a WHERE clause over `reports r`, with their parameters."""

    conditions: tuple[str, ...] = ()
    params: tuple[Any, ...] = ()

    def where(self, *extra: str) -> str:
        """'WHERE a AND b ...' (or '') combining `extra` conditions with the filter's."""
        conditions = (*extra, *self.conditions)
        return "WHERE " + " AND ".join(conditions) if conditions else ""


@dataclass(frozen=True)
class ResolvedFilter:
    """A ReportFilter whose values are the exact ones stored in the database."""

    provinces: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None

    def sql(self) -> FilterSql:
        """As conditions on the `reports r` table (its indexed columns)."""
        conditions: list[str] = []
        params: list[Any] = []
        for column, values in (
            ("r.province", self.provinces),
            ("r.district", self.districts),
            ("r.level", self.levels),
        ):
            if values:
                conditions.append(_in(column, len(values)))
                params += values
        if self.sources:
            # Every source where a report was seen, not only the first one.
            conditions.append(
                "r.id IN (SELECT report_id FROM report_urls WHERE "
                + _in("source_id", len(self.sources))
                + ")"
            )
            params += self.sources
        if self.since:
            conditions.append("r.effective_date >= ?")
            params.append(self.since.isoformat())
        if self.until:
            conditions.append("r.effective_date <= ?")
            params.append(self.until.isoformat())
        return FilterSql(tuple(conditions), tuple(params))

    def facet_match(self, *, levels: bool = True) -> str | None:
        """As an FTS5 expression over the `facets` column (None when nothing is filtered).

        Dates are not here: they are the rowid range `rowid_bounds(since, until)`.
        """
        groups = []
        for kind, values in (
            ("province", self.provinces),
            ("district", self.districts),
            ("level", self.levels if levels else ()),
            ("source", self.sources),
        ):
            if values:
                tokens = " OR ".join(quote(facet_token(kind, value)) for value in values)
                groups.append(f"({tokens})")
        return f"{FACET_COLUMN}: ({' AND '.join(groups)})" if groups else None


def place_key(name: str) -> str:
    """How place names compare: folded words, without a leading administrative word."""
    words = fold_tokens(name)
    for prefix in _ADMIN_PREFIXES:
        if words[: len(prefix)] == prefix and len(words) > len(prefix):
            words = words[len(prefix) :]
            break
    return " ".join(words)


def _loose_scan(table: str, column: str) -> str:
    # One index seek per distinct value: the same cost on 200 or 200,000 rows.
    return f"""
        SELECT value FROM (
            WITH RECURSIVE seen(value) AS (
                SELECT (SELECT min({column}) FROM {table})
                UNION ALL
                SELECT (SELECT min({column}) FROM {table} WHERE {column} > seen.value)
                FROM seen WHERE seen.value IS NOT NULL
            )
            SELECT value FROM seen
        )
    """


# Where the known values of each filter field live; fixed names, never user input.
_KNOWN_VALUES = {
    "province": (("reports", "province"), ("sources", "province")),
    "district": (("reports", "district"), ("sources", "district")),
    "source_id": (("reports", "source_id"), ("report_urls", "source_id"), ("sources", "id")),
}


def distinct_values(db: Database, field: str) -> list[str]:
    """Every distinct non-empty value of a filter field in reports, their URLs and sources."""
    if field not in _KNOWN_VALUES:
        raise ValueError(f"no filter field {field!r}")
    parts = [
        f"SELECT {column} FROM sources" if table == "sources" else _loose_scan(table, column)
        for table, column in _KNOWN_VALUES[field]
    ]
    rows = db.execute(" UNION ".join(parts)).fetchall()
    return sorted(value for (value,) in rows if value)


def _resolve(
    field: str, wanted: Iterable[str], known: list[str], key: Callable[[str], str]
) -> tuple[str, ...]:
    by_key: dict[str, list[str]] = {}
    for value in known:
        by_key.setdefault(key(value), []).append(value)
    resolved: list[str] = []
    for value in wanted:
        matches = by_key.get(key(value))
        if not matches:
            raise UnknownFilterError(field, value, known)
        resolved.extend(m for m in matches if m not in resolved)
    return tuple(resolved)


def _in(column: str, count: int) -> str:
    return f"{column} IN ({', '.join('?' * count)})"


def resolve_filter(db: Database, filters: ReportFilter | None) -> ResolvedFilter:
    """Map user values to stored ones; raises UnknownFilterError for a value nothing has."""
    if filters is None:
        return ResolvedFilter()
    provinces: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    if filters.provinces:
        known = distinct_values(db, "province")
        provinces = _resolve("province", filters.provinces, known, place_key)
    if filters.districts:
        known = distinct_values(db, "district")
        districts = _resolve("district", filters.districts, known, place_key)
    if filters.levels:
        # Levels are a closed vocabulary: a real level with no reports yet is an empty result.
        levels = _resolve("level", filters.levels, list(LEVELS), str.casefold)
    if filters.sources:
        known = distinct_values(db, "source_id")
        sources = _resolve("source", filters.sources, known, str.casefold)
    return ResolvedFilter(provinces, districts, levels, sources, filters.since, filters.until)


def filter_sql(db: Database, filters: ReportFilter | None) -> FilterSql:
    """The SQL conditions on `reports r` for `filters` (see `resolve_filter`)."""
    return resolve_filter(db, filters).sql()
