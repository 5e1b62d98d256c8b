"""Strings that only portal furniture carries, never a report's own text.

Tests, the demo and `bench/extraction.py` count how many survive cleaning (the target is none).
The cleaners themselves remove furniture by structure, not by deleting these lines: a report that
quotes one of them keeps its sentence.
"""

NOISE_MARKERS: tuple[str, ...] = (
    # visit counters
    "Thống kê truy cập",
    "Đang truy cập",
    "Máy chủ tìm kiếm",
    "Khách viếng thăm",
    "Tháng hiện tại",
    "Tổng lượt truy cập",
    "Số lượng truy cập",
    "Thành viên online",
    # lunar calendar widgets
    "licham.net",
    "Màu đỏ: Ngày tốt",
    "Xanh lá: Đầu tháng âm lịch",
    "Màu vàng: Ngày hiện tại",
    # ratings
    "Tổng số điểm của bài viết là",
    "Click để đánh giá bài viết",
    # related lists
    "Những tin mới hơn",
    "Những tin cũ hơn",
    "Tin mới nhất",
    "Tin liên quan",
    "Tin đọc nhiều",
    "Tin xem nhiều",
    "Các tin khác",
    # polls, comments, captchas
    "Đánh giá của bạn về cổng thông tin điện tử",
    "người đã bình chọn",
    "Thăm dò ý kiến",
    "Ý kiến bạn đọc",
    "Bình luận của bạn về bài viết",
    "Gửi bình luận",
    "Mã an toàn",
    "captcha",
    # tags, widgets, membership
    "Từ khóa:",
    "Gửi bài viết qua email",
    "Lưu bài viết này",
    "In bài viết",
    "QUẢN LÝ THÀNH VIÊN",
    "Hãy đăng nhập thành viên",
    "Bấm vào đây để duy trì trạng thái đăng nhập",
    # section boxes
    "Phóng sự ảnh",
    "Video clip",
)


def leaked_markers(text: str, reference: str = "") -> list[str]:
    """The markers found in `text` (case-insensitive) that `reference` does not contain.

    `reference` is the report's own text where known (a gold body): a report that itself
    mentions "Tin mới nhất" in a sentence has not leaked anything.
    """
    folded, allowed = text.casefold(), reference.casefold()
    return [m for m in NOISE_MARKERS if m.casefold() in folded and m.casefold() not in allowed]
