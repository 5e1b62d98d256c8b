"""cleaners.fingerprint: one hash for one report, however each portal dresses it."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from cleaners.fingerprint import content_hash, hash_basis

SEEDS = Path(__file__).parent / "data" / "classify"

BODY = """Chiều ngày 08/12/2023, Phòng Giáo dục và Đào tạo huyện tổ chức sơ kết giữa học kỳ I, \
triển khai nhiệm vụ trọng tâm học kỳ II, năm học 2023 – 2024. Dự hội nghị có đồng chí Nguyễn Duy \
Luân – Uỷ viên BTV Huyện uỷ, Phó Chủ tịch UBND huyện.

Năm học 2023 – 2024 ngành giáo dục tiếp tục thực hiện tốt công tác huy động trẻ em ra lớp; toàn \
huyện có 20/30 trường đạt chuẩn quốc gia, chiếm trên 66%… Các trường tổ chức "Ngày hội đọc sách" \
và duy trì sĩ số học sinh.

Trong thời gian tới, ngành sẽ đẩy mạnh chuyển đổi số, xây dựng môi trường giáo dục an toàn, \
lành mạnh, thân thiện, phòng chống bạo lực học đường./."""


def seed_body(name: str) -> str:
    """A seed report without the portal furniture that follows it."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text.split("\nTin mới nhất", 1)[0]


def test_hash_is_sha256_hex_of_the_basis() -> None:
    digest = content_hash(BODY)
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert digest == hashlib.sha256(hash_basis(BODY).encode("utf-8")).hexdigest()


def test_basis_is_the_words_in_lower_case() -> None:
    basis = hash_basis("Năm học 2023–2024: “Dạy tốt, học tốt”…")
    assert basis == "năm học 2023 2024 dạy tốt học tốt"


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [("Ủy", "Uỷ"), ("hòa", "hoà"), ("Huyện ủy", "Huyện uỷ"), ("khỏe", "khoẻ"), ("thủy", "thuỷ")],
)
def test_tone_mark_conventions_hash_alike(old_style: str, new_style: str) -> None:
    text = BODY + f"\n\n{old_style} ban nhân dân."
    assert content_hash(text) == content_hash(text.replace(old_style, new_style))


def test_nfd_and_eth_hash_alike() -> None:
    assert content_hash(unicodedata.normalize("NFD", BODY)) == content_hash(BODY)
    assert content_hash(BODY.replace("Đ", "\u00d0")) == content_hash(BODY)


@pytest.mark.parametrize(
    "restyle",
    [
        lambda t: t.replace("–", "-"),
        lambda t: t.replace("…", "..."),
        lambda t: t.replace('"', "“", 1).replace('"', "”", 1),
        lambda t: t.replace(",", " ,").replace(";", " ;"),
        lambda t: t.replace(" ", "  ").replace("\n\n", "\n\n\n"),
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace(". ", ".\n"),  # another portal breaks paragraphs differently
        lambda t: t.replace(" ", "\u00a0", 5),
        lambda t: t.upper(),
    ],
    ids=[
        "dashes",
        "ellipsis",
        "quotes",
        "space-before-punct",
        "spaces",
        "crlf",
        "lines",
        "nbsp",
        "case",
    ],
)
def test_punctuation_whitespace_and_case_hash_alike(restyle: Callable[[str], str]) -> None:
    assert content_hash(restyle(BODY)) == content_hash(BODY)


@pytest.mark.parametrize(
    "date_line",
    [
        "Thứ hai - 09/10/2023 09:53",
        "Thứ hai - 09/10/2023  09:53",
        "21:22 23/08/2023",
        "Update 25 - 02 - 2021",
        "Cập nhật: 12/03/2024",
        "Cập nhật lúc 10:15 ngày 12/03/2024",
        "Ngày đăng 18/03/2019 | 3:06 PM | View count: 107",
        "Ngày đăng: 18/03/2019",
        "Thứ Năm, 25/02/2021, 08:10 (GMT+7)",
        "14:05:31 | 09/10/2023",
    ],
)
def test_date_lines_are_left_out(date_line: str) -> None:
    assert content_hash(f"{date_line}\n\n{BODY}") == content_hash(BODY)
    assert content_hash(f"{BODY}\n{date_line}") == content_hash(BODY)


@pytest.mark.parametrize(
    "byline",
    [
        "Thanh Tuyền",
        "Nguyễn Dịu",
        "Theo Báo Lai Châu",
        "Tin, ảnh: Minh Châu",
        "PV",
        "(Theo dienbien.gov.vn)",
    ],
)
def test_trailing_bylines_are_left_out(byline: str) -> None:
    assert content_hash(f"{BODY}\n\n{byline}") == content_hash(BODY)


def test_labelled_credit_is_left_out_anywhere() -> None:
    assert content_hash(f"Tác giả: Thanh Tuyền\n\n{BODY}") == content_hash(BODY)


@pytest.mark.parametrize(
    "prefix",
    [
        "Dienbien.gov.vn – ",
        "Dienbien.eu.vn. ",
        "(Baodienbienphu.info.vn) - ",
        "VPUB - ",
        "(ĐBP) - ",
    ],
)
def test_source_tag_in_front_of_the_lead_is_left_out(prefix: str) -> None:
    assert content_hash(prefix + BODY) == content_hash(BODY)


def test_a_report_syndicated_on_two_portals_hashes_alike() -> None:
    provincial = seed_body("edu_seed_004.txt")  # VPUB title, "Update" line, Dienbien.gov.vn tag
    body = provincial.split("\n", 1)[1]  # portals rewrite titles; the body decides
    lead = body.index("Chiều 24/2")
    district = (
        "Thứ năm - 25/02/2021 08:10\n\n"
        + body[lead:].replace("Tỉnh ủy", "Tỉnh uỷ").replace("hóa", "hoá").replace(" – ", " - ")
        + "\n\nTheo dienbien.gov.vn"
    )
    assert district != body
    assert content_hash(district) == content_hash(body)


def test_one_changed_word_changes_the_hash() -> None:
    assert content_hash(BODY.replace("20/30 trường", "21/30 trường")) != content_hash(BODY)
    assert content_hash(BODY.replace("sơ kết", "tổng kết")) != content_hash(BODY)


def test_diacritics_still_tell_words_apart() -> None:
    assert content_hash(BODY + "\n\nhọc") != content_hash(BODY + "\n\nhóc")


def test_reports_of_two_districts_do_not_collide() -> None:
    school_year = [seed_body(f"edu_seed_00{i}.txt") for i in (0, 2, 3)]
    assert len({content_hash(text) for text in school_year}) == 3
    neighbour = BODY.replace("Nguyễn Duy Luân", "Lò Văn Mạnh").replace("20/30", "18/27")
    assert content_hash(neighbour) != content_hash(BODY)


def test_a_closing_sentence_is_content_not_a_byline() -> None:
    closing = "Theo báo cáo, tỷ lệ học sinh tốt nghiệp THCS đạt 99,2%."
    assert content_hash(f"{BODY}\n\n{closing}") != content_hash(BODY)
    signed = f"{BODY}\n\nNguyễn Văn Đoạt và các đồng chí lãnh đạo Sở đã dự"
    assert content_hash(signed) != content_hash(BODY)


def test_body_that_is_only_a_name_is_kept() -> None:
    assert hash_basis("Thanh Tuyền") == "thanh tuyền"
