"""A realistic commune plan (Kế hoạch CCHC xã Kỳ Phong năm 2026) built directly from the records."""

from __future__ import annotations

from cchc_desktop.plans.model import Indicator, Plan, PlanActor, PlanAggregate, PlanArea, PlanBasis, PlanRecipient, Task
from cchc_desktop.profile.model import UnitProfile

AREAS = [
    ("CDDH", "Công tác chỉ đạo, điều hành cải cách hành chính"),
    ("THECHE", "Cải cách thể chế"),
    ("TTHC", "Cải cách thủ tục hành chính"),
    ("TCBM", "Cải cách tổ chức bộ máy hành chính nhà nước"),
    ("CONGVU", "Cải cách chế độ công vụ"),
    ("TCCONG", "Cải cách tài chính công"),
    ("CQS", "Xây dựng và phát triển chính quyền điện tử, chính quyền số"),
    ("ISO", "Áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"),
    ("TACDONG", "Tác động của cải cách hành chính đến người dân, tổ chức"),
]

TASKS = {
    "CDDH": [
        (
            "Xây dựng, ban hành Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân xã",
            "Kế hoạch",
            "Văn phòng HĐND và UBND xã",
            "Các ban, ngành, đoàn thể xã",
            "Tháng 01/2026",
            None,
        ),
        (
            "Kiểm tra công tác cải cách hành chính tại bộ phận Một cửa và các thôn",
            "Báo cáo kết quả kiểm tra",
            "Chủ tịch UBND xã",
            "Công an xã; Đảng ủy xã",
            "Quý III/2026",
            3000000,
        ),
        (
            "Tuyên truyền về cải cách hành chính trên hệ thống truyền thanh cơ sở, trang thông tin điện tử của xã",
            "Tin, bài tuyên truyền",
            "Công chức Văn hóa - Xã hội",
            "Đoàn Thanh niên, Hội Phụ nữ xã",
            "Thường xuyên",
            5000000,
        ),
        (
            "Báo cáo định kỳ công tác cải cách hành chính quý, 6 tháng, năm theo quy định",
            "Báo cáo",
            "Công chức Văn phòng - Thống kê",
            "Các công chức chuyên môn",
            "Hằng quý",
            None,
        ),
    ],
    "THECHE": [
        (
            "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
            "Báo cáo rà soát",
            "Công chức Tư pháp - Hộ tịch",
            "Văn phòng HĐND và UBND xã",
            "Quý II/2026",
            None,
        ),
        (
            "Tổ chức phổ biến, giáo dục pháp luật cho cán bộ, công chức và Nhân dân",
            "Hội nghị phổ biến pháp luật",
            "Công chức Tư pháp - Hộ tịch",
            "Ủy ban MTTQ Việt Nam xã",
            "Năm 2026",
            4500000,
        ),
        (
            "Theo dõi tình hình thi hành pháp luật trên địa bàn xã",
            "Báo cáo",
            "Công chức Tư pháp - Hộ tịch",
            "Các ngành liên quan",
            "Trước ngày 15/11/2026",
            None,
        ),
    ],
    "TTHC": [
        (
            "Công khai đầy đủ, kịp thời thủ tục hành chính tại Bộ phận Một cửa và trên Cổng Dịch vụ công",
            "TTHC được công khai",
            "Bộ phận Một cửa xã",
            "Công chức chuyên môn",
            "Thường xuyên",
            None,
        ),
        (
            "Rà soát, đề xuất đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của xã",
            "Văn bản đề xuất",
            "Công chức Văn phòng - Thống kê",
            "Bộ phận Một cửa xã",
            "Tháng 6/2026",
            None,
        ),
        (
            "Giải quyết hồ sơ TTHC đúng hạn; xin lỗi người dân khi giải quyết quá hạn",
            "Hồ sơ giải quyết đúng hạn",
            "Bộ phận Một cửa xã",
            "Các công chức chuyên môn",
            "Thường xuyên",
            None,
        ),
        (
            "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính",
            "Sổ theo dõi, báo cáo",
            "Văn phòng HĐND và UBND xã",
            "Công an xã",
            "Khi có yêu cầu",
            None,
        ),
        (
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực",
            "Dữ liệu số hóa",
            "Bộ phận Một cửa xã",
            "Công chức Tư pháp - Hộ tịch",
            "Quý IV/2026",
            12000000,
        ),
    ],
    "TCBM": [
        (
            "Rà soát, sắp xếp vị trí việc làm của công chức xã sau sắp xếp đơn vị hành chính",
            "Đề án vị trí việc làm",
            "Chủ tịch UBND xã",
            "Văn phòng HĐND và UBND xã",
            "Quý II/2026",
            None,
        ),
        (
            "Kiện toàn tổ chức, hoạt động của thôn, tổ dân phố theo quy định",
            "Quyết định kiện toàn",
            "Công chức Nội vụ",
            "Ủy ban MTTQ Việt Nam xã",
            "Năm 2026",
            None,
        ),
        ("Thực hiện chế độ thông tin, báo cáo về tổ chức bộ máy", "Báo cáo", "Công chức Nội vụ", "", "Hằng năm", None),
    ],
    "CONGVU": [
        (
            "Đánh giá, xếp loại chất lượng cán bộ, công chức năm 2026",
            "Kết quả đánh giá",
            "Chủ tịch UBND xã",
            "Đảng ủy xã",
            "Tháng 12/2026",
            None,
        ),
        (
            "Cử công chức tham gia bồi dưỡng kiến thức, kỹ năng về cải cách hành chính, chuyển đổi số",
            "Giấy chứng nhận bồi dưỡng",
            "Công chức Nội vụ",
            "Các công chức chuyên môn",
            "Năm 2026",
            6000000,
        ),
        (
            "Thực hiện văn hóa công vụ, quy tắc ứng xử tại trụ sở UBND xã",
            "Kết quả kiểm tra công vụ",
            "Văn phòng HĐND và UBND xã",
            "",
            "Thường xuyên",
            None,
        ),
        (
            "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức",
            "Biên bản kiểm tra",
            "Chủ tịch UBND xã",
            "Công an xã",
            "Quý III/2026",
            None,
        ),
    ],
    "TCCONG": [
        (
            "Thực hiện công khai dự toán, quyết toán ngân sách xã theo quy định",
            "Văn bản công khai",
            "Công chức Tài chính - Kế toán",
            "Văn phòng HĐND và UBND xã",
            "Theo quy định",
            None,
        ),
        (
            "Thực hiện cơ chế tự chủ về sử dụng biên chế và kinh phí quản lý hành chính",
            "Quy chế chi tiêu nội bộ",
            "Công chức Tài chính - Kế toán",
            "",
            "Quý I/2026",
            None,
        ),
        (
            "Quản lý, sử dụng tài sản công đúng mục đích, tiết kiệm",
            "Báo cáo kê khai tài sản",
            "Công chức Tài chính - Kế toán",
            "Công chức Địa chính",
            "Hằng năm",
            None,
        ),
    ],
    "CQS": [
        (
            "Duy trì sử dụng phần mềm quản lý văn bản và hồ sơ công việc; ký số văn bản điện tử",
            "Văn bản điện tử có ký số",
            "Văn phòng HĐND và UBND xã",
            "Các công chức chuyên môn",
            "Thường xuyên",
            8000000,
        ),
        (
            "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến, thanh toán trực tuyến",
            "Tổ công nghệ số cộng đồng hoạt động",
            "Tổ công nghệ số cộng đồng",
            "Đoàn Thanh niên xã",
            "Thường xuyên",
            None,
        ),
        (
            "Cập nhật, vận hành trang thông tin điện tử của xã",
            "Tin bài, văn bản được đăng tải",
            "Công chức Văn hóa - Xã hội",
            "",
            "Hằng tháng",
            2400000,
        ),
        (
            "Bảo đảm an toàn thông tin mạng cho hệ thống máy tính của UBND xã",
            "Hệ thống an toàn",
            "Văn phòng HĐND và UBND xã",
            "Công an xã",
            "Năm 2026",
            15000000,
        ),
    ],
    "ISO": [
        (
            "Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
            "Hệ thống ISO được duy trì",
            "Văn phòng HĐND và UBND xã",
            "Các công chức chuyên môn",
            "Năm 2026",
            10000000,
        ),
        (
            "Đánh giá nội bộ, xem xét của lãnh đạo về Hệ thống quản lý chất lượng",
            "Báo cáo đánh giá nội bộ",
            "Chủ tịch UBND xã",
            "",
            "Quý IV/2026",
            None,
        ),
    ],
    "TACDONG": [
        (
            "Khảo sát sự hài lòng của người dân đối với dịch vụ hành chính công tại xã",
            "Phiếu khảo sát; báo cáo kết quả",
            "Văn phòng HĐND và UBND xã",
            "Đoàn Thanh niên xã",
            "Quý III/2026",
            4000000,
        ),
        (
            "Đối thoại với Nhân dân về kết quả giải quyết thủ tục hành chính",
            "Biên bản đối thoại",
            "Chủ tịch UBND xã",
            "Ủy ban MTTQ Việt Nam xã",
            "Tối thiểu một lần trong năm",
            None,
        ),
        (
            "Triển khai các giải pháp nâng cao Chỉ số PAR INDEX, SIPAS, PAPI của xã",
            "Kế hoạch, báo cáo",
            "Công chức Văn phòng - Thống kê",
            "Các ban, ngành, đoàn thể xã",
            "Năm 2026",
            None,
        ),
    ],
}

