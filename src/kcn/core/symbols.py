"""Symbols of official documents ("số, ký hiệu văn bản").

Decree 30/2020/NĐ-CP, Appendix I and III: ``number/TYPE-ISSUER`` for an
administrative document (``166/KH-BQL``, ``11/NQ-CP``); a công văn has no
type part, its symbol is the issuer's and the drafting unit's abbreviations
(``1234/UBND-KT``). Legal normative documents add the year
(Law 80/2015/QH13, art. 8): ``35/2022/NĐ-CP``; a law or resolution of the
National Assembly has no type part (``43/2022/QH15``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kcn.core.errors import KcnError

# Abbreviations of document types: Decree 30/2020/NĐ-CP, Appendix III, plus
# the legal normative types of Law 80/2015/QH13 (NĐ, TT, TTLT).
DOCUMENT_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "CV": "Công văn",
}
OFFICIAL_LETTER = "CV"

SYMBOL_RE = re.compile(
    r"^(?P<number>\d{1,6})\s*/\s*(?:(?P<year>(?:19|20)\d{2})\s*/\s*)?(?P<rest>[^\s/].*)$"
)
PART_RE = re.compile(r"^[0-9A-Za-zÀ-ỹĐđ]+$")


@dataclass(frozen=True)
class DocumentSymbol:
    symbol: str  # normalized: "166/KH-BQL"
    number: int
    year: int | None
    type_code: str | None  # "KH"; "CV" for a công văn; None when the symbol does not say
    issuer: str  # "BQL", "UBND", "QH15"
    unit: str  # drafting unit of a công văn ("KT"), else ""


def parse_symbol(raw: str) -> DocumentSymbol:
    """Split a document symbol into number, year, type and issuer.

    >>> parse_symbol("166/KH- BQL").symbol
    '166/KH-BQL'
    """
    text = re.sub(r"\s+", " ", raw.strip())
    match = SYMBOL_RE.match(text)
    if match is None:
        raise KcnError(
            _("%(symbol)s is not a document symbol such as 166/KH-BQL or 43/2022/QH15.")
            % {"symbol": raw}
        )
    parts = [part.strip() for part in match["rest"].split("-")]
    if not parts or not all(PART_RE.match(part) for part in parts):
        raise KcnError(
            _("%(symbol)s is not a document symbol such as 166/KH-BQL or 43/2022/QH15.")
            % {"symbol": raw}
        )
    number = int(match["number"])
    year = int(match["year"]) if match["year"] else None
    type_code = _known_type(parts[0]) if len(parts) > 1 else None
    if type_code is not None:
        parts[0] = type_code  # canonical spelling: "qd" -> "QĐ"
        issuer, unit_parts = parts[1], parts[2:]
    elif len(parts) > 1:
        # No type part: a công văn, "1234/UBND-KT" = issuer and drafting unit.
        type_code, issuer, unit_parts = OFFICIAL_LETTER, parts[0], parts[1:]
    else:
        issuer, unit_parts = parts[0], []
    rest = "-".join(parts)
    # Numbers below 10 take a leading zero (Decree 30/2020/NĐ-CP, Appendix I).
    normalized = f"{number:02d}/{year}/{rest}" if year else f"{number:02d}/{rest}"
    return DocumentSymbol(
        symbol=normalized,
        number=number,
        year=year,
        type_code=type_code,
        issuer=issuer,
        unit="-".join(unit_parts),
    )


def _known_type(part: str) -> str | None:
    """The type code ``part`` stands for; "QD" or "qđ" are read as "QĐ" when unambiguous."""
    if part in DOCUMENT_TYPES:
        return part
    candidates = [code for code in DOCUMENT_TYPES if _fold(code) == _fold(part)]
    return candidates[0] if len(candidates) == 1 else None


def _fold(text: str) -> str:
    return text.upper().replace("Đ", "D")
