"""``KCN_HTTPS=1``: redirect to https, HSTS, Secure cookies, the proxy's header, CSRF trusted
origins from the allowed hosts; ``kcn check`` says in plain words what a server lacks (issue
14's probe: "nothing turns on Secure cookies, HSTS or a proxy header")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CSRF_TRUSTED_ORIGINS",
    "KCN_PROXIES",
]


def environment(data: Path, **variables: str) -> dict[str, str]:
    kept = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("KCN_") and key != "DATABASE_URL" and not key.startswith("DJANGO_")
    }
    return {**kept, "KCN_DATA_DIR": str(data), "KCN_LANG": "en", **variables}


def settings_with(tmp_path: Path, **variables: str) -> dict[str, object]:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {SETTINGS!r}}}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**environment(tmp_path, **variables), "DJANGO_SETTINGS_MODULE": "kcn.config.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_kcn_https_turns_on_everything_https_needs(tmp_path: Path) -> None:
    found = settings_with(
        tmp_path, KCN_HTTPS="1", KCN_ALLOWED_HOSTS="kcn.hungyen.gov.vn,.bqlkcn.vn"
    )
    assert found == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "CSRF_TRUSTED_ORIGINS": ["https://kcn.hungyen.gov.vn", "https://*.bqlkcn.vn"],
        "KCN_PROXIES": 1,
    }


def test_without_it_a_laptop_serves_plain_http(tmp_path: Path) -> None:
    found = settings_with(tmp_path)
    assert found["SECURE_SSL_REDIRECT"] is False
    assert found["SESSION_COOKIE_SECURE"] is False
    assert found["SECURE_PROXY_SSL_HEADER"] is None
    assert found["KCN_PROXIES"] == 0


HTTPS = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_REDIRECT_EXEMPT": [r"^healthz$"],
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


@pytest.mark.django_db
def test_behind_the_proxy_plain_http_is_redirected_and_https_is_served_with_hsts() -> None:
    with override_settings(**HTTPS):
        client = Client()
        plain = client.get("/accounts/login/")
        assert plain.status_code == 301
        assert plain["Location"] == "https://testserver/accounts/login/"
        secure = client.get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")
        assert secure.status_code == 200
        assert secure["Strict-Transport-Security"] == "max-age=31536000"
        assert secure.cookies["csrftoken"]["secure"]
        assert client.get("/healthz").status_code == 200  # monitoring needs no certificate


def run_check(tmp_path: Path, *args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kcn.cli", *args],
        env=environment(tmp_path, **variables),
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_kcn_check_says_what_a_server_lacks_then_nothing(tmp_path: Path) -> None:
    assert run_check(tmp_path, "init").returncode == 0
    lacking = run_check(tmp_path, "check", KCN_DEBUG="1")
    assert lacking.returncode == 1
    assert "HTTPS is off" in lacking.stdout
    assert "KCN_DEBUG is on" in lacking.stdout
    assert "KCN_ALLOWED_HOSTS names this machine only" in lacking.stdout
    assert "No mail server" in lacking.stdout
    ready = run_check(
        tmp_path,
        "check",
        KCN_HTTPS="1",
        KCN_ALLOWED_HOSTS="kcn.hungyen.gov.vn",
        KCN_EMAIL_HOST="mail.hungyen.gov.vn",
    )
    assert ready.returncode == 0, ready.stdout
    assert "Nothing missing" in ready.stdout


@pytest.mark.slow
def test_kcn_check_reports_a_database_not_initialised(tmp_path: Path) -> None:
    found = run_check(tmp_path, "check")
    assert found.returncode == 1
    assert "not up to date" in found.stdout
    assert "kcn init" in found.stdout


def test_a_cache_server_is_taken_from_kcn_cache_url(tmp_path: Path) -> None:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.CACHES['default']))"
    )

    def cache_of(**variables: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code],
            env={
                **environment(tmp_path, **variables),
                "DJANGO_SETTINGS_MODULE": "kcn.config.settings",
            },
            capture_output=True,
            text=True,
        )

    default = json.loads(cache_of().stdout)
    assert default["BACKEND"].endswith("FileBasedCache")
    assert default["LOCATION"] == str(tmp_path / "cache")
    redis = json.loads(cache_of(KCN_CACHE_URL="redis://cache.local:6379/1").stdout)
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["LOCATION"] == "redis://cache.local:6379/1"
    wrong = cache_of(KCN_CACHE_URL="memcache://x")
    assert wrong.returncode != 0
    assert "KCN_CACHE_URL='memcache://x': expected redis://" in wrong.stderr
