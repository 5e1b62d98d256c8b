"""Reading publication dates written the way Vietnamese portals write them. Pure string functions.

Portals print dates day-first ("Thứ hai - 09/10/2023 09:53", "Update 25 - 02 - 2021",
"(28/03/2024 11:06 CH)", "23-8-2023"), spelled out in official documents ("Phong Thổ, ngày 25
tháng 8 năm 2023") and ISO 8601 in machine-readable markup (itemprop, meta, JSON-LD). Nothing
here guesses month-first: a Vietnamese "03/04/2024" is the 3rd of April.

Only plausible calendar dates are returned (years `MIN_YEAR`..`MAX_YEAR`, real days), so a
school year "2022-2023", a document number "122/TB-UBND" or "31/02/2023" never becomes a date.
Which of a page's dates is its publication date is decided in `cleaners.published`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from cleaners.vietnamese import fold

MIN_YEAR = 1990
MAX_YEAR = 2100

# Day-first numeric dates. One separator kind throughout ("25 - 02 - 2021" but not "25/02-2021"),
# optional spaces around it, four-digit years only: two-digit years are too easily a fraction,
# a class ("lớp 6/7") or a score. The guards stop us reading inside longer numbers
# ("20223-2024", "1.234.567").
_DMY = re.compile(
    r"(?<![\d/.\-])(?P<d>\d{1,2})\s{0,2}(?P<sep>[/.\-])\s{0,2}(?P<m>\d{1,2})"
    r"\s{0,2}(?P=sep)\s{0,2}(?P<y>\d{4})(?![\d/]|\.\d)"
)
# ISO dates, alone or as the start of a timestamp ("2023-10-09T09:53:00+07:00").
_YMD = re.compile(r"(?<![\d/.\-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d\-])")
# "ngày 25 tháng 8 năm 2023", matched on folded text so that tone-mark conventions, NFD input and
# capitals ("Ngày", "NGÀY") do not matter. "ngày" may be missing ("25 tháng 8 năm 2023").
_SPELLED = re.compile(
    r"(?:\bngay\s+)?(?<!\d)(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s*(?:nam|,|/)\s*(?P<y>\d{4})\b"
)
# The place-and-date line that opens or closes an official document: "Phong Thổ, ngày 25 tháng 8
# năm 2023", "TP. Hồ Chí Minh, ngày 3 tháng 1 năm 2024". Folded text, whole line.
_NOTICE_LINE = re.compile(
    r"^[^\d,;:]{2,60},\s*ngay\s+(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s+nam\s+(?P<y>\d{4})\s*\.?$"
)


_DIGIT = re.compile(r"\d")
_MONTH_WORD = re.compile("th[aáàảãạ]ng", re.IGNORECASE)  # "tháng" however it is marked


@dataclass(frozen=True)
class FoundDate:
    """One date found in a text: the date, where it was (character offsets) and its form."""

    value: date
    start: int
    end: int
    form: str  # "dmy", "iso" or "spelled"


def make_date(year: int, month: int, day: int) -> date | None:
    """The date if it is a real calendar day in the plausible range, else None."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> date | None:
    return make_date(int(match["y"]), int(match["m"]), int(match["d"]))


def _folded(text: str) -> str:
    # NFC first: fold() keeps offsets only for composed text, and spelled dates are found on the
    # folded copy while their offsets are reported in the original.
    return fold(unicodedata.normalize("NFC", text))


def find_dates(text: str) -> list[FoundDate]:
    """Every plausible date in `text`, in order of appearance."""
    text = unicodedata.normalize("NFC", text)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], form: str) -> None:
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            return
        value = _from_match(match)
        if value is not None:
            found.append(FoundDate(value, start, end, form))
            taken.append((start, end))

    if _DIGIT.search(text):
        if _MONTH_WORD.search(text):  # folding is the slow part: only when a spelled date can be
            for match in _SPELLED.finditer(fold(text)):
                add(match, "spelled")
        for match in _YMD.finditer(text):
            add(match, "iso")
        for match in _DMY.finditer(text):
            add(match, "dmy")
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str) -> date | None:
    """The first plausible date written in `text` (day-first, spelled out or ISO), or None."""
    dates = find_dates(text)
    return dates[0].value if dates else None


VIETNAM = timezone(timedelta(hours=7))  # no daylight saving since 1975
_ISO_AWARE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$"
)


def _aware_moment(value: str) -> datetime | None:
    """An ISO 8601 date and time that names its offset from UTC, or None."""
    if not _ISO_AWARE.match(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def parse_iso_date(value: str) -> date | None:
    """The date of a machine-readable value: ISO 8601 ("2023-10-09T09:53:00+07:00"), else any
    form `parse_date` reads (some portals put "09/10/2023 09:53" in itemprop=datePublished)."""
    value = value.strip()
    moment = _aware_moment(value)
    if moment is not None:  # "2024-04-22T18:30:00Z" was already the 23rd in Vietnam
        return moment.astimezone(VIETNAM).date()
    match = _YMD.match(value)
    if match:
        return _from_match(match)
    compact = re.match(r"(\d{4})(\d{2})(\d{2})(?:T|$)", value)  # "20231009", "20231009T0953"
    if compact:
        return make_date(int(compact[1]), int(compact[2]), int(compact[3]))
    return parse_date(value)


def notice_date(line: str) -> date | None:
    """The date of an official document's place-and-date line ("Phong Thổ, ngày 25 tháng 8 năm
    2023"), or None when `line` is anything else (a sentence merely containing a date)."""
    match = _NOTICE_LINE.match(_folded(line).strip())
    return _from_match(match) if match else None
