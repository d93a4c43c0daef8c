"""The API's personas are the web tests' (Lan, Sơn, Vy, Minh), each with a token."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from kcn.accounts.models import User
from kcn.tokens.services import token_create
from tests.web.conftest import (  # noqa: F401 - fixtures shared with the web tests
    board,
    lan,
    minh,
    quick_passwords,
    son,
    users,
    vy,
)


@pytest.fixture(autouse=True)
def fresh_throttle() -> Iterator[None]:
    """Each test starts with no request counted against the rate limits."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_of(db: None) -> Callable[[User | None], APIClient]:
    """A client with the user's token (none for None), asking for English answers."""

    def make(user: User | None) -> APIClient:
        client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
        if user is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Token {token_create(user=user)}")
        return client

    return make
