"""The Vietnamese Standard Industrial Classification (VSIC 2018, Hệ thống ngành kinh tế Việt
Nam, Decision 27/2018/QĐ-TTg): its sections (level 1, a letter) and divisions (level 2, two
digits), written here as data. A project's sector is a VSIC code of any level below a
section (``26``, ``261``, ``2610``, ``26100``): its first two digits are its division."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    letter: str
    name_vi: str
    name_en: str
    divisions: tuple[str, ...]


@dataclass(frozen=True)
class Division:
    code: str
    name_vi: str
    name_en: str


def _codes(first: int, last: int) -> tuple[str, ...]:
    return tuple(f"{code:02d}" for code in range(first, last + 1))


SECTIONS: tuple[Section, ...] = (
    Section(
        "A",
        "Nông nghiệp, lâm nghiệp và thủy sản",
        "Agriculture, forestry and fishing",
        _codes(1, 3),
    ),
    Section("B", "Khai khoáng", "Mining and quarrying", _codes(5, 9)),
    Section("C", "Công nghiệp chế biến, chế tạo", "Manufacturing", _codes(10, 33)),
    Section(
        "D",
        "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí",
        "Electricity, gas, steam and air conditioning supply",
        ("35",),
    ),
    Section(
        "E",
        "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải",
        "Water supply; sewerage, waste management and remediation activities",
        _codes(36, 39),
    ),
    Section("F", "Xây dựng", "Construction", _codes(41, 43)),
    Section(
        "G",
        "Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác",
        "Wholesale and retail trade; repair of motor vehicles and motorcycles",
        _codes(45, 47),
    ),
    Section("H", "Vận tải kho bãi", "Transportation and storage", _codes(49, 53)),
    Section(
        "I",
        "Dịch vụ lưu trú và ăn uống",
        "Accommodation and food service activities",
        _codes(55, 56),
    ),
    Section("J", "Thông tin và truyền thông", "Information and communication", _codes(58, 63)),
    Section(
        "K",
        "Hoạt động tài chính, ngân hàng và bảo hiểm",
        "Financial, banking and insurance activities",
        _codes(64, 66),
    ),
    Section("L", "Hoạt động kinh doanh bất động sản", "Real estate activities", ("68",)),
    Section(
        "M",
        "Hoạt động chuyên môn, khoa học và công nghệ",
        "Professional, scientific and technical activities",
        _codes(69, 75),
    ),
    Section(
        "N",
        "Hoạt động hành chính và dịch vụ hỗ trợ",
        "Administrative and support service activities",
        _codes(77, 82),
    ),
    Section(
        "O",
        "Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh "
        "quốc phòng; bảo đảm xã hội bắt buộc",
        "Activities of the Communist Party, socio-political organisations, public "
        "administration and defence; compulsory social security",
        ("84",),
    ),
    Section("P", "Giáo dục và đào tạo", "Education and training", ("85",)),
    Section(
        "Q",
        "Y tế và hoạt động trợ giúp xã hội",
        "Human health and social work activities",
        _codes(86, 88),
    ),
    Section(
        "R",
        "Nghệ thuật, vui chơi và giải trí",
        "Arts, entertainment and recreation",
        _codes(90, 93),
    ),
    Section("S", "Hoạt động dịch vụ khác", "Other service activities", _codes(94, 96)),
    Section(
        "T",
        "Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và "
        "dịch vụ tự tiêu dùng của hộ gia đình",
        "Activities of households as employers; undifferentiated goods- and "
        "services-producing activities of households for own use",
        _codes(97, 98),
    ),
    Section(
        "U",
        "Hoạt động của các tổ chức và cơ quan quốc tế",
        "Activities of extraterritorial organisations and bodies",
        ("99",),
    ),
)

DIVISIONS: tuple[Division, ...] = (
    Division(
        "01",
        "Nông nghiệp và hoạt động dịch vụ có liên quan",
        "Crop and animal production and related service activities",
    ),
    Division(
        "02",
        "Lâm nghiệp và hoạt động dịch vụ có liên quan",
        "Forestry and related service activities",
    ),
    Division("03", "Khai thác, nuôi trồng thủy sản", "Fishing and aquaculture"),
    Division("05", "Khai thác than cứng và than non", "Mining of coal and lignite"),
    Division(
        "06",
        "Khai thác dầu thô và khí đốt tự nhiên",
        "Extraction of crude petroleum and natural gas",
    ),
    Division("07", "Khai thác quặng kim loại", "Mining of metal ores"),
    Division("08", "Khai khoáng khác", "Other mining and quarrying"),
    Division("09", "Hoạt động dịch vụ hỗ trợ khai khoáng", "Mining support service activities"),
    Division("10", "Sản xuất, chế biến thực phẩm", "Manufacture of food products"),
    Division("11", "Sản xuất đồ uống", "Manufacture of beverages"),
    Division("12", "Sản xuất sản phẩm thuốc lá", "Manufacture of tobacco products"),
    Division("13", "Dệt", "Manufacture of textiles"),
    Division("14", "Sản xuất trang phục", "Manufacture of wearing apparel"),
    Division(
        "15",
        "Sản xuất da và các sản phẩm có liên quan",
        "Manufacture of leather and related products",
    ),
    Division(
        "16",
        "Chế biến gỗ và sản xuất sản phẩm từ gỗ, tre, nứa (trừ giường, tủ, bàn, ghế); sản xuất "
        "sản phẩm từ rơm, rạ và vật liệu tết bện",
        "Manufacture of wood and of products of wood, bamboo and cork, except furniture; "
        "articles of straw and plaiting materials",
    ),
    Division("17", "Sản xuất giấy và sản phẩm từ giấy", "Manufacture of paper and paper products"),
    Division("18", "In, sao chép bản ghi các loại", "Printing and reproduction of recorded media"),
    Division(
        "19",
        "Sản xuất than cốc, sản phẩm dầu mỏ tinh chế",
        "Manufacture of coke and refined petroleum products",
    ),
    Division(
        "20",
        "Sản xuất hóa chất và sản phẩm hóa chất",
        "Manufacture of chemicals and chemical products",
    ),
    Division(
        "21",
        "Sản xuất thuốc, hóa dược và dược liệu",
        "Manufacture of pharmaceuticals, medicinal chemical and botanical products",
    ),
    Division(
        "22",
        "Sản xuất sản phẩm từ cao su và plastic",
        "Manufacture of rubber and plastics products",
    ),
    Division(
        "23",
        "Sản xuất sản phẩm từ khoáng phi kim loại khác",
        "Manufacture of other non-metallic mineral products",
    ),
    Division("24", "Sản xuất kim loại", "Manufacture of basic metals"),
    Division(
        "25",
        "Sản xuất sản phẩm từ kim loại đúc sẵn (trừ máy móc, thiết bị)",
        "Manufacture of fabricated metal products, except machinery and equipment",
    ),
    Division(
        "26",
        "Sản xuất sản phẩm điện tử, máy vi tính và sản phẩm quang học",
        "Manufacture of computer, electronic and optical products",
    ),
    Division("27", "Sản xuất thiết bị điện", "Manufacture of electrical equipment"),
    Division(
        "28",
        "Sản xuất máy móc, thiết bị chưa được phân vào đâu",
        "Manufacture of machinery and equipment n.e.c.",
    ),
    Division("29", "Sản xuất xe có động cơ", "Manufacture of motor vehicles"),
    Division("30", "Sản xuất phương tiện vận tải khác", "Manufacture of other transport equipment"),
    Division("31", "Sản xuất giường, tủ, bàn, ghế", "Manufacture of furniture"),
    Division("32", "Công nghiệp chế biến, chế tạo khác", "Other manufacturing"),
    Division(
        "33",
        "Sửa chữa, bảo dưỡng và lắp đặt máy móc và thiết bị",
        "Repair, maintenance and installation of machinery and equipment",
    ),
    Division(
        "35",
        "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí",
        "Electricity, gas, steam and air conditioning supply",
    ),
    Division("36", "Khai thác, xử lý và cung cấp nước", "Water collection, treatment and supply"),
    Division("37", "Thoát nước và xử lý nước thải", "Sewerage and sewage treatment"),
    Division(
        "38",
        "Hoạt động thu gom, xử lý và tiêu hủy rác thải; tái chế phế liệu",
        "Waste collection, treatment and disposal; materials recovery",
    ),
    Division(
        "39",
        "Xử lý ô nhiễm và hoạt động quản lý chất thải khác",
        "Remediation activities and other waste management services",
    ),
    Division("41", "Xây dựng nhà các loại", "Construction of buildings"),
    Division("42", "Xây dựng công trình kỹ thuật dân dụng", "Civil engineering"),
    Division("43", "Hoạt động xây dựng chuyên dụng", "Specialised construction activities"),
    Division(
        "45",
        "Bán, sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác",
        "Sale and repair of motor vehicles and motorcycles",
    ),
    Division(
        "46",
        "Bán buôn (trừ ô tô, mô tô, xe máy và xe có động cơ khác)",
        "Wholesale trade, except of motor vehicles and motorcycles",
    ),
    Division(
        "47",
        "Bán lẻ (trừ ô tô, mô tô, xe máy và xe có động cơ khác)",
        "Retail trade, except of motor vehicles and motorcycles",
    ),
    Division(
        "49",
        "Vận tải đường sắt, đường bộ và vận tải đường ống",
        "Land transport and transport via pipelines",
    ),
    Division("50", "Vận tải đường thủy", "Water transport"),
    Division("51", "Vận tải hàng không", "Air transport"),
    Division(
        "52",
        "Kho bãi và các hoạt động hỗ trợ cho vận tải",
        "Warehousing and support activities for transportation",
    ),
    Division("53", "Bưu chính và chuyển phát", "Postal and courier activities"),
    Division("55", "Dịch vụ lưu trú", "Accommodation"),
    Division("56", "Dịch vụ ăn uống", "Food and beverage service activities"),
    Division("58", "Hoạt động xuất bản", "Publishing activities"),
    Division(
        "59",
        "Hoạt động điện ảnh, sản xuất chương trình truyền hình, ghi âm và xuất bản âm nhạc",
        "Motion picture, video and television programme production, sound recording and "
        "music publishing",
    ),
    Division("60", "Hoạt động phát thanh, truyền hình", "Programming and broadcasting activities"),
    Division("61", "Viễn thông", "Telecommunications"),
    Division(
        "62",
        "Lập trình máy vi tính, dịch vụ tư vấn và các hoạt động khác liên quan đến máy vi tính",
        "Computer programming, consultancy and related activities",
    ),
    Division("63", "Hoạt động dịch vụ thông tin", "Information service activities"),
    Division(
        "64",
        "Hoạt động dịch vụ tài chính (trừ bảo hiểm và bảo hiểm xã hội)",
        "Financial service activities, except insurance and social security",
    ),
    Division(
        "65",
        "Bảo hiểm, tái bảo hiểm và bảo hiểm xã hội (trừ bảo đảm xã hội bắt buộc)",
        "Insurance, reinsurance and social insurance, except compulsory social security",
    ),
    Division("66", "Hoạt động tài chính khác", "Other financial activities"),
    Division("68", "Hoạt động kinh doanh bất động sản", "Real estate activities"),
    Division(
        "69",
        "Hoạt động pháp luật, kế toán và kiểm toán",
        "Legal, accounting and auditing activities",
    ),
    Division(
        "70",
        "Hoạt động của trụ sở văn phòng; hoạt động tư vấn quản lý",
        "Activities of head offices; management consultancy activities",
    ),
    Division(
        "71",
        "Hoạt động kiến trúc; kiểm tra và phân tích kỹ thuật",
        "Architectural and engineering activities; technical testing and analysis",
    ),
    Division("72", "Nghiên cứu khoa học và phát triển", "Scientific research and development"),
    Division("73", "Quảng cáo và nghiên cứu thị trường", "Advertising and market research"),
    Division(
        "74",
        "Hoạt động chuyên môn, khoa học và công nghệ khác",
        "Other professional, scientific and technical activities",
    ),
    Division("75", "Hoạt động thú y", "Veterinary activities"),
    Division(
        "77",
        "Cho thuê máy móc, thiết bị (không kèm người điều khiển); cho thuê đồ dùng cá nhân và "
        "gia đình; cho thuê tài sản vô hình phi tài chính",
        "Rental and leasing activities",
    ),
    Division("78", "Hoạt động dịch vụ lao động và việc làm", "Employment activities"),
    Division(
        "79",
        "Hoạt động của các đại lý du lịch, kinh doanh tua du lịch và các dịch vụ hỗ trợ, liên "
        "quan đến quảng bá và tổ chức tua du lịch",
        "Travel agency, tour operator and related activities",
    ),
    Division("80", "Hoạt động điều tra bảo đảm an toàn", "Security and investigation activities"),
    Division(
        "81",
        "Hoạt động dịch vụ vệ sinh nhà cửa, công trình và cảnh quan",
        "Services to buildings and landscape activities",
    ),
    Division(
        "82",
        "Hoạt động hành chính, hỗ trợ văn phòng và các hoạt động hỗ trợ kinh doanh khác",
        "Office administrative, office support and other business support activities",
    ),
    Division(
        "84",
        "Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh "
        "quốc phòng; bảo đảm xã hội bắt buộc",
        "Activities of the Communist Party, socio-political organisations, public "
        "administration and defence; compulsory social security",
    ),
    Division("85", "Giáo dục và đào tạo", "Education and training"),
    Division("86", "Hoạt động y tế", "Human health activities"),
    Division("87", "Hoạt động chăm sóc, điều dưỡng tập trung", "Residential care activities"),
    Division(
        "88",
        "Hoạt động trợ giúp xã hội không tập trung",
        "Social work activities without accommodation",
    ),
    Division(
        "90",
        "Hoạt động sáng tác, nghệ thuật và giải trí",
        "Creative, arts and entertainment activities",
    ),
    Division(
        "91",
        "Hoạt động của thư viện, lưu trữ, bảo tàng và các hoạt động văn hóa khác",
        "Libraries, archives, museums and other cultural activities",
    ),
    Division(
        "92", "Hoạt động xổ số, cá cược và đánh bạc", "Lottery, betting and gambling activities"
    ),
    Division(
        "93",
        "Hoạt động thể thao, vui chơi và giải trí",
        "Sports activities and amusement and recreation activities",
    ),
    Division(
        "94", "Hoạt động của các hiệp hội, tổ chức khác", "Activities of membership organisations"
    ),
    Division(
        "95",
        "Sửa chữa máy vi tính, đồ dùng cá nhân và gia đình",
        "Repair of computers and personal and household goods",
    ),
    Division("96", "Hoạt động dịch vụ phục vụ cá nhân khác", "Other personal service activities"),
    Division(
        "97",
        "Hoạt động làm thuê công việc gia đình trong các hộ gia đình",
        "Activities of households as employers of domestic personnel",
    ),
    Division(
        "98",
        "Hoạt động sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình",
        "Undifferentiated goods- and services-producing activities of private households for "
        "own use",
    ),
    Division(
        "99",
        "Hoạt động của các tổ chức và cơ quan quốc tế",
        "Activities of extraterritorial organisations and bodies",
    ),
)

DIVISION_BY_CODE = {division.code: division for division in DIVISIONS}
SECTION_OF = {code: section for section in SECTIONS for code in section.divisions}

# A sector's code: a division's two digits, and up to three more (levels 3, 4 and 5).
CODE_RE = re.compile(r"^\d{2,5}$")


def division_of(code: str) -> Division | None:
    """The division (level 2) a VSIC code belongs to; None if it is not a VSIC code."""
    code = code.strip()
    if not CODE_RE.match(code):
        return None
    return DIVISION_BY_CODE.get(code[:2])
