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
    # The file and its disk
    "error.workspace.read_only": "Chưa lưu được thay đổi vào tệp «{file}»: {cause}. Dữ liệu đã lưu trước đó vẫn nguyên vẹn. {fix}",
    "error.workspace.read_only.upgrade": "Tệp «{file}» do phiên bản cũ hơn của phần mềm tạo ra, phải nâng cấp trước khi mở nhưng không ghi được: {cause}. {fix}",
    "error.workspace.read_only.banner": "Tệp «{file}» đang mở chỉ để xem: {cause}. Mọi thay đổi sẽ không được lưu. {fix}",
    "error.workspace.cause.file": "tệp chỉ cho phép đọc (có thuộc tính Chỉ đọc, hoặc tài khoản này không có quyền ghi vào tệp)",
    "error.workspace.cause.folder": "thư mục «{folder}» chứa tệp không cho phép ghi (phần mềm cần ghi tệp phụ cạnh tệp dữ liệu)",
    "error.workspace.cause.medium": "ổ đĩa chứa tệp chỉ cho đọc (đĩa CD, USB đã gạt khóa ghi hoặc ổ mạng chỉ đọc)",
    "error.workspace.cause.full": "ổ đĩa chứa tệp đã đầy (còn trống {free})",
    "error.workspace.cause.asked": "tệp đang được mở chỉ để xem",
    "error.workspace.fix.file": "Muốn sửa: bỏ thuộc tính Chỉ đọc của tệp (chuột phải vào tệp → Properties → bỏ chọn Read-only), hoặc sao chép tệp vào thư mục dữ liệu của mình rồi mở bản sao.",
    "error.workspace.fix.folder": "Muốn sửa: sao chép tệp vào thư mục dữ liệu của mình (hoặc thư mục khác được phép ghi) rồi mở bản sao.",
    "error.workspace.fix.medium": "Muốn sửa: sao chép tệp vào ổ đĩa của máy (ví dụ thư mục dữ liệu của phần mềm) rồi mở bản sao.",
    "error.workspace.fix.full": "Hãy giải phóng dung lượng ổ đĩa (xóa tệp không cần, dọn Thùng rác) rồi mở lại tệp.",
    "error.workspace.fix.asked": "Muốn sửa: đóng phần mềm ở nơi đang mở tệp, rồi mở lại tệp.",
    "error.workspace.disk_full": "Chưa lưu được vào tệp «{file}»: ổ đĩa đã đầy (còn trống {free}). Dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy giải phóng dung lượng ổ đĩa (xóa tệp không cần, dọn Thùng rác) rồi thử lại.",
    "error.workspace.io": "Không đọc ghi được tệp «{file}»: lỗi ổ đĩa (USB bị rút ra, ổ mạng mất kết nối hoặc ổ đĩa hỏng). Hãy kiểm tra ổ đĩa, cắm lại USB rồi mở lại tệp.",
    "error.workspace.damaged": "Tệp dữ liệu «{file}» bị hỏng: một phần nội dung không đọc được (thường do mất điện hoặc ổ đĩa lỗi). Đừng ghi thêm vào tệp này. Hãy khôi phục bản sao lưu gần nhất «{backup}» (lúc {when}, trong thư mục «{folder}»): Tệp → Khôi phục từ bản sao lưu…, hoặc lệnh «backup restore».",
    "error.workspace.damaged.no_backup": "Tệp dữ liệu «{file}» bị hỏng: một phần nội dung không đọc được (thường do mất điện hoặc ổ đĩa lỗi), và không có bản sao lưu nào trong thư mục «{folder}». Đừng ghi thêm vào tệp này; hãy tìm bản sao lưu khác (trên USB, tệp chuyển máy) hoặc liên hệ bộ phận hỗ trợ.",
    "error.workspace.empty": "Tệp «{file}» trống (0 byte), không chứa dữ liệu nào: có thể việc tạo hoặc sao chép tệp đã bị gián đoạn. Hãy mở đúng tệp dữ liệu hoặc khôi phục từ bản sao lưu; muốn bắt đầu một tệp mới ở đây thì chọn Tệp → Tạo tệp dữ liệu mới… (dòng lệnh: demo hoặc receiver init).",
    "error.workspace.busy": "Tệp «{file}» đang bị chương trình khác giữ (phần mềm sao lưu, chống virus, hoặc một bản khác của phần mềm đang ghi). Hãy đợi một lát rồi thử lại.",
    "error.workspace.sqlite": "Không đọc ghi được tệp «{file}» (lỗi cơ sở dữ liệu, mã {detail}). Dữ liệu đã lưu trước đó không bị ảnh hưởng; hãy thử lại, nếu vẫn lỗi hãy báo bộ phận hỗ trợ.",
    "error.workspace.exists": "Đã có tệp «{path}». Tệp mới chỉ được tạo vào một tên chưa dùng; hãy chọn tên khác.",
    # The file in use by another copy of the app
    "error.workspace.in_use": "Tệp «{file}» đang được mở bởi {who} trên máy {host} (từ {since}). Hai nơi cùng ghi một tệp sẽ làm lẫn dữ liệu, nên phần mềm không ghi vào tệp này. Hãy đóng phần mềm ở nơi đó rồi thử lại, hoặc mở tệp chỉ để xem.",
    "lock.unknown": "(không rõ)",
    "ui.in_use.title": "Tệp đang được mở ở nơi khác",
    "ui.in_use.view": "Mở để xem (chỉ đọc)",
    "ui.in_use.other": "Chọn tệp khác…",
}
