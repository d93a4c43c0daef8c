"""document_upsert: symbols parsed and normalized, types derived, parents without cycles."""

from __future__ import annotations

import datetime as dt

import pytest

from kcn.documents.models import Document
from kcn.documents.services import document_upsert
from tests.services.conftest import audit_of, only_audit_entry

pytestmark = pytest.mark.django_db
d = dt.date


@pytest.fixture
def plan(db):
    return document_upsert(symbol="166/KH-BQL", date=d(2022, 2, 11), direction="out")


def test_it_registers_a_document_under_its_normalized_symbol(specialist):
    document = document_upsert(
        symbol=" 5 / qd- UBND ",
        date=d(2022, 1, 7),
        direction="IN",
        title="Quyết định giao chỉ tiêu",
        digitized=True,
        actor=specialist,
    )
    assert (document.symbol, document.type, document.number) == ("05/QĐ-UBND", "QĐ", 5)
    assert (document.symbol_year, document.issuer_code) == (None, "UBND")
    assert only_audit_entry(document).after == {
        "symbol": "05/QĐ-UBND",
        "date": "2022-01-07",
        "type": "QĐ",
        "title": "Quyết định giao chỉ tiêu",
        "issuer": "",
        "direction": "in",
        "secret": False,
        "digitized": True,
        "electronic": False,
        "parent": None,
        "number": 5,
        "symbol_year": None,
        "issuer_code": "UBND",
    }


def test_a_legal_document_keeps_the_year_of_its_symbol():
    document = document_upsert(symbol="43/2022/QH15", date=d(2022, 1, 11), direction="in")
    assert (document.symbol_year, document.issuer_code, document.type) == (2022, "QH15", "")


def test_an_official_letter_is_of_type_cv_and_a_given_type_wins():
    letter = document_upsert(symbol="1234/UBND-KT", date=d(2022, 1, 11), direction="in")
    assert letter.type == "CV"
    typed = document_upsert(symbol="43/2022/QH15", date=d(2022, 1, 11), direction="in", type="NQ")
    assert typed.type == "NQ"


def test_the_same_symbol_spelled_otherwise_updates_the_document(plan, specialist):
    document_upsert(
        symbol="166 / kh- BQL",
        date=d(2022, 2, 11),
        direction="out",
        digitized=True,
        actor=specialist,
    )
    assert Document.objects.count() == 1
    update = audit_of(plan)[-1]
    assert (update.action, update.before, update.after) == (
        "update",
        {"digitized": False},
        {"digitized": True},
    )


def test_it_refuses_what_is_not_a_document_symbol(refused):
    with refused("document KH-BQL, number and symbol: KH-BQL is not a document symbol"):
        document_upsert(symbol="KH-BQL", date=d(2022, 2, 11), direction="out")


def test_it_refuses_a_type_code_longer_than_a_type_code(refused):
    with refused("KeHoachNam is not a type code such as NQ, QĐ"):
        document_upsert(
            symbol="166/KH-BQL", date=d(2022, 2, 11), direction="out", type="KeHoachNam"
        )


def test_it_refuses_an_unknown_direction(refused):
    with refused("'sideways' is not one of: in, out, internal"):
        document_upsert(symbol="166/KH-BQL", date=d(2022, 2, 11), direction="sideways")


def test_a_thematic_plan_names_its_parent_plan(plan):
    child = document_upsert(symbol="201/KH-BQL", date=d(2022, 2, 20), direction="out", parent=plan)
    assert list(plan.children.all()) == [child]
    after = only_audit_entry(child).after
    assert after is not None
    assert after["parent"] == "166/KH-BQL"


def test_it_refuses_a_document_that_is_its_own_parent(refused, plan):
    with refused("document 166/KH-BQL, parent plan: a document cannot be its own parent"):
        document_upsert(symbol="166/KH-BQL", date=d(2022, 2, 11), direction="out", parent=plan)


def test_it_refuses_a_cycle_of_parents(refused, plan):
    child = document_upsert(symbol="201/KH-BQL", date=d(2022, 2, 20), direction="out", parent=plan)
    with refused("document 166/KH-BQL would be its own parent through its parents"):
        document_upsert(symbol="166/KH-BQL", date=d(2022, 2, 11), direction="out", parent=child)
