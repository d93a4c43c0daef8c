"""Vietnamese texts of the Hưng Yên demo data set.

The staff narratives (quarter I of 2022) and the priority tasks (quarter II)
are the qualitative passages of the Hưng Yên board's own report of 2022-Q1
(published on its portal on 28/03/2022; docs/reference/seed-figures.md), with its typing slips fixed
("dich" → "dịch", "ảnh hướng" → "ảnh hưởng", doubled words) and without the
sentences that state figures: those the program generates from the records.
Everything else here is invented but plausible: company names, project
lines, document titles. No text names a real person.
"""

from __future__ import annotations

PROVINCE = "Hưng Yên"
BOARD = "Ban Quản lý các khu công nghiệp tỉnh Hưng Yên"

# --- Zones ----------------------------------------------------------------

ZONE_NAMES: dict[str, str] = {
    "PNA": "KCN Phố Nối A",
    "DMPN": "KCN Dệt may Phố Nối",
    "TLII": "KCN Thăng Long II",
    "TLII-2": "KCN Thăng Long II mở rộng (giai đoạn 2)",
    "TLII-3": "KCN Thăng Long II mở rộng (giai đoạn 3)",
    "YM": "KCN Yên Mỹ",
    "YMII": "KCN Yên Mỹ II",
    "MD": "KCN Minh Đức",
    "MQ": "KCN Minh Quang",
    "KD": "KCN Kim Động",
    "LTK": "KCN Lý Thường Kiệt",
    "TD": "KCN Tân Dân",
    "S03": "KCN Số 03",
    "S05": "KCN Số 05",
    "SACH": "KCN Sạch",
    "TH": "KCN Thổ Hoàng",
}

ZONE_DISTRICTS: dict[str, str] = {
    "PNA": "Văn Lâm",
    "DMPN": "Yên Mỹ",
    "TLII": "Mỹ Hào",
    "TLII-2": "Yên Mỹ",
    "TLII-3": "Yên Mỹ",
    "YM": "Yên Mỹ",
    "YMII": "Yên Mỹ",
    "MD": "Mỹ Hào",
    "MQ": "Mỹ Hào",
    "KD": "Kim Động",
    "LTK": "Yên Mỹ",
    "TD": "Khoái Châu",
    "S03": "Kim Động",
    "S05": "Ân Thi",
    "SACH": "Tiên Lữ",
    "TH": "Ân Thi",
}

INFRASTRUCTURE_PROJECT_NAME = "Dự án đầu tư xây dựng và kinh doanh kết cấu hạ tầng {zone}"

# --- Investors (invented) ---------------------------------------------------

# "Công ty Cổ phần Cơ khí Minh Phát": form + trade + brand (two syllables).
VN_COMPANY_FORMS: tuple[str, ...] = (
    "Công ty TNHH",
    "Công ty Cổ phần",
    "Công ty TNHH MTV",
)
VN_TRADE_WORDS: tuple[str, ...] = (
    "Sản xuất và Thương mại",
    "Công nghiệp",
    "Đầu tư và Phát triển",
    "Cơ khí",
    "Nhựa",
    "Bao bì",
    "Thực phẩm",
    "Dược phẩm",
    "Dệt may",
    "Điện tử",
    "Thép",
    "Vật liệu xây dựng",
    "Hóa chất",
    "Kỹ thuật",
    "Kho vận",
    "Nội thất",
)
VN_BRAND_FIRST: tuple[str, ...] = (
    "An", "Bảo", "Đại", "Đức", "Gia", "Hải", "Hoàng", "Hưng", "Khang", "Kim",
    "Lộc", "Minh", "Nam", "Ngọc", "Phú", "Phúc", "Quang", "Sao", "Tân", "Thành",
    "Thịnh", "Tiến", "Trường", "Việt", "Vĩnh", "Xuân",
)  # fmt: skip
VN_BRAND_SECOND: tuple[str, ...] = (
    "Phát", "Thịnh", "Long", "Hưng", "Khang", "Lợi", "Tiến", "Đạt", "Thành", "An",
    "Cường", "Vượng", "Hà", "Sơn", "Anh", "Dương", "Phong", "Nguyên",
)  # fmt: skip
VN_DEVELOPER_TRADE = "Đầu tư và Phát triển hạ tầng"

