"""The report's charts, drawn with matplotlib as PNG (the same image in every format).

The font is Liberation Serif, metric-compatible with Times New Roman and with
Vietnamese glyphs (Debian's ``fonts-liberation2``): under the name "Times New
Roman" matplotlib falls back to a font without them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: render to files only

from matplotlib import pyplot as plt
from matplotlib.figure import Figure

FONT = ["Liberation Serif", "DejaVu Serif", "serif"]
DPI = 200
WIDTH_IN = 6.3  # the text width of an A4 page with Decree 30 margins (160 mm)
BAR = "#1f4e79"
TARGET_LINE = "#b22222"
SERIES_COLOURS = ("#1f4e79", "#c55a11", "#548235")


def _style() -> Any:  # matplotlib's stubs type rc keys as one big Literal
    return {
        "font.family": "serif",
        "font.serif": FONT,
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.fonttype": "none",
    }


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()


def progress_chart(
    progress: Sequence[tuple[str, Decimal | float]],
    axis_label: str,
    percent: Callable[[Decimal], str],
) -> bytes:
    """Horizontal bars: each targeted indicator's year-to-date percent of its target."""
    with plt.rc_context(_style()):
        height = 0.9 + 0.45 * len(progress)
        figure, axes = plt.subplots(figsize=(WIDTH_IN, height))
        names = [name for name, _ in progress][::-1]
        values = [float(value) for _, value in progress][::-1]
        bars = axes.barh(names, values, color=BAR, height=0.55)
        axes.axvline(100, color=TARGET_LINE, linewidth=1, linestyle="--")
        axes.set_xlim(0, max(110.0, max(values, default=0) * 1.15))
        axes.set_xlabel(axis_label)
        for bar, value in zip(bars, values, strict=True):
            axes.text(
                bar.get_width() + 1.5,
                bar.get_y() + bar.get_height() / 2,
                percent(Decimal(str(value))),
                va="center",
                fontsize=9,
            )
        axes.tick_params(axis="y", length=0)
        figure.tight_layout()
        return _png(figure)


def monthly_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    number: Callable[[Decimal], str],
) -> bytes:
    """One small bar chart per series, months along the bottom, stacked vertically."""
    with plt.rc_context(_style()):
        figure, axes_list = plt.subplots(
            len(series), 1, figsize=(WIDTH_IN, 1.6 * len(series) + 0.4), sharex=True
        )
        axes_seq = axes_list if len(series) > 1 else [axes_list]
        for axes, (name, values), colour in zip(axes_seq, series, SERIES_COLOURS, strict=False):
            axes.bar(labels, values, color=colour, width=0.6)
            axes.set_title(name, fontsize=10, loc="left")
            axes.tick_params(axis="x", length=0)
            top = max(values, default=0)
            axes.set_ylim(0, top * 1.25 if top else 1)
            for x, value in enumerate(values):
                if value:
                    label = number(Decimal(str(value)))
                    axes.text(x, value, label, ha="center", va="bottom", fontsize=8)
        figure.tight_layout()
        return _png(figure)
