"""Figures kept under the data version they were computed at (Django's cache framework).

Every write raises the data version in its own transaction
(``audit.services.data_version_raise``), so a figure kept under a version is
never served once a write has changed the records: the key changes with it.
The version is read *before* computing, so that what is kept under a version
is at least as new as that version. The cache is the one of the settings
(a file cache in the data folder by default; ``KCN_CACHE_URL`` for a cache
server).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from django.core.cache import cache

from kcn.audit.selectors import data_version

T = TypeVar("T")
# Kept this long at most: a figure of a version nobody reads any more is dropped by then.
TIMEOUT = 24 * 3600


def cached(name: str, parts: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave for the same ``parts`` at the current data version."""
    key = ":".join(["kcn", name, str(data_version()), *(str(part) for part in parts)])
    found: T | None = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, TIMEOUT)
    return found
