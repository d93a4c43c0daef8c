"""How long a line of text is on the page, for the rules Decree 30/2020/NĐ-CP draws under it.

The Decree measures its rules by the text above them: under the national motto a
line as long as the motto; under the issuing body and under the trích yếu one of a
third to a half of the line. The widths come from Liberation Serif, metric-compatible
with Times New Roman (Debian's ``fonts-liberation2``), the font of every format.
"""

from __future__ import annotations

from functools import cache

from matplotlib import font_manager
from PIL import ImageFont

POINT_MM = 25.4 / 72
EM = 1000  # the size fonts are loaded at: widths come in thousandths of an em


@cache
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    properties = font_manager.FontProperties(
        family="Liberation Serif", weight="bold" if bold else "normal"
    )
    return ImageFont.truetype(font_manager.findfont(properties), EM)


def text_width_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The width of ``text`` set on one line in ``size_pt`` points."""
    return _font(bold).getlength(text) / EM * size_pt * POINT_MM


def longest_line_mm(text: str, size_pt: float, width_mm: float, *, bold: bool = False) -> float:
    """The longest line of ``text`` wrapped word by word into ``width_mm``."""
    longest = 0.0
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and text_width_mm(candidate, size_pt, bold=bold) > width_mm:
            longest = max(longest, text_width_mm(line, size_pt, bold=bold))
            line = word
        else:
            line = candidate
    return max(longest, text_width_mm(line, size_pt, bold=bold))
