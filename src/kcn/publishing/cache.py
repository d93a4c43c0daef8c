"""The version of the portal's content, for its cache keys.

The portal caches what it renders under keys that carry this version; every write of the
portal's content (an article published or changed, a comment approved, the settings)
draws a new version once its transaction commits, so the next request renders afresh and
the old entries expire on their own. Published reports never change: their keys carry the
published version's id instead (``kcn.portal``).
"""

from __future__ import annotations

import secrets

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "portal:content-version"


def content_version() -> str:
    """The current version of the portal's content (a new one if the cache lost it)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = secrets.token_hex(6)
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return str(version)


def content_changed() -> None:
    """Draw a new version when the current transaction commits (now, outside of one)."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, secrets.token_hex(6), timeout=None))
