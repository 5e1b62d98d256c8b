"""`eduwatch search`, `show` and `stats` as users meet them, on a corpus the real pipeline built.

One module-scoped crawl of the sample portals (real Scrapy engine, cleaners, storage); every
expectation is computed from that corpus (the stored reports' own text, the portals' manifest),
never written down, so the tests hold for whatever the sample portals publish.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cleaners.vietnamese import fold
from crawler.cli import cli
from crawler.demo import DEMO_CRAWL
from crawler.sample_portals import Manifest, start_portals
from db import open_db

pytestmark = pytest.mark.integration

WORD = re.compile(r"[^\W_]+")
ALL = "1000"  # --limit that returns every match of this small corpus


@dataclass(frozen=True)
class Corpus:
    config: Path
    db: Path
    manifest: Manifest
    reports: tuple[dict[str, Any], ...]  # every stored report, as `show --format json` gives it

    def report(self, report_id: int) -> dict[str, Any]:
        return next(r for r in self.reports if r["id"] == report_id)


def crawl_sample_portals(workdir: Path) -> Iterator[tuple[Path, Path, Manifest]]:
    """Crawl the sample portals once with the real CLI; yields (config, database, manifest)."""
    with start_portals() as portals:
        config = portals.write_config(
            workdir / "eduwatch.toml", workdir / "eduwatch.db", crawl=DEMO_CRAWL
        )
        crawled = subprocess.run(
            [sys.executable, "-m", "crawler", "--config", str(config), "crawl", "--no-progress"],
            capture_output=True, text=True, timeout=240, check=False,
        )
        assert crawled.returncode == 0, crawled.stderr[-3000:]
        yield config, workdir / "eduwatch.db", portals.manifest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    for config, db_path, manifest in crawl_sample_portals(tmp_path_factory.mktemp("search")):
        store = open_db(db_path)
        try:
            reports = tuple(store.get_report(r["id"]) for r in store.iter_reports())
        finally:
            store.close()
        assert len(reports) >= 4, "the sample portals must yield a corpus to search"
        yield Corpus(config, db_path, manifest, reports)  # type: ignore[arg-type]


def run(corpus: Corpus, *args: str, width: int = 120) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["--config", str(corpus.config), *args], env={"COLUMNS": str(width)}
    )
    return result.exit_code, result.stdout, result.stderr


def search_json(corpus: Corpus, *args: str) -> list[dict[str, Any]]:
    code, out, err = run(corpus, "search", *args, "--format", "json")
    assert code == 0, err
    hits: list[dict[str, Any]] = json.loads(out)
    return hits


def found(corpus: Corpus, query: str, *args: str) -> set[int]:
    return {hit["id"] for hit in search_json(corpus, query, "--limit", ALL, *args)}


def words(text: str) -> list[str]:
    """Folded words: what a diacritic-blind reader sees."""
    return WORD.findall(fold(text))


def containing(corpus: Corpus, *needles: str) -> set[int]:
    """Reports whose title or text holds every needle as a run of whole folded words."""
    ids = set()
    for report in corpus.reports:
        haystack = " " + " ".join(words(report["title"] + "\n" + report["text"])) + " "
        if all(f" {' '.join(words(needle))} " in haystack for needle in needles):
            ids.add(report["id"])
    return ids


def expected_stored(corpus: Corpus) -> list[dict[str, Any]]:
    """Stored reports the manifest expects (listing pages a cleaner let through are left out)."""
    titles = {" ".join(words(t)) for e in corpus.manifest.expected_reports() for t in e.titles}
    chosen = [r for r in corpus.reports if " ".join(words(r["title"])) in titles]
    assert chosen, "no expected report was stored"
    return chosen


def accented_window(title: str, size: int = 4) -> str:
    """The `size` consecutive title words with the most diacritics (the hardest to type)."""
    title_words = WORD.findall(title)
    windows = [title_words[i : i + size] for i in range(max(1, len(title_words) - size + 1))]
    best = max(windows, key=lambda w: sum(not c.isascii() for c in "".join(w)))
    return " ".join(best)


# -- folding ------------------------------------------------------------------------------


def test_a_title_typed_without_diacritics_finds_its_report(corpus: Corpus) -> None:
    subject = max(expected_stored(corpus), key=lambda r: len(r["title"]))
    typed = accented_window(subject["title"])
    variants = {typed, fold(typed), typed.upper(), fold(typed).title()}
    results = {variant: found(corpus, variant) for variant in variants}
    assert subject["id"] in results[fold(typed)], (fold(typed), subject["title"])
    assert len({frozenset(ids) for ids in results.values()}) == 1, results
    assert results[typed] == containing(corpus, *typed.split())


def test_d_with_stroke_is_d(corpus: Corpus) -> None:
    word = next(
        w for r in corpus.reports for w in WORD.findall(r["title"]) if w[0] in "đĐ" and len(w) > 2
    )
    plain = fold(word)
    assert plain.startswith("d")
    expected = containing(corpus, word)
    assert expected
    for variant in (word, word.upper(), plain, plain.upper()):
        assert found(corpus, variant) == expected, variant


def test_old_and_new_tone_mark_placement_match_each_other(corpus: Corpus) -> None:
    everything = " ".join(r["title"] + " " + r["text"] for r in corpus.reports).lower()
    pairs = [("uỷ", "ủy"), ("hoà", "hòa"), ("thuỷ", "thủy"), ("hoá", "hóa"), ("khoẻ", "khỏe")]
    present = [(old, new) for old, new in pairs if old in everything or new in everything]
    assert present, "the sample reports use tone marks both ways"
    for old, new in present:
        assert found(corpus, old) == found(corpus, new) == containing(corpus, old), (old, new)


# -- the query language ---------------------------------------------------------------------


def test_a_phrase_needs_its_words_in_order_and_a_province_filter_keeps_its_place(
    corpus: Corpus,
) -> None:
    subject = next(r for r in expected_stored(corpus) if r["province"])
    phrase = " ".join(WORD.findall(subject["text"])[5:8])
    in_place = found(corpus, f'"{fold(phrase)}"', "--province", "tinh " + fold(subject["province"]))
    assert subject["id"] in in_place
    assert in_place <= containing(corpus, phrase)
    assert all(corpus.report(i)["province"] == subject["province"] for i in in_place)
    reversed_phrase = " ".join(reversed(phrase.split()))
    assert found(corpus, f'"{reversed_phrase}"') == containing(corpus, reversed_phrase)


def test_and_or_not_combine_like_sets(corpus: Corpus) -> None:
    a, b = "năm học", "tuyển sinh"
    with_a, with_b = containing(corpus, a), containing(corpus, b)
    assert with_a and with_b and with_a != with_b
    assert found(corpus, f'"{a}" AND "{b}"') == with_a & with_b
    assert found(corpus, f'"{a}" OR "{b}"') == with_a | with_b
    assert found(corpus, f'"{a}" NOT "{b}"') == with_a - with_b


def test_a_prefix_matches_the_start_of_words(corpus: Corpus) -> None:
    hits = found(corpus, "truong*")
    expected = {
        r["id"] for r in corpus.reports
        if any(w.startswith("truong") for w in words(r["title"] + " " + r["text"]))
    }
    assert hits == expected and hits


# -- filters and order ------------------------------------------------------------------------


def test_every_filter_narrows_to_what_it_names(corpus: Corpus) -> None:
    everything = found(corpus, "giao duc")
    assert everything
    district_report = next(r for r in corpus.reports if r["district"])
    checks = {
        ("--district", "huyen " + fold(district_report["district"])):
            lambda r: r["district"] == district_report["district"],
        ("--level", "department"): lambda r: r["level"] == "department",
        ("--source", corpus.reports[0]["urls"][0]["source_id"]):
            lambda r: corpus.reports[0]["urls"][0]["source_id"]
            in {u["source_id"] for u in r["urls"]},
    }
    for (option, value), belongs in checks.items():
        narrowed = found(corpus, "giao duc", option, value)
        assert narrowed == {i for i in everything if belongs(corpus.report(i))}, option


def test_since_and_until_use_the_published_date_else_first_seen(corpus: Corpus) -> None:
    days = sorted({r["published"] or r["first_seen"][:10] for r in corpus.reports})
    middle = days[len(days) // 2]
    hits = found(corpus, "giao duc", "--since", middle)
    until = found(corpus, "giao duc", "--until", middle)
    everything = found(corpus, "giao duc")
    for report_id in everything:
        report = corpus.report(report_id)
        day = report["published"] or report["first_seen"][:10]
        assert (report_id in hits) == (day >= middle)
        assert (report_id in until) == (day <= middle)


def test_newest_order_and_limit(corpus: Corpus) -> None:
    hits = search_json(corpus, "giao duc", "--order", "newest", "--limit", "3")
    assert len(hits) == min(3, len(found(corpus, "giao duc")))
    days = [corpus.report(h["id"])["published"] or "" for h in hits]
    assert days == sorted(days, reverse=True)


# -- output ----------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [160, 100, 60, 40])
def test_the_table_fits_the_terminal_and_shows_title_place_date_url(
    corpus: Corpus, width: int
) -> None:
    code, out, err = run(corpus, "search", "tong ket nam hoc", width=width)
    assert code == 0, err
    lines = out.splitlines()
    assert lines and all(len(line) <= width for line in lines), width
    hits = search_json(corpus, "tong ket nam hoc")
    table = "\n".join(lines)
    for hit in hits:
        assert str(hit["id"]) in table
        assert (hit["published"] or "-") in table
        if len(hit["url"]) <= width - 4:
            assert hit["url"] in table  # whole: a URL cut short is a wrong link
        else:
            assert hit["url"][:15] in table  # at least the scheme and host
        assert words(hit["title"])[0] in words(table)
    if width >= 100:  # columns: the header names them
        assert lines[0].split()[:4] == ["ID", "DATE", "PLACE", "TITLE"]
        assert "[" in table  # the hits inside snippets are marked


def test_json_and_csv_carry_the_same_hits(corpus: Corpus) -> None:
    as_json = search_json(corpus, "năm học")
    code, out, _ = run(corpus, "search", "năm học", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [int(r["id"]) for r in rows] == [h["id"] for h in as_json]
    assert {"title", "published", "province", "district", "url", "snippet"} <= set(rows[0])


def test_no_match_is_not_an_error(corpus: Corpus) -> None:
    code, out, err = run(corpus, "search", "zzzyxq")
    assert (code, out) == (0, "") and "no reports match" in err


# -- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ('"chuẩn quốc gia',),
        ("giáo AND (",),
        ("(tong ket",),
        ("OR hoc",),
        ("NOT hoc",),
        ("*",),
        ("hoc", "--province", "Narnia"),
        ("hoc", "--district", "không có"),
        ("hoc", "--source", "no-such-source"),
        ("hoc", "--level", "city"),
        ("hoc", "--since", "2023-13-01"),
        ("hoc", "--since", "2024-01-01", "--until", "2023-01-01"),
        ("hoc", "--limit", "0"),
        ("hoc", "--limit", "100000"),
    ],
)
def test_bad_input_is_one_line_exit_2_no_traceback(corpus: Corpus, args: tuple[str, ...]) -> None:
    code, out, err = run(corpus, "search", *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")
    assert "Traceback" not in err


def test_an_unknown_place_lists_the_known_ones(corpus: Corpus) -> None:
    _, _, err = run(corpus, "search", "hoc", "--province", "Narnia")
    assert all(r["province"] in err for r in corpus.reports if r["province"])


def test_sql_in_a_query_is_only_words(corpus: Corpus) -> None:
    count = len(corpus.reports)
    for query in ("'; DROP TABLE reports; --", 'title: "x" OR 1=1', "hoc) OR (1"):
        code, _, err = run(corpus, "search", query)
        assert code in (0, 2) and "Traceback" not in err
    store = open_db(corpus.db)
    try:
        assert store.count_reports() == count
    finally:
        store.close()


# -- show and stats ---------------------------------------------------------------------------


def test_show_prints_the_whole_report_every_url_source_and_signal(corpus: Corpus) -> None:
    report = max(corpus.reports, key=lambda r: len(r["urls"]))
    code, out, err = run(corpus, "show", str(report["id"]))
    assert code == 0, err
    assert report["text"] in out
    for seen in report["urls"]:
        assert seen["url"] in out and seen["source_id"] in out
    for signal in report["signals"]:
        assert signal in out


def test_stats_counts_reports_per_source_province_and_month(corpus: Corpus) -> None:
    code, out, err = run(corpus, "stats", "--format", "json")
    assert code == 0, err
    stats = json.loads(out)
    assert stats["reports"] == len(corpus.reports)
    per_source = {s["source"]: s for s in stats["by_source"]}
    for source in {u["source_id"] for r in corpus.reports for u in r["urls"]}:
        seen_there = [r for r in corpus.reports if source in {u["source_id"] for u in r["urls"]}]
        assert per_source[source]["reports"] == len(seen_there)
        assert per_source[source]["last_successful_crawl"]  # the crawl above succeeded
    for province, count in stats["by_province"].items():
        assert count == sum(r["province"] == province for r in corpus.reports)
    months = [(r["published"] or r["first_seen"])[:7] for r in corpus.reports]
    assert stats["by_month"] == {m: months.count(m) for m in sorted(set(months))}
    assert all(date.fromisoformat(m + "-01") for m in stats["by_month"])


def test_stats_table_names_every_source_and_month(corpus: Corpus) -> None:
    code, out, _ = run(corpus, "stats", width=100)
    assert code == 0
    assert all(len(line) <= 100 for line in out.splitlines())
    for report in corpus.reports:
        assert report["urls"][0]["source_id"] in out
        assert (report["published"] or report["first_seen"])[:7] in out


# -- layout helpers ---------------------------------------------------------------------------


def test_bold_hits_take_no_width_and_are_closed_when_cut() -> None:
    from crawler.cli_query import HIT_CLOSE, HIT_OPEN, render_marked

    snippet = f"… Hội nghị {HIT_OPEN}tổng kết năm học{HIT_CLOSE} 2022-2023 của huyện"
    for width in range(8, 60, 3):
        line = render_marked(snippet, width, color=True)
        visible = re.sub(r"\x1b\[\d+m", "", line)
        assert len(visible) <= width
        assert line.count("\x1b[1m") == line.count("\x1b[22m")
        plain = render_marked(snippet, width, color=False)
        assert len(plain) <= width and plain.count("[") == plain.count("]")


def test_a_cut_url_keeps_its_host_and_its_end() -> None:
    from crawler.cli_query import fit_url

    url = "https://sgddt.laichau.gov.vn/tin-tuc/tong-ket-nam-hoc-2022-2023-cua-nganh-1234.html"
    cut = fit_url(url, 50)
    assert len(cut) == 50
    assert cut.startswith("https://sgddt.laichau.gov.vn/") and cut.endswith("-1234.html")
    assert fit_url(url, len(url)) == url
