"""The reports page: read, download, write the texts, submit, approve, return, publish."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook

from kcn.reports.models import (
    Narrative,
    Priority,
    PublishedReport,
    ReportFraming,
    ReportState,
    ReportWorkflow,
)
from tests import factories as f

PAGE = "/reports/?period=2022-Q1"


def texts_form(client, **changes):
    """The texts form as the page shows it, with ``changes`` (section=… or priorities=…)."""
    response = client.get(PAGE)
    form = response.context["texts"]
    data = {name: form[name].value() or "" for name in form.fields}
    for key, value in changes.items():
        data[key if key in ("priorities", "fingerprint") else f"section_{key}"] = value
    return data


@pytest.mark.parametrize(
    ("role", "status"),
    [("leader", 200), ("specialist", 200), ("viewer", 200), ("enterprise", 403)],
)
def test_the_page_is_for_the_board(client_of, users, board, role, status):
    assert client_of(users[role]).get(PAGE).status_code == status


def test_anonymous_visitors_are_sent_to_log_in(client_of, board):
    response = client_of(None).get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ["leader", "specialist", "viewer"])
def test_the_board_downloads_the_word_file(client_of, users, board, role):
    response = client_of(users[role]).get("/reports/2022-Q1/download/docx/")
    assert response.status_code == 200
    # The page's language is English here: the file is named in English too.
    assert 'filename="report-2022-Q1.docx"' in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Progress of the tasks of" in text  # the page's language: English here


def test_an_enterprise_cannot_download_the_report(client_of, users, board):
    assert client_of(users["enterprise"]).get("/reports/2022-Q1/download/pdf/").status_code == 403


def test_the_preview_is_the_report_as_a_web_page(client_of, users, board):
    response = client_of(users["viewer"]).get("/reports/2022-Q1/preview/")
    assert response.status_code == 200
    assert b"Q1 2022" in response.content


def test_markdown_comes_zipped_with_its_charts(client_of, users, board):
    response = client_of(users["leader"]).get("/reports/2022-Q1/download/md/")
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "report-2022-Q1.md" in names
    assert "report-2022-Q1-targets.png" in names


@pytest.mark.parametrize(
    ("role", "status"),
    [("leader", 200), ("specialist", 200), ("viewer", 200), ("enterprise", 403)],
)
def test_the_board_downloads_the_ministrys_forms(client_of, users, board, role, status):
    response = client_of(users[role]).get("/reports/2022-Q1/forms/2104/")
    assert response.status_code == status
    if status == 200:
        assert 'filename="bieu-2104-2022-Q1.xlsx"' in response["Content-Disposition"]
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet["A1"].value == "Biểu số 2104.H.QLKKT"


def test_the_page_lists_the_forms_and_an_unknown_form_is_not_found(client_of, users, board):
    client = client_of(users["viewer"])
    page = client.get(PAGE).content.decode()
    for form in ("2101", "2104", "2106", "2107"):
        assert f"/reports/2022-Q1/forms/{form}/" in page
    assert client.get("/reports/2022-Q1/forms/2116/").status_code == 404


def test_an_unknown_format_is_not_found(client_of, users, board):
    assert client_of(users["leader"]).get("/reports/2022-Q1/download/odt/").status_code == 404


def test_a_specialist_writes_the_narratives_and_the_next_periods_priorities(
    client_of, users, board
):
    client = client_of(users["specialist"])
    data = texts_form(
        client, health="Tiêm vắc xin cho người lao động.", priorities="Một việc.\n\nHai việc."
    )
    response = client.post("/reports/2022-Q1/texts/", data, follow=True)
    assert "Saved." in response.content.decode()
    assert Narrative.objects.get(period="2022-Q1", section="health").text == (
        "Tiêm vắc xin cho người lao động."
    )
    assert list(Priority.objects.filter(period="2022-Q2").values_list("text", flat=True)) == [
        "Một việc.",
        "Hai việc.",
    ]


def test_a_specialist_chooses_the_thematic_plans_the_framing_paragraph_names(
    client_of, users, board
):
    client = client_of(users["specialist"])
    page = client.get(PAGE).content.decode()
    assert "170/KH-BQL — Kế hoạch chuyên đề cải cách hành chính" in page
    data = texts_form(client)
    data |= {
        "task_groups": "20",
        f"plan_{board.child_plan.pk}": "1",
        f"plan_{board.child_plan.pk}_en": "Plan for administrative reform",
    }
    response = client.post("/reports/2022-Q1/texts/", data, follow=True)
    assert "Saved." in response.content.decode()
    framing = ReportFraming.objects.get(period="2022-Q1")
    assert framing.task_groups == 20
    assert [(item.document, item.title_en) for item in framing.listed.all()] == [
        (board.child_plan, "Plan for administrative reform")
    ]
    text = client.get("/reports/2022-Q1/preview/?live=1").content.decode()
    assert "20 groups of tasks and solutions" in text  # the page's language is English
    assert "among them: Plan for administrative reform" in text
    # Taken off the list again: the framing names none.
    data = texts_form(client)
    data[f"plan_{board.child_plan.pk}"] = ""
    client.post("/reports/2022-Q1/texts/", data)
    assert not framing.listed.exists()


def test_two_plans_in_one_place_are_refused(client_of, users, board):
    client = client_of(users["specialist"])
    other = f.document("171/KH-BQL", dt.date(2022, 2, 21))
    other.parent = board.plan
    other.save()
    data = texts_form(client)
    data |= {f"plan_{board.child_plan.pk}": "1", f"plan_{other.pk}": "1"}
    response = client.post("/reports/2022-Q1/texts/", data, follow=True)
    assert "Two thematic plans have the same place in the list." in response.content.decode()
    assert not ReportFraming.objects.exists()


@pytest.mark.parametrize("role", ["viewer", "enterprise"])
def test_readers_cannot_write_the_texts(client_of, users, board, role):
    client = client_of(users[role])
    response = client.post("/reports/2022-Q1/texts/", {"section_health": "x", "fingerprint": "x"})
    assert response.status_code == 403
    assert not Narrative.objects.filter(section="health").exists()


def test_two_people_editing_at_once_never_overwrite_each_other(client_of, users, board):
    son, lan = client_of(users["specialist"]), client_of(users["leader"])
    first = texts_form(son, investment="Bản của Sơn.")
    second = texts_form(lan, investment="Bản của Lan.")
    son.post("/reports/2022-Q1/texts/", first)
    response = lan.post("/reports/2022-Q1/texts/", second, follow=True)
    assert "Someone else changed the texts" in response.content.decode()
    assert Narrative.objects.get(period="2022-Q1", section="investment").text == "Bản của Sơn."


def test_submit_approve_publish(client_of, users, board):
    son, lan = client_of(users["specialist"]), client_of(users["leader"])
    son.post("/reports/2022-Q1/submit/", {"confirmed": "1"})
    assert ReportWorkflow.objects.get(period="2022-Q1").state == ReportState.SUBMITTED
    assert son.post("/reports/2022-Q1/approve/").status_code == 403
    lan.post("/reports/2022-Q1/approve/")
    assert ReportWorkflow.objects.get(period="2022-Q1").state == ReportState.APPROVED

    response = lan.post(
        "/reports/2022-Q1/publish/", {"number": "45", "issued_on": "2022-03-28"}, follow=True
    )
    assert "Published the report of 2022-Q1, version 1." in response.content.decode()
    published = PublishedReport.objects.get(period="2022-Q1", version=1)
    assert (published.number, str(published.issued_on), published.version) == (
        "45",
        "2022-03-28",
        1,
    )
    assert published.published_by == users["leader"]
    assert ReportWorkflow.objects.get(period="2022-Q1").state == ReportState.PUBLISHED
    # Publishing again needs a new round: submit, approve, publish version 2.
    son.post("/reports/2022-Q1/submit/", {"confirmed": "1"})
    lan.post("/reports/2022-Q1/approve/")
    lan.post("/reports/2022-Q1/publish/", {"number": "46", "issued_on": "2022-03-29"})
    assert PublishedReport.objects.filter(period="2022-Q1").count() == 2
    word = lan.get("/reports/2022-Q1/download/docx/")
    assert "No: 46/BC-BQL" in "\n".join(
        cell.text for table in Document(io.BytesIO(word.content)).tables
        for row in table.rows for cell in row.cells
    )  # fmt: skip


def test_only_an_approved_report_is_published(client_of, users, board):
    response = client_of(users["leader"]).post(
        "/reports/2022-Q1/publish/", {"number": "45", "issued_on": "2022-03-28"}, follow=True
    )
    assert "Only an approved report can be published" in response.content.decode()
    assert not PublishedReport.objects.exists()


def test_a_specialist_cannot_publish(client_of, users, board):
    response = client_of(users["specialist"]).post(
        "/reports/2022-Q1/publish/", {"number": "45", "issued_on": "2022-03-28"}
    )
    assert response.status_code == 403


def test_a_bad_document_number_is_named(client_of, users, board):
    client = client_of(users["leader"])
    client.post("/reports/2022-Q1/submit/")
    client.post("/reports/2022-Q1/approve/")
    response = client.post(
        "/reports/2022-Q1/publish/", {"number": "45/BC", "issued_on": "2022-03-28"}, follow=True
    )
    assert "Document number: The number is digits only, e.g. 45." in response.content.decode()
    assert not PublishedReport.objects.exists()


def test_changing_the_texts_after_approval_sends_the_report_back_to_draft(client_of, users, board):
    son, lan = client_of(users["specialist"]), client_of(users["leader"])
    son.post("/reports/2022-Q1/submit/", {"confirmed": "1"})
    lan.post("/reports/2022-Q1/approve/")
    assert ReportWorkflow.objects.get(period="2022-Q1").state == ReportState.APPROVED
    lan.post("/reports/2022-Q1/texts/", texts_form(lan, other="Thêm một đoạn."))
    workflow = ReportWorkflow.objects.get(period="2022-Q1")
    assert workflow.state == ReportState.DRAFT
    assert workflow.note == "The texts changed after submission."


def test_a_leader_returns_a_report_with_a_note(client_of, users, board):
    son, lan = client_of(users["specialist"]), client_of(users["leader"])
    son.post("/reports/2022-Q1/submit/", {"confirmed": "1"})
    assert son.post("/reports/2022-Q1/return/", {"note": "x"}).status_code == 403
    lan.post("/reports/2022-Q1/return/", {"note": "Bổ sung số liệu lao động."})
    workflow = ReportWorkflow.objects.get(period="2022-Q1")
    assert (workflow.state, workflow.note) == (ReportState.DRAFT, "Bổ sung số liệu lao động.")
    assert "Bổ sung số liệu lao động." in son.get(PAGE).content.decode()


def test_each_text_has_its_english_beside_it_for_the_english_report(client_of, users, board):
    client = client_of(users["specialist"])
    data = texts_form(client, health="Tiêm vắc xin.", priorities="Một việc.\n\nHai việc.")
    data |= {"section_health_en": "Vaccination.", "priorities_en": "One task.\n\nTwo tasks."}
    response = client.post("/reports/2022-Q1/texts/", data, follow=True)
    assert "Saved." in response.content.decode()
    narrative = Narrative.objects.get(period="2022-Q1", section="health")
    assert (narrative.text, narrative.text_en) == ("Tiêm vắc xin.", "Vaccination.")
    tasks = Priority.objects.filter(period="2022-Q2").order_by("order")
    assert list(tasks.values_list("text_en", flat=True)) == ["One task.", "Two tasks."]
    form = client.get(PAGE).context["texts"]
    assert form["section_health_en"].value() == "Vaccination."
    assert form["priorities_en"].value() == "One task.\n\nTwo tasks."
    english = form.fields["section_health_en"]
    assert (str(english.label), str(english.widget.attrs["title"])) == (
        "In English",
        "On disease prevention and care for workers (in English)",
    )


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"section_health_en": "Vaccination."},
            "On disease prevention and care for workers: the English text needs the Vietnamese "
            "text it translates.",
        ),
        (
            {"priorities": "Một việc.\n\nHai việc.", "priorities_en": "One task."},
            "Priority tasks: write one English task for each task, in the same order "
            "(2 tasks, 1 in English).",
        ),
    ],
)
def test_english_is_a_translation_of_what_is_written_in_vietnamese(
    client_of, users, board, changes, problem
):
    client = client_of(users["specialist"])
    before = list(Narrative.objects.values()), list(Priority.objects.values())
    response = client.post("/reports/2022-Q1/texts/", texts_form(client) | changes, follow=True)
    assert problem in response.content.decode()
    assert (list(Narrative.objects.values()), list(Priority.objects.values())) == before


def test_the_shortcomings_written_on_the_page_appear_in_the_preview_after_the_sections(
    client_of, users, board
):
    client = client_of(users["specialist"])
    data = texts_form(client, shortcomings="Tiến độ giải phóng mặt bằng còn chậm.")
    data["section_shortcomings_en"] = "Land clearance is slow."
    response = client.post("/reports/2022-Q1/texts/", data, follow=True)
    assert "Saved." in response.content.decode()
    narrative = Narrative.objects.get(period="2022-Q1", section="shortcomings")
    assert (narrative.text, narrative.text_en) == (
        "Tiến độ giải phóng mặt bằng còn chậm.",
        "Land clearance is slow.",
    )
    page = client.get("/reports/2022-Q1/preview/").content.decode()  # in the page's English
    heading = page.find("SHORTCOMINGS, LIMITATIONS AND THEIR CAUSES")
    assert -1 < page.find("Thu hút đầu tư tốt.") < heading < page.find("Land clearance is slow.")


def test_submitting_with_empty_narratives_asks_to_confirm_first(client_of, users, board):
    son = client_of(users["specialist"])
    response = son.post("/reports/2022-Q1/submit/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "No narrative is written for:" in page
    assert '<input type="hidden" name="confirmed" value="1">' in page
    assert ReportWorkflow.objects.filter(period="2022-Q1", state=ReportState.SUBMITTED).count() == 0
    son.post("/reports/2022-Q1/submit/", {"confirmed": "1"})
    assert ReportWorkflow.objects.get(period="2022-Q1").state == ReportState.SUBMITTED


def test_a_leader_does_not_approve_their_own_submission(client_of, users, board):
    lan = client_of(users["leader"])
    lan.post("/reports/2022-Q1/submit/", {"confirmed": "1"})
    page = lan.get(PAGE).content.decode()
    assert "You submitted this report: another leader approves it." in page
    assert "/reports/2022-Q1/approve/" not in page
    response = lan.post("/reports/2022-Q1/approve/", follow=True)
    assert "You submitted this report: another leader approves it" in response.content.decode()
    assert ReportWorkflow.objects.get(period="2022-Q1").state == ReportState.SUBMITTED


def test_the_page_lists_what_changed_since_approval_before_publishing(client_of, users, board):
    son, lan = client_of(users["specialist"]), client_of(users["leader"])
    son.post("/reports/2022-Q1/submit/", {"confirmed": "1"})
    lan.post("/reports/2022-Q1/approve/")
    page = lan.get(PAGE).content.decode()
    assert "Changed since approval" in page
    assert "The records give the same figures and texts as when the report was approved." in page
    f.project("P-NEW", [(dt.date(2022, 3, 15), "issued", "7000000", "USD")])
    page = lan.get(PAGE).content.decode()
    assert "differ from the report as it was approved" in page
    assert "(new_projects)" in page
    lan.post("/reports/2022-Q1/publish/", {"number": "45", "issued_on": "2022-03-28"})
    page = lan.get(PAGE).content.decode()
    assert "Changed since publication" in page
    assert "The records give the same figures and texts as the published report." in page
