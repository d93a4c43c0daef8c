"""Issue 13, "honest percentages": a report never says 100% unless all, nor 0% unless none."""

from __future__ import annotations

from decimal import Decimal

from kcn.reports.document import compose
from tests.reports.builders import dataset


def test_1999_of_2000_dossiers_on_time_is_not_written_as_100_percent():
    data = dataset(
        values={
            "dossiers_received": 2000,
            "dossiers_resolved": 2000,
            "dossiers_resolved_on_time_pct": Decimal(1999) * 100 / 2000,
            "dossiers_resolved_early_pct": Decimal(1) * 100 / 2000,
        }
    )
    text = compose(data, "vi", with_charts=False).text()
    assert (
        "kết quả 99,95% hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn, "
        "trong đó 0,1% hồ sơ" in text  # 0.05 half up
    )
    assert "100%" not in text
    english = compose(data, "en", with_charts=False).text()
    assert "99.95% on time or early, 0.1% early" in english


def test_a_share_of_19999_in_20000_never_reads_100_percent_whatever_the_engine_rounded():
    data = dataset(
        values={
            "dossiers_received": 20_000,
            "dossiers_resolved": 20_000,
            "dossiers_resolved_on_time_pct": Decimal("100.00"),  # the engine's two places
            "dossiers_resolved_early_pct": Decimal("50.00"),
        },
        parts={
            "dossiers_resolved_on_time_pct": (19_999, 20_000),
            "dossiers_resolved_early_pct": (10_000, 20_000),
        },
    )
    text = compose(data, "vi", with_charts=False).text()
    assert "100%" not in text
    assert "kết quả 99,995% hồ sơ thủ tục hành chính được giải quyết đúng hạn" in text
    assert "; 01 hồ sơ giải quyết sau thời hạn." in text