# "Công ty TNHH Aokawa Precision Việt Nam": the brand is stem + trade word.
FOREIGN_COMPANY_FORM = "Công ty TNHH {brand} Việt Nam"
FOREIGN_STEMS: dict[str, tuple[str, ...]] = {
    "JP": (
        "Aokawa", "Hikarida", "Kazenoya", "Midorine", "Sakuragi", "Takanemi", "Yamanami",
        "Asahira", "Kotobane", "Harunoki", "Tsubakita", "Mizuhara", "Hoshizora", "Kiyonaga",
    ),
    "KR": (
        "Hanbitsol", "Haneulteo", "Miraejin", "Saebyeol", "Dasomteck", "Gaonil",
        "Naraeon", "Bitnaro", "Sejuwon", "Onsaemi",
    ),
    "CN": (
        "Huaxinda", "Jinlongtai", "Tianyuhe", "Hengtaifa", "Xinyuanda", "Ruifengli",
        "Dongshenghe",
    ),
    "TW": ("Kaiyangda", "Yuhongtek", "Chengfengli", "Taiyuanmei", "Hsinchumei"),
    "SG": ("Merigold", "Straitsway", "Lionreef Asia", "Harbourfront"),
    "US": ("Blue Ridgeway", "Lakeshore Forge", "Redwood Crest", "Summitline"),
    "DE": ("Rheinfels", "Nordtal", "Bergquelle", "Mosellux"),
    "TH": ("Siamchai", "Chaoprai"),
    "MY": ("Semenanjung", "Kinabalux"),
    "HK": ("Victoria Peakwell", "Kowloon Bay Asia"),
    "FR": ("Lumière Rhône",),
}  # fmt: skip
FOREIGN_TRADE_WORDS: tuple[str, ...] = (
    "Precision", "Electronics", "Plastics", "Packaging", "Textile", "Auto Parts",
    "Foods", "Chemical", "Steel", "Logistics", "Components", "Industries", "Technology",
)  # fmt: skip
FOREIGN_DEVELOPER_TRADE = "Industrial Parks"

# --- Projects ---------------------------------------------------------------

# (line of business, VSIC code); the project is "Nhà máy <line> <brand>".
PRODUCT_LINES: tuple[tuple[str, str], ...] = (
    ("sản xuất linh kiện điện tử", "2610"),
    ("sản xuất bao bì nhựa", "2220"),
    ("may mặc xuất khẩu", "1410"),
    ("sản xuất phụ tùng ô tô, xe máy", "2930"),
    ("chế biến thực phẩm", "1079"),
    ("gia công cơ khí chính xác", "2592"),
    ("sản xuất bao bì giấy", "1702"),
    ("sản xuất sơn và hóa chất", "2022"),
    ("kho bãi và dịch vụ logistics", "5210"),
    ("sản xuất thiết bị điện", "2710"),
    ("sản xuất sợi và dệt vải", "1312"),
    ("sản xuất đồ uống", "1104"),
    ("sản xuất dược phẩm", "2100"),
    ("sản xuất vật liệu xây dựng", "2395"),
    ("sản xuất đồ gỗ nội thất", "3100"),
    ("sản xuất kết cấu thép", "2511"),
    ("sản xuất thức ăn chăn nuôi", "1080"),
    ("sản xuất giày dép", "1520"),
    ("sản xuất dây và cáp điện", "2732"),
    ("sản xuất máy móc, thiết bị", "2829"),
)
PROJECT_NAME = "Nhà máy {line} {brand}"
INFRASTRUCTURE_SECTOR = "6810"

