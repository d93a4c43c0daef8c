"""The report's charts, drawn with matplotlib as PNG (the same image in every format).

The font is Liberation Serif, metric-compatible with Times New Roman and with
Vietnamese glyphs (Debian's ``fonts-liberation2``): under the name "Times New
Roman" matplotlib falls back to a font without them.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: render to files only

from matplotlib import pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

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


def axis_numbers(number: Callable[[Decimal], str]) -> FuncFormatter:
    """Tick labels in the report's number style ("3.000", "0,5"), not matplotlib's ("3000")."""
    return FuncFormatter(lambda value, _position: number(Decimal(repr(float(value)))))


def progress_chart(
    progress: Sequence[tuple[str, Decimal | float]],
    axis_label: str,
    percent: Callable[[Decimal], str],
    number: Callable[[Decimal], str],
) -> bytes:
    """Horizontal bars: each targeted indicator's year-to-date percent of its target (the
    labels from the exact percentages, so a bar never reads "100%" short of it)."""
    with plt.rc_context(_style()):
        height = 0.9 + 0.45 * len(progress)
        figure, axes = plt.subplots(figsize=(WIDTH_IN, height))
        names = [name for name, _ in progress][::-1]
        values = [float(value) for _, value in progress][::-1]
        bars = axes.barh(names, values, color=BAR, height=0.55)
        axes.axvline(100, color=TARGET_LINE, linewidth=1, linestyle="--")
        axes.set_xlim(0, max(110.0, max(values, default=0) * 1.15))
        axes.set_xlabel(axis_label)
        axes.xaxis.set_major_formatter(axis_numbers(number))
        exact = [Decimal(str(value)) for _, value in progress][::-1]
        for bar, value in zip(bars, exact, strict=True):
            axes.text(
                bar.get_width() + 1.5,
                bar.get_y() + bar.get_height() / 2,
                percent(value),
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
    """One small bar chart per series, side by side, months along the bottom: a third of a
    page's height, so that it fits under the text rather than leaving half a page empty."""
    with plt.rc_context(_style()):
        figure, axes_list = plt.subplots(
            1, len(series), figsize=(WIDTH_IN, 2.5), squeeze=False, sharex=True
        )
        for axes, (name, values), colour in zip(axes_list[0], series, SERIES_COLOURS, strict=False):
            axes.bar(range(len(labels)), values, color=colour, width=0.6)
            axes.set_title("\n".join(textwrap.wrap(name, 24)), fontsize=9, loc="left")
            axes.set_xticks(range(len(labels)), labels, fontsize=7)
            axes.tick_params(axis="x", length=0)
            axes.tick_params(axis="y", labelsize=7)
            whole = all(float(value).is_integer() for value in values)
            axes.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=whole))
            axes.yaxis.set_major_formatter(axis_numbers(number))
            top = max(values, default=0)
            axes.set_ylim(0, top * 1.25 if top else 1)
            if len(values) <= 6:  # a few bars: each with its figure
                for x, value in enumerate(values):
                    if value:
                        label = number(Decimal(repr(float(value))))
                        axes.text(x, value, label, ha="center", va="bottom", fontsize=7)
        figure.tight_layout()
        return _png(figure)
