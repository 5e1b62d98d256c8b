"""cleaners.classify: education reports versus other portal news, explainably."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from cleaners.classify import EDUCATION_TERMS, FALSE_FRIENDS, OTHER_TOPIC_TERMS, classify

DATA = Path(__file__).parent / "data" / "classify"
EDUCATION = sorted(DATA.glob("edu_*.txt"))
OTHER = sorted(DATA.glob("other_*.txt"))


def load(path: Path) -> tuple[str, str]:
    """(title, body): the first non-blank line, then the rest."""
    title, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
    return title.strip(), body


def strip_diacritics(text: str) -> str:
    """How people type without a Vietnamese keyboard: "Sở Giáo dục" → "So Giao duc"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def education_terms(title: str, text: str) -> list[str]:
    """The education signals (title or body) that classify reports for this text."""
    signals = classify(title, text).signals
    return [s for s in signals if s.startswith(("title:", "body:"))]


def test_the_fixture_set_has_the_kinds_the_product_must_tell_apart() -> None:
    assert len(EDUCATION) >= 13  # 5 seeds and 8 written items
    assert len(OTHER) >= 10


@pytest.mark.parametrize("path", EDUCATION, ids=lambda p: p.stem)
@pytest.mark.parametrize("typing", ["diacritics", "stripped"])
def test_education_reports_are_education(path: Path, typing: str) -> None:
    title, body = load(path)
    if typing == "stripped":
        title, body = strip_diacritics(title), strip_diacritics(body)
    result = classify(title, body)
    assert result.is_education, result.signals
    assert result.score >= 0.5


@pytest.mark.parametrize("path", OTHER, ids=lambda p: p.stem)
@pytest.mark.parametrize("typing", ["diacritics", "stripped"])
def test_other_news_is_not_education(path: Path, typing: str) -> None:
    title, body = load(path)
    if typing == "stripped":
        title, body = strip_diacritics(title), strip_diacritics(body)
    result = classify(title, body)
    assert not result.is_education, result.signals
    assert result.score < 0.5


def test_leader_visiting_the_education_department_is_education() -> None:
    title, body = load(DATA / "edu_seed_004.txt")
    result = classify(title, body)
    assert result.is_education
    assert any(s.startswith("title: 'Sở GD&ĐT'") for s in result.signals)


def test_signals_explain_the_decision() -> None:
    title, body = load(DATA / "edu_seed_000.txt")
    signals = classify(title, body).signals
    assert any(s.startswith("title: 'năm học' +") for s in signals)
    assert any(s.startswith("body: education terms ") and "% of words" in s for s in signals)
    assert any(s.startswith("body: 'học sinh' ×") for s in signals)

    title, body = load(DATA / "other_agriculture_rice_price.txt")
    signals = classify(title, body).signals
    assert any(s.startswith("negative title: 'giá lúa' -") for s in signals)
    assert any(s.startswith("negative: ") for s in signals)


def test_signals_use_the_same_names_for_text_without_diacritics() -> None:
    title, body = load(DATA / "edu_exam_schedule_notice.txt")
    plain = classify(title, body)
    stripped = classify(strip_diacritics(title), strip_diacritics(body))
    assert plain.signals == stripped.signals
    assert plain.score == pytest.approx(stripped.score)


def test_score_and_threshold() -> None:
    title, body = load(DATA / "edu_school_opening.txt")
    result = classify(title, body, threshold=0.5)
    assert 0.0 <= result.score <= 1.0
    assert result.threshold == 0.5
    strict = classify(title, body, threshold=1.0)
    assert strict.score == result.score
    assert result.is_education and not strict.is_education
    assert classify("", "", threshold=0.0).is_education  # everything passes a zero threshold
    with pytest.raises(ValueError):
        classify(title, body, threshold=1.5)


def test_empty_article_is_not_education_and_says_why() -> None:
    result = classify("", "")
    assert not result.is_education
    assert result.signals == ("no education or other-topic terms",)


