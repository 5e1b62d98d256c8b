"""Searching reports as a user types into the search box: folding, operators, filters, snippets."""

from __future__ import annotations

import contextlib
import random
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from cleaners.vietnamese import fold
from db import (
    PageRecord,
    QuerySyntaxError,
    ReportFilter,
    ReportRecord,
    SourceRecord,
    Store,
    UnknownFilterError,
    open_db,
)
from db.connection import write_transaction
from db.fts import rebuild_index
from db.query_syntax import parse_query
from db.search import search_reports
from db.snippets import make_snippet

FIRST_SEEN = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)

DIEN_BIEN = SourceRecord("dienbien", "Huyện Điện Biên", "district", "Điện Biên", "Điện Biên")
LE_CHAN = SourceRecord("lechan", "Quận Lê Chân", "district", "Hải Phòng", "Lê Chân")
HAI_PHONG = SourceRecord("sgd-haiphong", "Sở GD&ĐT Hải Phòng", "department", "Hải Phòng")
PHONG_THO = SourceRecord("phongtho", "Huyện Phong Thổ", "district", "Lai Châu", "Phong Thổ")
LAI_CHAU = SourceRecord("laichau", "Cổng thông tin tỉnh Lai Châu", "province", "Lai Châu")

# Four reports, written the way portals write them: two tone-mark conventions ("Uỷ"/"Ủy",
# "hoà"/"hòa"), capitals in titles, đ in many words. Expected results below are read off
# these texts.
REPORTS: dict[str, tuple[SourceRecord, str, str, date | None]] = {
    "dienbien": (
        DIEN_BIEN,
        "Uỷ ban nhân dân huyện Điện Biên tổ chức tổng kết năm học 2022-2023",
        "Ngày 30/8/2023, Uỷ ban nhân dân huyện Điện Biên tổ chức tổng kết năm học 2022-2023 và "
        "triển khai nhiệm vụ năm học mới. Các trường mầm non và tiểu học đạt chuẩn quốc gia.\n\n"
        "Đồng chí Giám đốc Sở Giáo dục và Đào tạo phát biểu chỉ đạo, đề nghị ngành giữ vững "
        "hoà khí đoàn kết trong nhà trường.",
        date(2023, 10, 9),
    ),
    "lechan": (
        LE_CHAN,
        "Quận Lê Chân: Tổng kết năm học 2022-2023",
        "Ngày 23-8, quận Lê Chân tổ chức hội nghị tổng kết năm học. Ủy ban nhân dân quận biểu "
        "dương giáo viên giỏi và học sinh giỏi bậc tiểu học. Môi trường học đường hòa thuận.",
        date(2023, 8, 23),
    ),
    "phongtho": (
        PHONG_THO,
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO SƠ KẾT HỌC KỲ I",
        "Chiều ngày 08/12/2023, Phòng Giáo dục và Đào tạo huyện Phong Thổ sơ kết học kỳ I. "
        "Tỷ lệ huy động trẻ mầm non đạt 100%. Đội ngũ giáo viên được bồi dưỡng thường xuyên.",
        date(2023, 12, 8),
    ),
    "laichau": (
        LAI_CHAU,
        "Lãnh đạo tỉnh làm việc với Sở Giáo dục",
        "Đoàn công tác làm việc về cơ sở vật chất trường học. Học sinh dân tộc nội trú năm nay "
        "tăng. Đường giao thông đến điểm trường được sửa chữa.",
        None,  # no date on the page: filed under the day it was first seen
    ),
}


@pytest.fixture
def store() -> Iterator[Store]:
    with open_db(":memory:", now=lambda: FIRST_SEEN) as store:
        store.sync_sources([DIEN_BIEN, LE_CHAN, HAI_PHONG, PHONG_THO, LAI_CHAU])
        for name, (source, title, text, published) in REPORTS.items():
            url = f"https://{source.id}.gov.vn/tin/{name}.html"
            store.save_report(
                PageRecord(url, source.id, "article", 200, "report"),
                ReportRecord(
                    content_hash=name,
                    title=title,
                    text=text,
                    published=published,
                    byline=None,
                    platform=None,
                    score=0.8,
                    signals=(),
                    source_id=source.id,
                    province=source.province,
                    district=source.district,
                    level=source.level,
                    url=url,
                ),
            )
        # The city's education department republished the Lê Chân report.
        copy_url = "https://haiphong.edu.vn/tin/tong-ket.html"
        lechan = store.get_report(id_of(store, "lechan"))
        assert lechan is not None
        store.save_report(
            PageRecord(copy_url, HAI_PHONG.id, "article", 200, "report"),
            ReportRecord(
                **{
                    **{k: lechan[k] for k in ("content_hash", "title", "text", "byline")},
                    "published": date(2023, 8, 23),
                    "platform": None,
                    "score": 0.8,
                    "signals": (),
                    "source_id": HAI_PHONG.id,
                    "province": HAI_PHONG.province,
                    "district": "",
                    "level": HAI_PHONG.level,
                    "url": copy_url,
                }
            ),
        )
        yield store


