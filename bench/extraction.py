"""Extraction benchmark: our cleaners against bare trafilatura, on two page sets, in one table.

Run from the repository root (`make bench-extraction` does):

    python bench/extraction.py                       # both sets, 3 timed repeats
    python bench/extraction.py --only vn --worst 10  # Vietnamese set, ten worst pages for ours
    python bench/extraction.py --json bench.json     # figures and per-page results for programs

What each figure means is in bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `bench` and `cleaners` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura

from bench import corpora, extractors
from bench.evaluation import RowResult, judge_row, run_timed
from bench.report import SET_TITLES, row_json, table, worst_pages
from cleaners.noise_markers import NOISE_MARKERS

SETS = ("general", "vn")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bench/extraction.py",
        description="Score article extraction (body F1, noise, title, date) and speed.",
        epilog="Example: python bench/extraction.py --only vn --worst 10 --json out.json",
    )
    parser.add_argument(
        "--benchmark-dir",
        type=Path,
        default=corpora.GENERAL_DIR,
        help="the article-extraction benchmark (html/*.html.gz, ground-truth.json); "
        "default: %(default)s",
    )
    parser.add_argument(
        "--vn-dir",
        type=Path,
        default=corpora.VN_DIR,
        help="the Vietnamese portal gold set (pages/*.html.gz, gold.json); default: %(default)s",
    )
    parser.add_argument("--only", choices=SETS, help="run one page set only")
    parser.add_argument(
        "--extractors",
        default=",".join(extractors.EXTRACTORS),
        help="comma-separated rows to run, from: %(default)s",
    )
    parser.add_argument(
        "--repeats", type=int, default=3, help="timed passes; speed is their median"
    )
    parser.add_argument("--limit", type=int, help="first N pages of each set (by id)")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list the N worst pages")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures here")
    return parser


def _load_extractors(names: list[str]) -> dict[str, extractors.ExtractFn]:
    loaded = {}
    for name in names:
        try:
            loaded[name] = extractors.load(name)
        except extractors.ExtractorUnavailable as error:
            print(f"skipping {name}: {error}", file=sys.stderr)
    return loaded


def _load_set(set_name: str, args: argparse.Namespace) -> list[corpora.Page]:
    if set_name == "general":
        return corpora.load_general(args.benchmark_dir, args.limit)
    return corpora.load_vn(args.vn_dir, args.limit)


def _worst_listing(
    set_name: str, rows: dict[str, RowResult], pages: list[corpora.Page], n: int
) -> None:
    subject = rows.get("ours") or next(iter(rows.values()))
    baseline = rows.get(extractors.BASELINE) if subject.extractor != extractors.BASELINE else None
    gold = {p.id: (p.title, p.published) for p in pages}
    heading = f"\nWorst {n} pages for {extractors.label(subject.extractor)}"
    print(f"{heading} on the {SET_TITLES[set_name]}:")
    print("\n".join(worst_pages(subject, baseline, n, gold)))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    names = [n.strip() for n in args.extractors.split(",") if n.strip()]
    unknown = [n for n in names if n not in extractors.EXTRACTORS]
    if unknown:
        print(f"error: unknown extractor {', '.join(unknown)}", file=sys.stderr)
        return 2
    # trafilatura and htmldate log every page they give up on; the table counts those as "empty".
    for noisy in ("trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)

    loaded = _load_extractors(names)
    if not loaded:
        print("error: no extractor could be loaded", file=sys.stderr)
        return 1

    started = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    results: dict[str, dict[str, RowResult]] = {}
    page_sets: dict[str, list[corpora.Page]] = {}
    for set_name in [args.only] if args.only else SETS:
        try:
            pages = _load_set(set_name, args)
        except corpora.CorpusError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        markers = NOISE_MARKERS if set_name == "vn" else ()
        runs = run_timed(loaded, pages, args.repeats)
        results[set_name] = {
            name: judge_row(name, pages, outcomes, seconds, markers)
            for name, (outcomes, seconds) in runs.items()
        }
        page_sets[set_name] = pages

    heading = (
        f"Extraction benchmark, {started}: trafilatura {trafilatura.__version__}, "
        f"speed = median CPU time of {max(1, args.repeats)} repeats\n"
        "×traf = pages/s over the trafilatura row's (bare_extraction with title and date: "
        "the work ours does)\n"
        "×extr = pages/s over the trafilatura.extract row's "
        "(trafilatura.extract(html, include_comments=False): body only)"
    )
    print(table(results, heading))
    if args.worst > 0:
        for set_name, rows in results.items():
            _worst_listing(set_name, rows, page_sets[set_name], args.worst)

    if args.json:
        args.json.write_text(
            json.dumps(_as_json(results, args), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return 0


def _as_json(results: dict[str, dict[str, RowResult]], args: argparse.Namespace) -> dict[str, Any]:
    return {
        "generated": datetime.now().astimezone().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "trafilatura": trafilatura.__version__,
        "repeats": max(1, args.repeats),
        "sets": {
            set_name: {
                name: _row_json(set_name, row, rows)
                for name, row in rows.items()
                if name != extractors.PLAIN_BASELINE
            }
            for set_name, rows in results.items()
        },
        # A speed reference, not a scored row: it reads no title or date.
        "speed_reference": {
            set_name: _row_json(set_name, rows[extractors.PLAIN_BASELINE], rows)
            for set_name, rows in results.items()
            if extractors.PLAIN_BASELINE in rows
        },
    }


def _row_json(set_name: str, row: RowResult, rows: dict[str, RowResult]) -> dict[str, Any]:
    return row_json(
        set_name, row, rows.get(extractors.BASELINE), rows.get(extractors.PLAIN_BASELINE)
    )


if __name__ == "__main__":
    sys.exit(main())
