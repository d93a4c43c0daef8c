"""The leader's page of API tokens: a token is shown once, kept only as its digest, and can
be revoked; every change is in the audit trail without the token."""

from __future__ import annotations

import re

from rest_framework.test import APIClient

from kcn.audit.models import AuditEntry
from kcn.tokens.models import ApiToken
from kcn.tokens.services import digest_of


def test_a_leader_creates_a_token_that_is_shown_once(client_of, users):
    client = client_of(users["leader"])
    vy = users["viewer"]
    response = client.post(f"/tokens/{vy.pk}/new/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    shown = re.search(r"kcn_[A-Za-z0-9_-]{40,}", response.content.decode())
    assert shown is not None
    token = shown.group(0)
    stored = ApiToken.objects.get(user=vy)
    assert stored.digest == digest_of(token)
    assert token not in (stored.digest, stored.prefix)
    assert token[:10] == stored.prefix
    listed = client.get("/tokens/").content.decode()
    assert token not in listed
    assert f"{stored.prefix}…" in listed
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/v1/zones/").status_code == 200
    audit = AuditEntry.objects.filter(model="tokens.apitoken").get()
    assert token not in str(audit.after)


def test_a_leader_revokes_a_token(client_of, users):
    from kcn.tokens.services import token_create

    token = token_create(user=users["viewer"])
    response = client_of(users["leader"]).post(f"/tokens/{users['viewer'].pk}/revoke/")
    assert response.status_code == 302
    assert not ApiToken.objects.exists()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/v1/zones/").status_code == 401


def test_only_a_leader_manages_tokens(client_of, users):
    for role in ("specialist", "viewer", "enterprise"):
        client = client_of(users[role])
        assert client.post(f"/tokens/{users[role].pk}/new/").status_code == 403
    assert not ApiToken.objects.exists()