def id_of(store: Store, name: str) -> int:
    return int(
        store.db.execute("SELECT id FROM reports WHERE content_hash = ?", (name,)).fetchone()[0]
    )


def found(store: Store, query: str, filters: ReportFilter | None = None, **kwargs: Any) -> set[str]:
    names = {id_of(store, name): name for name in REPORTS}
    return {names[hit.id] for hit in store.search(query, filters, **kwargs)}


# -- folding ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["tong ket nam hoc", "tổng kết năm học", "Tổng Kết Năm Học", "TỔNG KẾT NĂM HỌC"]
)
def test_case_and_diacritics_do_not_matter(store: Store, query: str) -> None:
    assert found(store, query) == {"dienbien", "lechan"}


@pytest.mark.parametrize("query", ["Ủy ban", "Uỷ ban", "uy ban", "UỶ BAN"])
def test_both_tone_mark_conventions_of_uy_match(store: Store, query: str) -> None:
    assert found(store, query) == {"dienbien", "lechan"}  # one writes "Uỷ", the other "Ủy"


@pytest.mark.parametrize("query", ["hoà", "hòa", "hoa"])
def test_both_tone_mark_conventions_of_hoa_match(store: Store, query: str) -> None:
    assert found(store, query) == {"dienbien", "lechan"}


@pytest.mark.parametrize("query", ["Đào tạo", "đào tạo", "ĐÀO TẠO", "dao tao", "\u00d0ào tạo"])
def test_d_with_stroke_matches_plain_d(store: Store, query: str) -> None:
    assert found(store, query) == {"dienbien", "phongtho"}


# -- operators ----------------------------------------------------------------------------


def test_a_phrase_needs_its_words_side_by_side(store: Store) -> None:
    assert found(store, "năm học") == {"dienbien", "lechan", "laichau"}  # "... trú năm nay"
    assert found(store, '"năm học"') == {"dienbien", "lechan"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"mầm non" AND "tiểu học"', {"dienbien"}),
        ('"mầm non" "tiểu học"', {"dienbien"}),
        ('"mầm non" OR "tiểu học"', {"dienbien", "lechan", "phongtho"}),
        ('"mầm non" NOT "tiểu học"', {"phongtho"}),
        ('"mầm non" AND NOT "tiểu học"', {"phongtho"}),
        ('("mầm non" OR "tiểu học") NOT "Điện Biên"', {"lechan", "phongtho"}),
        ("giáo viên NOT mầm", {"lechan"}),
        # NOT excludes all that follows it in its group: "giáo viên" without "mầm non".
        ("giáo viên NOT mầm non", {"lechan"}),
        ("tổng kết NOT Điện Biên", {"lechan"}),
        ('tổng kết NOT Điện Biên OR "sơ kết"', {"lechan", "phongtho"}),
        ("tổng kết OR sơ kết", {"dienbien", "lechan", "phongtho"}),
        ("mầm and non", set()),  # lower-case "and" is a word to find, not an operator
    ],
)
def test_and_or_not_and_parentheses(store: Store, query: str, expected: set[str]) -> None:
    assert found(store, query) == expected


def test_prefix_matches_the_start_of_words(store: Store) -> None:
    assert found(store, "trườ*") == {"dienbien", "lechan", "laichau"}  # trường
    assert found(store, "trườ") == set()
    assert found(store, '"bồi dưỡ"*') == {"phongtho"}


