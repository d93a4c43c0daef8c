"""The report's sentences, one writer per language."""

from __future__ import annotations

from kcn.reports.dataset import ReportDataset
from kcn.reports.wording.base import Writer


def writer_for(lang: str, data: ReportDataset) -> Writer:
    from kcn.reports.wording.en import EnglishWriter
    from kcn.reports.wording.vi import VietnameseWriter

    writers: dict[str, type[Writer]] = {"vi": VietnameseWriter, "en": EnglishWriter}
    return writers[lang](data)
