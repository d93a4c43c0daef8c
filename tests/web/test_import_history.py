"""A record's page says which workbook created or changed it."""

from __future__ import annotations

from kcn.exchange.importer import workbook_import
from tests.exchange.samples import valid, with_row


def test_the_project_page_names_the_workbook_of_each_imported_change(
    son, lan, client_of, write_workbook
):
    assert workbook_import(write_workbook(valid()), actor=son, name="quy-1.xlsx").ok
    renamed = write_workbook(with_row("projects", 0, name="Nhà máy <b>A</b> mới"))
    assert workbook_import(renamed, actor=son, name="sửa <tên>.xlsx").ok
    page = client_of(lan).get("/projects/P1/").content.decode()
    assert "Created by the import of quy-1.xlsx" in page
    assert "Changed by the import of sửa &lt;tên&gt;.xlsx" in page
    assert "<tên>" not in page