# -- filters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (ReportFilter(provinces=("lai chau",)), {"phongtho", "laichau"}),
        (ReportFilter(provinces=("TỈNH ĐIỆN BIÊN",)), {"dienbien"}),
        (ReportFilter(provinces=("Điện Biên", "Lai Châu")), {"dienbien", "phongtho", "laichau"}),
        (ReportFilter(districts=("huyen phong tho",)), {"phongtho"}),
        (ReportFilter(sources=(PHONG_THO.id,)), {"phongtho"}),
        (ReportFilter(sources=(HAI_PHONG.id,)), {"lechan"}),  # seen there second
        (ReportFilter(levels=("province",)), {"laichau"}),
        # A report's place and level are those of the source that first had it.
        (ReportFilter(levels=("department",)), set()),
        (ReportFilter(since=date(2023, 10, 1)), {"dienbien", "phongtho", "laichau"}),
        (ReportFilter(until=date(2023, 9, 30)), {"lechan"}),
        (ReportFilter(since=date(2023, 12, 8), until=date(2023, 12, 8)), {"phongtho"}),
        (ReportFilter(since=date(2024, 3, 1)), {"laichau"}),  # undated: first seen that day
        (ReportFilter(provinces=("Lai Châu",), levels=("district",)), {"phongtho"}),
    ],
)
def test_filters_narrow_the_results(
    store: Store, filters: ReportFilter, expected: set[str]
) -> None:
    assert found(store, "học", filters) == expected
    assert store.count_reports(filters) == len(expected)


@pytest.mark.parametrize(
    ("filters", "value", "known"),
    [
        (ReportFilter(provinces=("Hà Giang",)), "Hà Giang", "Lai Châu"),
        (ReportFilter(districts=("Mường Tè",)), "Mường Tè", "Phong Thổ"),
        (ReportFilter(sources=("nosuch",)), "nosuch", PHONG_THO.id),
        (ReportFilter(levels=("commune",)), "commune", "district"),
    ],
)
def test_an_unknown_filter_value_names_itself_and_what_is_known(
    store: Store, filters: ReportFilter, value: str, known: str
) -> None:
    with pytest.raises(UnknownFilterError) as raised:
        store.search("học", filters)
    message = str(raised.value)
    assert value in message and known in message and "\n" not in message


# -- ranking and order --------------------------------------------------------------------


def test_relevance_puts_title_hits_first(store: Store) -> None:
    hits = store.search("giáo dục")
    names = {id_of(store, name): name for name in REPORTS}
    ranked = [names[hit.id] for hit in hits]
    assert set(ranked) == {"dienbien", "phongtho", "laichau"}
    assert ranked[-1] == "dienbien"  # the only one without "giáo dục" in its title
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True) and all(score > 0 for score in scores)


def test_newest_orders_by_date_published_or_first_seen(store: Store) -> None:
    hits = store.search("học", order="newest")
    days = [hit.published or FIRST_SEEN.date() for hit in hits]
    assert len(hits) == 4 and days == sorted(days, reverse=True)


def test_limit_and_hit_fields(store: Store) -> None:
    hits = store.search("học", limit=2)
    assert len(hits) == 2
    (hit,) = store.search('"sơ kết"')
    assert (hit.source, hit.source_name, hit.province, hit.district) == (
        PHONG_THO.id,
        PHONG_THO.name,
        "Lai Châu",
        "Phong Thổ",
    )
    assert hit.published == date(2023, 12, 8) and hit.url.endswith("phongtho.html")
    with pytest.raises(ValueError, match="limit"):
        store.search("học", limit=0)
    with pytest.raises(ValueError, match="relevance"):
        store.search("học", order="oldest")


# -- bad syntax and hostile input ---------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("", "empty query"),
        ("   ", "empty query"),
        ('"tổng kết', "closing"),
        ('""', "empty phrase"),
        ("(tổng kết", "never closed"),
        ("tổng kết)", "without a matching '('"),
        ("()", "empty parentheses"),
        ("tổng AND", "'AND' needs a term after it"),
        ("AND tổng", "'AND' needs a term before it"),
        ("OR tổng", "'OR' needs a term before it"),
        ("tổng OR", "'OR' needs a term after it"),
        ("NOT tổng", "'NOT' needs a term before it"),
        ("tổng NOT", "'NOT' needs a term after it"),
        ("*", "must end a word"),
        ("gi*", "needs 3 letters"),
        ('"trường gi"*', "needs 3 letters"),
        ("; -- !", "no letters or digits"),
    ],
)
def test_bad_syntax_is_explained_in_one_line(store: Store, query: str, says: str) -> None:
    with pytest.raises(QuerySyntaxError) as raised:
        store.search(query)
    message = str(raised.value)
    assert says in message and "\n" not in message


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE reports; --",
        "học'); DELETE FROM reports; --",
        '" OR 1=1 --"',
        "x' OR 'x'='x",
        "title:kết",
        "{title text}: kết",
        "NEAR(tổng kết)",
        "^tổng",
        "tổng + kết",
        "reports_fts MATCH *",
        "học\x00kết",
    ],
)
def test_hostile_queries_are_only_words(store: Store, query: str) -> None:
    with contextlib.suppress(QuerySyntaxError):  # the only failure allowed: our own message
        store.search(query)
    assert store.count_reports() == len(REPORTS)
    assert found(store, "tổng kết") == {"dienbien", "lechan"}


