"""Golden pages: real reports in the markup of the platforms our portals run on.

Each tests/golden/<case>/ holds the page (page.html.gz), where it came from (meta.json) and what
extraction must give (expected.json, rewritten by tests/golden/regenerate.py and reviewed like
code), with hand-written must_keep / must_drop substrings that hold whatever the regenerated
expectation says.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from cleaners.article import Article
from cleaners.extract import extract
from cleaners.noise_markers import NOISE_MARKERS, leaked_markers
from cleaners.vietnamese import normalize_text

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.parent.name for p in GOLDEN.glob("*/page.html.gz"))


def _json(case: str, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLDEN / case / name).read_text(encoding="utf-8"))
    return data


def _load(case: str) -> tuple[dict[str, Any], dict[str, Any], Article]:
    folder = GOLDEN / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    article = extract(gzip.decompress((folder / "page.html.gz").read_bytes()), meta["url"])
    return meta, expected, article


ARTICLE_CASES = [c for c in CASES if _json(c, "expected.json")["kind"] == "article"]


@pytest.fixture(scope="module", params=CASES)
def golden(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any], Article]:
    return _load(request.param)


@pytest.fixture(scope="module", params=ARTICLE_CASES)
def golden_article(
    request: pytest.FixtureRequest,
) -> tuple[dict[str, Any], dict[str, Any], Article]:
    """Only the cases that become reports: noise and text shape matter there."""
    return _load(request.param)


def test_there_are_enough_cases_of_each_kind() -> None:
    kinds = [_json(c, "expected.json")["kind"] for c in CASES]
    platforms = {_json(c, "meta.json")["platform"] for c in CASES}
    assert kinds.count("article") >= 8
    assert kinds.count("listing") >= 2
    assert {"nukeviet", "liferay", "vhv", "sharepoint", "wordpress", "generic"} <= platforms


def test_extraction_matches_the_reviewed_expectation(golden: tuple[Any, Any, Article]) -> None:
    _, expected, article = golden
    got = {
        "kind": article.kind,
        "reason": article.reason,
        "platform": article.platform,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "date_source": article.date_source,
        "byline": article.byline,
        "text": article.text,
    }
    assert got == {key: expected[key] for key in got}


def test_platform_is_the_one_the_page_was_saved_from(golden: tuple[Any, Any, Article]) -> None:
    meta, _, article = golden
    assert article.platform == meta["platform"]


def test_report_text_is_kept_and_furniture_dropped(golden: tuple[Any, Any, Article]) -> None:
    _, expected, article = golden
    # The lists quote the page as published; the text is in one tone-mark convention.
    text = normalize_text(article.text)
    for keep in expected["must_keep"]:
        assert normalize_text(keep) in text
    for drop in expected["must_drop"]:
        assert normalize_text(drop) not in text


def test_no_noise_marker_survives_in_article_text(
    golden_article: tuple[Any, Any, Article],
) -> None:
    _, expected, article = golden_article
    assert article.kind == "article"
    # A marker the report itself says (in a must_keep sentence) is the report's text.
    kept = " ".join(expected["must_keep"]).casefold()
    quoted = {marker for marker in NOISE_MARKERS if marker.casefold() in kept}
    assert set(leaked_markers(article.text)) <= quoted


def test_text_is_composed_paragraphs_separated_by_blank_lines(
    golden_article: tuple[Any, Any, Article],
) -> None:
    _, _, article = golden_article
    assert article.kind == "article"
    assert unicodedata.is_normalized("NFC", article.text)
    assert "\n\n" in article.text
    assert "\n\n\n" not in article.text
    assert all(paragraph.strip() == paragraph for paragraph in article.text.split("\n\n"))


def test_the_seed_quoting_tin_moi_nhat_keeps_its_sentence() -> None:
    _, _, article = _load("liferay_so_gd_tuyen_sinh")
    assert "theo dõi mục Tin mới nhất trên Cổng thông tin điện tử" in article.text
    assert article.kind == "article"