ADJUSTMENT_NOTE = "Điều chỉnh lần thứ {n}"
ADJUSTMENT_NOTES_NO_CAPITAL: tuple[str, ...] = (
    "Điều chỉnh tiến độ thực hiện dự án",
    "Điều chỉnh mục tiêu, quy mô dự án",
    "Điều chỉnh thông tin nhà đầu tư",
)
SUSPENSION_NOTES: tuple[str, ...] = (
    "Tạm ngừng hoạt động do thiếu đơn hàng",
    "Tạm ngừng hoạt động để cơ cấu lại sản xuất",
    "Tạm ngừng hoạt động do ảnh hưởng của dịch Covid-19",
)
RESUMPTION_NOTE = "Tiếp tục hoạt động sau thời gian tạm ngừng"
TERMINATION_NOTES: tuple[str, ...] = (
    "Nhà đầu tư quyết định chấm dứt hoạt động dự án",
    "Thu hồi Giấy chứng nhận đăng ký đầu tư do chậm tiến độ",
    "Chấm dứt hoạt động do hết thời hạn hoạt động của dự án",
)

# --- One-stop shop ------------------------------------------------------------

# (code, name, statutory working days)
PROCEDURES: tuple[tuple[str, str, int], ...] = (
    (
        "BQL-DT-01",
        "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương "
        "đầu tư",
        15,
    ),
    (
        "BQL-DT-02",
        "Điều chỉnh Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận điều "
        "chỉnh chủ trương đầu tư",
        10,
    ),
    ("BQL-DT-03", "Chấm dứt hoạt động dự án đầu tư", 15),
    (
        "BQL-LD-01",
        "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại các khu công nghiệp",
        5,
    ),
    ("BQL-LD-02", "Cấp lại giấy phép lao động cho người lao động nước ngoài", 3),
    ("BQL-LD-03", "Gia hạn giấy phép lao động cho người lao động nước ngoài", 5),
    (
        "BQL-LD-04",
        "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động",
        3,
    ),
    ("BQL-LD-05", "Chấp thuận nhu cầu sử dụng người lao động nước ngoài", 10),
    ("BQL-LD-06", "Đăng ký nội quy lao động của doanh nghiệp", 7),
    ("BQL-XD-01", "Cấp giấy phép xây dựng công trình trong khu công nghiệp", 20),
)

# --- Inspections ------------------------------------------------------------

INSPECTION_NOTES_ONSITE: tuple[str, ...] = (
    "Giám sát tại địa điểm thực hiện dự án; dự án triển khai đúng nội dung đăng ký",
    "Kiểm tra việc thực hiện quy định về xây dựng và bảo vệ môi trường",
    "Giám sát tiến độ góp vốn, xây dựng nhà xưởng theo Giấy chứng nhận đăng ký đầu tư",
)
INSPECTION_NOTES_DESK: tuple[str, ...] = (
    "Giám sát qua báo cáo tình hình thực hiện dự án đầu tư",
    "Đánh giá báo cáo giám sát, đánh giá đầu tư của nhà đầu tư",
)
INSPECTION_NOTES_VIOLATION: tuple[str, ...] = (
    "Chậm tiến độ thực hiện dự án so với cam kết; đã yêu cầu nhà đầu tư khắc phục",
    "Không thực hiện chế độ báo cáo theo quy định; kiến nghị xử phạt vi phạm hành chính",
    "Xây dựng công trình phụ trợ chưa có giấy phép; yêu cầu hoàn thiện hồ sơ",
)

# --- Documents --------------------------------------------------------------

ISSUER_GOVERNMENT = "Chính phủ"
ISSUER_NATIONAL_ASSEMBLY = "Quốc hội"
ISSUER_PROVINCE = "UBND tỉnh Hưng Yên"

PLAN_166_TITLE = (
    "Thực hiện nhiệm vụ phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2022"
)
# symbol → (title, issuer); the incoming documents the seed report cites.
SEED_INCOMING_DOCUMENTS: dict[str, tuple[str, str]] = {
    "43/2022/QH15": (
        "Chính sách tài khóa, tiền tệ hỗ trợ Chương trình phục hồi và phát triển kinh tế - xã hội",
        ISSUER_NATIONAL_ASSEMBLY,
    ),
    "02/KH-UBND": (
        "Triển khai chiến dịch tiêm vắc xin phòng Covid-19 liều bổ sung, liều nhắc lại tỉnh "
        "Hưng Yên",
        ISSUER_PROVINCE,
    ),
    "14/CTr-UBND": (
        "Những nhiệm vụ, giải pháp chủ yếu chỉ đạo điều hành thực hiện kế hoạch phát triển kinh "
        "tế - xã hội và dự toán ngân sách nhà nước năm 2022 tỉnh Hưng Yên",
        ISSUER_PROVINCE,
    ),
    "11/NQ-CP": (
        "Chương trình phục hồi và phát triển kinh tế - xã hội và triển khai Nghị quyết số "
        "43/2022/QH15 của Quốc hội về chính sách tài khóa, tiền tệ hỗ trợ Chương trình",
        ISSUER_GOVERNMENT,
    ),
    "28/CTr-UBND": (
        "Thực hiện Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ về Chương trình phục hồi "
        "và phát triển kinh tế - xã hội và triển khai Nghị quyết số 43/2022/QH15 của Quốc hội về "
        "chính sách tài khóa, tiền tệ hỗ trợ Chương trình",
        ISSUER_PROVINCE,
    ),
}

