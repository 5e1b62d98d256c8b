"""cleaners.vietnamese: tone marks, normalisation and folding of Vietnamese text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from cleaners.vietnamese import fold, normalize_text, place_tone_marks

SEEDS = sorted((Path(__file__).parent / "data" / "classify").glob("edu_seed_*.txt"))


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Ủy", "Uỷ"),
        ("ủy ban", "uỷ ban"),
        ("hòa", "hoà"),
        ("Hòa Bình", "Hoà Bình"),
        ("thủy", "thuỷ"),
        ("thúy", "thuý"),
        ("khỏe", "khoẻ"),
        ("họa", "hoạ"),
        ("tùy", "tuỳ"),
        ("ỦY BAN", "UỶ BAN"),  # upper case keeps its case
        ("HÒA", "HOÀ"),
    ],
)
def test_old_style_open_syllables_take_the_modern_mark(written: str, expected: str) -> None:
    assert place_tone_marks(written) == expected


@pytest.mark.parametrize(
    "word",
    [
        "hoàn",  # closed syllable: one spelling in both conventions
        "hoạch",
        "quý",  # the u belongs to "qu"
        "quả",
        "khuya",  # no tone mark
        "khuỷu",
        "ngoài",
        "người",
        "giữa",  # the i belongs to "gi"
        "già",
        "Nguyễn",
        "Huế",
        "mía",
        "mùa",
        "thuở",
        "Uỷ",  # already modern
        "José",  # not Vietnamese
        "Zürich",
        "café",
        "COVID-19",
    ],
)
def test_words_already_right_are_left_alone(word: str) -> None:
    assert place_tone_marks(word) == word


@pytest.mark.parametrize(
    ("typo", "expected"),
    [("lựơng", "lượng"), ("ngừơi", "người"), ("hòan", "hoàn"), ("tòan", "toàn"), ("gìa", "già")],
)
def test_marks_typed_on_the_wrong_vowel_are_put_back(typo: str, expected: str) -> None:
    assert place_tone_marks(typo) == expected


def test_place_tone_marks_accepts_nfd_and_returns_nfc() -> None:
    sentence = "Ủy ban nhân dân huyện hòa giải, hoàn thành nhiệm vụ quý I"
    result = place_tone_marks(nfd(sentence))
    assert result == place_tone_marks(sentence)
    assert unicodedata.is_normalized("NFC", result)
    assert result == "Uỷ ban nhân dân huyện hoà giải, hoàn thành nhiệm vụ quý I"


def test_place_tone_marks_is_idempotent_on_real_reports() -> None:
    for path in SEEDS:
        once = place_tone_marks(path.read_text(encoding="utf-8"))
        assert place_tone_marks(once) == once


def test_normalize_text_nfc_eth_and_tone_marks() -> None:
    text = nfd("\u00d0oàn công tác của Ủy ban") + " \u00f0ã đến"
    assert normalize_text(text) == "Đoàn công tác của Uỷ ban đã đến"


def test_normalize_text_whitespace() -> None:
    text = "  Năm học\u00a0 2023\t-  2024 \r\nTổng\u00adkết\r\n\r\n\r\n\r\nTriển khai  \n\n\n"
    assert normalize_text(text) == "Năm học 2023 - 2024\nTổngkết\n\nTriển khai"


def test_normalize_text_keeps_single_line_breaks_of_crlf_text() -> None:
    assert normalize_text("Dòng một\r\nDòng hai\rDòng ba") == "Dòng một\nDòng hai\nDòng ba"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Sở Giáo dục và Đào tạo", "so giao duc va dao tao"),
        ("ĐƯỜNG HOÀNG SA", "duong hoang sa"),
        ("\u00d0iện Biên", "dien bien"),
        ("Trường THCS Nà Tấu", "truong thcs na tau"),
        ("năm học 2023–2024", "nam hoc 2023–2024"),
        ("plain ASCII Text", "plain ascii text"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_keeps_offsets_of_nfc_text() -> None:
    for path in SEEDS:
        text = normalize_text(path.read_text(encoding="utf-8"))
        folded = fold(text)
        assert len(folded) == len(text)
        start = folded.index("nam hoc")
        assert fold(text[start : start + 7]) == "nam hoc"
    assert len(fold("İstanbul")) == len("İstanbul")  # "İ".lower() would be two characters


def test_fold_of_nfd_text_after_normalising() -> None:
    assert fold(normalize_text(nfd("Ủy ban nhân dân"))) == "uy ban nhan dan"
