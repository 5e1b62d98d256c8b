"""Is an article an education report? A small, explainable lexical classifier.

Education reports are what eduwatch watches: school-year and semester reviews, task deployment,
exams and enrolment, the school network and its standards ("trường đạt chuẩn quốc gia"),
"phổ cập giáo dục", meetings and notices of the education sector, the Sở/Phòng GD&ĐT at work —
including a provincial leader visiting the Sở GD&ĐT to review its tasks. Everything else a
government portal publishes (farming, traffic, health, culture, the party, land, markets) is
"other news", even when it mentions pupils in passing.

How it decides:
- Text is folded (lower case, no diacritics, đ → d) and split into words, so pages typed without
  diacritics classify like the rest. Lexicon phrases match whole words, longest first, and a
  match consumes its words: a false friend ("thị trường", "khoa học", "trường hợp") takes its
  words before a shorter education phrase can claim them.
- The title weighs more than the body: each distinct title phrase counts once, times
  TITLE_FACTOR. The body counts by density (weighted phrases per 100 words, times how many
  different education phrases occur), so a long article is not education because it is long.
- Other-topic phrases (rice prices, vaccines, land clearance...) subtract the same way.
- A logistic curve turns the total into a score in [0, 1]; `signals` name the contributions.

Borderline, decided: vocational training for workers ("đào tạo nghề cho lao động nông thôn",
job fairs) is labour news, not an education report — it is run by the labour sector and our users
read Sở/Phòng GD&ĐT reports. "Giáo dục nghề nghiệp" and GDNN-GDTX centres, which also teach the
upper-secondary programme, count weakly. Health campaigns held in schools are health news unless
the body is mostly about the schools.

Pure and cheap (about a millisecond for a long article); the threshold comes from the
`[classifier] threshold` setting (crawler.config.ClassifierConfig).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from cleaners.article import Classification
from cleaners.vietnamese import fold


@dataclass(frozen=True)
class Term:
    """One lexicon entry: `label` as shown in signals, `phrases` as folded word sequences."""

    label: str
    weight: float  # > 0 education, < 0 another topic, 0 a false friend that only blocks
    phrases: tuple[tuple[str, ...], ...]
    not_before: frozenset[str] = frozenset()  # a phrase followed by one of these is not this term


_WORD = re.compile(r"[a-z0-9]+")
_BRACES = re.compile(r"\{([^{}]*)\}")


def _expand(spec: str) -> list[str]:
    """Brace expansion: "hoc k{y,i}" → ["hoc ky", "hoc ki"]; "{,pt}dtnt" → ["dtnt", "ptdtnt"]."""
    match = _BRACES.search(spec)
    if match is None:
        return [spec]
    head, tail = spec[: match.start()], spec[match.end() :]
    return [text for option in match.group(1).split(",") for text in _expand(head + option + tail)]


def _term(label: str, weight: float, *specs: str, not_before: str = "") -> Term:
    """A lexicon entry matching `label`, or the brace-expanded `specs`, as whole folded words."""
    phrases = {
        tuple(_WORD.findall(fold(text))) for spec in (specs or (label,)) for text in _expand(spec)
    }
    return Term(label, weight, tuple(sorted(phrases)), frozenset(not_before.split()))


# The spellings of "Giáo dục và Đào tạo" after folding and dropping punctuation:
# "Giáo dục", "GD&ĐT", "GD-ĐT", "GD và ĐT", "GDĐT".
_GDDT = "{giao duc,giao duc va dao tao,gd dt,gd va dt,gddt}"

# --- education --------------------------------------------------------------------------------
# Weights: 1.5 the sector's own offices; ~1 phrases that only education uses; 0.5-0.8 phrases that
# are mostly education; 0.2-0.4 phrases other news shares (university, training, learning).
EDUCATION_TERMS: tuple[Term, ...] = (
    # The sector and its offices. Bare "sở" is every department, so only "Sở GD&ĐT" counts.
    _term("Sở GD&ĐT", 1.5, f"so {_GDDT}"),
    _term("Phòng GD&ĐT", 1.5, f"phong {_GDDT}"),
    _term("Bộ GD&ĐT", 1.5, f"bo {_GDDT}"),
    _term("giáo dục và đào tạo", 1.2, "{giao duc va dao tao,gd dt,gd va dt,gddt}"),
    _term("ngành giáo dục", 1.2, "nganh {giao duc,gd}"),
    _term("giáo dục", 0.7),
    # People.
    _term("học sinh", 1.0),
    _term("giáo viên", 1.0),
    _term("nhà giáo", 1.0),
    _term("hiệu trưởng", 1.0),
    _term("thí sinh", 1.0),
    _term("học trò", 0.8),
    _term("giáo chức", 0.6),
    _term("CBQL", 0.5),
    _term("sinh viên", 0.4),
    _term("giảng viên", 0.4),
    # Levels and kinds of school.
    _term("mầm non", 1.0),
    _term("mẫu giáo", 1.0),
    _term("nhà trẻ", 0.8),
    _term("tiểu học", 1.0),
    _term("trung học cơ sở", 1.0),
    _term("trung học phổ thông", 1.0),
    _term("THCS", 1.0),
    _term("THPT", 1.0),
    _term("PTDTNT/PTDTBT", 1.0, "{,pt}dt{nt,bt}"),  # boarding schools for ethnic minorities
    _term("GDTX", 0.8),
    _term("GDPT", 1.0),
    _term("phổ thông", 0.5),
    _term("liên cấp", 0.6),
    _term("giáo dục nghề nghiệp", 0.3, "{giao duc nghe nghiep,gdnn}"),
    _term("đại học", 0.3),
    _term("cao đẳng", 0.3),
    # Schools and classes. Bare "trường" is useless: folded it is also "trưởng" (head of, growth)
    # and the tail of "thị trường", "môi trường"; only phrases that name a school count.
    _term("trường học", 1.0),
    _term("nhà trường", 1.0),
    _term("trường lớp", 1.0),
    _term("điểm trường", 1.0),  # satellite school sites in the mountains
    _term("ngôi trường", 0.8),
    _term("trường chuẩn quốc gia", 1.2, "truong {,hoc }{,dat }chuan{, quoc gia}"),
    _term("trường chuyên", 0.8),
    _term("mạng lưới trường", 1.0),
    _term("cụm trường", 0.5, not_before="cum"),  # not "cụm trưởng cụm thi đua"
    _term("đến trường", 0.8, not_before="hop"),
    _term("tựu trường", 1.0),
    _term("học đường", 0.8),
    _term("lớp học", 0.8),
    _term("phòng học", 0.8),
    _term("ra lớp", 0.8),  # "huy động trẻ ra lớp": enrolment drives
    _term("bán trú", 0.6),
    _term("môi trường giáo dục", 0.8, "moi truong {giao duc,hoc duong,hoc tap,su pham}"),
    # The school year.
    _term("năm học", 1.2, not_before="tap"),  # not "5 năm học tập và làm theo..."
    _term("học kỳ", 1.0, "hoc k{y,i}", not_before="thuat nang"),  # not "học kỹ thuật"
    _term("khai giảng", 0.8),
    _term("bế giảng", 0.8),
    _term("nhập học", 1.0),
    _term("học phí", 0.8),
    # Teaching.
    _term("dạy học", 0.8),
    _term("giảng dạy", 0.8),
    _term("dạy và học", 0.8),
    _term("sách giáo khoa", 1.0, "{sach giao khoa,sgk}"),
    _term("môn học", 0.8),
    _term("tiết học", 0.8),
    _term("giờ học", 0.6),
    _term("sinh hoạt chuyên môn", 0.6),
    _term("hướng nghiệp", 0.6),
    _term("phân luồng", 0.5),  # "phân luồng giao thông" is a longer phrase below
    _term("kỹ năng sống", 0.4, "k{y,i} nang song"),
    _term("học tập", 0.3),
    _term("đào tạo", 0.2),
    # Exams and enrolment. Bare "thi" is "thị" (town, market) and "thi đua", "thi công",
    # "thi hành" too, so exam phrases carry look-aheads for those.
    _term("tuyển sinh", 1.2),
    _term("đầu cấp", 0.8),
    _term("kỳ thi", 1.0, "k{y,i} thi {tuyen sinh,tot nghiep,chon,hoc sinh,thpt,vao lop}"),
    _term("thi tốt nghiệp", 1.0),
    _term("tốt nghiệp", 0.4),
    _term("lịch thi", 1.0, not_before="dau"),
    _term("điểm thi", 0.8, not_before="dua tran xa cong hanh diem"),
    _term("phòng thi", 0.8, not_before="nghiem dua hanh cong"),
    _term("môn thi", 1.0, not_before="dau dua"),
    _term("coi thi", 1.0),
    _term("chấm thi", 1.0, not_before="dua"),
    _term("hội đồng thi", 0.8, not_before="dua hanh"),
    _term("lớp 1–12", 0.6, "lop {1,2,3,4,5,6,7,8,9,10,11,12}"),
    # Standards and universal education.
    _term("phổ cập", 0.8),
    _term("PCGD", 1.0),
    _term("xóa mù chữ", 1.0, "{xoa ,}mu chu", "xmc"),
    # Learning society and support for pupils.
    _term("khuyến học", 0.8),
    _term("học bổng", 0.6),
    _term("xã hội học tập", 0.6),
    _term("học tập cộng đồng", 0.6),
    _term("Hội khỏe Phù Đổng", 0.6),
    _term("Đội TNTP", 0.4, "doi {tntp,thieu nien}"),
)

# --- words education shares with other news ------------------------------------------------------
# Weight 0: they only consume their words so that a shorter education phrase cannot match inside.
FALSE_FRIENDS: tuple[Term, ...] = (
    _term("trường hợp", 0.0),  # "in case of": every kind of news
    _term("quảng trường", 0.0),
    _term("hiện trường", 0.0),  # the scene of an accident or crime
    _term("thao trường", 0.0),  # military training ground
    _term("trưởng thành", 0.0),
    _term("khoa học", 0.0),  # also blocks "học sinh" in "khoa học sinh thái"
    _term("khoa học kỹ thuật", 0.0, "khoa hoc k{y,i} thuat"),  # student science fairs: neutral
    _term("đào tạo nghề", 0.0),  # labour news, see the module docstring
    _term("học tập và làm theo", 0.0),  # "... tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    _term("học tập nghị quyết", 0.0, "hoc tap {,va }{quan triet,nghi quyet}"),
    _term("quán triệt học tập", 0.0, "quan triet {,va }hoc tap"),
    _term("giáo dục pháp luật", 0.0),  # the justice sector's "phổ biến, giáo dục pháp luật"
    _term("giáo dục chính trị", 0.0),
    _term("giáo dục quốc phòng", 0.0, "giao duc quoc phong{, an ninh, va an ninh}"),
    _term("trình độ đại học", 0.0, "trinh do {dai hoc,cao dang,thac si,tien si}"),
    _term("lớp bồi dưỡng", 0.0, "lop {boi duong,tap huan}"),  # training for officials
    _term("lớp học tập nghị quyết", 0.0, "lop hoc tap {,va }{quan triet,nghi quyet}"),
    _term("thi đua", 0.0),
    _term("thi công", 0.0),
    _term("thi hành", 0.0),
)

# --- other topics -----------------------------------------------------------------------------
# What the rest of a portal writes about. Weights stay below the education ones: education
# reports mention the party congress, administrative reform or Covid in passing.
OTHER_TOPIC_TERMS: tuple[Term, ...] = (
    # Agriculture.
    _term("giá lúa", -1.0),
    _term("lúa gạo", -0.8),
    _term("vụ Đông Xuân", -1.0),
    _term("vụ Hè Thu", -1.0),
    _term("gieo cấy", -0.8),
    _term("thu hoạch", -0.6),
    _term("năng suất", -0.4),
    _term("nông sản", -0.8),
    _term("chăn nuôi", -0.6),
    _term("trồng trọt", -0.8),
    _term("sâu bệnh", -0.8),
    _term("phân bón", -0.8),
    _term("cây trồng", -0.6),
    _term("nông dân", -0.5),
    _term("thủy sản", -0.8),
    _term("dịch tả lợn", -1.0),
    _term("trồng rừng", -0.8),
    # Markets and the economy. "Thị trường" is also why bare "trường" is not a term.
    _term("thị trường", -0.8),
    _term("giá cả", -0.6),
    _term("lạm phát", -0.8),
    _term("xuất khẩu", -0.6),
    _term("doanh nghiệp", -0.4),
    _term("tăng trưởng", -0.5),
    _term("thương mại", -0.5),
    _term("hàng hóa", -0.5),
    _term("khách hàng", -0.4),
    _term("giá xăng", -0.8),
    _term("giải ngân", -0.6),
    # Traffic.
    _term("tai nạn", -0.8),
    _term("phân luồng giao thông", -0.8),
    _term("giao thông", -0.6),
    _term("cao tốc", -0.6),
    _term("quốc lộ", -0.6),
    _term("xe khách", -0.8),
    _term("xe ô tô", -0.5, "xe {o to,oto}"),  # bare "o to" is also "ở tổ dân phố"
    _term("nồng độ cồn", -0.8),
    # Health.
    _term("tiêm chủng", -1.0),
    _term("vắc xin", -1.0, "vac xin", "vacxin", "vaccine"),
    _term("y tế", -0.6),
    _term("bệnh viện", -0.8),
    _term("khám chữa bệnh", -0.8),
    _term("bệnh nhân", -0.8),
    _term("điều trị", -0.6),
    _term("ca mắc", -0.8),
    _term("sốt xuất huyết", -1.0),
    _term("dịch bệnh", -0.3),
    # Culture, sport and tourism.
    _term("lễ hội", -0.8),
    _term("du lịch", -0.7),
    _term("du khách", -0.8),
    _term("di tích", -0.8),
    _term("ẩm thực", -0.7),
    _term("nghệ nhân", -0.6),
    _term("văn hóa", -0.3),
    _term("thể thao", -0.3),
    # Environment.
    _term("môi trường", -0.6),
    _term("rác thải", -0.8),
    _term("ô nhiễm", -0.8),
    _term("nước thải", -0.8),
    _term("chất thải", -0.8),
    _term("biến đổi khí hậu", -0.8),
    _term("khoáng sản", -0.8),
    _term("tài nguyên", -0.5),
    # War history and the armed forces.
    _term("chiến trường", -0.8),
    _term("liệt sĩ", -0.8),
    _term("cựu chiến binh", -0.8),
    _term("nghĩa trang", -0.8),
    _term("chiến thắng", -0.4),
    _term("chiến dịch", -0.3),
    _term("quân sự", -0.5),
    # Administrative reform and citizens' affairs.
    _term("cải cách hành chính", -0.4),
    _term("thủ tục hành chính", -0.6),
    _term("dịch vụ công", -0.6),
    _term("một cửa", -0.6, "bo phan mot cua", "mot cua lien thong"),  # not "một cửa hàng"
    _term("tiếp công dân", -0.8),
    # Land.
    _term("giải phóng mặt bằng", -1.0),
    _term("tái định cư", -0.8),
    _term("bồi thường", -0.6),
    _term("thu hồi đất", -0.8),
    _term("giá đất", -0.8),
    _term("quyền sử dụng đất", -0.8),
    # The party and elections.
    _term("Đại hội Đảng bộ", -0.5, "dai hoi {,dai bieu }dang bo"),
    _term("đảng viên", -0.4),
    _term("Ban Chấp hành", -0.3),
    _term("nhiệm kỳ", -0.4),
    _term("bầu cử", -0.6),
    # Labour and social affairs (see "đào tạo nghề" above).
    _term("lao động nông thôn", -0.8),
    _term("việc làm", -0.3),  # also "vị trí việc làm", "những việc làm tốt"
    _term("xuất khẩu lao động", -0.8),
    _term("hộ nghèo", -0.5),
    # Science and technology news, security, disasters.
    _term("khoa học công nghệ", -0.6),
    _term("hội thảo khoa học", -0.3),
    _term("tội phạm", -0.8),
    _term("phòng cháy chữa cháy", -0.8),
    _term("lũ lụt", -0.8),
    _term("sạt lở", -0.8),
    _term("thiên tai", -0.7),
)

TERMS: tuple[Term, ...] = EDUCATION_TERMS + FALSE_FRIENDS + OTHER_TOPIC_TERMS

# --- scoring -------------------------------------------------------------------------------------
TITLE_FACTOR = 1.5  # a title phrase counts this many times its weight
TITLE_CAP = 4.0  # a title alone can carry an article, but not by piling up phrases
DENSITY_POINTS = 0.6  # points per weighted phrase per 100 body words
BODY_CAP = 4.0
BREADTH_FULL = 4  # distinct education phrases for full body credit; one word repeated is thin
MIN_BODY_WORDS = 40  # density of a three-line notice is not judged on three words
PIVOT = 2.0  # total points where the score is 0.5
SLOPE = 1.5
MAX_TERM_SIGNALS = 4


def _index(terms: tuple[Term, ...]) -> dict[str, list[tuple[tuple[str, ...], Term]]]:
    """First word → (phrase, term), longest phrase first."""
    index: dict[str, list[tuple[tuple[str, ...], Term]]] = {}
    for term in terms:
        for phrase in term.phrases:
            index.setdefault(phrase[0], []).append((phrase, term))
    for candidates in index.values():
        candidates.sort(key=lambda candidate: -len(candidate[0]))
    return index


_INDEX = _index(TERMS)


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(unicodedata.normalize("NFC", text))))


def _matches(words: tuple[str, ...]) -> Counter[Term]:
    """Lexicon terms in `words`, scanning left to right, the longest phrase at each position.

    A matched phrase consumes its words, so a false friend that starts earlier ("khoa học" in
    "khoa học sinh thái", "thị trường" in "thị trường học liệu") keeps a shorter education
    phrase from matching inside it.
    """
    found: Counter[Term] = Counter()
    i, n = 0, len(words)
    while i < n:
        for phrase, term in _INDEX.get(words[i], ()):
            end = i + len(phrase)
            if words[i:end] == phrase and not (end < n and words[end] in term.not_before):
                if term.weight:
                    found[term] += 1
                i = end
                break
        else:
            i += 1
    return found


@dataclass(frozen=True)
class _Points:
    value: float
    signal: str


def _title_points(found: Counter[Term]) -> list[_Points]:
    points: list[_Points] = []
    for sign, where in ((1, "title"), (-1, "negative title")):
        terms = sorted((t for t in found if t.weight * sign > 0), key=lambda t: -abs(t.weight))
        raw = sum(abs(t.weight) for t in terms) * TITLE_FACTOR
        scale = min(1.0, TITLE_CAP / raw) if raw else 0.0
        for t in terms:
            value = sign * abs(t.weight) * TITLE_FACTOR * scale
            points.append(_Points(value, f"{where}: '{t.label}' {value:+.1f}"))
    return points


def _body_points(found: Counter[Term], n_words: int) -> list[_Points]:
    """Density points for each side, then the terms that made them (explanation only)."""
    per_100 = 100.0 / max(n_words, MIN_BODY_WORDS)
    points: list[_Points] = []
    for sign in (1, -1):
        side = {t: n for t, n in found.items() if t.weight * sign > 0}
        if not side:
            continue
        mass = sum(abs(t.weight) * n for t, n in side.items())
        density = mass * per_100
        if sign > 0:
            breadth = min(1.0, len(side) / BREADTH_FULL)
            total = min(BODY_CAP, DENSITY_POINTS * density * breadth)
            summary = f"body: education terms {density:.1f}% of words, {len(side)} distinct"
            each = "body"
        else:
            total = -min(BODY_CAP, DENSITY_POINTS * density)
            summary = f"negative: other-topic terms {density:.1f}% of words"
            each = "negative"
        points.append(_Points(total, f"{summary} {total:+.1f}"))
        top = sorted(side.items(), key=lambda item: -abs(item[0].weight) * item[1])
        for t, n in top[:MAX_TERM_SIGNALS]:
            share = total * abs(t.weight) * n / mass
            points.append(_Points(0.0, f"{each}: '{t.label}' ×{n} {share:+.2f}"))
    return points


def classify(title: str, text: str, threshold: float = 0.5) -> Classification:
    """Is this article an education report? Score in [0, 1] and the signals that decided it."""
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
    body_words = _words(text)
    points = _title_points(_matches(_words(title))) + _body_points(
        _matches(body_words), len(body_words)
    )
    total = sum(p.value for p in points)
    score = 1.0 / (1.0 + math.exp(-SLOPE * (total - PIVOT)))
    signals = tuple(p.signal for p in points) or ("no education or other-topic terms",)
    return Classification(
        is_education=score >= threshold,
        score=score,
        threshold=threshold,
        signals=signals,
    )
