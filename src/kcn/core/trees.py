"""Parent links (a zone's phases, a plan's thematic plans) must not loop."""

from __future__ import annotations

from collections.abc import Callable


def makes_cycle(node: str, parent: str, parent_of: Callable[[str], str | None]) -> bool:
    """True when making ``parent`` the parent of ``node`` would make ``node`` its own ancestor.

    ``parent_of`` gives the current parent of a node (None for a root).
    """
    seen = {node}
    current: str | None = parent
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = parent_of(current)
    return False
