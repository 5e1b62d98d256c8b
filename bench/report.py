"""Render benchmark results for people (one table, worst-page listing) and programs (JSON).

Pure functions from `RowResult`s to text or plain data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bench.evaluation import PageResult, RowResult
from bench.extractors import BASELINE, PLAIN_BASELINE, label

SET_TITLES = {"general": "article-extraction benchmark", "vn": "Vietnamese portal gold set"}
_DASH = "–"

# (heading, width); the first two columns are left-aligned
_COLUMNS = (
    ("set", 7),
    ("extractor", 21),
    ("pages", 5),
    ("F1", 5),
    ("prec", 5),
    ("recall", 6),
    ("empty", 5),
    ("err", 3),
    ("noisy", 5),
    ("hits", 4),
    ("title", 5),
    ("date", 5),
    ("pages/s", 7),
    ("×traf", 5),
    ("×extr", 5),
)


def _speed_ratio(row: RowResult, baseline: RowResult | None) -> float | None:
    """The row's pages/s over the baseline's (below 1 is slower); None without a baseline."""
    if baseline is None or baseline.pages_per_second <= 0:
        return None
    return row.pages_per_second / baseline.pages_per_second


def _ratio_cell(ratio: float | None) -> str:
    return _DASH if ratio is None else f"{ratio:.2f}"


def _cells(
    set_name: str, row: RowResult, baseline: RowResult | None, plain: RowResult | None
) -> list[str]:
    pages = row.scores.pages
    noise_counted = set_name == "vn"
    return [
        set_name,
        label(row.extractor),
        str(pages),
        f"{row.scores.f1:.3f}",
        f"{row.scores.precision:.3f}",
        f"{row.scores.recall:.3f}",
        str(row.empty),
        str(row.errors),
        str(row.noise_pages) if noise_counted else _DASH,
        str(row.noise_hits) if noise_counted else _DASH,
        _fraction(row.titles_exact, pages),
        _fraction(row.dates_exact, pages),
        f"{row.pages_per_second:.1f}",
        _ratio_cell(_speed_ratio(row, baseline)),
        _ratio_cell(_speed_ratio(row, plain)),
    ]


def _fraction(count: int | None, pages: int) -> str:
    return _DASH if count is None else f"{count}/{pages}"


def _line(cells: Sequence[str]) -> str:
    parts = []
    for index, (cell, (_, width)) in enumerate(zip(cells, _COLUMNS, strict=True)):
        parts.append(cell.ljust(width) if index < 2 else cell.rjust(width))
    return "  ".join(parts).rstrip()


def table(results: Mapping[str, Mapping[str, RowResult]], heading: str) -> str:
    """The one table: a row per (set, extractor), all measured in the same run."""
    lines = [heading, _line([name for name, _ in _COLUMNS])]
    lines.append("-" * len(lines[-1]))
    for set_name, rows in results.items():
        baseline, plain = rows.get(BASELINE), rows.get(PLAIN_BASELINE)
        lines.extend(_line(_cells(set_name, row, baseline, plain)) for row in rows.values())
    return "\n".join(lines)


def _notes(page: PageResult, gold_title: str | None, gold_date: str | None) -> str:
    notes = []
    if page.error:
        notes.append(f"error {page.error}")
    if page.extraction.verdict:
        notes.append(page.extraction.verdict)
    if page.noise:
        notes.append("noise " + ", ".join(f"{m!r}×{n}" for m, n in page.noise.items()))
    if page.title_exact is False:
        notes.append(f"title {page.extraction.title!r} ≠ {gold_title!r}")
    if page.date_exact is False:
        notes.append(f"date {page.extraction.published} ≠ {gold_date}")
    return "; ".join(notes)


def worst_pages(
    row: RowResult,
    baseline: RowResult | None,
    count: int,
    gold: Mapping[str, tuple[str | None, str | None]],
) -> list[str]:
    """The `count` pages where `row` scores the lowest F1, with what else went wrong there.

    `gold` maps page id to (title, published) so that a wrong title or date can be shown.
    """
    baseline_f1 = {p.id: p.f1 for p in baseline.pages} if baseline is not None else {}
    ranked = sorted(row.pages, key=lambda p: (p.f1, p.id))[:count]
    lines = [f"{'F1':>5}  {'prec':>5}  {'recall':>6}  {'traf F1':>7}  page"]
    for page in ranked:
        other = baseline_f1.get(page.id)
        other_text = f"{other:.3f}" if other is not None else _DASH
        title, published = gold.get(page.id, (None, None))
        notes = _notes(page, title, published)
        lines.append(
            f"{page.f1:5.3f}  {page.precision:5.3f}  {page.recall:6.3f}  {other_text:>7}  "
            f"{page.id}" + (f"\n{'':32}{notes}" if notes else "")
        )
    return lines


def _page_json(page: PageResult) -> dict[str, Any]:
    return {
        "id": page.id,
        "f1": round(page.f1, 4),
        "precision": round(page.precision, 4),
        "recall": round(page.recall, 4),
        "tp": page.counts.tp,
        "fp": page.counts.fp,
        "fn": page.counts.fn,
        "empty": page.empty,
        "noise": page.noise,
        "title_exact": page.title_exact,
        "date_exact": page.date_exact,
        "title": page.extraction.title,
        "published": page.extraction.published,
        "verdict": page.extraction.verdict,
        "error": page.error,
    }


def row_json(
    set_name: str, row: RowResult, baseline: RowResult | None, plain: RowResult | None = None
) -> dict[str, Any]:
    """One row's figures, and its pages', as plain data."""
    noise_counted = set_name == "vn"
    ratio, plain_ratio = _speed_ratio(row, baseline), _speed_ratio(row, plain)
    return {
        "label": label(row.extractor),
        "pages": row.scores.pages,
        "f1": round(row.scores.f1, 4),
        "precision": round(row.scores.precision, 4),
        "recall": round(row.scores.recall, 4),
        "empty": row.empty,
        "errors": row.errors,
        "noise_pages": row.noise_pages if noise_counted else None,
        "noise_hits": row.noise_hits if noise_counted else None,
        "title_exact": row.titles_exact,
        "date_exact": row.dates_exact,
        "seconds": [round(s, 4) for s in row.seconds],
        "pages_per_second": round(row.pages_per_second, 2),
        "speed_vs_trafilatura": round(ratio, 3) if ratio is not None else None,
        "speed_vs_trafilatura_extract": round(plain_ratio, 3) if plain_ratio is not None else None,
        "per_page": [_page_json(p) for p in row.pages],
    }
