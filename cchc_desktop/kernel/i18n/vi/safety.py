"""Messages about keeping the data safe: backups and restore, faults of the file or the disk, the file
in use by another copy of the app, moving the workspace to another computer."""

MESSAGES: dict[str, str] = {
    # Backups
    "backup.keep.range": "Số bản sao lưu giữ lại phải từ {low} đến {high}, không phải {value}.",
    "backup.reason.daily": "Tự động (lần dùng đầu tiên trong ngày)",
    "backup.reason.migration": "Trước khi nâng cấp tệp dữ liệu",
    "backup.reason.import": "Trước khi nhận gói",
    "backup.reason.rollback": "Trước khi hoàn tác lần nhận gói",
    "backup.reason.restore": "Trước khi khôi phục",
    "backup.reason.manual": "Sao lưu theo yêu cầu",
}
