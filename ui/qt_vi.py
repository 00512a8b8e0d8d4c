"""Vietnamese for Qt's own words (standard buttons, wizard, text context menus).

The PySide6 wheel ships no Vietnamese Qt translations, so a small translator answers the
strings users actually meet; anything else falls back to Qt's English. A string it does not know
is answered with None ("not translated"): an empty answer would be taken as the translation and
blank out Qt's own words (the "Ctrl" of "Ctrl+O" in menus, the file dialog's buttons and headers).
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
        "&Open": "&Mở",
        "Save": "Lưu",
        "&Save": "&Lưu",
        "&Delete": "&Xóa",
        "&Rename": "Đổ&i tên",
        "Show &hidden files": "Hiện tệp ẩn",
        "Detail View": "Xem chi tiết",
        "List View": "Xem danh sách",
        "My Computer": "Máy tính",
        "Computer": "Máy tính",
        "Recent Places": "Thư mục gần đây",
        "Find Directory": "Tìm thư mục",
        "Open File": "Mở tệp",
        "Save File": "Lưu tệp",
        "%1 already exists.\nDo you want to replace it?": "Đã có %1.\nThay thế tệp này?",
        "%1\nFile not found.\nPlease verify the correct file name was given.": (
            "%1\nKhông thấy tệp. Hãy kiểm tra lại tên tệp."
        ),
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
    "QFileSystemModel": {
        "Name": "Tên",
        "Size": "Kích thước",
        "Type": "Loại",
        "Kind": "Loại",
        "Date Modified": "Ngày sửa",
        "My Computer": "Máy tính",
        "Computer": "Máy tính",
        "%1 KB": "%1 KB",
    },
}


class VietnameseQtTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return _TABLE.get(context, {}).get(source)
