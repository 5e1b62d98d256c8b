"""The content hash that deduplicates reports across portals.

One report is republished by the province, the district and the Sở, each portal with its own
furniture around the same body: a tone-mark convention ("Uỷ"/"Ủy"), quote and dash styles, a
visible date line, a byline, a source tag in front of the lead ("Dienbien.gov.vn – ", "VPUB - ").
`hash_basis` keeps what the report itself says and drops what the portal adds; `content_hash` is
the sha256 of that basis. Diacritics stay: "học" and "hóc" are different words, and two
school-year reports of neighbouring districts share most of their vocabulary.

Pass the article body (`Article.text`), not the title: portals rewrite and prefix titles, the
body decides. Pure functions, no settings.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from cleaners.vietnamese import fold, normalize_text

# --- lines that only say when the page was posted ------------------------------------------------
# Matched on folded text (no diacritics, lower case). A line is dropped when it has a date or time
# and nothing else but the words portals put around them.
_DATE = re.compile(
    r"\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}"  # 09/10/2023, 25 - 02 - 2021, 2023-10-09
    r"|ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}"  # ngày 9 tháng 10 năm 2023
    r"|\d{1,2}\s*thang\s*\d{1,2}\s*,?\s*\d{4}"  # 9 tháng 10, 2023
)
_TIME = re.compile(
    r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?"  # 09:53, 9h30, 21:22:05
    r"|\d{1,2}\s*gio(?:\s*\d{1,2}\s*phut)?"  # 9 giờ 30 phút
)
# The words that surround a date on article pages (NukeViet "Thứ hai - …", Liferay "Ngày đăng … |
# View count: …", VHV "Cập nhật: …", AM/PM and their Vietnamese SA/CH, view counters).
_DATE_WORDS = re.compile(
    r"\b(?:thu\s*(?:hai|ba|tu|nam|sau|bay)|chu\s*nhat|cn|t[2-7]"
    r"|ngay|thang|nam|luc|gio|phut|vao"
    r"|cap\s*nhat|dang|xuat\s*ban|thoi\s*gian|update[ds]?|posted|published|modified|on"
    r"|gmt|utc|ict|am|pm|sa|ch"
    r"|luot\s*xem|da\s*xem|luot\s*doc|luot\s*truy\s*cap|view\s*count|views?|hits?"
    r"|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_LETTER = re.compile(r"[^\W\d_]")

# --- source tags in front of a line --------------------------------------------------------------
# "Dienbien.gov.vn – Chiều 24/2 …", "Dienbien.eu.vn. Ngày 30/8 …", "(Baodienbienphu.info.vn) - …":
# the republishing portal names itself; the sentence after it is the report's.
_DOMAIN_PREFIX = re.compile(
    r"^\(?\s*(?:[\w-]+\.)+(?:vn|com|net|org|info|edu|gov)\s*\)?\s*[-–—:.|]?\s+", re.IGNORECASE
)
# "VPUB - …", "(ĐBP) - …", "TTXVN – …": an upper-case tag and a dash. Only upper case counts, so
# "Quận Lê Chân: …" or "Chiều 24/2 - …" stay; stripping a real acronym both copies share is
# harmless.
_TAG_PREFIX = re.compile(r"^\(?([^\W\d_][^\s()\-–—:,.]{1,9})\)?\s*[-–—]\s+")
_PARENTHESISED_TAG = re.compile(r"^\(([^\W\d_][^\s()]{1,9})\)\s*")

# --- bylines ------------------------------------------------------------------------------------
# A labelled credit is a byline wherever it stands ("Tin, ảnh: Thanh Tuyền", "Nguồn: Sở GD&ĐT").
_CREDIT_LABEL = re.compile(
    r"^\(?\s*(?:tac\s*gia|nguon(?:\s*tin)?|tin\s*(?:,|va|&)?\s*anh|bai\s*(?:,|va|&)?\s*anh"
    r"|anh|bai|tin|nguoi\s*viet|but\s*danh|phong\s*vien|bien\s*tap(?:\s*vien)?|ctv|pv)\s*:"
)
_MAX_CREDIT_WORDS = 12
# At the end of a report, a short line of capitalised words is a signature ("Thanh Tuyền",
# "Nguyễn Dịu", "PV", "TL. CHỦ TỊCH"), and "Theo Báo Lai Châu" names where it was copied from.
_SOURCE_CREDIT = re.compile(r"^\(?\s*theo\s+\S")
_MAX_SIGNATURE_WORDS = 6
_MAX_SIGNATURE_CHARS = 60
_MAX_TRAILING_LINES = 3  # a byline plus a signature block; more is the report's own text
_NAME_SEPARATORS = re.compile(r"[\s,;&/\-–—]+")
_SIGNATURE_TRIM = "*_()[].,:;!?\"'“”"

_TOKEN = re.compile(r"[^\W_]+")


def _strip_source_tag(line: str) -> str:
    match = _DOMAIN_PREFIX.match(line)
    if match:
        return line[match.end() :]
    match = _TAG_PREFIX.match(line) or _PARENTHESISED_TAG.match(line)
    if match and match.group(1).isupper():
        return line[match.end() :]
    return line


def _is_date_line(folded: str) -> bool:
    """Only a date and/or time with the words portals put around them ("Thứ hai - 09/10/2023")."""
    rest, dates = _DATE.subn(" ", folded)
    rest, times = _TIME.subn(" ", rest)
    return bool(dates + times) and not _LETTER.search(_DATE_WORDS.sub(" ", rest))


def _is_credit(folded: str) -> bool:
    return bool(_CREDIT_LABEL.match(folded)) and len(folded.split()) <= _MAX_CREDIT_WORDS


def _is_signature(line: str) -> bool:
    """A short trailing line naming a person or a source, not a sentence."""
    folded = fold(line)
    if _is_credit(folded):
        return True
    if len(line) > _MAX_SIGNATURE_CHARS or any(ch.isdigit() for ch in line):
        return False
    if _SOURCE_CREDIT.match(folded):
        return "," not in line and len(line.split()) <= _MAX_SIGNATURE_WORDS + 1
    names = [w.strip(_SIGNATURE_TRIM) for w in _NAME_SEPARATORS.split(line)]
    names = [name for name in names if name]
    return 0 < len(names) <= _MAX_SIGNATURE_WORDS and all(name[0].isupper() for name in names)


def _report_lines(text: str) -> list[str]:
    """The lines of `text` that belong to the report: no date lines, credits or signatures."""
    lines = []
    for raw in normalize_text(text).splitlines():
        line = _strip_source_tag(raw)
        folded = fold(line)
        # A line without letters is a widget value ("100%", "1 2 3 4 5", a bare date) that one
        # copy has and another lacks; numbers inside sentences are kept.
        if not _LETTER.search(line) or _is_date_line(folded) or _is_credit(folded):
            continue
        lines.append(line)
    dropped = 0
    while len(lines) > 1 and dropped < _MAX_TRAILING_LINES and _is_signature(lines[-1]):
        lines.pop()
        dropped += 1
    return lines


def hash_basis(text: str) -> str:
    """The normalized string `content_hash` hashes: the report's words, lower case, one space apart.

    NFKC and NFC, one tone-mark convention, Đ for Ð; date lines, credits, trailing signatures and
    source tags in front of lines left out; punctuation and line breaks become single spaces.
    """
    text = unicodedata.normalize("NFKC", text)
    words = _TOKEN.findall(" ".join(_report_lines(text)).casefold())
    return " ".join(words)


def content_hash(text: str) -> str:
    """sha256 hex of `hash_basis(text)`: alike for copies of one report, different otherwise."""
    return hash_of_basis(hash_basis(text))


def hash_of_basis(basis: str) -> str:
    """`content_hash` for a basis already computed (the pipeline also signs it)."""
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()
