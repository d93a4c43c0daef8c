"""The Ministry's forms (2101, 2104, 2106, 2107): each cell is the indicator or the drill-down
records it comes from, in the form's units (FDI in million USD, domestic in billion đồng)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kcn.cli import main
from kcn.core.errors import KcnError
from kcn.core.periods import parse_period
from kcn.indicators.drilldown import drilldown
from kcn.indicators.engine import compute_indicators
from kcn.projects.models import LaborReport
from kcn.reports.ministry import form_2101, form_2104, form_2106, form_2107, ministry_form
from kcn.reports.render.xlsx import render_form_xlsx
from tests import factories as f

pytestmark = pytest.mark.django_db
d = dt.date
Q1 = parse_period("2022-Q1")


@pytest.fixture
def ledger():
    """Two zones; FDI projects in USD (one with capital in đồng), domestic ones in đồng (one in
    dollars); amendments up and down, a termination, labour and quarterly reports."""
    f.rate(d(2021, 1, 1), 23_000)
    f.rate(d(2022, 2, 1), 23_500)
    f.zone("Z1", name="KCN Minh Quang", area_ha=Decimal(300), district="Mỹ Hào")
    f.zone("Z2", name="KCN Minh Đức", area_ha=Decimal(198), district="Mỹ Hào")
    f.zone_event("Z1", d(2007, 3, 22), "planned")
    f.zone_event("Z1", d(2016, 6, 16), "policy_approved")
    f.zone_event("Z2", d(2007, 3, 22), "planned")
    f.zone_event("Z1", d(2022, 2, 10), "land_leased", "12.5")
    f.zone_event("Z2", d(2022, 3, 10), "land_leased", "6")
    fdi = f.project("F-1", [(d(2020, 5, 1), "issued", 10_000_000, "USD"),
                            (d(2021, 1, 5), "operational"),
                            (d(2022, 2, 3), "adjusted", 2_000_000, "USD")])  # fmt: skip
    fdi_vnd = f.project("F-2", [(d(2022, 1, 10), "issued", 23_000_000_000, "VND")])
    f.project("F-3", [(d(2019, 1, 1), "issued", 4_000_000, "USD"),
                      (d(2022, 3, 1), "adjusted", -1_000_000, "USD")], zone_code="Z2")  # fmt: skip
    f.project("F-4", [(d(2018, 1, 1), "issued", 3_000_000, "USD"),
                      (d(2022, 3, 20), "terminated")], zone_code="Z2")  # fmt: skip
    ddi = f.project("D-1", [(d(2022, 2, 15), "issued", 100_000_000_000, "VND"),
                            (d(2022, 3, 5), "operational")], origin="domestic")  # fmt: skip
    f.project("D-2", [(d(2021, 6, 1), "issued", 1_000_000, "USD"),
                      (d(2022, 3, 2), "adjusted", 500_000, "USD")],
              origin="domestic", zone_code="Z2")  # fmt: skip
    LaborReport.objects.create(project=fdi, period_end=d(2022, 3, 31), employees=500,
                               foreign_employees=12, new_jobs=40)  # fmt: skip
    LaborReport.objects.create(project=ddi, period_end=d(2022, 3, 31), employees=200,
                               foreign_employees=0, new_jobs=200)  # fmt: skip
    LaborReport.objects.create(project=fdi_vnd, period_end=d(2022, 2, 28), employees=30,
                               foreign_employees=3, new_jobs=30)  # fmt: skip
    f.project_report(fdi, "2022-Q1", d(2022, 4, 5), revenue="1500000", exports_usd="900000",
                     imports_usd="400000", budget_paid_vnd="2000000000",
                     capital_realized="250000")  # fmt: skip
    f.project_report(ddi, "2022-Q1", d(2022, 4, 6), revenue="47000000000",
                     exports_usd="100000", budget_paid_vnd="500000000",
                     capital_realized="11750000000")  # fmt: skip


def cells(form, table=0):
    """{row label: row} of a form's table, the total under "Tổng số"."""
    found = form.tables[table]
    rows = {row.get("zone") or row.get("item"): row for row in found.rows}
    if found.total is not None:
        rows["Tổng số"] = found.total
    return rows


