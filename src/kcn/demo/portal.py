"""The demo's public portal: the board's contacts, a few news articles with pictures, the
thematic plans of 2022 shown, readers' comments (one approved, one awaiting moderation).

Everything goes through ``kcn.publishing.services``, as staff would write it. Loading twice
changes nothing: an article whose title exists is left as it is. The contacts and the news
are invented for the demo; the pictures are drawn here (no file is shipped).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.db import transaction
from PIL import Image, ImageDraw

from kcn.documents.models import Document
from kcn.publishing import services
from kcn.publishing.models import Article, Comment, CommentStatus, PortalSettings, ZoneListing
from kcn.reports.models import PublishedReport
from kcn.zones.models import Zone

ZONE = dt.timezone(dt.timedelta(hours=7))

SETTINGS = {
    "address": "Đường Nguyễn Văn Linh, phường An Tảo, thành phố Hưng Yên (địa chỉ minh họa)",
    "phone": "0221 3 000 000",
    "email": "banquanly@kcn-hungyen.example",
    "office_hours": "Thứ Hai - Thứ Sáu, 7 giờ 30 - 17 giờ",
    "about": (
        "Cổng thông tin của Ban Quản lý các khu công nghiệp tỉnh Hưng Yên: báo cáo định kỳ, "
        "tin tức, thông tin các khu công nghiệp cho nhà đầu tư, thủ tục hành chính và dữ liệu "
        "mở. (Dữ liệu minh họa của kcn.)"
    ),
}


# The thematic plans of 2022 the demo shows: those investors and enterprises ask about.
SHOWN_PLANS = ("192/KH-BQL", "366/KH-BQL", "385/KH-BQL", "416/KH-BQL", "451/KH-BQL")


@dataclass(frozen=True)
class DemoArticle:
    title: str
    summary: str
    body: str
    published_at: dt.datetime | None  # None: a draft
    picture: tuple[str, str] | None = None  # (kind of drawing, its description)


ARTICLES = [
    DemoArticle(
        title="Hội nghị xúc tiến đầu tư vào các khu công nghiệp tỉnh Hưng Yên năm 2022",
        summary=(
            "Ban Quản lý các khu công nghiệp tỉnh phối hợp với các chủ đầu tư hạ tầng tổ chức "
            "hội nghị giới thiệu quỹ đất công nghiệp còn trống cho các nhà đầu tư."
        ),
        body=(
            "Thực hiện **Kế hoạch số 192/KH-BQL** ngày 21/02/2022 về xúc tiến đầu tư vào các "
            "khu công nghiệp năm 2022, Ban Quản lý các khu công nghiệp tỉnh đã phối hợp với các "
            "chủ đầu tư hạ tầng tổ chức hội nghị giới thiệu môi trường đầu tư.\n\n"
            "## Nội dung chính\n\n"
            "- Giới thiệu quỹ đất công nghiệp còn trống tại các khu công nghiệp;\n"
            "- Thủ tục đầu tư theo cơ chế một cửa, một cửa liên thông;\n"
            "- Chính sách hỗ trợ doanh nghiệp phục hồi sản xuất, kinh doanh.\n\n"
            "Nhà đầu tư xem diện tích đất còn cho thuê của từng khu công nghiệp tại mục "
            "[Khu công nghiệp](/portal/khu-cong-nghiep/?con-dat=1) của cổng thông tin."
        ),
        published_at=dt.datetime(2022, 3, 10, 9, 30, tzinfo=ZONE),
        picture=("zones", "Minh họa: sơ đồ các lô đất trong khu công nghiệp"),
    ),
    DemoArticle(
        title="Tiêm vắc xin phòng Covid-19 liều nhắc lại cho người lao động trong các KCN",
        summary=(
            "Ban Quản lý phối hợp với Sở Y tế và các trung tâm y tế tổ chức tiêm liều bổ sung, "
            "liều nhắc lại cho người lao động của các doanh nghiệp trong các khu công nghiệp."
        ),
        body=(
            "Triển khai Kế hoạch số 02/KH-UBND ngày 07/01/2022 của UBND tỉnh, Ban Quản lý các "
            "khu công nghiệp tỉnh đã phối hợp với Sở Y tế, Trung tâm Kiểm soát bệnh tật tỉnh, "
            "Trung tâm y tế huyện Văn Lâm và Trung tâm y tế thị xã Mỹ Hào tổ chức tiêm vắc xin "
            "cho người lao động.\n\n"
            "Doanh nghiệp cần hỗ trợ liên hệ bộ phận một cửa của Ban Quản lý."
        ),
        published_at=dt.datetime(2022, 3, 22, 14, 5, tzinfo=ZONE),
        picture=("workers", "Minh họa: người lao động xếp hàng chờ tiêm vắc xin"),
    ),
    DemoArticle(
        title="Trao Giấy chứng nhận đăng ký đầu tư dự án KCN Thăng Long II mở rộng (giai đoạn 3)",
        summary=(
            "Dự án đầu tư xây dựng và kinh doanh hạ tầng khu công nghiệp Thăng Long II mở rộng "
            "(giai đoạn 3) có tổng vốn đầu tư 98 triệu USD."
        ),
        body=(
            "Sau khi dự án được Thủ tướng Chính phủ chấp thuận chủ trương đầu tư, Ban Quản lý "
            "các khu công nghiệp tỉnh đã cấp Giấy chứng nhận đăng ký đầu tư cho dự án với tổng "
            "vốn đầu tư **98 triệu USD**.\n\n"
            "Báo cáo quý I năm 2022 của Ban Quản lý nêu kết quả thu hút đầu tư của quý: xem "
            "[báo cáo](/portal/bao-cao/2022-Q1/)."
        ),
        published_at=dt.datetime(2022, 3, 30, 8, 17, tzinfo=ZONE),
        picture=("certificate", "Minh họa: lễ trao giấy chứng nhận đăng ký đầu tư"),
    ),
    DemoArticle(
        title="Kế hoạch cải cách hành chính quý II năm 2022 (bản nháp)",
        summary="Bản nháp, chưa công bố trên cổng thông tin.",
        body="Nội dung đang soạn.",
        published_at=None,
    ),
]

COMMENTS = [
    (
        "Nguyễn Văn An",
        "an.nguyen@example.com",
        "Cảm ơn Ban Quản lý đã công khai báo cáo và số liệu. Mong Ban tiếp tục đăng báo cáo "
        "hằng quý.",
        dt.datetime(2022, 3, 29, 10, 12, tzinfo=ZONE),
        CommentStatus.APPROVED,
    ),
    (
        "Trần Thị Bình",
        "binh.tran@example.com",
        "Xin hỏi quỹ đất còn trống tại KCN Yên Mỹ II hiện nay là bao nhiêu?",
        dt.datetime(2022, 3, 31, 16, 40, tzinfo=ZONE),
        CommentStatus.HELD,
    ),
]

ZONE_TEXTS = {
    "YMII": (
        "Phòng Xúc tiến đầu tư của chủ đầu tư hạ tầng: 0221 3 111 222 (số minh họa).",
        "Khu công nghiệp gần quốc lộ 5 và đường cao tốc Hà Nội - Hải Phòng.",
        "An industrial zone near National Road 5 and the Hà Nội - Hải Phòng expressway.",
    ),
    "PNA": (
        "",
        "Một trong những khu công nghiệp đầu tiên của tỉnh, hạ tầng đã hoàn thiện.",
        "One of the province's first industrial zones, with its infrastructure complete.",
    ),
}


def _drawing(kind: str) -> bytes:
    """A simple picture drawn for the demo, 1200 × 675 pixels, as PNG."""
    width, height = 1200, 675
    image = Image.new("RGB", (width, height), (222, 233, 242))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # a sky that darkens upwards
        shade = int(205 + 40 * y / height)
        draw.line([(0, y), (width, y)], fill=(shade - 40, shade - 15, shade))
    draw.rectangle([0, 460, width, height], fill=(120, 160, 110))
    if kind == "zones":
        for row in range(3):
            for column in range(6):
                x, y = 80 + column * 180, 140 + row * 150
                leased = (row * 6 + column) % 3 != 0
                draw.rectangle(
                    [x, y, x + 150, y + 120],
                    fill=(31, 119, 196) if leased else (246, 246, 240),
                    outline=(11, 79, 138),
                    width=4,
                )
    elif kind == "workers":
        for index in range(9):
            x = 90 + index * 120
            draw.ellipse([x, 330, x + 60, 390], fill=(240, 200, 160))
            draw.rectangle([x - 10, 395, x + 70, 560], fill=(30 + index * 20, 90, 150))
        draw.rectangle([900, 200, 1150, 330], fill=(255, 255, 255), outline=(176, 38, 30), width=6)
        draw.rectangle([1010, 225, 1040, 305], fill=(176, 38, 30))
        draw.rectangle([985, 250, 1065, 280], fill=(176, 38, 30))
    else:
        for index in range(4):
            x = 150 + index * 260
            draw.rectangle([x, 250, x + 170, 460], fill=(90, 100, 115))
            draw.polygon([(x, 250), (x + 85, 190), (x + 170, 250)], fill=(70, 80, 95))
        draw.rectangle([420, 500, 780, 640], fill=(250, 248, 235), outline=(160, 120, 30), width=8)
        draw.line([(470, 550), (730, 550)], fill=(160, 120, 30), width=5)
        draw.line([(470, 590), (680, 590)], fill=(160, 120, 30), width=5)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@transaction.atomic
def load_demo_portal() -> dict[str, int]:
    """Fill the demo's portal; returns how many articles and comments were added."""
    added = {"articles": 0, "comments": 0}
    if not PortalSettings.objects.filter(pk=1).exists():
        plans = Document.objects.filter(symbol__in=SHOWN_PLANS, secret=False)
        services.portal_settings_update(values=SETTINGS, plans=plans)
    for item in ARTICLES:
        if Article.objects.filter(title=item.title).exists():
            continue
        created = (item.published_at or dt.datetime(2022, 4, 2, 9, 0, tzinfo=ZONE)) - dt.timedelta(
            hours=2
        )
        article = services.article_create(
            title=item.title,
            summary=item.summary,
            body=item.body,
            picture=_drawing(item.picture[0]) if item.picture else None,
            picture_alt=item.picture[1] if item.picture else "",
            now=created,
        )
        if item.published_at is not None:
            services.article_publish(article=article, now=item.published_at)
        added["articles"] += 1
    if PublishedReport.objects.filter(period="2022-Q1").exists() and not Comment.objects.exists():
        for name, email, text, at, status in COMMENTS:
            comment = services.comment_submit(
                name=name,
                email=email,
                text=text,
                sender=f"demo-{email}",
                report_period="2022-Q1",
                now=at,
            )
            if status == CommentStatus.APPROVED:
                services.comment_moderate(
                    comment=comment, approve=True, actor=None, now=at + dt.timedelta(hours=3)
                )
            added["comments"] += 1
    for code, (contact, description, description_en) in ZONE_TEXTS.items():
        zone = Zone.objects.filter(code=code).first()
        if zone is not None and not ZoneListing.objects.filter(zone=zone).exists():
            services.zone_listing_update(
                zone=zone,
                shown=True,
                contact=contact,
                description=description,
                description_en=description_en,
            )
    return added
