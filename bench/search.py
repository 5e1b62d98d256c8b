"""Search benchmark: 200,000 synthetic Vietnamese education reports, 20 typical searches.

Run from the repository root (`make bench-search` does):

    python bench/search.py                      # build (or reuse) the corpus, time the searches
    python bench/search.py --reports 20000      # a smaller corpus for a quick look
    python bench/search.py --rebuild --json out.json

The corpus is built through the db API (`Store.save_reports`, the same path a crawl takes:
NFC, folding, index rows, facet tokens), from a seeded generator, so every run builds the same
reports. Reports read like the real ones: a title from the kinds portals publish (school-year
summaries, semester reviews, enrolment plans, exam results, notices), a lead naming the unit,
then paragraphs of the sentences such reports are made of, with figures, names, both tone-mark
conventions ("Uỷ"/"Ủy", "hoà"/"hòa") and the admin boilerplate around them; lengths vary around
500 words like the seed reports. The database is kept (default data/bench/search.db) and reused
while it holds the asked number of reports.

Printed: build time, database and index size, then p50/p95 latency of the 20 searches (each
run `--repeats` times after one warm-up) without filters, with filters, and all together.
Target: p95 under 50 ms.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `db` importable from a plain checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import PageRecord, ReportFilter, ReportRecord, SourceRecord, Store, open_db

SEED = 20240901
TARGET_P95_MS = 50.0
BATCH = 2000  # reports per transaction while building

# -- places and sources ---------------------------------------------------------------------

PROVINCES: dict[str, tuple[str, ...]] = {
    "Điện Biên": ("Điện Biên", "Mường Chà", "Tuần Giáo", "Mường Ảng", "Điện Biên Đông"),
    "Lai Châu": ("Phong Thổ", "Sìn Hồ", "Tam Đường", "Than Uyên", "Mường Tè"),
    "Hà Giang": ("Đồng Văn", "Mèo Vạc", "Yên Minh", "Quản Bạ", "Bắc Mê"),
    "Lào Cai": ("Bát Xát", "Sa Pa", "Bắc Hà", "Mường Khương", "Văn Bàn"),
    "Sơn La": ("Mộc Châu", "Thuận Châu", "Mai Sơn", "Sông Mã", "Quỳnh Nhai"),
    "Hải Phòng": ("Lê Chân", "Ngô Quyền", "Hồng Bàng", "Thủy Nguyên", "Kiến Thụy"),
    "Thanh Hóa": ("Quan Hóa", "Bá Thước", "Ngọc Lặc", "Thọ Xuân", "Hoằng Hóa"),
    "Nghệ An": ("Kỳ Sơn", "Tương Dương", "Con Cuông", "Diễn Châu", "Quỳnh Lưu"),
    "Quảng Trị": ("Hướng Hóa", "Đakrông", "Gio Linh", "Vĩnh Linh", "Triệu Phong"),
    "Đắk Lắk": ("Buôn Đôn", "Ea Súp", "Krông Bông", "Lắk", "Cư M'gar"),
    "Gia Lai": ("Chư Sê", "Đak Đoa", "Ia Grai", "Kbang", "Mang Yang"),
    "Đồng Tháp": ("Tam Nông", "Tháp Mười", "Cao Lãnh", "Lấp Vò", "Châu Thành"),
    "An Giang": ("An Phú", "Tịnh Biên", "Tri Tôn", "Chợ Mới", "Thoại Sơn"),
    "Cà Mau": ("U Minh", "Trần Văn Thời", "Năm Căn", "Ngọc Hiển", "Đầm Dơi"),
    "Quảng Ninh": ("Bình Liêu", "Ba Chẽ", "Tiên Yên", "Đầm Hà", "Vân Đồn"),
    "Cao Bằng": ("Bảo Lạc", "Hà Quảng", "Trùng Khánh", "Quảng Hòa", "Nguyên Bình"),
}


def _slug(name: str) -> str:
    from cleaners.vietnamese import fold

    return "-".join(fold(name).replace("'", "").split())


def build_sources() -> list[SourceRecord]:
    """A provincial portal and a Sở GD&ĐT per province, a portal per district."""
    sources = []
    for province, districts in PROVINCES.items():
        key = _slug(province)
        sources.append(SourceRecord(f"tinh-{key}", f"Cổng TTĐT tỉnh {province}", "province",
                                    province))
        sources.append(SourceRecord(f"sgd-{key}", f"Sở GD&ĐT {province}", "department",
                                    province))
        for district in districts:
            sources.append(SourceRecord(f"{key}-{_slug(district)}", f"UBND huyện {district}",
                                        "district", province, district))
    return sources


# -- text -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Topic:
    """What one kind of report is about: its titles and the sentences it is made of."""

    weight: float
    titles: tuple[str, ...]
    sentences: tuple[str, ...]


# A report is about one thing: most of its sentences come from its topic, the rest from the
# figures and boilerplate every report carries. So "tuyển sinh" is common in enrolment notices
# and rare elsewhere, as in the real corpus, rather than in every report.
TOPICS: dict[str, Topic] = {
    "school_year": Topic(0.22, (
        "{unit} tổng kết năm học {y1}-{y2}, triển khai nhiệm vụ năm học {y2}-{y3}",
        "Hội nghị tổng kết năm học {y1}-{y2} ngành Giáo dục {place}",
        "Tổng kết năm học {y1}-{y2}: nhiều chuyển biến tích cực",
    ), (
        "Năm học {y1}-{y2}, toàn {kind} có {n} trường {level}, {n2} lớp với {n3} học sinh.",
        "Tỷ lệ học sinh lên lớp đạt {pct}%, tỷ lệ học sinh hoàn thành chương trình tiểu học "
        "đạt {pct2}%.",
        "Hội nghị đã biểu dương {n} tập thể và {n2} cá nhân có thành tích xuất sắc trong năm học.",
        "Nhiệm vụ trọng tâm năm học mới là nâng cao chất lượng dạy và học, giữ vững kỷ cương, "
        "nền nếp.",
        "Phong trào thi đua \"Dạy tốt, học tốt\" được các nhà trường hưởng ứng tích cực.",
        "Ủy ban nhân dân {kind} tặng giấy khen cho {n} tập thể và {n2} cá nhân.",
    )),
    "semester": Topic(0.14, (
        "Sơ kết học kỳ I năm học {y1}-{y2}",
        "{unit} sơ kết giữa học kỳ I, triển khai nhiệm vụ trọng tâm học kỳ II",
    ), (
        "Kết quả đánh giá giữa học kỳ I cho thấy {pct}% học sinh đạt mức hoàn thành tốt.",
        "Các trường tổ chức dạy học 2 buổi/ngày, tỷ lệ học sinh tiểu học học 2 buổi/ngày đạt "
        "{pct}%.",
        "Học kỳ II tập trung phụ đạo học sinh yếu, bồi dưỡng học sinh giỏi và ôn tập cuối năm.",
        "Tỷ lệ học sinh bỏ học giữa chừng giảm còn {small}%, tỷ lệ chuyên cần đạt {pct}%.",
    )),
    "enrolment": Topic(0.12, (
        "Kế hoạch tuyển sinh vào lớp 10 THPT năm học {y2}-{y3}",
        "Thông báo tuyển sinh lớp 1 và lớp 6 năm học {y2}-{y3} trên địa bàn {place}",
    ), (
        "Tuyển sinh vào lớp 10 năm học {y2}-{y3} được tổ chức theo hình thức {admission}.",
        "Chỉ tiêu tuyển sinh lớp 10 công lập là {n3} học sinh, tăng {n} lớp so với năm trước.",
        "Phụ huynh đăng ký tuyển sinh trực tuyến trên cổng tuyển sinh từ ngày {day}/{month}.",
        "Học sinh thuộc diện ưu tiên, khuyến khích được cộng điểm theo quy chế tuyển sinh.",
        "Trẻ 6 tuổi được tuyển sinh vào lớp 1 đúng tuyến theo địa bàn cư trú.",
    )),
    "exams": Topic(0.12, (
        "Kết quả kỳ thi tốt nghiệp THPT năm {y2} của {place}",
        "Kỳ thi chọn học sinh giỏi cấp tỉnh lớp 9 năm học {y1}-{y2}",
        "Hội thi giáo viên dạy giỏi cấp huyện năm học {y1}-{y2}",
    ), (
        "Kỳ thi tốt nghiệp THPT năm {y2} có {n3} thí sinh dự thi, tỷ lệ đỗ tốt nghiệp đạt "
        "{pct}%.",
        "Kết quả thi chọn học sinh giỏi cấp tỉnh đạt {n} giải, trong đó có {n2} giải nhất.",
        "Điểm trung bình môn {subject} của thí sinh đạt {score} điểm.",
        "Công tác coi thi, chấm thi được thực hiện nghiêm túc, đúng quy chế.",
    )),
    "standards": Topic(0.1, (
        "{place}: thêm {n} trường đạt chuẩn quốc gia",
        "Công khai chất lượng giáo dục và điều kiện đảm bảo chất lượng năm học {y1}-{y2}",
    ), (
        "Toàn {kind} có {n} trường đạt chuẩn quốc gia, đạt tỷ lệ {pct}%.",
        "Cơ sở vật chất trường học tiếp tục được đầu tư, xây mới {n} phòng học và {n2} phòng "
        "bộ môn.",
        "Công tác kiểm định chất lượng giáo dục được triển khai, {n} trường đạt kiểm định mức "
        "độ {small_int}.",
        "Đề án sáp nhập các điểm trường lẻ được thực hiện theo lộ trình, giảm {n} điểm trường.",
        "Công tác xã hội hóa giáo dục được quan tâm, huy động được {money} tỷ đồng.",
    )),
    "teachers": Topic(0.1, (
        "Khắc phục tình trạng thiếu giáo viên tại các trường vùng khó khăn",
        "Tuyển dụng giáo viên năm {y2}: ưu tiên môn {subject}",
    ), (
        "Đội ngũ giáo viên cơ bản đủ về số lượng, tuy nhiên còn thiếu {n} giáo viên {subject}.",
        "Tình trạng thiếu giáo viên {subject} ở cấp {level} vẫn chưa được khắc phục triệt để.",
        "Trong năm, toàn ngành tuyển dụng mới {n} giáo viên, điều động {n2} giáo viên đến vùng "
        "khó.",
        "Tỷ lệ giáo viên đạt chuẩn trình độ đào tạo theo Luật Giáo dục năm 2019 đạt {pct}%.",
        "Công tác bồi dưỡng thường xuyên giáo viên và cán bộ quản lý được thực hiện theo kế "
        "hoạch.",
    )),
    "curriculum": Topic(0.06, (
        "Triển khai Chương trình giáo dục phổ thông 2018 đối với lớp {grade}",
        "Đẩy mạnh chuyển đổi số trong ngành Giáo dục {place}",
    ), (
        "Ngành giáo dục đã triển khai Chương trình giáo dục phổ thông 2018 đối với lớp {grade} "
        "đúng lộ trình.",
        "Công tác chuyển đổi số được đẩy mạnh, {pct}% trường sử dụng sổ điểm điện tử và học bạ "
        "số.",
        "Việc lựa chọn sách giáo khoa lớp {grade} được thực hiện công khai, dân chủ.",
    )),
    "welfare": Topic(0.07, (
        "Tăng cường công tác phòng, chống đuối nước cho học sinh trong dịp hè {y2}",
        "Phổ cập giáo dục mầm non cho trẻ em 5 tuổi: kết quả và giải pháp",
    ), (
        "Chế độ bán trú cho học sinh dân tộc thiểu số tại các trường phổ thông dân tộc bán trú "
        "được đảm bảo đầy đủ, kịp thời.",
        "Công tác phổ cập giáo dục mầm non cho trẻ 5 tuổi, phổ cập giáo dục tiểu học và xóa mù "
        "chữ được duy trì vững chắc.",
        "Tỷ lệ huy động trẻ {age} tuổi ra lớp đạt {pct}%, tăng {small}% so với cùng kỳ.",
        "Công tác y tế trường học, phòng chống dịch bệnh và an toàn thực phẩm được chú trọng.",
        "Môi trường học đường hòa thuận, an toàn, thân thiện được xây dựng ở tất cả các trường.",
    )),
    "opening": Topic(0.07, (
        "Khai giảng năm học mới {y2}-{y3} tại các trường học {place}",
        "Lãnh đạo tỉnh làm việc với Sở Giáo dục và Đào tạo về công tác chuẩn bị năm học mới",
    ), (
        "Sáng ngày 5/9, {n3} học sinh trên địa bàn {place} hân hoan bước vào năm học mới.",
        "Nhân dịp khai giảng, các nhà hảo tâm trao tặng {n} suất học bổng cho học sinh nghèo.",
        "Đoàn công tác kiểm tra công tác chuẩn bị cơ sở vật chất, sách giáo khoa cho năm học mới.",
    )),
}

# Figures, names and boilerplate any report may carry, whatever it is about.
COMMON_SENTENCES = (
    "Số học sinh dân tộc thiểu số chiếm {pct}% tổng số học sinh toàn {kind}.",
    "Đồng chí {person}, {position}, phát biểu chỉ đạo hội nghị.",
    "Ngày {day}/{month}/{y2}, {unit} tổ chức hội nghị với sự tham dự của {n} đại biểu.",
    "{unit} đề nghị các phòng, ban, đơn vị liên quan phối hợp chặt chẽ thực hiện tốt nhiệm vụ.",
    "Hội nghị đã thảo luận, đánh giá những hạn chế, khó khăn và đề ra giải pháp trong thời gian "
    "tới.",
    "Bên cạnh kết quả đạt được, ngành còn gặp khó khăn về cơ sở vật chất ở các điểm trường lẻ.",
    "Thời gian tới, ngành tập trung rà soát, sắp xếp mạng lưới trường, lớp phù hợp thực tiễn.",
    "Tham dự có đại diện lãnh đạo Huyện ủy, HĐND, UBND và các phòng, ban chuyên môn.",
    "Các đại biểu đã tập trung thảo luận, đóng góp nhiều ý kiến tâm huyết.",
    "Toàn ngành hiện có {n3} cán bộ quản lý, giáo viên và nhân viên.",
    "Ngành giáo dục {place} tiếp tục đổi mới căn bản, toàn diện giáo dục và đào tạo.",
    "Ban tổ chức trân trọng cảm ơn sự quan tâm của các cấp ủy, chính quyền địa phương.",
)
TOPIC_SHARE = 0.65  # of a report's sentences that come from its topic

FILLERS: dict[str, tuple[str, ...]] = {
    "kind": ("huyện", "tỉnh", "thị xã", "thành phố"),
    "level": ("mầm non", "tiểu học", "trung học cơ sở", "trung học phổ thông", "liên cấp"),
    "subject": ("Tiếng Anh", "Tin học", "Âm nhạc", "Mỹ thuật", "Giáo dục thể chất", "Toán",
                "Ngữ văn", "Khoa học tự nhiên"),
    "grade": ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
    "admission": ("xét tuyển", "thi tuyển", "kết hợp thi tuyển và xét tuyển"),
    "position": ("Phó Chủ tịch UBND tỉnh", "Giám đốc Sở Giáo dục và Đào tạo",
                 "Chủ tịch UBND huyện", "Trưởng phòng Giáo dục và Đào tạo",
                 "Bí thư Huyện uỷ", "Phó Giám đốc Sở GD&ĐT"),
    "person": ("Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lò Văn Tiến", "Vừ A Bằng",
               "Cao Thị Tuyết Lan", "Lê Minh Đức", "Phạm Thị Hoà", "Đặng Quốc Khánh",
               "Hoàng Văn Thuỷ", "Giàng A Chu", "Bùi Hải Bình", "Nông Quang Thắng"),
}

# The older tone-mark placement, as many portals still write it (both must be searchable).
OLD_STYLE = (("Ủy", "Uỷ"), ("hòa", "hoà"), ("Hòa", "Hoà"), ("thủy", "thuỷ"), ("Thủy", "Thuỷ"),
             ("uy ban", "uỷ ban"))


def _fill(template: str, rng: random.Random, context: dict[str, str]) -> str:
    y1 = rng.randint(2016, 2024)
    values = {
        "y1": str(y1), "y2": str(y1 + 1), "y3": str(y1 + 2),
        "n": str(rng.randint(2, 60)), "n2": str(rng.randint(1, 40)),
        "n3": f"{rng.randint(800, 60000):,}".replace(",", "."),
        "pct": f"{rng.uniform(55, 100):.1f}".replace(".", ","),
        "small": f"{rng.uniform(0.1, 5):.2f}".replace(".", ","),
        "small_int": str(rng.randint(1, 3)), "age": str(rng.choice((3, 4, 5))),
        "money": str(rng.randint(1, 90)), "day": str(rng.randint(1, 28)),
        "pct2": f"{rng.uniform(90, 100):.1f}".replace(".", ","),
        "score": f"{rng.uniform(4, 9):.2f}".replace(".", ","),
        "month": str(rng.randint(1, 12)),
        **{key: rng.choice(options) for key, options in FILLERS.items()},
        **context,
    }
    return template.format(**values)


@dataclass(frozen=True)
class SyntheticReport:
    source: SourceRecord
    title: str
    text: str
    published: date | None


def _pool(rng: random.Random, templates: tuple[str, ...], size: int) -> list[str]:
    # Filled once: drawing from pools keeps 200,000 reports cheap to generate while each
    # report still differs in figures, names, order and length.
    unit = {"unit": "Phòng Giáo dục và Đào tạo", "place": "huyện"}
    return [_fill(rng.choice(templates), rng, unit) for _ in range(size)]


def generate_reports(count: int, seed: int = SEED) -> Iterator[SyntheticReport]:
    """`count` reports, the same ones for the same seed."""
    rng = random.Random(seed)
    sources = build_sources()
    topics = list(TOPICS.values())
    weights = [topic.weight for topic in topics]
    pools = [_pool(rng, topic.sentences, 4000) for topic in topics]
    common = _pool(rng, COMMON_SENTENCES, 8000)
    first_day, days = date(2017, 8, 1).toordinal(), 8 * 365
    for _ in range(count):
        source = rng.choice(sources)
        place = f"huyện {source.district}" if source.district else f"tỉnh {source.province}"
        unit = ("Sở Giáo dục và Đào tạo " + source.province if source.level == "department"
                else f"UBND {place}")
        context = {"unit": unit, "place": place}
        (number,) = rng.choices(range(len(topics)), weights)
        topic, pool = topics[number], pools[number]
        title = _fill(rng.choice(topic.titles), rng, context)
        words_wanted = int(min(1600, max(150, rng.lognormvariate(6.2, 0.5))))
        paragraphs = [_fill(rng.choice(topic.sentences), rng, context)]
        words = len(paragraphs[0].split())
        while words < words_wanted:
            sentences = [
                rng.choice(pool if rng.random() < TOPIC_SHARE else common)
                for _ in range(rng.randint(2, 5))
            ]
            paragraphs.append(" ".join(sentences))
            words += len(paragraphs[-1].split())
        text = "\n\n".join(paragraphs)
        if rng.random() < 0.4:
            for new, old in OLD_STYLE:
                text = text.replace(new, old)
                title = title.replace(new, old)
        published = None if rng.random() < 0.05 else date.fromordinal(
            first_day + rng.randrange(days))
        yield SyntheticReport(source, title, text, published)


def _records(report: SyntheticReport, number: int) -> tuple[PageRecord, ReportRecord]:
    url = f"https://{report.source.id}.gov.vn/tin-tuc/bao-cao-{number}.html"
    digest = hashlib.sha256(report.text.encode("utf-8")).hexdigest()
    source = report.source
    return (
        PageRecord(url, source.id, "article", 200, "report"),
        ReportRecord(
            content_hash=digest, title=report.title, text=report.text,
            published=report.published, byline=None, platform="nukeviet", score=0.9,
            signals=("title: 'năm học' +1.8",), source_id=source.id, province=source.province,
            district=source.district, level=source.level, url=url,
        ),
    )


def build_corpus(store: Store, count: int, seed: int = SEED) -> float:
    """Save `count` synthetic reports through the db API; returns the seconds it took."""
    clock = datetime(2025, 7, 1, tzinfo=UTC)
    started = time.perf_counter()
    # A bulk load touches indexes all over the file: keep more of it in memory while loading.
    store.db.execute("PRAGMA cache_size = -262144")
    store.sync_sources(build_sources())
    batch: list[tuple[PageRecord, ReportRecord]] = []
    for number, report in enumerate(generate_reports(count, seed), start=1):
        batch.append(_records(report, number))
        if len(batch) == BATCH:
            store.save_reports(batch)
            batch.clear()
            clock += timedelta(minutes=1)
            if number % 20_000 == 0:
                rate = number / (time.perf_counter() - started)
                print(f"  {number:,} reports saved ({rate:,.0f}/s)", file=sys.stderr)
    if batch:
        store.save_reports(batch)
    # What a long-running database gets from time to time: merged index segments.
    store.db.execute("INSERT INTO reports_fts (reports_fts) VALUES ('optimize')")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - started


# -- searches -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Search:
    query: str
    filters: ReportFilter | None = None
    order: str = "relevance"

    def label(self) -> str:
        parts = [self.query]
        if self.filters:
            f = self.filters
            for name, values in (("province", f.provinces), ("district", f.districts),
                                 ("source", f.sources), ("level", f.levels)):
                parts += [f"--{name} {value!r}" for value in values]
            if f.since:
                parts.append(f"--since {f.since}")
            if f.until:
                parts.append(f"--until {f.until}")
        if self.order != "relevance":
            parts.append(f"--order {self.order}")
        return " ".join(parts)


SEARCHES = (
    # Without filters: what people type first.
    Search("tong ket nam hoc"),
    Search("tổng kết năm học 2022-2023"),
    Search('"chuẩn quốc gia"'),
    Search("tuyen sinh lop 10"),
    Search("thiếu giáo viên"),
    Search("giáo viên OR cán bộ quản lý"),
    Search('học sinh giỏi NOT "bán trú"'),
    Search("chuyển đổi số OR truong*"),
    Search('"phổ cập giáo dục" AND "mầm non"'),
    Search("Uỷ ban nhân dân huyện hoà thuận", order="newest"),
    # With filters: a place, a level, a period, a source.
    Search("tong ket nam hoc", ReportFilter(provinces=("lai chau",))),
    Search('"chuẩn quốc gia"', ReportFilter(provinces=("Điện Biên",))),
    Search("thieu giao vien", ReportFilter(districts=("Mường Tè",))),
    Search("tuyen sinh", ReportFilter(levels=("department",))),
    Search("so ket hoc ky", ReportFilter(since=date(2023, 1, 1), until=date(2023, 12, 31))),
    Search("hoc sinh gioi", ReportFilter(provinces=("Hải Phòng",), since=date(2022, 9, 1))),
    Search("giao*", ReportFilter(sources=("sgd-nghe-an",)), order="newest"),
    Search("ky thi tot nghiep THPT", ReportFilter(levels=("province",), since=date(2024, 1, 1))),
    Search("ban tru", ReportFilter(provinces=("Hà Giang", "Lào Cai"))),
    Search("khai giang", ReportFilter(districts=("Sa Pa",), since=date(2020, 1, 1)),
           order="newest"),
)


def time_searches(store: Store, repeats: int) -> list[dict[str, Any]]:
    """Each search once to warm up, then `repeats` timed runs (milliseconds)."""
    results = []
    for search in SEARCHES:
        hits = store.search(search.query, search.filters, search.order, limit=20)
        runs = []
        for _ in range(repeats):
            started = time.perf_counter()
            store.search(search.query, search.filters, search.order, limit=20)
            runs.append((time.perf_counter() - started) * 1000)
        results.append({"search": search.label(), "filtered": search.filters is not None,
                        "hits": len(hits), "runs_ms": runs})
    return results


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (p95 of 100 runs is the 95th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


def index_bytes(path: Path) -> tuple[int, int | None]:
    """Size of the database file and of the full-text index in it (None without dbstat)."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        try:
            fts = conn.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'reports_fts%'"
            ).fetchone()[0]
        except sqlite3.OperationalError:
            fts = None
    return path.stat().st_size, fts


