"""Vietnamese for Qt's own words (standard buttons, wizard, text context menus).

The PySide6 wheel ships no Vietnamese Qt translations, so a small translator answers the
strings users actually meet; anything else falls back to Qt's English.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

_BUTTONS = {
    "OK": "Đồng ý",
    "&OK": "Đồng ý",
    "Cancel": "Hủy",
    "&Cancel": "Hủy",
    "Close": "Đóng",
    "&Close": "Đóng",
    "Yes": "Có",
    "&Yes": "Có",
    "No": "Không",
    "&No": "Không",
    "Yes to &All": "Có với tất cả",
    "N&o to All": "Không với tất cả",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Help": "Trợ giúp",
    "Save": "Lưu",
    "&Save": "Lưu",
    "Save All": "Lưu tất cả",
    "Open": "Mở",
    "&Open": "Mở",
    "Discard": "Bỏ qua",
    "Don't Save": "Không lưu",
    "Close without Saving": "Đóng không lưu",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Abort": "Dừng",
    "Restore Defaults": "Khôi phục mặc định",
}
_TEXT_MENU = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "Cắ&t",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
    "Copy &Link Location": "Sao chép địa chỉ liên kết",
}
_TABLE: dict[str, dict[str, str]] = {
    "QPlatformTheme": _BUTTONS,
    "QDialogButtonBox": _BUTTONS,
    "QMessageBox": {**_BUTTONS, "Show Details...": "Xem chi tiết…", "Hide Details...": "Ẩn chi tiết…"},
    "QWizard": {
        "< &Back": "< &Quay lại",
        "&Next >": "&Tiếp >",
        "&Next": "&Tiếp",
        "&Finish": "&Hoàn tất",
        "Cancel": "Hủy",
        "Help": "Trợ giúp",
        "Go Back": "Quay lại",
        "Continue": "Tiếp tục",
        "Commit": "Xác nhận",
        "Done": "Xong",
    },
    "QLineEdit": _TEXT_MENU,
    "QWidgetTextControl": _TEXT_MENU,
    "QProgressDialog": {"Cancel": "Hủy"},
    "QFileDialog": {
        "Open": "Mở",
        "Save": "Lưu",
        "Cancel": "Hủy",
        "File &name:": "Tên &tệp:",
        "Files of type:": "Loại tệp:",
        "Look in:": "Tìm trong:",
        "Save As": "Lưu thành",
        "Directory:": "Thư mục:",
        "&Choose": "&Chọn",
        "All Files (*)": "Tất cả các tệp (*)",
        "New Folder": "Thư mục mới",
        "Name": "Tên",
        "Size": "Kích thước",
        "Type": "Loại",
        "Date Modified": "Ngày sửa",
        "Back": "Quay lại",
        "Forward": "Tiếp",
        "Parent Directory": "Thư mục cha",
        "Create New Folder": "Tạo thư mục mới",
    },
    "QCalendarWidget": {"Today": "Hôm nay"},
}


class VietnameseQtTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return _TABLE.get(context, {}).get(source, "")
