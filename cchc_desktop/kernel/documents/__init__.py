"""Official documents: PDF (Decree 30/2020 layout) and Excel renderers.

Renderers take plain models and return bytes: no Qt, no file dialogs, no database queries.
ReportLab and openpyxl are imported lazily, inside the renderers, to keep start-up fast.

- ``model``: the generic document (OfficialDocument, Header, Heading, Paragraph, Bullet,
  Table/Column/Row, PageBreak, Appendix, Signature). A new document type (báo cáo, tự đánh
  giá …) only needs a builder that fills these records.
- ``pdf.render_pdf(document, progress=, cancelled=) -> bytes``.
- ``xlsx.render_xlsx([Sheet(...)], progress=, cancelled=) -> bytes`` and
  ``xlsx.write_table(sheet, columns, rows)`` for any openpyxl sheet.
- ``plan_doc.build_plan_document(profile, aggregate, as_decision=None)``: the annual plan
  (KẾ HOẠCH, or QUYẾT ĐỊNH + attached plan) with Phụ lục I and II;
  ``plan_xlsx.render_plan_xlsx(profile, aggregate)``: its tables as a workbook.
- ``report_doc.build_report_document(ReportData, draft_mark=False)``: the period report (BÁO CÁO,
  "Số: …/BC-UBND", "Kính gửi:", sections I-V, Phụ lục I tiến độ nhiệm vụ, Phụ lục II chỉ tiêu);
  ``report_xlsx.render_report_xlsx(ReportData)``. ``report_data`` holds the plain model,
  ``report_words`` the figures in words, ``report_sections``/``report_tables`` the parts.
- ``assessment_doc.build_assessment_document(AssessmentData, draft_mark=False)``: the self-assessment
  report with its score table; ``assessment_xlsx.render_assessment_xlsx(AssessmentData)``.
- ``file_names``: default ASCII file names ("BC-CCHC-Q1-2026-xa-Ky-Phong.pdf").
- ``wording``: Decree-30 dates ("ngày 08 tháng 01 năm 2026"), list punctuation, "./.".
- ``indicator_words``: targets in words ("từ 55% trở lên", "tối đa 25 phút").
"""