# (text, comparator, target, target_max, unit, aspirational, baseline_year, baseline_value, source)
INDICATORS = [
    (
        "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn",
        ">=",
        98,
        None,
        "%",
        True,
        2025,
        96.5,
        "Hệ thống thông tin giải quyết TTHC",
    ),
    (
        "Tỷ lệ hồ sơ được tiếp nhận, giải quyết trực tuyến toàn trình",
        ">=",
        55,
        None,
        "%",
        True,
        2025,
        41,
        "Cổng Dịch vụ công quốc gia",
    ),
    (
        "Thời gian chờ đợi trung bình của người dân tại Bộ phận Một cửa",
        "<=",
        25,
        None,
        "phút",
        False,
        None,
        None,
        "Khảo sát",
    ),
    ("Tổ chức kiểm tra công tác cải cách hành chính", "range", 1, 2, "cuộc", False, None, None, ""),
    (
        "Tỷ lệ văn bản đi được ký số và gửi nhận trên môi trường điện tử",
        "=",
        100,
        None,
        "%",
        False,
        2025,
        92,
        "Phần mềm quản lý văn bản",
    ),
    (
        "Mức độ hài lòng của người dân về giải quyết thủ tục hành chính",
        ">=",
        95,
        None,
        "%",
        True,
        None,
        None,
        "Khảo sát SIPAS",
    ),
    ("Tỷ lệ giao dịch thanh toán trực tuyến", ">=", 40, None, "%", True, 2025, 28, "Cổng Dịch vụ công"),
    ("Số sáng kiến cải cách hành chính được công nhận", ">=", 1, None, "sáng kiến", True, None, None, ""),
    ("Tỷ lệ hồ sơ giải quyết quá hạn", "<", 1, None, "%", False, 2025, 2.5, "Hệ thống thông tin giải quyết TTHC"),
    ("Kinh phí đầu tư hạ tầng số của xã", "~", 200, None, "triệu đồng", False, None, None, "Dự toán ngân sách"),
    ("Tỷ lệ kết quả giải quyết TTHC được số hóa", "=", 100, None, "%", False, None, None, ""),
    ("Tỷ lệ công chức xã được bồi dưỡng về chuyển đổi số", ">=", 80, None, "%", False, None, None, ""),
    ("Tỷ lệ văn bản QPPL của xã được rà soát, hệ thống hóa", "=", 100, None, "%", False, None, None, ""),
    ("Tỷ lệ thủ tục hành chính được công khai đầy đủ", "=", 100, None, "%", False, None, None, ""),
    ("Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", "=", 100, None, "%", False, None, None, ""),
    ("Tỷ lệ thôn có Tổ công nghệ số cộng đồng hoạt động hiệu quả", ">=", 90, None, "%", True, None, None, ""),
    ("Số cuộc đối thoại với Nhân dân về giải quyết TTHC", ">=", 1, None, "cuộc", False, None, None, ""),
    ("Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2", ">", 85, None, "%", True, 2025, 70, "Công an xã"),
    ("Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng", ">=", 90, None, "%", False, None, None, ""),
    ("Tỷ lệ công chức được đánh giá hoàn thành tốt nhiệm vụ trở lên", ">=", 85, None, "%", False, None, None, ""),
    ("Tỷ lệ dịch vụ công trực tuyến toàn trình phát sinh hồ sơ", ">=", 60, None, "%", True, None, None, ""),
    ("Số tin, bài tuyên truyền về cải cách hành chính", ">=", 24, None, "tin, bài", False, None, None, ""),
]

