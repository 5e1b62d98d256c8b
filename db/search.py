"""Full-text search over reports: user query → FTS5 match → ranked hits with snippets.

Every step runs inside the FTS5 index (layout in db/fts.py), so the cost follows the number of
results asked for, not the size of the archive:

- newest: matches in descending rowid order, which is newest first; filters are facet tokens in
  the same match, dates a rowid range. FTS5 stops after `limit` rows.
- relevance: bm25, a title hit weighing ten body hits, over the newest `RANK_WINDOW` matches
  (all of them when there are fewer). FTS5's bm25 reads the whole posting list of every term
  it weighs, on every query. For a term in half the reports or more the weight it computes is
  nil anyway (clamped to 1e-6), so such terms are left out of the ranking expression: they
  still decide what matches. Of the rest, the rarest are kept within a budget of postings read,
  a phrase counting as all its words. Prefixes match (spelled out as the indexed words they
  stand for, which FTS5 walks lazily) but are not weighed. A query of nothing but common words
  is ranked by its rarest word; one of nothing but prefixes keeps newest-first order. The level
  filter (three values, no use for narrowing) is left out of the ranking walk, which it slows.

Snippets are then cut from the original text of the returned reports only (db/snippets.py).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from sqlite_utils import Database

from db.filters import resolve_filter
from db.fts import (
    ID_MASK,
    TEXT_COLUMNS,
    fts_rowid,
    report_id_of,
    rowid_bounds,
    words_with_prefix,
)
from db.query_syntax import SearchTerm, parse_query
from db.records import ReportFilter, SearchHit
from db.snippets import SNIPPET_WORDS, make_snippet

SEARCH_ORDERS = ("relevance", "newest")
MAX_LIMIT = 1000
RANK_WINDOW = 500  # relevance ranks at most this many of the newest matches
BM25_WEIGHTS = (10.0, 1.0, 0.0)  # title, text, facets
_SAMPLE = 2000  # newest reports in which a term's share is measured
_COMMON_SHARE = 0.5  # at or above this share of reports bm25 gives a term no weight
_RANK_BUDGET = 1.0  # summed shares of ranking terms: bm25 reads that many archives' postings
_MAX_SPELLED_OUT = 64  # words a prefix is spelled out into (db/fts.py, search_vocabulary)

_BM25 = "bm25(reports_fts, {}, {}, {})".format(*BM25_WEIGHTS)
_CONDITION_PARAM = "eduwatch_match"


def search_reports(
    db: Database,
    query: str,
    filters: ReportFilter | None = None,
    order: str = "relevance",
    limit: int = 20,
    *,
    markers: tuple[str, str] = ("[", "]"),
    snippet_words: int = SNIPPET_WORDS,
    rank_window: int = RANK_WINDOW,
) -> list[SearchHit]:
    """The best `limit` reports for `query`; QuerySyntaxError / UnknownFilterError on bad input."""
    if order not in SEARCH_ORDERS:
        raise ValueError(f"search order {order!r} is not one of: {', '.join(SEARCH_ORDERS)}")
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"search limit {limit} must be between 1 and {MAX_LIMIT}")
    parsed = parse_query(query, render=lambda term: _spell_out(db, term))
    resolved = resolve_filter(db, filters)
    low, high = rowid_bounds(resolved.since, resolved.until)
    match = f"{TEXT_COLUMNS}: ({parsed.match})"
    if (facets := resolved.facet_match()) is not None:
        match = f"{match} AND {facets}"
    if order == "newest":
        ranked = [(rowid, 0.0) for rowid in _newest(db, match, low, high, limit)]
    else:
        window = _newest(db, match, low, high, max(limit, rank_window))
        narrowing = resolved.facet_match(levels=False)
        ranked = _rank(db, window, _ranking_terms(db, parsed.terms), narrowing, limit)
    return _hits(db, ranked, parsed.terms, markers, snippet_words)


def search_condition(query: str, id_column: str = "id") -> tuple[str, dict[str, str]]:
    """A WHERE condition selecting the reports whose `id_column` matches the user `query`.

    For callers that build their own SELECT over `reports` (the web UI's table page): the same
    language and folding as `search_reports`, one named parameter, no ranking. Raises
    QuerySyntaxError. `id_column` is the caller's SQL name for the report id column.
    """
    parsed = parse_query(query)
    condition = (
        f"{id_column} IN (SELECT rowid & {ID_MASK} FROM reports_fts WHERE reports_fts MATCH"
        f" :{_CONDITION_PARAM})"
    )
    return condition, {_CONDITION_PARAM: f"{TEXT_COLUMNS}: ({parsed.match})"}


def _spell_out(db: Database, term: SearchTerm) -> str:
    """A term as FTS5, a prefix as the OR of the indexed words it stands for.

    FTS5 answers `"truong"*` by first copying every posting of every word under the prefix;
    `"truong"` alone (or an OR of a few words) it walks lazily and stops when it has enough.
    """
    if not term.prefix:
        return term.to_fts()
    words = words_with_prefix(db.conn, term.tokens[-1], _MAX_SPELLED_OUT + 1)
    if not words or len(words) > _MAX_SPELLED_OUT:
        return term.to_fts()  # nothing to walk, or too many words: FTS5's own way is as good
    head = term.tokens[:-1]
    phrases = [SearchTerm((*head, word)).to_fts() for word in words]
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


def _newest(db: Database, match: str, low: int, high: int, count: int) -> list[int]:
    """Rowids of the `count` newest reports matching `match` within [low, high]."""
    rows = db.execute(
        "SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? AND rowid BETWEEN ? AND ?"
        " ORDER BY rowid DESC LIMIT ?",
        (match, low, high, count),
    )
    return [row[0] for row in rows]


def _ranking_terms(db: Database, terms: Sequence[SearchTerm]) -> list[SearchTerm]:
    """The wanted terms bm25 should weigh: the rarest affordable ones (see the module doc)."""
    candidates = [term for term in terms if not term.prefix]
    if not candidates or (len(candidates) == 1 and len(candidates[0].tokens) == 1):
        return candidates  # one word's weight is a constant factor: nothing to choose
    newest = db.execute(
        "SELECT effective_date, id FROM reports ORDER BY effective_date DESC, id DESC"
        " LIMIT 1 OFFSET ?",
        (_SAMPLE - 1,),
    ).fetchone()
    sample_low = fts_rowid(*newest) if newest else 0
    sampled = max(1, min(_SAMPLE, _report_count(db)))

    @cache
    def share(words: tuple[str, ...]) -> float:
        # All the words, in any order: the postings FTS5 walks to weigh them.
        match = " AND ".join(SearchTerm((word,)).to_fts() for word in words)
        count = db.execute(
            "SELECT count(*) FROM reports_fts WHERE reports_fts MATCH ? AND rowid >= ?",
            (f"{TEXT_COLUMNS}: ({match})", sample_low),
        ).fetchone()[0]
        return float(count) / sampled

    # A phrase is weighed by its rarest word: to weigh the phrase bm25 walks the postings of
    # each of its words ("phổ cập giáo dục": "giáo" and "dục" are in nearly every report), and
    # every report in the window holds the whole phrase anyway.
    candidates = list(
        dict.fromkeys(
            SearchTerm((min(term.tokens, key=lambda word: share((word,))),))
            for term in candidates
        )
    )
    shares = sorted(((share(term.tokens), term) for term in candidates), key=lambda p: p[0])
    chosen: list[SearchTerm] = []
    spent = 0.0
    for term_share, term in shares:
        if term_share >= _COMMON_SHARE or spent + term_share > _RANK_BUDGET:
            break
        chosen.append(term)
        spent += term_share
    if chosen:
        return chosen
    # Nothing but common words: weigh the rarest single word (a constant-cost walk).
    words = dict.fromkeys(word for term in candidates for word in term.tokens)
    rarest = min(words, key=lambda word: share((word,)))
    return [SearchTerm((rarest,))]


def _report_count(db: Database) -> int:
    # The largest id: the count without a scan (report ids only grow; none are deleted).
    return int(db.execute("SELECT coalesce(max(id), 0) FROM reports").fetchone()[0])


def _rank(
    db: Database,
    window: list[int],
    terms: list[SearchTerm],
    facets: str | None,
    limit: int,
) -> list[tuple[int, float]]:
    """The `limit` best of `window` (rowids, newest first) by bm25 over `terms`."""
    if not window or not terms:
        return [(rowid, 0.0) for rowid in window[:limit]]
    # The facets keep the walk to filtered rows; "+rowid" keeps SQLite from handing the IN
    # list to FTS5 as keys (one lookup each), so bm25 runs only on rows of the window.
    rank_match = f"{TEXT_COLUMNS}: ({' OR '.join(term.to_fts() for term in terms)})"
    if facets is not None:
        rank_match = f"{rank_match} AND {facets}"
    rows = db.execute(
        f"""
        SELECT rowid, {_BM25} AS score FROM reports_fts
        WHERE reports_fts MATCH ? AND rowid BETWEEN ? AND ?
            AND +rowid IN (SELECT value FROM json_each(?))
        ORDER BY score LIMIT ?
        """,
        (rank_match, window[-1], window[0], json.dumps(window), limit),
    ).fetchall()
    ranked = [(rowid, -float(score)) for rowid, score in rows]
    if len(ranked) < limit:
        # Rows matched only through terms left out of the ranking: after the ranked ones.
        scored = {rowid for rowid, _ in ranked}
        ranked += [(rowid, 0.0) for rowid in window if rowid not in scored][: limit - len(ranked)]
    return ranked


def _hits(
    db: Database,
    ranked: list[tuple[int, float]],
    terms: Sequence[SearchTerm],
    markers: tuple[str, str],
    snippet_words: int,
) -> list[SearchHit]:
    ids = [report_id_of(rowid) for rowid, _ in ranked]
    rows: dict[int, tuple[Any, ...]] = {
        row[0]: row
        for row in db.execute(
            """
            SELECT r.id, r.title, r.text, r.published, r.url, r.source_id, s.name,
                   r.province, r.district
            FROM reports r LEFT JOIN sources s ON s.id = r.source_id
            WHERE r.id IN (SELECT value FROM json_each(?))
            """,
            (json.dumps(ids),),
        )
    }
    hits = []
    for report_id, (_, score) in zip(ids, ranked, strict=True):
        _, title, text, published, url, source, source_name, province, district = rows[report_id]
        hits.append(
            SearchHit(
                id=report_id,
                title=title,
                snippet=make_snippet(text, terms, words=snippet_words, markers=markers),
                published=date.fromisoformat(published) if published else None,
                url=url,
                source=source,
                province=province,
                district=district,
                score=score,
                source_name=source_name,
            )
        )
    return hits