def test_2101_states_the_periods_investment_in_the_forms_units(ledger):
    form = form_2101(Q1)
    rows = cells(form)
    new, up, down, revoked = (
        rows["Dự án cấp mới"],
        rows["Dự án điều chỉnh tăng vốn"],
        rows["Dự án điều chỉnh giảm vốn"],
        rows["Dự án thu hồi, chấm dứt hoạt động"],
    )
    values = compute_indicators(Q1)
    # Counts are the indicators.
    assert new["foreign_projects"] == values["new_projects.foreign"].value == 1
    assert new["domestic_projects"] == values["new_projects.domestic"].value == 1
    assert up["foreign_projects"] == values["increased_projects.foreign"].value == 1
    assert up["domestic_projects"] == values["increased_projects.domestic"].value == 1
    assert revoked["foreign_projects"] == values["projects_terminated.foreign"].value == 1
    # FDI in million USD: 23 billion đồng at 23,000 is 1 million USD.
    assert new["foreign_capital"] == Decimal("1.000")
    assert values["attracted_capital_usd_equiv.foreign"].value == Decimal(3_000_000)
    assert up["foreign_capital"] == Decimal("2.000")
    # Domestic in billion đồng: 100; USD 500,000 at 23,500 (in force on 02/03) is 11.75.
    assert new["domestic_capital"] == Decimal("100.000")
    assert up["domestic_capital"] == Decimal("11.750")
    assert (down["foreign_projects"], down["foreign_capital"]) == (1, Decimal("1.000"))
    assert values["decreased_capital_usd_equiv.foreign"].value == Decimal(1_000_000)
    assert (down["domestic_projects"], down["domestic_capital"]) == (0, Decimal(0))
    assert revoked["foreign_capital"] == Decimal("3.000")  # its registered capital
    business = cells(form, 1)
    assert business["Diện tích đất công nghiệp cho thuê"]["total"] == Decimal("18.500")
    assert values["land_leased_ha"].value == Decimal("18.5")
    revenue = business["Doanh thu"]
    assert revenue["foreign"] == Decimal("1.500")  # million USD
    assert revenue["domestic"] == Decimal("47.000")  # billion đồng
    assert values["revenue_usd_equiv.foreign"].value == Decimal(1_500_000)
    exports = business["Kim ngạch xuất khẩu"]
    assert (exports["foreign"], exports["domestic"], exports["total"]) == (
        Decimal("0.900"), Decimal("0.100"), Decimal("1.000")
    )  # fmt: skip
    budget = business["Nộp ngân sách nhà nước"]
    assert (budget["foreign"], budget["domestic"]) == (Decimal("2.000"), Decimal("0.500"))


def test_2104_each_zones_cells_are_its_records_and_the_total_the_indicators(ledger):
    form = form_2104(Q1)
    rows = cells(form)
    assert [row["zone"] for row in form.tables[0].rows] == ["KCN Minh Đức", "KCN Minh Quang"]
    values = compute_indicators(Q1)
    total = rows["Tổng số"]
    for key, code in (("valid", "valid_projects"), ("operating", "operating_projects")):
        for origin in ("foreign", "domestic"):
            assert total[f"{origin}_{key}"] == values[f"{code}.{origin}"].value
            for zone in ("Z1", "Z2"):
                name = "KCN Minh Quang" if zone == "Z1" else "KCN Minh Đức"
                found = drilldown(Q1, f"{code}.{origin}").rows.filter(zone__code=zone)
                assert rows[name][f"{origin}_{key}"] == found.count()
    quang = rows["KCN Minh Quang"]
    # Registered capital of the valid FDI projects of Z1: F-1 10 + 2 million USD, F-2 23 billion
    # đồng at 23,000 = 1 million USD.
    assert quang["foreign_registered"] == Decimal("13.000")
    # Domestic D-1: 100 billion đồng.
    assert quang["domestic_registered"] == Decimal("100.000")
    # Z2: F-3 4 - 1 million USD (F-4 terminated); D-2 USD 1,000,000 at 23,000 + 500,000 at 23,500.
    duc = rows["KCN Minh Đức"]
    assert duc["foreign_registered"] == Decimal("3.000")
    assert duc["domestic_registered"] == Decimal("34.750")
    assert quang["foreign_realized"] == Decimal("0.250")
    assert quang["domestic_realized"] == Decimal("11.750")
    assert values["capital_realized_usd_equiv.foreign"].value == Decimal(250_000)
    assert quang["foreign_revenue"] == Decimal("1.500")
    assert quang["domestic_revenue"] == Decimal("47.000")
    assert (quang["foreign_workers_vn"], quang["foreign_workers_foreign"]) == (515, 15)
    assert (quang["domestic_workers_vn"], quang["domestic_workers_foreign"]) == (200, 0)
    assert values["workforce"].value == 730
    for key in total:
        if key.startswith(("foreign_", "domestic_")):
            assert total[key] == sum(row[key] for row in form.tables[0].rows), key