ACTORS = [
    (
        "Văn phòng HĐND và UBND xã",
        "- Là cơ quan thường trực, tham mưu Ủy ban nhân dân xã triển khai Kế hoạch này.\n"
        "- Tổng hợp, báo cáo kết quả thực hiện theo định kỳ.",
    ),
    (
        "Các công chức chuyên môn",
        "Căn cứ nhiệm vụ được giao, chủ động xây dựng lịch trình thực hiện, bảo đảm tiến độ và chất lượng.",
    ),
    (
        "Đề nghị Ủy ban MTTQ Việt Nam và các đoàn thể xã",
        "Phối hợp tuyên truyền, giám sát việc thực hiện cải cách hành chính trên địa bàn xã.",
    ),
]


def sample_profile() -> UnitProfile:
    return UnitProfile(
        unit_type="xa",
        name="Kỳ Phong",
        province_code="42",
        commune_code="18544",
        place_name="Kỳ Phong",
        receiver_name="Sở Nội vụ tỉnh Hà Tĩnh",
        receiver_salutation="Sở Nội vụ tỉnh Hà Tĩnh",
        chairman_name="Nguyễn Văn Đức",
        deputies=["Trần Thị Ủy"],
        focal_name="Lê Thị Hoa",
        focal_title="Công chức Văn phòng - Thống kê",
    )


