"""The layout of the full-text index `reports_fts`: which row holds which report, and what is in it.

Search must stay fast on hundreds of thousands of reports where words like "học" or "năm" occur
in nearly every one. FTS5 walks its own index quickly and in either rowid direction, but every
step outside it (a join per matching row, a sort of all matches) costs far more. So the index is
laid out to answer the questions search asks by itself:

- rowid = day key: the report's effective date (published, else first seen) as a day number in
  the high bits, its id in the low 32 bits. `ORDER BY rowid DESC` is then newest first, and a
  since/until range is a rowid range, both handled by FTS5 with no join and no sort.
- columns: `title` and `text` hold the folded text (`cleaners.vietnamese.fold`); `facets` holds
  one opaque token per province, district, level and every source where the report was seen, so
  a filter is an FTS5 AND, intersected inside the index. Ranking gives `facets` weight 0.

`search_vocabulary` lists every word the index holds, so that a prefix search can name the words
it means ("truong*" → "truong"): FTS5 would otherwise copy every posting under the prefix first.
Words are only ever added; one whose reports are gone simply matches nothing.

`reports_fts` is contentless (no second copy of the text). Removing a row therefore needs the values
it was indexed with: fold() of the stored title and text, and the `facets` string stored on the
report. A change to fold() needs a full reindex (`rebuild_index`), as it would with any layout.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from datetime import date

from cleaners.vietnamese import fold
from db.query_syntax import TOKEN

ID_BITS = 32
ID_MASK = (1 << ID_BITS) - 1
MAX_ROWID = (1 << 63) - 1
TEXT_COLUMNS = "{title text}"
FACET_COLUMN = "{facets}"
# One letter per facet kind keeps, say, a province and a district of the same name apart.
_FACET_PREFIX = {"province": "p", "district": "d", "level": "l", "source": "s"}


def day_key(day: date) -> int:
    """The smallest rowid of reports dated `day`."""
    return day.toordinal() << ID_BITS


def fts_rowid(effective_date: str, report_id: int) -> int:
    """The index rowid of a report ('YYYY-MM-DD' effective date, id below 2**32)."""
    if not 0 < report_id <= ID_MASK:
        raise ValueError(f"report id {report_id} does not fit the index key")
    return day_key(date.fromisoformat(effective_date)) | report_id


def report_id_of(rowid: int) -> int:
    return rowid & ID_MASK


def rowid_bounds(since: date | None, until: date | None) -> tuple[int, int]:
    """Inclusive rowid range of reports dated from `since` to `until` (either may be open)."""
    low = day_key(since) if since else 0
    high = day_key(until) + ID_MASK if until else MAX_ROWID
    return low, high


def facet_token(kind: str, value: str) -> str:
    """An index token standing for one exact value: letters and digits only, so one token."""
    digest = hashlib.blake2b(value.encode("utf-8"), digest_size=8).hexdigest()
    return _FACET_PREFIX[kind] + digest


def facets_text(province: str, district: str, level: str, sources: Iterable[str]) -> str:
    """The `facets` column of a report: its tokens, sorted, space-separated."""
    tokens = {facet_token("level", level)}
    if province:
        tokens.add(facet_token("province", province))
    if district:
        tokens.add(facet_token("district", district))
    tokens.update(facet_token("source", source) for source in sources if source)
    return " ".join(sorted(tokens))


def quote(token: str) -> str:
    """An FTS5 string for a token made of letters and digits only."""
    return f'"{token}"'


def index_report(conn: sqlite3.Connection, rowid: int, title: str, text: str, facets: str) -> None:
    folded_title, folded_text = fold(title), fold(text)
    conn.execute(
        "INSERT INTO reports_fts (rowid, title, text, facets) VALUES (?, ?, ?, ?)",
        (rowid, folded_title, folded_text, facets),
    )
    add_words(conn, f"{folded_title}\n{folded_text}")


def add_words(conn: sqlite3.Connection, folded: str) -> None:
    """Add the words of folded text to `search_vocabulary`."""
    conn.executemany(
        "INSERT OR IGNORE INTO search_vocabulary (term) VALUES (?)",
        ((word,) for word in set(TOKEN.findall(folded))),
    )


def words_with_prefix(conn: sqlite3.Connection, prefix: str, limit: int) -> list[str]:
    """Indexed words starting with `prefix` (folded), at most `limit` of them, in order."""
    # Text compares byte by byte: every word with the prefix sorts below prefix + U+10FFFF.
    rows = conn.execute(
        "SELECT term FROM search_vocabulary WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
        (prefix, prefix + "\U0010ffff", limit),
    )
    return [row[0] for row in rows]


def unindex_report(
    conn: sqlite3.Connection, rowid: int, title: str, text: str, facets: str
) -> None:
    # A contentless table forgets a row only when told exactly what it was indexed with.
    conn.execute(
        "INSERT INTO reports_fts (reports_fts, rowid, title, text, facets)"
        " VALUES ('delete', ?, ?, ?, ?)",
        (rowid, fold(title), fold(text), facets),
    )


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Empty the index and index every report again; returns how many were indexed."""
    conn.execute("INSERT INTO reports_fts (reports_fts) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_vocabulary")
    count = 0
    rows = conn.execute("SELECT id, effective_date, title, text, facets FROM reports")
    for report_id, effective_date, title, text, facets in rows:
        index_report(conn, fts_rowid(effective_date, report_id), title, text, facets)
        count += 1
    return count