def _mib(size: int | None) -> str:
    return "n/a" if size is None else f"{size / 2**20:,.0f} MiB"


def report(results: list[dict[str, Any]], count: int, build_s: float | None,
           sizes: tuple[int, int | None]) -> str:
    def row(name: str, runs: list[float]) -> str:
        p50, p95 = percentile(runs, 0.5), percentile(runs, 0.95)
        verdict = "ok" if p95 < TARGET_P95_MS else "MISSED"
        return f"| {name} | {len(runs)} | {p50:.1f} ms | {p95:.1f} ms | {verdict} |"

    plain = [r for result in results if not result["filtered"] for r in result["runs_ms"]]
    filtered = [r for result in results if result["filtered"] for r in result["runs_ms"]]
    build = "reused" if build_s is None else f"{build_s:,.0f} s ({count / build_s:,.0f} reports/s)"
    lines = [
        f"Corpus: {count:,} synthetic reports; build {build}; database {_mib(sizes[0])}, "
        f"full-text index {_mib(sizes[1])}.",
        "",
        f"| searches (20 per `limit`) | runs | p50 | p95 | p95 < {TARGET_P95_MS:.0f} ms |",
        "| --- | ---: | ---: | ---: | --- |",
        row("without filters (10)", plain),
        row("with filters (10)", filtered),
        row("all (20)", plain + filtered),
        "",
        "| search | hits | median |",
        "| --- | ---: | ---: |",
    ]
    for result in results:
        lines.append(f"| `{result['search']}` | {result['hits']} | "
                     f"{statistics.median(result['runs_ms']):.1f} ms |")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bench/search.py",
        description="Time 20 typical searches on a large synthetic corpus.",
        epilog="Example: python bench/search.py --reports 20000 --repeats 5",
    )
    parser.add_argument("--reports", type=int, default=200_000,
                        help="corpus size (default: %(default)s)")
    parser.add_argument("--db", type=Path, default=Path("data/bench/search.db"),
                        help="where the corpus is kept (default: %(default)s)")
    parser.add_argument("--rebuild", action="store_true",
                        help="build the corpus again even if --db already holds it")
    parser.add_argument("--repeats", type=int, default=10,
                        help="timed runs per search after a warm-up (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=SEED, help="generator seed")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    build_s: float | None = None
    if args.rebuild and args.db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    with open_db(args.db) as store:
        held = store.count_reports()
        if held not in (0, args.reports):
            print(f"error: {args.db} holds {held:,} reports, not {args.reports:,}; "
                  "add --rebuild or choose another --db", file=sys.stderr)
            return 2
        if held == 0:
            print(f"building {args.reports:,} reports in {args.db} …", file=sys.stderr)
            build_s = build_corpus(store, args.reports, args.seed)
        results = time_searches(store, args.repeats)
    sizes = index_bytes(args.db)
    print(report(results, args.reports, build_s, sizes))
    if args.json:
        args.json.write_text(json.dumps({"reports": args.reports, "build_s": build_s,
                                         "db_bytes": sizes[0], "fts_bytes": sizes[1],
                                         "searches": results}, ensure_ascii=False, indent=2),
                             encoding="utf-8")
    all_runs = [r for result in results for r in result["runs_ms"]]
    return 0 if percentile(all_runs, 0.95) < TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