def _plan(issue_mode: str) -> Plan:
    return Plan(
        id=1,
        uid="plan-2026",
        year=2026,
        status="issued",
        doc_number=5,
        doc_symbol="QĐ-UBND" if issue_mode == "QD" else "KH-UBND",
        issue_place="Kỳ Phong",
        issue_date="2026-01-08",
        issue_mode=issue_mode,
        title="Cải cách hành chính xã Kỳ Phong năm 2026",
        purpose_text="Tiếp tục xây dựng nền hành chính phục vụ Nhân dân, dân chủ, chuyên nghiệp, hiện đại.\n"
        "Lấy sự hài lòng của người dân, tổ chức làm thước đo chất lượng phục vụ của Ủy ban nhân dân xã.",
        requirement_text="- Triển khai đồng bộ, có trọng tâm, trọng điểm, gắn với nhiệm vụ phát triển kinh tế - xã hội.\n"
        "- Đề cao trách nhiệm của người đứng đầu trong chỉ đạo, điều hành cải cách hành chính.",
        budget_text="Kinh phí thực hiện được bố trí trong dự toán ngân sách xã năm 2026 và các nguồn hợp pháp khác.",
        closing_text="Trên đây là Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân xã Kỳ Phong. "
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo "
        "Ủy ban nhân dân xã (qua Văn phòng HĐND và UBND xã) để xem xét, giải quyết.",
        signer_mode="CT" if issue_mode == "QD" else "TM",
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn Đức",
    )


def _tasks() -> list[Task]:
    tasks, position = [], 0
    for code, rows in TASKS.items():
        for content, product, lead, coord, deadline, budget in rows:
            position += 1
            tasks.append(
                Task(
                    id=position,
                    uid=f"t{position}",
                    plan_id=1,
                    position=position,
                    area_code=code,
                    content=content,
                    product=product,
                    lead_unit=lead,
                    coordinating_units=coord,
                    deadline_text=deadline,
                    budget=budget,
                )
            )
    tasks[5].carried_over_from = 2025
    tasks[9].not_applicable, tasks[9].na_reason = True, "Đã hoàn thành số hóa trong năm 2025"
    return tasks


def _indicators() -> list[Indicator]:
    out = []
    for n, (text, comp, target, tmax, unit, asp, by, bv, src) in enumerate(INDICATORS, start=1):
        out.append(
            Indicator(
                id=n,
                uid=f"i{n}",
                plan_id=1,
                position=n,
                code=f"CT{n:02d}",
                text=text,
                comparator=comp,
                target=target,
                target_max=tmax,
                unit=unit,
                aspirational=asp,
                baseline_year=by,
                baseline_value=bv,
                source_ref=src,
            )
        )
    return out


def sample_aggregate(issue_mode: str = "KH") -> PlanAggregate:
    areas = [
        PlanArea(
            id=n,
            plan_id=1,
            position=n,
            code=code,
            display_name=name,
            tasks_text=f"- Triển khai đầy đủ các nhiệm vụ về {name[0].lower()}{name[1:]}.\n"
            "- Gắn trách nhiệm của người đứng đầu với kết quả thực hiện.",
        )
        for n, (code, name) in enumerate(AREAS, start=1)
    ]
    bases = [
        PlanBasis(
            id=1, plan_id=1, position=1, text="Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"
        ),
        PlanBasis(
            id=2,
            plan_id=1,
            position=2,
            text="Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;",
        ),
        PlanBasis(
            id=3,
            plan_id=1,
            position=3,
            text="Căn cứ Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân tỉnh Hà Tĩnh.",
        ),
    ]
    actors = [PlanActor(id=n, plan_id=1, position=n, actor=a, duties=d) for n, (a, d) in enumerate(ACTORS, start=1)]
    recipients = [
        PlanRecipient(id=1, plan_id=1, position=1, recipient="Sở Nội vụ tỉnh Hà Tĩnh", purpose="để báo cáo"),
        PlanRecipient(id=2, plan_id=1, position=2, recipient="TT Đảng ủy, TT HĐND xã", purpose="b/c"),
        PlanRecipient(id=3, plan_id=1, position=3, recipient="Chủ tịch, các PCT UBND xã"),
        PlanRecipient(id=4, plan_id=1, position=4, recipient="Các công chức chuyên môn", purpose="thực hiện"),
    ]
    return PlanAggregate(
        plan=_plan(issue_mode),
        bases=bases,
        areas=areas,
        indicators=_indicators(),
        tasks=_tasks(),
        actors=actors,
        recipients=recipients,
    )