@pytest.mark.parametrize(
    "sentence",
    [
        "Giá cả thị trường ổn định, sức mua tăng cao.",
        "Bảo vệ môi trường sống tại các khu dân cư tập trung.",
        "Các chiến sĩ đã anh dũng chiến đấu trên chiến trường Điện Biên Phủ.",
        "Lực lượng chức năng có mặt tại hiện trường vụ việc.",
        "Lễ mít tinh diễn ra tại quảng trường trung tâm thành phố.",
        "Huấn luyện chiến sĩ mới trên thao trường.",
        "Xử lý nghiêm các trường hợp vi phạm.",
        "Tốc độ tăng trưởng kinh tế đạt 7,2%.",
        "Đồng chí Trưởng phòng Tài chính - Kế hoạch phát biểu.",
        "Hội thảo khoa học sinh thái rừng đầu nguồn.",
        "Ứng dụng khoa học công nghệ vào sản xuất nông nghiệp.",
        "Nông dân học kỹ thuật chăm sóc cây cà phê.",
        "Khai trương cửa hàng tiện lợi tại thị trấn.",
        "Sở Y tế, Sở Tài chính và Sở Nội vụ phối hợp kiểm tra.",
        "Hội nghị học tập, quán triệt Nghị quyết của Đảng.",
        "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Sau 5 năm học tập và làm theo gương Bác, nhiều tập thể được khen thưởng.",
        "Tăng cường phổ biến, giáo dục pháp luật cho nhân dân.",
        "Mở lớp đào tạo nghề cho lao động nông thôn.",
        "Khen thưởng các tập thể trong phong trào thi đua, thi công đúng tiến độ.",
    ],
)
def test_false_friends_are_not_education_terms(sentence: str) -> None:
    assert education_terms("", sentence) == []
    assert education_terms("", strip_diacritics(sentence)) == []


@pytest.mark.parametrize(
    "spelling",
    [
        "Sở Giáo dục và Đào tạo",
        "Sở GD&ĐT",
        "Sở GD-ĐT",
        "Sở GDĐT",
        "Sở GD và ĐT",
        "SO GIAO DUC VA DAO TAO",
        "So GD&DT",
    ],
)
def test_the_education_department_under_any_spelling(spelling: str) -> None:
    assert any(s.startswith("body: 'Sở GD&ĐT'") for s in education_terms("", spelling))


def test_title_weighs_more_than_body() -> None:
    body = "Chiều 24/2, đoàn công tác của tỉnh đã làm việc với huyện về kế hoạch năm 2024."
    in_title = classify("Triển khai nhiệm vụ năm học 2024-2025", body)
    in_body = classify("Triển khai nhiệm vụ", body + " Triển khai nhiệm vụ năm học 2024-2025.")
    assert in_title.score > in_body.score


def test_density_not_raw_counts() -> None:
    title, body = load(DATA / "edu_universal_education_check.txt")
    once = classify(title, body)
    five_times = classify(title, "\n\n".join([body] * 5))
    assert five_times.score == pytest.approx(once.score, abs=0.02)

    # A long farming article that mentions schools a few times is still farming news.
    title, body = load(DATA / "other_agriculture_rice_price.txt")
    mentions = "Con em nông dân là học sinh các trường tiểu học, THCS trong xã."
    long_body = "\n\n".join([body, mentions] * 4)
    assert not classify(title, long_body).is_education


def test_one_repeated_word_is_thin_evidence() -> None:
    pupils = "Trao 50 suất quà cho học sinh nghèo. Các học sinh phấn khởi nhận quà."
    varied = "Trao 50 suất quà cho học sinh nghèo của trường tiểu học, giáo viên chủ nhiệm dự."
    assert classify("Trao quà", pupils).score < classify("Trao quà", varied).score


def test_nfd_input_classifies_like_nfc() -> None:
    title, body = load(DATA / "edu_enrolment_plan.txt")
    nfd = classify(unicodedata.normalize("NFD", title), unicodedata.normalize("NFD", body))
    nfc = classify(title, body)
    assert nfd.signals == nfc.signals
    assert nfd.score == pytest.approx(nfc.score)


def test_classification_is_cheap() -> None:
    title, body = load(DATA / "edu_seed_000.txt")  # a long page, furniture and all
    classify(title, body)
    runs = 50
    start = time.perf_counter()
    for _ in range(runs):
        classify(title, body)
    per_article = (time.perf_counter() - start) / runs
    assert per_article < 0.010  # about 1 ms on a laptop; a regex-per-term design takes 30 ms


def test_every_lexicon_phrase_is_reachable() -> None:
    # A phrase shadowed by a longer entry, or a look-ahead that always blocks, is dead weight that
    # makes the lexicon lie about what it counts.
    dead = [
        (term.label, " ".join(phrase))
        for term in EDUCATION_TERMS + OTHER_TOPIC_TERMS
        for phrase in term.phrases
        if not any(f"'{term.label}'" in s for s in classify("", " ".join(phrase)).signals)
    ]
    assert dead == []
    assert all(term.weight == 0 for term in FALSE_FRIENDS)
    assert all(term.weight > 0 for term in EDUCATION_TERMS)
    assert all(term.weight < 0 for term in OTHER_TOPIC_TERMS)
