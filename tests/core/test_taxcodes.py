import pytest

from kcn.core.errors import KcnError
from kcn.core.taxcodes import normalize_tax_code


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("0100109106", "0100109106"),
        ("0100109106-001", "0100109106-001"),
        ("0100109106001", "0100109106-001"),
        (" 0100109106 ", "0100109106"),
        ("0101243150", "0101243150"),
    ],
)
def test_it_accepts_valid_tax_codes_in_their_canonical_form(raw, canonical):
    assert normalize_tax_code(raw) == canonical


def test_it_refuses_a_wrong_check_digit_and_says_so():
    with pytest.raises(KcnError, match="check digit"):
        normalize_tax_code("0100109107")


@pytest.mark.parametrize("raw", ["010010910", "01001091066", "0100109106-01", "ABCDEFGHIJ", ""])
def test_it_refuses_what_is_not_shaped_like_a_tax_code(raw):
    with pytest.raises(KcnError, match="tax code"):
        normalize_tax_code(raw)


def test_a_branch_of_a_valid_company_with_branch_number_000_is_refused():
    with pytest.raises(KcnError):
        normalize_tax_code("0100109106-000")