# The 22 thematic plans under plan 166/KH-BQL: the first eleven are named by the
# seed report, the others are plausible companions.
THEMATIC_PLAN_TITLES: tuple[str, ...] = (
    "Thực hiện Chương trình hành động số 28/CTr-UBND ngày 18/02/2022 của UBND tỉnh thực hiện "
    "Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ về Chương trình phục hồi và phát triển "
    "kinh tế - xã hội và triển khai Nghị quyết số 43/2022/QH15 của Quốc hội về chính sách tài "
    "khóa, tiền tệ hỗ trợ Chương trình",
    "Cải cách hành chính nhà nước giai đoạn 2021-2025",
    "Cải cách hành chính nhà nước năm 2022",
    "Kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông và thực hiện thủ "
    "tục hành chính trên môi trường điện tử",
    "Nâng cao Chỉ số Hiệu quả quản trị và hành chính công (PAPI)",
    "Nâng cao Chỉ số cải cách hành chính của Ban Quản lý các khu công nghiệp tỉnh",
    "Nâng cao Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của Ban Quản lý các khu "
    "công nghiệp tỉnh",
    "Công tác pháp chế năm 2022",
    "Theo dõi tình hình thi hành pháp luật năm 2022",
    "Công tác phổ biến, giáo dục pháp luật năm 2022",
    "Xây dựng, kiểm tra, rà soát, hệ thống hóa và xử lý văn bản quy phạm pháp luật năm 2022",
    "Xúc tiến đầu tư vào các khu công nghiệp năm 2022",
    "Giám sát, đánh giá đầu tư đối với các dự án đầu tư trong các khu công nghiệp năm 2022",
    "Kiểm tra, giám sát công tác bảo vệ môi trường tại các khu công nghiệp năm 2022",
    "Ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của Ban Quản lý các khu công "
    "nghiệp tỉnh năm 2022",
    "Thực hành tiết kiệm, chống lãng phí năm 2022",
    "Công tác phòng, chống tham nhũng năm 2022",
    "Công tác thi đua, khen thưởng năm 2022",
    "Cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2022",
    "Công tác văn thư, lưu trữ năm 2022",
    "Phòng cháy, chữa cháy và cứu nạn, cứu hộ tại các khu công nghiệp năm 2022",
    "Hỗ trợ doanh nghiệp trong các khu công nghiệp phục hồi sản xuất, kinh doanh năm 2022",
)

