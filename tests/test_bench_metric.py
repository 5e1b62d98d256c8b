"""The extraction benchmark: its metric on hand-computed cases, its runner on stand-in extractors,
the Vietnamese gold set's consistency with its pages, and one end-to-end run of the script."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import unicodedata
from datetime import date
from itertools import count
from pathlib import Path

import pytest

from bench import corpora
from bench.evaluation import judge_row, run_timed
from bench.extractors import Extraction
from bench.metric import (
    Counts,
    date_exact,
    f1,
    leaked_noise,
    match,
    precision,
    recall,
    score,
    shingles,
    title_exact,
)
from bench.vn_portals import build
from bench.vn_portals.story import StoryError, gold_body, parse_story

REPO = Path(__file__).resolve().parent.parent


# --- shingles and per-page counts -----------------------------------------------------------------


def test_shingles_are_a_bag_of_four_token_windows():
    bag = shingles("a b c d a b c d")
    # 8 tokens -> 5 windows, one of them twice
    assert sum(bag.values()) == 5
    assert bag[("a", "b", "c", "d")] == 2
    assert bag[("b", "c", "d", "a")] == 1


def test_text_shorter_than_a_shingle_is_one_shingle_and_empty_text_none():
    assert shingles("Hà Nội") == {("Hà", "Nội"): 1}
    assert shingles("  ,.;  ") == {}


def test_punctuation_and_line_breaks_do_not_count():
    assert match("Hà Nội, ngày 5/9/2023.", "Hà Nội\nngày 5 9 2023") == Counts(tp=3, fp=0, fn=0)


def test_nfd_text_matches_its_nfc_form():
    gold = "Uỷ ban nhân dân huyện Điện Biên"
    decomposed = unicodedata.normalize("NFD", gold)
    assert decomposed != gold
    assert match(gold, decomposed) == Counts(tp=4, fp=0, fn=0)


def test_missing_half_of_the_gold():
    # gold: 5 tokens -> 2 shingles; ours: the first 4 tokens -> 1 shingle, which is in the gold
    counts = match("a b c d e", "a b c d")
    assert counts == Counts(tp=1, fp=0, fn=1)
    assert precision(counts) == 1.0
    assert recall(counts) == 0.5


def test_repeated_text_is_counted_as_often_as_it_appears():
    # gold 8 tokens: abcd×2, bcda, cdab, dabc; ours 12 tokens: abcd×3, bcda×2, cdab×2, dabc×2
    counts = match("a b c d a b c d", "a b c d a b c d a b c d")
    assert counts == Counts(tp=5, fp=4, fn=0)
    assert precision(counts) == pytest.approx(5 / 9)
    assert recall(counts) == 1.0


def test_nothing_missing_and_nothing_extra_scores_one_even_when_both_are_empty():
    assert precision(Counts(0, 0, 0)) == recall(Counts(0, 0, 0)) == 1.0
    identical = match("một hai ba bốn năm", "một hai ba bốn năm")
    assert precision(identical) == recall(identical) == 1.0


def test_extracting_nothing_scores_zero_precision_and_zero_recall():
    counts = match("một hai ba bốn năm", "")
    assert counts == Counts(tp=0, fp=0, fn=2)
    assert precision(counts) == 0.0
    assert recall(counts) == 0.0


def test_text_where_the_gold_is_empty_scores_zero_recall_and_zero_precision():
    counts = match("", "Tin mới nhất")
    assert counts == Counts(tp=0, fp=1, fn=0)
    assert recall(counts) == 0.0
    assert precision(counts) == 0.0


# --- aggregation ----------------------------------------------------------------------------------


def test_f1_is_taken_from_the_mean_precision_and_mean_recall():
    # page A: p=1, r=1/4 (F1 0.4); page B: p=1/4, r=1 (F1 0.4). The mean of page F1s would be
    # 0.4; the benchmark's F1 of the means (5/8, 5/8) is 5/8.
    scores = score([Counts(tp=1, fp=0, fn=3), Counts(tp=1, fp=3, fn=0)])
    assert scores.precision == pytest.approx(5 / 8)
    assert scores.recall == pytest.approx(5 / 8)
    assert scores.f1 == pytest.approx(5 / 8)
    assert scores.pages == 2


def test_a_page_we_gave_up_on_pulls_precision_down():
    scores = score([Counts(tp=1, fp=0, fn=1), Counts(tp=0, fp=0, fn=3)])
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(0.25)
    assert scores.f1 == pytest.approx(1 / 3)


def test_f1_of_zero_and_zero_is_zero():
    assert f1(0.0, 0.0) == 0.0
    assert f1(1.0, 0.5) == pytest.approx(2 / 3)


def test_no_pages_scores_zero():
    assert score([]).f1 == 0.0


# --- titles, dates, noise -------------------------------------------------------------------------


def test_title_exact_ignores_whitespace_and_normal_form_but_nothing_else():
    gold = "Quận Lê Chân: Tổng kết năm học 2022-2023"
    assert title_exact(gold, "  Quận  Lê Chân:\nTổng kết năm học 2022-2023 ")
    assert title_exact(gold, unicodedata.normalize("NFD", gold))
    assert not title_exact(gold, "Quận Lê Chân: Tổng kết năm học 2022-2023 - Cổng TTĐT")
    assert not title_exact(gold, "Tin tức - Sự kiện")
    assert not title_exact(gold, None)


def test_date_exact_compares_calendar_days():
    assert date_exact("2023-10-09", date(2023, 10, 9))
    assert date_exact("2023-10-09", "2023-10-09T09:53:00+07:00")
    assert not date_exact("2023-10-09", "2023-10-10")
    assert not date_exact("2023-10-09", None)
    assert not date_exact("2023-10-09", "Thứ hai - 09/10/2023")


def test_noise_counts_only_what_the_gold_does_not_say_itself():
    markers = ("Tin mới nhất", "Thống kê truy cập", "Đang truy cập")
    gold = "Bạn đọc theo dõi mục Tin mới nhất ở đầu trang chủ."
    extracted = gold + "\nTIN MỚI NHẤT\nThống kê truy cập\nĐang truy cập 223"
    assert leaked_noise(gold, extracted, markers) == {
        "Tin mới nhất": 1,
        "Thống kê truy cập": 1,
        "Đang truy cập": 1,
    }
    assert leaked_noise(gold, gold, markers) == {}


# --- the runner, with stand-in extractors and a fake clock ----------------------------------------


def _page(page_id: str, body: str) -> corpora.Page:
    return corpora.Page(
        id=page_id,
        url=f"https://example.gov.vn/{page_id}.html",
        html=f"<html><body><h1>Tiêu đề {page_id}</h1><p>{body}</p></body></html>",
        body=body,
        title=f"Tiêu đề {page_id}",
        published="2024-03-12",
    )


PAGES = [
    _page("a", "Phòng Giáo dục và Đào tạo huyện tổ chức hội nghị sơ kết học kỳ I"),
    _page("b", "Kỳ thi tuyển sinh vào lớp 10 THPT được tổ chức trong hai ngày"),
]


def _perfect(html: str, url: str) -> Extraction:
    page = next(p for p in PAGES if p.url == url)
    return Extraction(text=page.body, title=page.title, published="2024-03-12")


def _with_furniture(html: str, url: str) -> Extraction:
    page = next(p for p in PAGES if p.url == url)
    return Extraction(text=page.body + "\nThống kê truy cập\nĐang truy cập 12", title="Tin tức")


def _broken(html: str, url: str) -> Extraction:
    raise ValueError("no body")


def test_runner_scores_and_times_each_stand_in_extractor():
    ticks = count()
    runs = run_timed(
        {"perfect": _perfect, "furniture": _with_furniture, "broken": _broken},
        PAGES,
        repeats=3,
        clock=lambda: float(next(ticks)),
    )
    markers = ("Thống kê truy cập", "Đang truy cập")
    rows = {
        name: judge_row(name, PAGES, outcomes, seconds, markers)
        for name, (outcomes, seconds) in runs.items()
    }
    # every call takes one fake second: two per pass over two pages
    assert all(row.seconds == (2.0, 2.0, 2.0) for row in rows.values())
    assert rows["perfect"].pages_per_second == 1.0

    perfect = rows["perfect"]
    assert (perfect.scores.f1, perfect.noise_pages, perfect.titles_exact, perfect.dates_exact) == (
        1.0,
        0,
        2,
        2,
    )
    furniture = rows["furniture"]
    assert furniture.scores.recall == 1.0
    assert furniture.scores.precision < 1.0
    assert (furniture.noise_pages, furniture.noise_hits) == (2, 4)
    assert (furniture.titles_exact, furniture.dates_exact) == (0, 0)
    broken = rows["broken"]
    assert (broken.errors, broken.empty, broken.scores.f1) == (2, 2, 0.0)
    assert broken.pages[0].error == "ValueError: no body"


# --- page sets ------------------------------------------------------------------------------------


def test_general_loader_reads_gzip_pages_and_ground_truth_in_id_order(tmp_path):
    (tmp_path / "html").mkdir()
    truth = {}
    for page_id in ("b2", "a1", "c3"):
        (tmp_path / "html" / f"{page_id}.html.gz").write_bytes(
            gzip.compress(f"<p>body {page_id} ü</p>".encode())
        )
        truth[page_id] = {"articleBody": f"body {page_id}", "url": f"https://x/{page_id}"}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")

    pages = corpora.load_general(tmp_path, limit=2)
    assert [p.id for p in pages] == ["a1", "b2"]
    assert pages[0].html == "<p>body a1 ü</p>"
    assert (pages[0].body, pages[0].title, pages[0].published) == ("body a1", None, None)


def test_missing_page_set_is_one_clear_error(tmp_path):
    with pytest.raises(corpora.CorpusError, match="ground-truth.json"):
        corpora.load_general(tmp_path)


# --- the Vietnamese gold set ----------------------------------------------------------------------

STORY = """title: Thông báo lịch nghỉ Tết
published: 2024-01-22 14:00
lead: Phòng Giáo dục và Đào tạo thông báo.
---
[table]
UBND HUYỆN // PHÒNG GD&ĐT | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 18/TB-PGDĐT | ngày 22 tháng 01 năm 2024
[center] THÔNG BÁO
Học sinh nghỉ Tết từ ngày 05/02/2024.
[list]
Thời gian nghỉ;
Tổ chức thực hiện.
[caption] Học sinh trường Nà Hỳ
[image]
[byline] Lò Văn Thiện
"""


def test_story_gold_is_lead_then_blocks_in_reading_order():
    story = parse_story("nghi-tet", STORY)
    assert story.published.date() == date(2024, 1, 22)
    assert gold_body(story) == (
        "Phòng Giáo dục và Đào tạo thông báo.\n\n"
        "UBND HUYỆN PHÒNG GD&ĐT | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 18/TB-PGDĐT | ngày 22 tháng 01 năm 2024\n\n"
        "THÔNG BÁO\n\n"
        "Học sinh nghỉ Tết từ ngày 05/02/2024.\n\n"
        "Thời gian nghỉ;\nTổ chức thực hiện.\n\n"
        "Học sinh trường Nà Hỳ\n\n"
        "Lò Văn Thiện"
    )


def test_story_with_an_unknown_block_is_rejected():
    with pytest.raises(StoryError, match="unknown block"):
        parse_story("x", "title: T\npublished: 2024-01-01 08:00\n---\n[video] clip\n")


def test_page_check_catches_gold_that_adds_to_or_drops_from_the_article():
    placement = build.PLACEMENTS[0]
    story = build.load_stories()[placement.story]
    page = build.build_page(placement, story)
    assert build.check_page(page) == []
    body = page.gold["body"]
    extra = build.BuiltPage(page.id, page.html, {**page.gold, "body": body + "\n\nxyz abc"})
    [problem] = build.check_page(extra)
    assert problem.endswith("page '', gold 'xyz abc'")
    last_line = body.rsplit("\n\n", 1)[-1]
    short = build.BuiltPage(page.id, page.html, {**page.gold, "body": body[: -len(last_line)]})
    [problem] = build.check_page(short)
    first_words = " ".join(re.findall(r"\w+", last_line)[:6])
    assert problem.endswith(f"page {first_words!r}, gold ''")


def test_committed_gold_set_is_what_the_builder_makes_and_agrees_with_its_pages():
    pages, problems = build.build_all()
    assert problems == []
    saved_gold = json.loads(build.GOLD_PATH.read_text(encoding="utf-8"))
    assert saved_gold == {page.id: page.gold for page in pages}
    for page in pages:
        saved = gzip.decompress((build.PAGES_DIR / f"{page.id}.html.gz").read_bytes())
        assert saved.decode("utf-8") == page.html, f"{page.id}: run bench/vn_portals/build.py"


def test_gold_set_covers_the_platforms_it_promises():
    templates = {p.template for p in build.PLACEMENTS}
    stories = {p.story for p in build.PLACEMENTS}
    assert len(build.PLACEMENTS) >= 40
    assert len(templates) >= 6
    assert len(stories) >= 17
    assert len({(p.template, p.story) for p in build.PLACEMENTS}) == len(build.PLACEMENTS)


# --- the script, end to end -----------------------------------------------------------------------


def test_script_runs_three_pages_and_writes_json(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [
            sys.executable,
            "bench/extraction.py",
            *["--only", "vn", "--limit", "3", "--repeats", "1", "--worst", "2", "--json"],
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Vietnamese portal gold set" in result.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    first_three = sorted(json.loads(build.GOLD_PATH.read_text(encoding="utf-8")))[:3]
    rows = figures["sets"]["vn"]
    assert "trafilatura" in rows
    for row in rows.values():
        assert row["pages"] == 3
        assert [p["id"] for p in row["per_page"]] == first_three
        assert row["f1"] == pytest.approx(f1(row["precision"], row["recall"]), abs=1e-3)
        assert 0 <= row["title_exact"] <= 3
        assert row["label"] in result.stdout