def test_fts_column_syntax_is_searched_as_words_not_obeyed(store: Store) -> None:
    # As FTS5 syntax, title:kết would find the three titles with "kết"; as words it finds none.
    assert found(store, "title:kết") == set()


# -- snippets -----------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_snippets_are_cut_from_the_original_text_with_diacritics(store: Store) -> None:
    (hit,) = store.search("uy ban nhan dan quan")
    original = _one_line(REPORTS["lechan"][2])
    assert "[Ủy ban nhân dân quận]" in hit.snippet
    assert hit.snippet.replace("[", "").replace("]", "").strip("… ") in original


def test_snippet_markers_can_be_chosen(store: Store) -> None:
    (hit,) = store.search(
        "dao tao", ReportFilter(districts=("Điện Biên",)), markers=("<b>", "</b>")
    )
    assert "<b>Đào tạo</b>" in hit.snippet and "[" not in hit.snippet


def test_a_snippet_is_about_thirty_words_around_the_best_hits() -> None:
    filler = " ".join(f"câu{i}" for i in range(200))
    text = f"{filler} Hội khuyến học tỉnh tặng học bổng cho học sinh nghèo. {filler}"
    snippet = make_snippet(text, parse_query("khuyến học").terms)
    words = snippet.split()
    assert "[khuyến học]" in snippet
    assert words[0] == "…" and words[-1] == "…"
    assert 25 <= len(words) <= 34


def test_a_snippet_prefers_the_window_with_the_most_distinct_terms() -> None:
    filler = " ".join(f"từ{i}" for i in range(100))
    text = f"giáo viên {filler} học sinh {filler} giáo viên và học sinh cùng dự lễ. {filler}"
    snippet = make_snippet(text, parse_query("giáo viên OR học sinh").terms)
    assert "[giáo viên] và [học sinh]" in snippet


def test_a_match_in_the_title_alone_still_gets_a_snippet(store: Store) -> None:
    (hit,) = store.search("Lãnh đạo tỉnh")
    assert hit.snippet.startswith("Đoàn công tác làm việc")


# -- the index itself ---------------------------------------------------------------------