# Outgoing documents of the board: (type code, title template; {month}, {quarter} filled in).
OUTGOING_TITLES: tuple[tuple[str, str], ...] = (
    ("BC", "Tình hình thực hiện nhiệm vụ tháng {month} năm 2022"),
    ("BC", "Tình hình hoạt động của các khu công nghiệp tháng {month} năm 2022"),
    ("CV", "V/v đôn đốc doanh nghiệp báo cáo tình hình sử dụng lao động"),
    ("CV", "V/v hướng dẫn thủ tục điều chỉnh dự án đầu tư"),
    ("CV", "V/v tăng cường công tác phòng cháy, chữa cháy tại các khu công nghiệp"),
    ("CV", "V/v góp ý dự thảo văn bản quy phạm pháp luật"),
    ("CV", "V/v đôn đốc tiến độ giải phóng mặt bằng khu công nghiệp"),
    ("TB", "Kết luận của Trưởng ban tại cuộc họp giao ban tháng {month} năm 2022"),
    ("QĐ", "Thành lập đoàn giám sát dự án đầu tư tại các khu công nghiệp"),
    ("GM", "Mời dự hội nghị đối thoại với doanh nghiệp trong các khu công nghiệp"),
    ("TTr", "Đề nghị phê duyệt điều chỉnh quy hoạch chi tiết xây dựng khu công nghiệp"),
)
INTERNAL_TITLES: tuple[tuple[str, str], ...] = (
    ("QĐ", "Phân công nhiệm vụ cán bộ, công chức tháng {month} năm 2022"),
    ("TB", "Lịch công tác tuần của Lãnh đạo Ban"),
)
CLASSIFIED_TITLE_IN = "Văn bản mật về công tác bảo đảm an ninh trật tự tại các khu công nghiệp"
CLASSIFIED_TITLE_OUT = "Báo cáo mật về tình hình an ninh, trật tự tại các khu công nghiệp"

# Senders of incoming documents: (issuer, symbol pattern; {n} is the number).
INCOMING_SENDERS: tuple[tuple[str, str], ...] = (
    (ISSUER_PROVINCE, "{n}/UBND-KT1"),
    (ISSUER_PROVINCE, "{n}/QĐ-UBND"),
    (ISSUER_PROVINCE, "{n}/TB-UBND"),
    ("Sở Kế hoạch và Đầu tư", "{n}/SKHĐT-DN"),
    ("Sở Lao động - Thương binh và Xã hội", "{n}/SLĐTBXH-VL"),
    ("Sở Tài nguyên và Môi trường", "{n}/STNMT-MT"),
    ("Sở Xây dựng", "{n}/SXD-QLXD"),
    ("Công an tỉnh", "{n}/CAT-PA03"),
    ("Bộ Kế hoạch và Đầu tư", "{n}/BKHĐT-QLKKT"),
)
INCOMING_TITLES: tuple[str, ...] = (
    "V/v báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội",
    "V/v tăng cường công tác phòng, chống dịch Covid-19 tại các doanh nghiệp",
    "V/v đôn đốc thực hiện các nhiệm vụ cải cách hành chính",
    "V/v cung cấp thông tin về tình hình sử dụng lao động trong các khu công nghiệp",
    "V/v góp ý hồ sơ đề nghị chấp thuận chủ trương đầu tư",
    "V/v kiểm tra công tác bảo vệ môi trường tại các khu công nghiệp",
    "V/v báo cáo tình hình thu hút đầu tư",
    "V/v phối hợp bảo đảm an ninh trật tự tại các khu công nghiệp",
)
INCOMING_TITLE_BY_TYPE: dict[str, str] = {
    "QĐ": "Phê duyệt điều chỉnh quy hoạch chi tiết xây dựng khu công nghiệp",
    "TB": "Ý kiến kết luận của Chủ tịch UBND tỉnh tại cuộc họp về phát triển các khu công nghiệp",
}

# --- Targets of 2022 (Chương trình hành động số 14/CTr-UBND) ----------------

TARGET_DESCRIPTIONS: dict[str, str] = {
    "zones_policy_approved": (
        "có từ 01- 02 khu công nghiệp mới hoặc mở rộng được Thủ tướng Chính phủ quyết định chủ "
        "trương đầu tư"
    ),
    "infrastructure_built_ha": "đầu tư xây dựng hạ tầng 120 ha đất khu công nghiệp",
    "attracted_capital_usd_equiv": "thu hút 450 triệu USD vốn đầu tư vào các khu công nghiệp",
    "projects_started_operation": "có thêm 30 dự án trong các khu công nghiệp đi vào hoạt động",
    "jobs_created": "tạo thêm việc làm mới cho 4.000 lao động",
}

# --- Staff narratives, quarter I of 2022 --------------------------------------

