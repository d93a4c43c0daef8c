"""Failed logins and passwords: a user name is locked out from an address after 10 failures,
the right password included, until 15 minutes pass or a leader unlocks it; weak passwords are
refused (issue 14's probes: "200 wrong passwords, then the right one, logs in"; "a password
equal to the user name, and an all-digit one, are accepted")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone, translation

from kcn.accounts import selectors, services
from kcn.accounts.models import User
from kcn.audit.models import AuditAction, AuditEntry
from kcn.cli import main
from kcn.core.net import client_ip
from tests.web.conftest import PASSWORD

Browser = Callable[[User | None], Client]
LIMIT = 10


def login(client: Client, username: str, password: str):  # type: ignore[no-untyped-def]
    return client.post("/accounts/login/", {"username": username, "password": password})


def fail(client: Client, username: str, times: int) -> None:
    """``times`` failed logins; the last of ten is already answered with the lockout."""
    for n in range(times):
        status = login(client, username, "not-the-password").status_code
        assert status == (429 if n + 1 >= LIMIT else 200)


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_ten_wrong_passwords_lock_the_name_out_even_with_the_right_one(son: User) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    fail(client, "son", LIMIT)
    response = login(client, "son", PASSWORD)
    assert response.status_code == 429
    assert "locked out from your address for 15 minutes" in response.content.decode()
    assert not signed_in(client)


def test_two_hundred_wrong_passwords_then_the_right_one_does_not_log_in(son: User) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    statuses = [login(client, "son", f"guess-{n}").status_code for n in range(200)]
    assert statuses[: LIMIT - 1] == [200] * (LIMIT - 1)
    assert set(statuses[LIMIT - 1 :]) == {429}
    assert login(client, "son", PASSWORD).status_code == 429
    assert not signed_in(client)


def test_nine_failures_then_the_right_password_logs_in_and_clears_the_count(son: User) -> None:
    client = Client()
    fail(client, "son", LIMIT - 1)
    assert login(client, "son", PASSWORD).status_code == 302
    assert selectors.user_lockouts("son") == []
    client.logout()
    fail(client, "son", LIMIT - 1)
    assert login(client, "son", PASSWORD).status_code == 302


def test_the_lockout_is_per_address_so_the_user_still_logs_in_from_its_own(son: User) -> None:
    fail(Client(REMOTE_ADDR="203.0.113.9"), "son", LIMIT)
    office = Client(REMOTE_ADDR="10.1.2.3")
    assert login(office, "son", PASSWORD).status_code == 302


def test_the_lockout_ends_by_itself_after_fifteen_minutes(son: User) -> None:
    client = Client()
    fail(client, "son", LIMIT)
    assert selectors.user_lockouts("son")
    from axes.models import AccessAttempt

    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    assert selectors.user_lockouts("son") == []
    assert login(client, "son", PASSWORD).status_code == 302


def test_the_lockout_message_is_vietnamese_on_the_vietnamese_page(son: User) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    fail(client, "son", LIMIT)
    with translation.override("vi"):
        page = login(client, "son", PASSWORD).content.decode()
    assert "tạm khóa" in page
    assert "15 phút" in page


def test_a_forged_forwarded_address_does_not_escape_the_count(son: User) -> None:
    client = Client()
    for n in range(LIMIT):
        client.post(
            "/accounts/login/",
            {"username": "son", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    response = client.post(
        "/accounts/login/",
        {"username": "son", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.77",
    )
    assert response.status_code == 429


def test_behind_the_proxy_the_address_is_the_one_the_proxy_wrote() -> None:
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5"
    )
    with override_settings(KCN_PROXIES=1):
        assert client_ip(request) == "203.0.113.5"
    with override_settings(KCN_PROXIES=0):
        assert client_ip(request) == "127.0.0.1"


def test_a_leader_sees_the_lockout_on_the_users_page_and_unlocks_it_audited(
    lan: User, son: User, client_of: Browser
) -> None:
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    fail(attacker, "son", LIMIT)
    leader = client_of(lan)
    page = leader.get(f"/users/{son.pk}/").content.decode()
    assert "Locked out of login" in page
    assert "203.0.113.9" in page
    response = leader.post(f"/users/{son.pk}/unlock/")
    assert response.status_code == 302
    assert "Locked out of login" not in leader.get(f"/users/{son.pk}/").content.decode()
    entry = AuditEntry.objects.get(action=AuditAction.UNLOCK)
    assert entry.actor == lan
    assert entry.object_pk == str(son.pk)
    assert entry.before == {"failed_logins": {"203.0.113.9": LIMIT}}
    assert login(attacker, "son", PASSWORD).status_code == 302


def test_only_a_leader_unlocks_and_only_with_a_post(
    lan: User, son: User, vy: User, client_of: Browser
) -> None:
    assert client_of(son).post(f"/users/{vy.pk}/unlock/").status_code == 403
    assert client_of(None).post(f"/users/{vy.pk}/unlock/").status_code == 302
    assert client_of(lan).get(f"/users/{vy.pk}/unlock/").status_code == 405


def test_unlocking_a_user_that_is_not_locked_out_audits_nothing(lan: User, son: User) -> None:
    assert services.user_unlock(actor=lan, username="son") == 0
    assert not AuditEntry.objects.filter(action=AuditAction.UNLOCK).exists()


def test_kcn_unlock_lets_the_user_sign_in_again(son: User, capsys) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    fail(client, "son", LIMIT)
    assert main(["--lang", "en", "unlock", "son"]) == 0
    assert "son may sign in again" in capsys.readouterr().out
    assert login(client, "son", PASSWORD).status_code == 302
    assert AuditEntry.objects.get(action=AuditAction.UNLOCK).actor is None
    assert main(["--lang", "en", "unlock", "nobody"]) == 1
    assert "No user nobody" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("ngocanh2022", "too similar"),  # the user name in it
        ("2837465019283", "entirely numeric"),
        ("short-pw1", "too short"),
        ("password123", "too common"),
    ],
)
def test_weak_passwords_are_refused(password: str, problem: str, db: None) -> None:
    user = User(username="ngocanh2022", first_name="Ngọc Anh")
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    assert problem in " ".join(refused.value.messages)


def test_a_password_equal_to_the_user_name_is_refused_when_a_leader_creates_a_user(
    lan: User, client_of: Browser
) -> None:
    response = client_of(lan).post(
        "/users/new/",
        {"username": "thanhhuong", "role": "viewer", "password": "thanhhuong"},
    )
    assert response.status_code == 200
    assert "too similar" in response.content.decode()
    assert not User.objects.filter(username="thanhhuong").exists()


def test_the_demo_password_of_the_readme_passes_the_validators(db: None) -> None:
    validate_password("kcn-demo-2022", User(username="demo"))
