"""Turning a crawl's Scrapy stats into the per-source figures users see and `crawl_runs` keeps."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

BUDGET_CUTS = ("page_budget", "shape_budget", "depth", "listing_depth")
COLUMNS = (
    ("pages_fetched", "pages"),
    ("new_reports", "new"),
    ("duplicates", "dup"),
    ("non_reports", "non-report"),
    ("listings", "listings"),
    ("not_modified", "304"),
    ("skipped_budget", "budget-cut"),
    ("traps_cut", "traps-cut"),
    ("errors", "errors"),
    ("requests", "requests"),
)


def run_counts(stats: Mapping[str, Any]) -> dict[str, int]:
    """The figures of one source's crawl, from its Scrapy stats."""

    def get(key: str) -> int:
        return int(stats.get(key, 0) or 0)

    cuts = cut_details(stats)
    return {
        "pages_fetched": get("eduwatch/pages_fetched"),
        "new_reports": get("eduwatch/outcome/new_report"),
        "duplicates": get("eduwatch/outcome/duplicate"),
        "non_reports": get("eduwatch/outcome/not_education"),
        "listings": get("eduwatch/outcome/listing") + get("eduwatch/outcome/empty"),
        "not_modified": get("eduwatch/outcome/not_modified"),
        "skipped_budget": sum(cuts.get(k, 0) for k in BUDGET_CUTS),
        "traps_cut": sum(v for k, v in cuts.items() if k.startswith("trap_")),
        "errors": get("eduwatch/outcome/error"),
        "requests": get("downloader/request_count"),
    }


def cut_details(stats: Mapping[str, Any]) -> dict[str, int]:
    """Every cut reason with its count (offsite, trap_calendar, shape_budget, ...)."""
    return {k.removeprefix("eduwatch/cut/"): int(v) for k, v in sorted(stats.items())
            if k.startswith("eduwatch/cut/") and v}


@dataclass(frozen=True)
class SourceSummary:
    source_id: str
    counts: Mapping[str, int]
    cuts: Mapping[str, int]
    status: str  # "ok", "interrupted", "failed"


def format_table(summaries: list[SourceSummary]) -> str:
    """A plain-text table: one row per source and a total row."""
    header = ["source", *(label for _, label in COLUMNS), "status"]
    rows = [[s.source_id, *(str(s.counts.get(k, 0)) for k, _ in COLUMNS), s.status]
            for s in summaries]
    if len(summaries) > 1:
        totals = [str(sum(s.counts.get(k, 0) for s in summaries)) for k, _ in COLUMNS]
        rows.append(["TOTAL", *totals, ""])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                       enumerate(zip(row, widths, strict=True))).rstrip()
             for row in [header, *rows]]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)