NARRATIVES_2022_Q1: dict[str, str] = {
    "planning": (
        "Ban Quản lý các khu công nghiệp tỉnh tiếp tục đôn đốc, hướng dẫn, hỗ trợ các chủ đầu "
        "tư hạ tầng các khu công nghiệp đã được bổ sung vào quy hoạch hoàn thiện hồ sơ quyết "
        "định chủ trương đầu tư, trình cấp có thẩm quyền thẩm định, quyết định chủ trương đầu "
        "tư theo quy định."
    ),
    "infrastructure": (
        "Ban Quản lý các khu công nghiệp tỉnh đã phối hợp với các cơ quan liên quan đôn đốc, "
        "hỗ trợ các chủ đầu tư hạ tầng KCN trong công tác giải phóng mặt bằng và đầu tư xây "
        "dựng hạ tầng KCN. Trong quý I năm 2022, các chủ đầu tư hạ tầng các KCN tiếp tục thực "
        "hiện chi trả tiền đền bù, giải phóng mặt bằng cho các hộ dân."
    ),
    "investment": (
        "Ban Quản lý các khu công nghiệp tỉnh đã phối hợp với chủ đầu tư hạ tầng các KCN và "
        "các tổ chức xúc tiến đầu tư thực hiện đồng bộ các hoạt động xúc tiến, thu hút đầu tư "
        "vào các khu công nghiệp trên địa bàn tỉnh."
    ),
    "operations": (
        "Ban Quản lý các khu công nghiệp tỉnh tiếp tục thực hiện đồng bộ, hiệu quả các hoạt "
        "động hỗ trợ doanh nghiệp. Thường xuyên nắm bắt tình hình triển khai thực hiện dự án "
        "và hoạt động sản xuất kinh doanh của các doanh nghiệp trong các khu công nghiệp; tiếp "
        "nhận và giải quyết kịp thời những khó khăn, vướng mắc của doanh nghiệp trong quá "
        "trình triển khai thực hiện dự án và hoạt động sản xuất kinh doanh; triển khai các "
        "giải pháp phù hợp, kịp thời để tháo gỡ khó khăn, hỗ trợ doanh nghiệp bị ảnh hưởng do "
        "dịch Covid-19 khôi phục sản xuất, kinh doanh. Nhìn chung, các dự án trong các KCN "
        "trên địa bàn tỉnh có tiến độ triển khai nhanh và hoạt động sản xuất kinh doanh hiệu "
        "quả."
    ),
    "inspection": (
        "Ban Quản lý các khu công nghiệp tỉnh tăng cường công tác giám sát, đánh giá đối với "
        "các dự án đầu tư trong các khu công nghiệp, hoạt động xây dựng của các doanh nghiệp "
        "trong các khu công nghiệp; để kịp thời đôn đốc, hướng dẫn các nhà đầu tư thực hiện "
        "tốt các quy định của pháp luật về đầu tư, xây dựng và phát hiện xử lý, kiến nghị xử "
        "lý nghiêm các vi phạm của nhà đầu tư trong quá trình triển khai thực hiện dự án và "
        "hoạt động sản xuất kinh doanh tại các khu công nghiệp. Nhìn chung, các chủ đầu tư đã "
        "triển khai thực hiện dự án đầu tư theo đúng nội dung đăng ký."
    ),
    "health": (
        "Ban Quản lý các khu công nghiệp tỉnh tiếp tục thực hiện quyết liệt, đồng bộ, hiệu quả "
        "các biện pháp phòng, chống dịch Covid-19. Triển khai thực hiện Kế hoạch số 02/KH-UBND "
        "ngày 07/01/2022 của UBND tỉnh về triển khai chiến dịch tiêm vắc xin phòng Covid-19 "
        "liều bổ sung, liều nhắc lại tỉnh Hưng Yên; Ban Quản lý các khu công nghiệp tỉnh đã "
        "phối hợp với Sở Y tế, Trung tâm Kiểm soát bệnh tật tỉnh, Trung tâm Y tế huyện Văn "
        "Lâm, Trung tâm Y tế thị xã Mỹ Hào và các cơ quan, đơn vị liên quan tổ chức tiêm vắc "
        "xin phòng Covid-19 liều bổ sung, nhắc lại cho người lao động của các doanh nghiệp "
        "trong các KCN trên địa bàn tỉnh. Ban hành văn bản yêu cầu các chủ đầu tư kinh doanh "
        "hạ tầng KCN và chủ các doanh nghiệp trong các KCN tỉnh thực hiện nghiêm Kết luận của "
        "Chủ tịch UBND tỉnh tại cuộc họp trực tuyến toàn tỉnh về công tác phòng, chống dịch "
        "Covid-19; xây dựng, ban hành kế hoạch tăng cường công tác kiểm soát người lao động "
        "của doanh nghiệp trong các KCN trên địa bàn tỉnh trở lại làm việc sau nghỉ Tết Nguyên "
        "đán."
    ),
    "admin_reform": (
        "Ban Quản lý các khu công nghiệp tỉnh tiếp tục thực hiện tốt các nhiệm vụ cải cách "
        "hành chính nhà nước năm 2022 và cải cách hành chính nhà nước giai đoạn 2021-2025 theo "
        "kế hoạch. Thực hiện hiệu quả công tác kiểm soát thủ tục hành chính và cơ chế một cửa, "
        "một cửa liên thông. Tăng cường kiểm tra, giám sát quá trình tiếp nhận, giải quyết thủ "
        "tục hành chính của công chức cơ quan, nhằm bảo đảm các thủ tục hành chính được giải "
        "quyết nhanh chóng, chính xác, hiệu quả, đúng pháp luật. Đồng thời, đẩy mạnh ứng dụng "
        "công nghệ thông tin trong quản lý điều hành và thực thi công vụ gắn kết chặt chẽ với "
        "cải cách hành chính; duy trì ứng dụng hiệu quả các Hệ thống thông tin dùng chung của "
        "tỉnh, Hệ thống một cửa điện tử và dịch vụ công, Hệ thống Quản lý văn bản và điều "
        "hành."
    ),
    "other": (
        "Nhằm thực hiện hoàn thành các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội được Ủy "
        "ban nhân dân tỉnh giao tại Chương trình hành động số 14/CTr-UBND ngày 20/01/2022 của "
        "UBND tỉnh Hưng Yên về những nhiệm vụ, giải pháp chủ yếu chỉ đạo điều hành thực hiện "
        "kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2022 tỉnh Hưng "
        "Yên, Ban Quản lý các khu công nghiệp tỉnh đã xây dựng, ban hành Kế hoạch số "
        "166/KH-BQL ngày 11/02/2022 về thực hiện nhiệm vụ phát triển kinh tế - xã hội và dự "
        "toán ngân sách nhà nước năm 2022. Trong kế hoạch, đã xác định 20 nhóm nhiệm vụ, giải "
        "pháp phải thực hiện."
    ),
}

