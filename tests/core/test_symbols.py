import pytest

from kcn.core.errors import KcnError
from kcn.core.symbols import parse_symbol


@pytest.mark.parametrize(
    ("raw", "symbol", "number", "year", "type_code", "issuer", "unit"),
    [
        ("166/KH-BQL", "166/KH-BQL", 166, None, "KH", "BQL", ""),
        ("166/KH- BQL", "166/KH-BQL", 166, None, "KH", "BQL", ""),
        ("43/2022/QH15", "43/2022/QH15", 43, 2022, None, "QH15", ""),
        ("11/NQ-CP", "11/NQ-CP", 11, None, "NQ", "CP", ""),
        ("1234/UBND-KT", "1234/UBND-KT", 1234, None, "CV", "UBND", "KT"),
        ("35/2022/NĐ-CP", "35/2022/NĐ-CP", 35, 2022, "NĐ", "CP", ""),
        ("14/CTr-UBND", "14/CTr-UBND", 14, None, "CTr", "UBND", ""),
        ("2/KH-UBND", "02/KH-UBND", 2, None, "KH", "UBND", ""),
        ("123/QĐ-TTg", "123/QĐ-TTg", 123, None, "QĐ", "TTg", ""),
        ("5/qd-UBND", "05/QĐ-UBND", 5, None, "QĐ", "UBND", ""),
        ("01/2021/TT-BKHĐT", "01/2021/TT-BKHĐT", 1, 2021, "TT", "BKHĐT", ""),
        ("05/BQL-VP", "05/BQL-VP", 5, None, "CV", "BQL", "VP"),
    ],
)
def test_it_splits_a_symbol_into_number_year_type_and_issuer(
    raw, symbol, number, year, type_code, issuer, unit
):
    parsed = parse_symbol(raw)
    assert (
        parsed.symbol,
        parsed.number,
        parsed.year,
        parsed.type_code,
        parsed.issuer,
        parsed.unit,
    ) == (symbol, number, year, type_code, issuer, unit)


@pytest.mark.parametrize("raw", ["", "KH-BQL", "166", "166/", "abc/KH-BQL", "166/KH/BQL/X"])
def test_it_refuses_what_is_not_a_symbol(raw):
    with pytest.raises(KcnError, match="document symbol"):
        parse_symbol(raw)
