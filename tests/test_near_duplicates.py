"""Near-duplicate signatures and their use in storage: an edited republication is one report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cleaners.near_duplicates import (
    NEAR_DUPLICATE_SIMILARITY,
    band_keys,
    signature,
    similarity,
)
from db import PageRecord, ReportRecord, open_db

SEEDS = sorted((Path(__file__).resolve().parent / "data" / "classify").glob("edu_seed_*.txt"))


def body(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def edited_copy(text: str) -> str:
    """What a second portal does: its own lead line, one paragraph left out, a closing credit."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    prose = [p for p in paragraphs if len(p) > 80]
    dropped = min(prose, key=len)  # a caption-sized paragraph, not half of the report
    kept = [p for p in paragraphs if p is not dropped]
    return "\n".join(["Cổng thông tin điện tử huyện đưa tin.", *kept, "Nguồn: UBND huyện"])


@pytest.fixture(scope="module")
def seeds() -> list[str]:
    texts = [body(p) for p in SEEDS]
    assert len(texts) == 5
    return texts


def test_different_reports_are_far_apart(seeds: list[str]) -> None:
    signatures = [signature(t) for t in seeds]
    for i, first in enumerate(signatures):
        for second in signatures[i + 1 :]:
            assert similarity(first, second) < 0.2


def test_an_edited_republication_stays_near(seeds: list[str]) -> None:
    for text in seeds:
        original, copy = signature(text), signature(edited_copy(text))
        assert similarity(original, copy) >= NEAR_DUPLICATE_SIMILARITY
        assert set(band_keys(original)) & set(band_keys(copy))  # found as a candidate


def test_spelling_conventions_do_not_matter_and_short_texts_are_not_judged(
    seeds: list[str],
) -> None:
    text = seeds[0]
    respelled = text.replace("Uỷ", "Ủy").replace("hoà", "hòa")
    assert similarity(signature(text), signature(respelled)) == 1.0
    assert signature("Thông báo lịch thi.") == ()
    assert similarity((), signature(text)) == 0.0


def record(text: str, url: str, source: str, content_hash: str) -> tuple[PageRecord, ReportRecord]:
    page = PageRecord(url=url, source_id=source, kind="article", status=200, outcome="report")
    report = ReportRecord(
        content_hash=content_hash, title="Tổng kết năm học", text=text,
        published=date(2023, 10, 9), byline=None, platform=None, score=0.9, signals=(),
        source_id=source, province="Điện Biên", district="Điện Biên", level="district", url=url,
        signature=signature(text),
    )
    return page, report


def test_storage_merges_an_edited_copy_into_the_report_it_copies(
    tmp_path: Path, seeds: list[str]
) -> None:
    store = open_db(tmp_path / "near.db")
    try:
        first = store.save_report(*record(seeds[0], "http://a.vn/1.html", "a", "h1"))
        other = store.save_report(*record(seeds[1], "http://a.vn/2.html", "a", "h2"))
        copy = store.save_report(*record(edited_copy(seeds[0]), "http://b.vn/9.html", "b", "h3"))
        assert first.is_new and other.is_new
        assert not copy.is_new and copy.report_id == first.report_id
        saved = store.get_report(first.report_id)
        assert saved is not None
        assert {u["source_id"] for u in saved["urls"]} == {"a", "b"}
        assert store.count_reports() == 2
    finally:
        store.close()
