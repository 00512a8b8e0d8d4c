"""Messages of chữ ký số: tokens (thiết bị ký số), PKCS#12 files, signing and verifying."""

_TOKEN_HELP = "Hãy cắm thiết bị ký số (USB token) vào máy, cài trình điều khiển của nhà cung cấp rồi thử lại."
_ASK_ISSUER = "Hãy liên hệ đơn vị cấp chứng thư số (Ban Cơ yếu Chính phủ hoặc nhà cung cấp) để được hỗ trợ."

MESSAGES: dict[str, str] = {
    "signatures.error.generic": "Lỗi chữ ký số.",
    # Thiết bị ký số (PKCS#11)
    "signatures.token.module": "Không nạp được trình điều khiển thiết bị ký số «{module}». Hãy kiểm tra đã cài trình điều khiển của thiết bị và chọn đúng tệp (ví dụ eTPKCS11.dll, bit4xpki.dll).",
    "signatures.token.not_found": "Không tìm thấy thiết bị ký số «{token}». " + _TOKEN_HELP,
    "signatures.token.none": "Không có thiết bị ký số nào được cắm vào máy. " + _TOKEN_HELP,
    "signatures.token.many": "Có {count} thiết bị ký số đang cắm vào máy. Hãy chọn thiết bị cần dùng.",
    "signatures.token.key_not_found": "Thiết bị ký số «{token}» không có khóa ký số «{key}». Hãy chọn lại chứng thư số trong danh sách.",
    "signatures.token.failed": "Thiết bị ký số báo lỗi: {detail}. Hãy kiểm tra thiết bị vẫn cắm chắc vào máy rồi ký lại.",
    "signatures.pin.wrong": "Sai mã PIN của thiết bị ký số «{token}». Hãy nhập lại; thiết bị sẽ bị khóa nếu nhập sai nhiều lần.",
    "signatures.pin.wrong_count_low": "Sai mã PIN của thiết bị ký số «{token}». Thiết bị báo đã có lần nhập sai kể từ lần nhập đúng gần nhất; nếu sai thêm, thiết bị có thể bị khóa. Hãy kiểm tra kỹ mã PIN trước khi nhập lại.",
    "signatures.pin.wrong_final_try": "Sai mã PIN của thiết bị ký số «{token}». Chỉ còn 1 lần thử: nếu nhập sai lần nữa, thiết bị sẽ bị khóa.",
    "signatures.pin.locked": "Thiết bị ký số «{token}» đã bị khóa do nhập sai mã PIN quá số lần cho phép. Không thể ký cho đến khi được mở khóa. "
    + _ASK_ISSUER,
    # Tệp chứng thư số (PKCS#12)
    "signatures.pkcs12.unreadable": "Không đọc được tệp chứng thư số «{file}»: tệp không phải .p12/.pfx hoặc đã hỏng. Hãy chọn đúng tệp do đơn vị cấp chứng thư gửi.",
    "signatures.pkcs12.wrong_password": "Sai mật khẩu của tệp chứng thư số «{file}». Hãy nhập lại mật khẩu.",
    "signatures.pkcs12.no_key": "Tệp chứng thư số «{file}» không chứa khóa bí mật nên không dùng để ký được.",
    # Ký tệp PDF
    "signatures.pdf.failed": "Không ký được tệp PDF: {detail}.",
    "signatures.pdf.not_pdf": "Tệp cần ký không phải tệp PDF hợp lệ.",
    "signatures.pdf.encrypted": "Tệp PDF có đặt mật khẩu nên không ký được. Hãy tạo lại tệp PDF không mật khẩu.",
    "signatures.pdf.page": "Trang {page} không có trong tệp PDF (tệp có {pages} trang).",
    "signatures.pdf.image": "Không đọc được ảnh {what}. Hãy chọn tệp ảnh PNG nền trong suốt.",
    "signatures.pdf.no_signer_field": "Tệp PDF chưa có chữ ký của người có thẩm quyền («{field}»), nên văn thư chưa ký số của cơ quan được.",
    "signatures.pdf.no_number_field": "Tệp PDF đã được ký nhưng thiếu ô ghi số, ký hiệu và thời gian ký («{field}»), nên không ghi thêm được mà không làm mất hiệu lực chữ ký trước. Hãy ký lại văn bản bằng phần mềm này.",
    "signatures.pdf.field_exists": "Tệp PDF đã có chữ ký «{field}».",
    "signatures.what.signature_image": "chữ ký",
    "signatures.what.seal_image": "con dấu",
    "signatures.reason.signer": "Người có thẩm quyền ký văn bản",
    "signatures.reason.agency": "Văn thư ký số của cơ quan, tổ chức",
    "signatures.reason.attachment": "Ký số văn bản kèm theo",
    # Kiểm tra chữ ký và chứng thư số
    "signatures.verify.failed": "Chữ ký số của «{subject}» không được chấp nhận: {detail}.",
    "signatures.verify.malformed": "Tệp chữ ký số bị hỏng hoặc không đúng định dạng (CMS/PKCS#7): {detail}.",
    "signatures.verify.bad_signature": "Chữ ký số của «{subject}» không khớp với nội dung: nội dung đã bị thay đổi sau khi ký hoặc chữ ký bị hỏng.",
    "signatures.verify.untrusted": "Chứng thư số của «{subject}» (do «{issuer}» cấp) không thuộc tổ chức cung cấp dịch vụ chứng thực số được tin cậy. Hãy kiểm tra đã nạp đúng chứng thư gốc.",
    "signatures.verify.expired": "Chứng thư số «{subject}» đã hết hạn từ {date}.",
    "signatures.verify.not_yet_valid": "Chứng thư số «{subject}» chưa có hiệu lực (hiệu lực từ {date}).",
    "signatures.verify.key_usage": "Chứng thư số của «{subject}» không dùng để ký số (mục đích sử dụng khóa không cho phép).",
    "signatures.verify.revoked": "Chứng thư số của «{subject}» đã bị thu hồi từ {date}.",
    "signatures.verify.revocation_not_checked": "Chưa kiểm tra được tình trạng thu hồi của chứng thư số (không có danh sách thu hồi CRL).",
    "signatures.trust.file": "Không đọc được tệp chứng thư gốc hoặc danh sách thu hồi «{file}»: {detail}.",
    "signatures.trust.not_certificate": "không phải chứng thư số (PEM hoặc DER)",
    "signatures.trust.not_crl": "không phải danh sách thu hồi CRL (PEM hoặc DER)",
    # Hiển thị cho bên nhận
    "signatures.status.signed": "Đã ký số: {name}",
    "signatures.status.valid": "Chữ ký hợp lệ",
    "signatures.status.invalid": "Chữ ký không hợp lệ",
    "signatures.status.untrusted": "Chữ ký đúng nhưng chứng thư số chưa được tin cậy",
    "signatures.status.whole_document": "Chữ ký bao trùm toàn bộ tệp",
    "signatures.status.partial": "Tệp có nội dung được thêm sau chữ ký này",
}