# --- Priority tasks for quarter II of 2022 ("Một là, …" … "Tám là, …") ---------

PRIORITIES_2022_Q2: tuple[str, ...] = (
    (
        "Tiếp tục đôn đốc, hướng dẫn, hỗ trợ các chủ đầu tư hạ tầng các khu công nghiệp đã "
        "được bổ sung vào quy hoạch hoàn thiện hồ sơ quyết định chủ trương đầu tư, trình cấp "
        "có thẩm quyền thẩm định, quyết định chủ trương đầu tư theo quy định."
    ),
    (
        "Phối hợp với các cơ quan, đơn vị có liên quan đôn đốc, hỗ trợ các chủ đầu tư hạ tầng "
        "các khu công nghiệp đã được quyết định chủ trương đầu tư, cấp Giấy chứng nhận đăng ký "
        "đầu tư đẩy nhanh tiến độ giải phóng mặt bằng KCN và đầu tư xây dựng hạ tầng kỹ thuật "
        "khu công nghiệp trên phần diện tích đất đã đền bù giải phóng mặt bằng, bàn giao, cho "
        "thuê đất."
    ),
    (
        "Thực hiện đồng bộ, có hiệu quả các hoạt động xúc tiến, thu hút đầu tư vào các khu "
        "công nghiệp trên địa bàn tỉnh; đẩy mạnh hoạt động xúc tiến đầu tư tại chỗ. Đồng thời, "
        "nâng cao chất lượng thẩm định dự án đầu tư, trong đó tập trung thu hút các dự án phù "
        "hợp với quy hoạch khu công nghiệp đã được phê duyệt, các dự án có vốn đầu tư lớn, "
        "công nghệ cao, công nghiệp hỗ trợ, công nghệ số, đóng góp tích cực cho tăng trưởng và "
        "ngân sách Nhà nước."
    ),
    (
        "Thường xuyên nắm bắt tình hình triển khai thực hiện dự án và hoạt động sản xuất kinh "
        "doanh của các doanh nghiệp trong các khu công nghiệp; tiếp nhận và xử lý kịp thời "
        "những khó khăn, vướng mắc của doanh nghiệp trong quá trình triển khai thực hiện dự án "
        "và hoạt động sản xuất kinh doanh; đảm bảo các dự án triển khai nhanh và hoạt động sản "
        "xuất kinh doanh hiệu quả. Phối hợp với các cơ quan, đơn vị liên quan hỗ trợ doanh "
        "nghiệp trong công tác tuyển dụng lao động."
    ),
    (
        "Tiếp tục thực hiện quyết liệt, đồng bộ, hiệu quả các biện pháp phòng, chống dịch "
        "Covid-19. Tăng cường đôn đốc, hướng dẫn, yêu cầu các doanh nghiệp trong các khu công "
        "nghiệp thực hiện nghiêm các biện pháp phòng, chống dịch Covid-19 theo quy định. Tiếp "
        "tục triển khai các giải pháp phù hợp, kịp thời để tháo gỡ khó khăn, hỗ trợ doanh "
        "nghiệp bị ảnh hưởng do dịch Covid-19 khôi phục sản xuất, kinh doanh. Phối hợp với các "
        "cơ quan, đơn vị liên quan tổ chức tiêm vắc xin phòng Covid-19 liều bổ sung, nhắc lại "
        "cho người lao động của các doanh nghiệp trong các KCN trên địa bàn tỉnh."
    ),
    (
        "Đẩy mạnh công tác cải cách hành chính, cải thiện môi trường đầu tư kinh doanh; nâng "
        "cao chất lượng, rút ngắn thời gian giải quyết hồ sơ thủ tục hành chính. Tăng cường "
        "ứng dụng công nghệ thông tin trong quản lý điều hành và thực thi công vụ gắn kết chặt "
        "chẽ với cải cách hành chính. Tăng cường rà soát, đánh giá thủ tục hành chính, nhằm "
        "kiến nghị phương án đơn giản hóa thủ tục hành chính; trọng tâm là rút ngắn quy trình "
        "xử lý, giảm số lượng hồ sơ, đơn giản hóa nội dung hồ sơ, cắt giảm thời gian thực hiện "
        "thủ tục hành chính, tăng tính liên thông trong giải quyết thủ tục hành chính. Tăng "
        "cường kỷ luật, kỷ cương hành chính trong thực thi công vụ."
    ),
    (
        "Đẩy mạnh công tác tuyên truyền, phổ biến, triển khai các quy định của pháp luật có "
        "liên quan đến doanh nghiệp trong các khu công nghiệp. Đồng thời, tăng cường công tác "
        "giám sát, đánh giá đối với các dự án đầu tư trong các khu công nghiệp, để kịp thời "
        "đôn đốc, hướng dẫn các nhà đầu tư thực hiện tốt các quy định của pháp luật về đầu tư, "
        "xây dựng, bảo vệ môi trường,... và xử lý, hoặc kiến nghị cơ quan chức năng xử lý "
        "nghiêm các vi phạm của nhà đầu tư trong quá trình triển khai thực hiện dự án và hoạt "
        "động sản xuất kinh doanh tại các khu công nghiệp."
    ),
    (
        "Tiếp tục thực hiện có hiệu quả công tác pháp chế. Nâng cao chất lượng công tác xây "
        "dựng, kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật. Đẩy mạnh công tác "
        "phổ biến, giáo dục pháp luật. Tăng cường công tác theo dõi thi hành pháp luật. Tiếp "
        "tục thực hiện hiệu quả một số nhiệm vụ, giải pháp cắt giảm chi phí tuân thủ pháp "
        "luật, nâng xếp hạng chỉ số B1 để góp phần cải thiện xếp hạng chỉ số năng lực cạnh "
        "tranh cấp tỉnh."
    ),
)
