"""A record's history reads as sentences of the board: labels and formatted values.

Never ``create``/``update``, never a Python dict: the action by its Vietnamese
verb, each field by its label, dates dd/mm/yyyy, amounts grouped Vietnamese
style, choices by their label and references by their code and name.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation

from kcn.accounts.models import User
from kcn.audit.models import AuditAction, AuditEntry
from kcn.audit.readable import Change, display, entry_changes
from kcn.projects.models import ProjectEvent
from kcn.projects.services import certificate_amend, project_edit, project_fingerprint
from tests.web.conftest import Board


def page_of(user: User, url: str) -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def history_of(page: str) -> str:
    start = page.index('<table class="history">')
    return page[start : page.index("</table>", start)]


def test_a_project_page_shows_its_changes_with_labels_and_vietnamese_values(
    board: Board, lan: User, vy: User
) -> None:
    certificate_amend(
        project=board.mine,
        date=dt.date(2022, 3, 10),
        capital_change=Decimal("1234567.5"),
        currency="USD",
        certificate_no="GCN-77",
        actor=lan,
    )
    project = board.mine
    project_edit(
        project=project,
        fingerprint=project_fingerprint(project),
        name="Nhà máy mới",
        zone=project.zone,
        investor=project.investor,
        origin=project.origin,
        kind=project.kind,
        land_ha=Decimal("5.25"),
        actor=lan,
    )
    certificate_amend(  # by the system (an import, the command line): no actor
        project=board.mine, date=dt.date(2022, 3, 11), capital_change=1, currency="USD"
    )
    history = history_of(page_of(vy, "/projects/P-JP/"))
    assert "<td>–</td><td>Tạo mới</td>" in history
    assert "<td>Tạo mới</td>" in history  # the action, by its label
    assert "<td>Sửa đổi</td>" in history
    assert "điều chỉnh GCNĐKĐT" in history  # the event's kind, by its label
    assert (
        '<span class="field">Diện tích đất (ha):</span> <del>–</del> → <ins>5,25</ins>' in history
    )
    assert "10/03/2022" in history
    assert "1.234.567,5" in history  # the capital change, grouped
    assert "Nhà máy mới" in history
    assert re.search(r"<del>[^<]+</del> → <ins>Nhà máy mới</ins>", history)
    assert "Ghi chú:" not in history  # an empty field of a new record is left out
    for internal in (
        "{'",
        "': ",
        ">create<",
        ">update<",
        "capital_change",
        "land_ha",
        "2022-03-10",
    ):
        assert internal not in history, internal


@pytest.mark.django_db
def test_every_value_is_formatted_by_its_field() -> None:
    entry = AuditEntry(
        action=AuditAction.UPDATE,
        model="projects.projectevent",
        before={"date": "2022-03-10", "capital": "98000000", "currency": "USD", "event": "issued"},
        after={
            "date": "2022-04-01",
            "capital": "98000000.5",
            "currency": "VND",
            "event": "adjusted",
        },
    )
    with translation.override("vi"):
        changes = {change.label: change for change in entry_changes(entry)}
    date = ProjectEvent._meta.get_field("date").verbose_name
    with translation.override("vi"):
        label = str(date)[:1].upper() + str(date)[1:]
    assert changes[label] == Change(label, "10/03/2022", "01/04/2022")
    assert [c.before for c in changes.values()] == [
        "10/03/2022",
        "cấp GCNĐKĐT",
        "98.000.000",
        "USD",
    ]
    assert changes[next(iter(k for k in changes if "98" in changes[k].after))].after == (
        "98.000.000,5"
    )


@pytest.mark.django_db
def test_a_reference_shows_its_code_and_name(board: Board) -> None:
    field = ProjectEvent._meta.get_field("project")
    assert display(field, "P-JP") == str(board.mine) == "P-JP Project P-JP"
    assert display(field, "GONE") == "GONE"
    assert display(None, None) == "–"
    with translation.override("vi"):
        assert display(None, True) == "có"
        assert display(None, {"projects": 3, "zones": 1200}) == "projects: 3; zones: 1.200"


@pytest.mark.django_db
def test_keys_outside_the_model_have_labels_and_days_are_dd_mm_yyyy() -> None:
    entry = AuditEntry(
        action=AuditAction.IMPORT,
        model="audit.auditentry",
        after={"workbook": "ho-so.xlsx", "bytes": 20480, "issued_on": "2022-04-05"},
    )
    with translation.override("vi"):
        changes = entry_changes(entry)
    shown = {change.label: change.after for change in changes}
    assert shown["Tệp Excel"] == "ho-so.xlsx"
    assert shown["Dung lượng (byte)"] == "20.480"
    assert shown["Ngày ban hành"] == "05/04/2022"