def test_2106_workers_zone_by_zone_add_up_to_the_workforce_and_new_jobs(ledger):
    form = form_2106(Q1)
    rows = cells(form)
    values = compute_indicators(Q1)
    total = rows["Tổng số"]
    assert total["total"] == values["workforce"].value == 730
    assert (total["vietnamese"], total["foreign"]) == (715, 15)
    assert (total["in_fdi"], total["in_domestic"]) == (530, 200)
    assert total["new_jobs"] == values["jobs_created"].value == 270
    assert rows["KCN Minh Đức"]["total"] == 0


def test_2107_the_zones_in_the_master_plan_with_their_decisions(ledger):
    rows = cells(form_2107(Q1))
    quang = rows["KCN Minh Quang"]
    assert quang["planned_area"] == Decimal("300.000")
    assert quang["approved_area"] == Decimal("300.000")
    assert quang["approved_by"] == "ngày 16/06/2016"
    assert quang["remaining_area"] == 0
    duc = rows["KCN Minh Đức"]
    assert (duc["approved_area"], duc["remaining_area"]) == (0, Decimal("198.000"))
    assert rows["Tổng số"]["planned_area"] == Decimal("498.000")


def test_the_excel_file_carries_the_forms_number_title_period_and_cells(ledger):
    sheet = load_workbook(io.BytesIO(render_form_xlsx(form_2104(Q1)))).active
    assert sheet["A1"].value == "Biểu số 2104.H.QLKKT"
    texts = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert "TÌNH HÌNH HOẠT ĐỘNG SẢN XUẤT KINH DOANH CỦA CÁC DỰ ÁN TRONG KHU CÔNG NGHIỆP" in texts
    assert "Kỳ báo cáo: quý I năm 2022 (từ ngày 01/01/2022 đến ngày 31/03/2022)" in texts
    assert "Dự án FDI (vốn: triệu USD)" in texts
    assert "Dự án đầu tư trong nước (vốn: tỷ đồng)" in texts
    total = next(row for row in sheet.iter_rows(values_only=True) if row[1] == "Tổng số")
    assert total[2] == 3  # valid FDI projects on 31/03/2022
    assert total[3] == pytest.approx(16.0)


def test_kcn_form_writes_the_excel_file_and_refuses_a_form_it_does_not_fill(ledger, tmp_path,
                                                                           capsys):  # fmt: skip
    path = tmp_path / "bieu-2101.xlsx"
    assert main(["form", "2101", "--period", "2022-Q1", "-o", str(path), "--lang", "en"]) == 0
    assert load_workbook(path).active["A1"].value == "Biểu số 2101.H.QLKKT"
    assert main(["form", "2116", "--period", "2022-Q1", "-o", str(path), "--lang", "en"]) == 1
    assert "it fills 2101, 2104, 2106, 2107" in capsys.readouterr().err
    with pytest.raises(KcnError):
        ministry_form("2103", Q1)
