"""``kcn token``: the token alone on the last line of standard output; revoked, it is refused."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from kcn.accounts.models import Role, User
from kcn.cli import main

pytestmark = pytest.mark.django_db


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_token_create_prints_the_token_alone_on_the_last_line(capsys):
    User.objects.create(username="portal", role=Role.VIEWER)
    code, out, _err = run(capsys, "token", "create", "portal")
    assert code == 0
    token = out.splitlines()[-1]
    assert token.startswith("kcn_")
    assert " " not in token
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/zones/").status_code == 200
    assert run(capsys, "token", "revoke", "portal")[0] == 0
    assert client.get("/api/v1/zones/").status_code == 401
    _code, out, _err = run(capsys, "token", "revoke", "portal")
    assert "has no API token" in out


def test_token_for_an_unknown_user_is_a_one_line_error(capsys):
    code, _out, err = run(capsys, "token", "create", "nobody")
    assert code == 1
    assert err.strip() == "kcn: No user nobody."
