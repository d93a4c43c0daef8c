"""Problems found in a workbook, each pinned to a cell."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_LISTED_PROBLEMS = 1000


@dataclass(frozen=True, order=True)
class Problem:
    sheet: str
    cell: str  # "C12", or "A1" for the whole sheet
    message: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}: {self.message}"


@dataclass
class ProblemList:
    """Problems in the order found; past ``MAX_LISTED_PROBLEMS`` only counted."""

    listed: list[Problem] = field(default_factory=list)
    total: int = 0

    def add(self, sheet: str, cell: str, message: str) -> None:
        self.total += 1
        if len(self.listed) < MAX_LISTED_PROBLEMS:
            self.listed.append(Problem(sheet, cell, message))

    def __bool__(self) -> bool:
        return self.total > 0

    def __len__(self) -> int:
        return self.total

    @property
    def unlisted(self) -> int:
        return self.total - len(self.listed)
