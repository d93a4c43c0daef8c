"""Signing in and out, changing one's password, and leaders managing users."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from kcn.accounts import services
from kcn.accounts.models import Role, User
from kcn.audit.models import AuditEntry
from kcn.core.errors import KcnError
from tests import factories as f
from tests.web.conftest import PASSWORD

Browser = Callable[[User | None], Client]


def test_the_login_page_has_labelled_fields(client_of: Browser, db: None) -> None:
    page = client_of(None).get("/accounts/login/").content.decode()
    assert '<label for="id_username">' in page
    assert '<label for="id_password">' in page


def test_a_user_logs_in_with_name_and_password_and_lands_on_the_dashboard(
    son: User, client_of: Browser
) -> None:
    client = client_of(None)
    response = client.post("/accounts/login/", {"username": "son", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_a_wrong_password_is_refused_with_a_message(son: User, client_of: Browser) -> None:
    response = client_of(None).post("/accounts/login/", {"username": "son", "password": "nope"})
    assert response.status_code == 200
    assert "did not match" in response.content.decode()


def test_a_deactivated_user_cannot_log_in(vy: User, client_of: Browser) -> None:
    vy.is_active = False
    vy.save()
    response = client_of(None).post("/accounts/login/", {"username": "vy", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in response.client.session


def test_logging_out_takes_a_post_and_ends_the_session(son: User, client_of: Browser) -> None:
    client = client_of(son)
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert client.get("/zones/").status_code == 302


def test_an_enterprise_user_lands_on_the_reports_it_owes(minh: User, client_of: Browser) -> None:
    response = client_of(minh).get("/")
    assert response["Location"] == "/enterprise/"


def test_a_user_changes_its_password_and_stays_signed_in(vy: User, client_of: Browser) -> None:
    client = client_of(vy)
    response = client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-passphrase",
            "new_password2": "a-new-long-passphrase",
        },
    )
    assert response.status_code == 302
    vy.refresh_from_db()
    assert vy.check_password("a-new-long-passphrase")
    assert client.get("/zones/").status_code == 200
    entry = AuditEntry.objects.get(model="accounts.user", object_pk=str(vy.pk))
    assert entry.actor == vy
    assert entry.after == {"password": "***"}


def test_a_password_change_with_the_wrong_old_password_is_refused(
    vy: User, client_of: Browser
) -> None:
    response = client_of(vy).post(
        "/accounts/password/",
        {
            "old_password": "wrong",
            "new_password1": "x-long-enough-1",
            "new_password2": "x-long-enough-1",
        },
    )
    assert response.status_code == 200
    vy.refresh_from_db()
    assert vy.check_password(PASSWORD)


def test_a_leader_lists_users_with_their_roles(users: dict[str, User], client_of: Browser) -> None:
    page = client_of(users["leader"]).get("/users/").content.decode()
    for name in ("lan", "son", "vy", "minh"):
        assert f">{name}</a>" in page
    assert "Investor JP-0001" in page


def test_a_leader_filters_users_by_role(users: dict[str, User], client_of: Browser) -> None:
    page = client_of(users["leader"]).get("/users/?role=viewer").content.decode()
    assert ">vy</a>" in page
    assert ">son</a>" not in page


def test_a_leader_creates_a_user_and_the_creation_is_audited(lan: User, client_of: Browser) -> None:
    response = client_of(lan).post(
        "/users/new/",
        {
            "username": "hoa",
            "full_name": "Trần Hoa",
            "role": "specialist",
            "password": "a-long-passphrase",
        },
    )
    assert response.status_code == 302
    hoa = User.objects.get(username="hoa")
    assert hoa.role == Role.SPECIALIST
    assert hoa.check_password("a-long-passphrase")
    entry = AuditEntry.objects.get(model="accounts.user", object_pk=str(hoa.pk))
    assert entry.actor == lan
    assert entry.action == "create"
    assert entry.after is not None
    assert entry.after["password"] == "***"


def test_an_enterprise_user_cannot_be_created_without_its_investor(
    lan: User, client_of: Browser
) -> None:
    response = client_of(lan).post(
        "/users/new/", {"username": "dn", "role": "enterprise", "password": "a-long-passphrase"}
    )
    assert response.status_code == 200
    assert "needs the investor" in response.content.decode()
    assert not User.objects.filter(username="dn").exists()


def test_a_weak_password_is_refused_when_creating_a_user(lan: User, client_of: Browser) -> None:
    response = client_of(lan).post(
        "/users/new/", {"username": "weak", "role": "viewer", "password": "123"}
    )
    assert response.status_code == 200
    assert "Password:" in response.content.decode()
    assert not User.objects.filter(username="weak").exists()


def test_a_leader_changes_a_role_and_only_the_change_is_audited(
    lan: User, vy: User, client_of: Browser
) -> None:
    response = client_of(lan).post(
        f"/users/{vy.pk}/", {"role": "specialist", "is_active": "on", "full_name": ""}
    )
    assert response.status_code == 302
    vy.refresh_from_db()
    assert vy.role == Role.SPECIALIST
    entry = AuditEntry.objects.get(model="accounts.user", object_pk=str(vy.pk))
    assert entry.before == {"role": "viewer"}
    assert entry.after == {"role": "specialist"}
    page = client_of(lan).get(f"/users/{vy.pk}/").content.decode()
    assert "Changes" in page
    # In words: the field's label and the choices' labels, never a dict of keys.
    assert '<span class="field">Role:</span> <del>Viewer</del> → <ins>Specialist</ins>' in page
    assert "&#x27;specialist&#x27;" not in page


def test_a_leader_deactivates_a_user(lan: User, son: User, client_of: Browser) -> None:
    client_of(lan).post(f"/users/{son.pk}/", {"role": "specialist", "full_name": ""})
    son.refresh_from_db()
    assert not son.is_active


def test_a_leader_cannot_demote_or_deactivate_itself(lan: User, client_of: Browser) -> None:
    response = client_of(lan).post(f"/users/{lan.pk}/", {"role": "viewer", "is_active": "on"})
    assert response.status_code == 200
    assert "your own leader role" in response.content.decode()
    lan.refresh_from_db()
    assert lan.role == Role.LEADER


def test_giving_a_user_a_board_role_drops_its_investor(lan: User, minh: User) -> None:
    services.user_update(actor=lan, user=minh, role=Role.VIEWER)
    minh.refresh_from_db()
    assert minh.investor is None


def test_a_specialist_cannot_create_users(son: User, client_of: Browser) -> None:
    response = client_of(son).post(
        "/users/new/", {"username": "x", "role": "leader", "password": "a-long-passphrase"}
    )
    assert response.status_code == 403
    assert not User.objects.filter(username="x").exists()


def test_user_create_refuses_a_taken_name(lan: User) -> None:
    with pytest.raises(KcnError, match="already exists"):
        services.user_create(actor=lan, username="lan", role="viewer", password="a-long-passphrase")


def test_an_enterprise_user_keeps_its_investor(lan: User) -> None:
    investor = f.investor("0100109106", country="VN")
    created = services.user_create(
        actor=lan, username="dn", role="enterprise", password="a-long-passphrase", investor=investor
    )
    assert created.investor == investor
    assert not created.is_staff


def test_a_leader_makes_a_user_an_enterprise_user_by_its_investor_code(
    lan: User, vy: User, client_of: Browser
) -> None:
    investor = f.investor("0100109106", country="VN")
    response = client_of(lan).post(
        f"/users/{vy.pk}/", {"role": "enterprise", "investor": "0100109106", "is_active": "on"}
    )
    assert response.status_code == 302
    vy.refresh_from_db()
    assert vy.investor == investor
    form = client_of(lan).get(f"/users/{vy.pk}/").content.decode()
    assert 'value="0100109106"' in form


def test_an_unknown_investor_code_is_refused_on_the_field(
    lan: User, vy: User, client_of: Browser
) -> None:
    response = client_of(lan).post(
        f"/users/{vy.pk}/", {"role": "enterprise", "investor": "nope", "is_active": "on"}
    )
    assert response.status_code == 200
    assert "No investor has this code." in response.content.decode()


def test_the_new_user_form_starts_at_the_viewer_role(lan: User, client_of: Browser) -> None:
    page = client_of(lan).get("/users/new/").content.decode()
    assert '<option value="viewer" selected>' in page
