"""Báo cáo tổng hợp gửi lên tỉnh: a district's consolidation going up, and the province reading it."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # The district's identity going up
    "unit.district_code.invalid": "Mã huyện phải gồm tối đa 3 chữ số theo danh mục cũ (ví dụ 436), không phải «{value}».",
    "unit.field.receiver.district_code": "Mã huyện (3 chữ số, danh mục trước 01/7/2025)",
    "unit.field.receiver.superior_name": "Cơ quan cấp trên nhận báo cáo tổng hợp",
    "unit.field.district_code": "Mã huyện",
    "unit.field.superior_name": "Cơ quan cấp trên",
    "exchange.card.codes_value.huyen": "tỉnh {province} – huyện {district} (mã trong gói: {unit})",
    "receiver.doc.symbol.huyen": "UBND",  # a district's report is its people's committee's (BC-UBND)
    # Writing the consolidation package (district)
    "rollup.not_district": "Chỉ huyện (nơi nhận cấp huyện, dữ liệu trước 01/7/2025) mới gửi báo cáo tổng hợp lên tỉnh; tệp đang mở không phải của huyện.",
    "rollup.no_code": "Chưa có mã huyện. Hãy ghi mã huyện (3 chữ số) trong Cài đặt đơn vị rồi gửi lại.",
    "rollup.no_superior": "Chưa có tên cơ quan cấp trên. Hãy ghi tên Sở Nội vụ nhận báo cáo trong Cài đặt đơn vị.",
    "rollup.period_unknown": "Kỳ «{period}» không có trong lịch báo cáo năm {year}. Các kỳ có: {periods}.",
    "rollup.written": "Đã ghi {title} vào {file}.",
    "rollup.summary": "{units} đơn vị, {indicators} chỉ tiêu, {scores} bản tự đánh giá",
    # Receiving it (province)
    "rollup.import.sealed_by_certificate": "Gói «{file}» của {sender} không được nhận: báo cáo tổng hợp của huyện phải niêm phong bằng khóa của phần mềm của huyện đã đăng ký với tỉnh, không bằng chứng thư số (chứng thư của một xã cũng có thể ghi tên huyện). Hãy đề nghị huyện gửi lại gói từ phần mềm.",
    "rollup.import.not_district": (
        "Gói «{file}» là báo cáo tổng hợp, nhưng {sender} không phải là huyện: báo cáo tổng hợp chỉ nhận từ "
        "một huyện có khóa đã đăng ký với loại «huyện» (mã trong gói 90xxx). Hãy kiểm tra đơn vị gửi; nếu đúng "
        "là huyện, hãy đăng ký lại khóa của huyện từ phiếu đăng ký khóa của huyện."
    ),
    "rollup.import.not_province": (
        "Gói «{file}» là báo cáo tổng hợp của huyện, chỉ nhận ở máy của Sở Nội vụ (cấp tỉnh). Tệp dữ liệu đang "
        "mở là {here}; hãy mở tệp dữ liệu của Sở Nội vụ rồi nhận lại gói."
    ),
    "rollup.here.commune": "của xã",
    "rollup.here.district": "của một huyện",
    "rollup.header.as_of": "Số liệu tính đến ngày",
    "rollup.header.units": "Số đơn vị cấp xã",
    "rollup.header.indicators": "Số chỉ tiêu",
    "rollup.header.scores": "Số bản tự đánh giá",
    "rollup.reason.period": "kỳ phải là kỳ của gói ({expected})",
    "rollup.reason.sums": "{what} tổng hợp ({value}) không bằng tổng {what} của các xã ({expected})",
    "rollup.after_reform": "{period} có số liệu sau ngày 30/6/2025, khi cấp huyện đã không còn; báo cáo tổng hợp của huyện chỉ gửi cho các kỳ kết thúc đến hết 30/6/2025. Từ 01/7/2025 các xã báo cáo thẳng lên tỉnh.",
    "rollup.reason.numerator": "tử số",
    "rollup.reason.denominator": "mẫu số",
    "rollup.reason.rate_needs_sums": "chỉ tiêu tỷ lệ phải có tổng tử số và tổng mẫu số",
    # The province's view
    "rollup.view.title": "Báo cáo tổng hợp của các huyện",
    "rollup.view.none": "Chưa nhận báo cáo tổng hợp nào của huyện.",
    "rollup.view.pick": "Báo cáo:",
    "rollup.view.item": "{unit} — {period} (lần gửi {revision})",
    "rollup.view.as_of": "Số liệu tính đến ngày {date}; {units} đơn vị cấp xã của huyện.",
    "rollup.view.tab.indicators": "Chỉ tiêu tổng hợp",
    "rollup.view.tab.completeness": "Tình hình gửi báo cáo của các xã",
    "rollup.view.tab.index": "Tự chấm điểm",
    "rollup.view.col.code": "Mã",
    "rollup.view.col.text": "Chỉ tiêu",
    "rollup.view.col.numerator": "Σ tử số",
    "rollup.view.col.denominator": "Σ mẫu số",
    "rollup.view.col.figure": "Kết quả",
    "rollup.view.col.reporting": "Số đơn vị cấp xã báo cáo",
    "rollup.view.col.unit": "Đơn vị",
    "rollup.view.col.total": "Tổng điểm",
    "rollup.view.col.max": "Điểm tối đa",
    "rollup.view.open_pdf": "Mở văn bản (PDF)",
    "rollup.state.on_time": "Đúng hạn",
    "rollup.state.late": "Muộn {days} ngày",
    "rollup.state.missing": "Chưa gửi",
    "rollup.state.pending": "Chưa đến hạn",
    "rollup.state.draft": "Bản nháp",
    "rollup.state.not_applicable": "—",
    # GUI and command line
    "ui.rollup.button": "Gửi báo cáo tổng hợp lên tỉnh…",
    "ui.rollup.tip": "Ký và ghi gói «Báo cáo tổng hợp» của huyện (số liệu các xã và văn bản) để gửi Sở Nội vụ.",
    "ui.rollup.dialog.title": "Gửi báo cáo tổng hợp lên tỉnh",
    "ui.rollup.dialog.intro": (
        "Gói gồm: tình hình gửi báo cáo của từng xã, các chỉ tiêu dưới dạng tổng tử số/mẫu số (kèm số liệu "
        "từng xã), điểm tự đánh giá của từng xã, và văn bản Báo cáo tổng hợp của huyện. Gói được ký bằng "
        "khóa của huyện, gửi {superior}."
    ),
    "ui.rollup.dialog.year": "Năm",
    "ui.rollup.dialog.period": "Kỳ báo cáo",
    "ui.rollup.tab": "Gửi lên tỉnh",
    "ui.rollup.sent.heading": "Báo cáo tổng hợp đã gửi (tình trạng theo biên nhận của tỉnh):",
    "ui.rollup.sent.col.period": "Kỳ",
    "ui.rollup.sent.col.revision": "Lần gửi",
    "ui.rollup.sent.col.time": "Thời gian",
    "ui.rollup.sent.col.file": "Tệp",
    "ui.rollup.sent.col.status": "Tình trạng",
    "ui.rollup.sent.received": "Tỉnh đã nhận ({date}, theo biên nhận)",
    "ui.rollup.sent.waiting": "Đã gửi, chưa có biên nhận",
    "ui.rollup.no_key": "Huyện chưa có khóa. Hãy tạo khóa (Gửi / nhận gói → Khóa của đơn vị) trước khi gửi.",
    "ui.rollup.unlock": "Mở khóa của huyện",
    "ui.rollup.unlock.explain": "Nhập mật khẩu khóa của huyện để ký gói báo cáo tổng hợp.",
    "ui.rollup.folder": "Chọn thư mục lưu gói (ví dụ USB)",
    "ui.rollup.running": "Đang ghi gói báo cáo tổng hợp…",
    "ui.rollup.view.button": "Báo cáo tổng hợp của huyện…",
    "cli.receiver.rollup": "Ghi gói báo cáo tổng hợp của huyện gửi lên tỉnh (đã ký)",
    "cli.receiver.rollup.period": "Kỳ báo cáo: Q1, H1, Q3, Y… như lịch báo cáo của năm",
    "cli.receiver.rollup.out": "Thư mục ghi gói",
    "cli.receiver.init.district_code": "mã huyện (3 chữ số, danh mục trước 01/7/2025), với --level huyen",
    "cli.receiver.init.superior": "cơ quan cấp trên nhận báo cáo tổng hợp của huyện (ví dụ: Sở Nội vụ tỉnh Hà Tĩnh)",
    "cli.receiver.rollups": "Xem các báo cáo tổng hợp đã nhận từ các huyện (JSON)",
}