def fts_rows(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM reports_fts").fetchone()[0])


def test_a_report_seen_at_a_second_source_is_indexed_once(store: Store) -> None:
    assert fts_rows(store) == store.count_reports() == len(REPORTS)
    hits = store.search('"Lê Chân"')
    assert [hit.id for hit in hits] == [id_of(store, "lechan")]


def test_relevance_ranks_only_the_newest_matches_of_a_large_result(store: Store) -> None:
    # Every report matches "học"; over all four, bm25 puts "lechan" first. With a window of
    # two only the two newest compete.
    hits = search_reports(store.db, "học", limit=2, rank_window=2)
    assert {hit.id for hit in hits} == {id_of(store, "laichau"), id_of(store, "phongtho")}


def test_rebuilding_the_index_finds_the_same_reports(store: Store) -> None:
    queries = ["tổng kết", '"mầm non" OR "tiểu học"', "trườ*", "Ủy ban NOT Lê"]
    before = {query: found(store, query) for query in queries}
    with write_transaction(store.db):
        assert rebuild_index(store.db.conn) == len(REPORTS)
    assert fts_rows(store) == len(REPORTS)
    assert {query: found(store, query) for query in queries} == before
    assert found(store, "học", ReportFilter(sources=(HAI_PHONG.id,))) == {"lechan"}


# -- agreement with a plain reference -----------------------------------------------------

VOCABULARY = [
    "học",
    "sinh",
    "giáo",
    "viên",
    "trường",
    "mầm",
    "non",
    "đào",
    "tạo",
    "Uỷ",
    "ban",
    "hoà",
    "nhập",
    "năm",
    "tổng",
    "kết",
]
Query = tuple[Any, ...]


def _spell(word: str, rng: random.Random) -> str:
    """The word as a user might type it: as written, without diacritics, or in capitals."""
    return rng.choice([word, fold(word), word.upper(), word.capitalize()])


def _random_query(rng: random.Random, depth: int = 0) -> Query:
    if depth >= 2 or rng.random() < 0.35:
        if rng.random() < 0.2:
            start = rng.randrange(len(VOCABULARY) - 1)
            return ("phrase", (VOCABULARY[start], VOCABULARY[start + 1]))
        if rng.random() < 0.2:
            long_words = [word for word in VOCABULARY if len(word) >= 4]
            word = rng.choice(long_words)
            return ("prefix", word[: rng.randint(3, len(word))])
        return ("word", rng.choice(VOCABULARY))
    operator = rng.choice(["and", "or", "not"])
    return (operator, _random_query(rng, depth + 1), _random_query(rng, depth + 1))


def _render(query: Query, rng: random.Random) -> str:
    kind = query[0]
    if kind == "word":
        return _spell(query[1], rng)
    if kind == "prefix":
        return _spell(query[1], rng) + "*"
    if kind == "phrase":
        return '"' + " ".join(_spell(word, rng) for word in query[1]) + '"'
    left, right = _render(query[1], rng), _render(query[2], rng)
    operator = {"and": rng.choice([" ", " AND "]), "or": " OR ", "not": " NOT "}[kind]
    return f"({left}{operator}{right})"


def _holds(query: Query, fields: list[list[str]]) -> bool:
    kind = query[0]
    if kind == "word":
        return any(fold(query[1]) in words for words in fields)
    if kind == "prefix":
        return any(word.startswith(fold(query[1])) for words in fields for word in words)
    if kind == "phrase":
        wanted = [fold(word) for word in query[1]]
        return any(
            words[i : i + len(wanted)] == wanted for words in fields for i in range(len(words))
        )
    left, right = _holds(query[1], fields), _holds(query[2], fields)
    return {"and": left and right, "or": left or right, "not": left and not right}[kind]


def test_random_queries_find_exactly_what_a_plain_reading_finds() -> None:
    rng = random.Random(20240301)
    with open_db(":memory:", now=lambda: FIRST_SEEN) as store:
        store.sync_sources([DIEN_BIEN, LAI_CHAU])
        fields_of: dict[int, list[list[str]]] = {}
        lai_chau_ids: set[int] = set()
        for n in range(60):
            title = " ".join(rng.choices(VOCABULARY, k=4))
            text = " ".join(rng.choices(VOCABULARY, k=rng.randint(3, 12))) + "."
            source = (DIEN_BIEN, LAI_CHAU)[n % 2]
            published = date(2023, 1, 1) + timedelta(days=rng.randrange(365))
            url = f"https://x/{n}"
            saved = store.save_report(
                PageRecord(url, source.id, "article", 200, "report"),
                ReportRecord(
                    f"r{n}",
                    title,
                    text,
                    published,
                    None,
                    None,
                    0.5,
                    (),
                    source.id,
                    source.province,
                    source.district,
                    source.level,
                    url,
                ),
            )
            fields_of[saved.report_id] = [fold(title).split(), fold(text).rstrip(".").split()]
            if source is LAI_CHAU:
                lai_chau_ids.add(saved.report_id)
        lai_chau = ReportFilter(provinces=("lai chau",))
        for _ in range(150):
            query = _random_query(rng)
            typed = _render(query, rng)
            expected = {i for i, fields in fields_of.items() if _holds(query, fields)}
            hits = store.search(typed, order="newest", limit=100)
            assert {hit.id for hit in hits} == expected, typed
            in_lai_chau = {hit.id for hit in store.search(typed, lai_chau, limit=100)}
            assert in_lai_chau == expected & lai_chau_ids, typed


def test_a_prefix_of_too_many_words_still_finds_them_all(store: Store) -> None:
    # More words under "xyz" than a prefix is spelled out into: FTS5's own prefix walk is used.
    words = [f"xyz{a}{b}" for a in "abcdefghij" for b in "abcdefghij"]
    url = "https://laichau.gov.vn/tin/xyz.html"
    store.save_report(
        PageRecord(url, LAI_CHAU.id, "article", 200, "report"),
        ReportRecord(
            "xyz",
            "Danh sách mã trường",
            " ".join(words),
            None,
            None,
            None,
            0.5,
            (),
            LAI_CHAU.id,
            LAI_CHAU.province,
            "",
            LAI_CHAU.level,
            url,
        ),
    )
    assert [hit.url for hit in store.search("xyz*")] == [url]
    assert [hit.url for hit in store.search("xyzj*")] == [url]
