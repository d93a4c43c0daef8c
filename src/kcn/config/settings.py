"""Django settings, read from the environment.

| variable | meaning | default |
|---|---|---|
| ``DATABASE_URL`` | ``postgres://user:pw@host/kcn`` | SQLite ``kcn.sqlite3`` in the data folder |
| ``KCN_DATA_DIR`` | data folder | ``~/.local/share/kcn`` |
| ``KCN_SECRET_KEY`` | Django secret key | generated once into the data folder |
| ``KCN_DEBUG`` | Django debug mode | off |
| ``KCN_ALLOWED_HOSTS`` | comma-separated host names | ``127.0.0.1,localhost`` |
| ``KCN_PROXIES`` | reverse proxies in front (X-Forwarded-For) | ``1`` with ``KCN_HTTPS``, else 0 |

and the others of the README's configuration table (HTTPS, logs, the read replica, …).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from kcn.config.env import (
    data_dir,
    env_bool,
    env_int,
    env_list,
    env_str,
    private_folder,
    private_sqlite_file,
    secret_key,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = data_dir()

SECRET_KEY = secret_key(DATA_DIR)
DEBUG = env_bool("KCN_DEBUG")
ALLOWED_HOSTS = env_list("KCN_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

DEFAULT_SQLITE_PATH = DATA_DIR / "kcn.sqlite3"
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web app read while an import writes; IMMEDIATE avoids
    # "database is locked" when two writers start a transaction together: the
    # second waits (up to ``timeout`` seconds) for the first to commit, so the
    # checks of a use case's transaction see what the first one wrote.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests on a file too: in Django's shared in-memory test database a second writer
    # fails at once ("database table is locked") instead of waiting its turn.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
    # The database holds sessions and password hashes: 0600, like the folder around it.
    private_sqlite_file(Path(DATABASES["default"]["NAME"]))

# A read replica of PostgreSQL for a board that outgrows one server: the read-only pages
# and the report documents read there, every write and every read inside a write's
# transaction goes to the primary (kcn/ops/replica.py; docs/deploy.md).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
KCN_READ_REPLICA = bool(DATABASE_REPLICA_URL)
if KCN_READ_REPLICA:
    DATABASES["replica"] = dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=60)
    # Tests read the replica's alias from the test database itself.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["kcn.ops.replica.ReplicaRouter"]
# Seconds after a user's write during which its pages read the primary (the replica may lag).
KCN_REPLICA_PIN_SECONDS = env_int("KCN_REPLICA_PIN_SECONDS", 10)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "kcn.accounts",
    "kcn.audit",
    "kcn.board",
    "kcn.investors",
    "kcn.zones",
    "kcn.projects",
    "kcn.dossiers",
    "kcn.documents",
    "kcn.enterprise_reports",
    "kcn.indicators",
    "kcn.reports",
    "kcn.exchange",
    "kcn.publishing",
    "kcn.tokens",
    "kcn.jobs",
    "kcn.web",
    "kcn.portal",
    "kcn.api",
    "kcn.ops",
    "axes",  # counts failed logins and locks a user name out from an address
    "leaflet",  # Leaflet's JavaScript and CSS, served from this server like our own files
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served from this server
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # /healthz answers before anything else: no host check, no HTTPS redirect, no session.
    "kcn.ops.health.HealthMiddleware",
    "kcn.ops.logs.RequestLogMiddleware",
    # A NUL in the address: 400 before any lookup (PostgreSQL refuses it in text).
    "kcn.config.middleware.NulCharacterMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "kcn.ops.replica.ReplicaMiddleware",
    "axes.middleware.AxesMiddleware",
    # SQLite's write lock held past the busy timeout: 503 "busy, try again", not 500.
    "kcn.config.middleware.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "kcn.config.urls"
WSGI_APPLICATION = "kcn.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed logins (django-axes): after 10 failures for one user name from one address, that
# name is locked out from that address for 15 minutes after the last failure, even with
# the right password; a leader unlocks it from the user's page, or ``kcn unlock USER``.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "kcn.web.accounts.views.locked_out"
# The client's address: REMOTE_ADDR, or behind KCN_PROXIES reverse proxies the address the
# outermost one received (never a header the client could set itself): kcn/core/net.py.
# Each proxy adds the address it received to X-Forwarded-For; the failed-login counter,
# the portal's visitor count and its rate limits all read the client's address, so behind
# a proxy this must be set, or every client would be the proxy. KCN_HTTPS (TLS ended by
# a proxy) makes it 1 unless it is set.
KCN_PROXIES = env_int("KCN_PROXIES", 1 if env_bool("KCN_HTTPS") else 0)
AXES_CLIENT_IP_CALLABLE = "kcn.core.net.client_ip"
AXES_VERBOSE = False
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"

# Vietnamese first, English as the translation (docs/reference/glossary.md).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
# Django's own "vi" formats leave thousands ungrouped and accept US dates first.
FORMAT_MODULE_PATH = ["kcn.config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise scans it even when serving from the apps
# Serve straight from the apps' static folders: no collectstatic step to forget.
WHITENOISE_USE_FINDERS = True

# The public portal's cache (rendered report articles, their files, the zones' figures): files
# in the data folder, shared by the server's workers, kept across restarts. Keys carry the
# language and the version of the content; see docs/decisions/0009-portal.md.
# Computed figures (kept under the data version: kcn/indicators/cache.py) and the portal's
# pages. Files in the data folder by default; KCN_CACHE_URL=redis://host:6379/0 shares one
# Redis among several servers (the `redis` extra: pip install 'kcn[redis]').
KCN_CACHE_URL = env_str("KCN_CACHE_URL")
if KCN_CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": KCN_CACHE_URL,
            "TIMEOUT": 3600,
        }
    }
elif KCN_CACHE_URL:
    raise ImproperlyConfigured(
        f"KCN_CACHE_URL={KCN_CACHE_URL!r}: expected redis://host:port/db (or rediss://, unix://)"
    )
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# The portal's uploaded files (news pictures), served by the portal itself.
KCN_PORTAL_FILES = DATA_DIR / "portal-files"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# HTTPS behind a reverse proxy that terminates TLS (docs/deploy.md): ``KCN_HTTPS=1`` redirects
# plain HTTP, sends HSTS, marks the cookies Secure, trusts the proxy's X-Forwarded-Proto and
# accepts forms posted from https://<each allowed host>. ``kcn check`` says what is missing.
KCN_HTTPS = env_bool("KCN_HTTPS")
if KCN_HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("KCN_HSTS_SECONDS", 31_536_000)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = [
        f"https://*{host}" if host.startswith(".") else f"https://{host}"
        for host in ALLOWED_HOSTS
        if host != "*"
    ]
# HSTS covers the board's own host name only: other services of the province's domain are
# not ours to force onto HTTPS, nor is the browsers' preload list.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]

# Uploads larger than 2.5 MB wait for the import in a private folder of the data folder
# (not /tmp), one folder per server process: ``kcn serve`` removes a process's folder when
# the process ends, also when it was killed (kcn/ops/uploads.py).
KCN_UPLOADS_DIR = private_folder(DATA_DIR / "uploads")
FILE_UPLOAD_TEMP_DIR = str(KCN_UPLOADS_DIR)
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# Folders of the data folder whose files are records too (kept by ``kcn backup``, put back by
# ``kcn restore``), e.g. pictures uploaded with the portal's news.
KCN_BACKUP_FOLDERS: list[Path] = [KCN_PORTAL_FILES]

# Logs on standard error: warnings and errors; with ``KCN_LOG_JSON=1`` one JSON object a
# line, also for every request and every import (kcn/ops/logs.py).
KCN_LOG_JSON = env_bool("KCN_LOG_JSON")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "kcn.ops.logs.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "json": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["json" if KCN_LOG_JSON else "console"], "level": "WARNING"},
    "loggers": {
        "kcn": {"level": "INFO" if KCN_LOG_JSON else "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# Background jobs (docs/decisions/0010-background-jobs.md): django-tasks with its database
# backend; `kcn worker` runs them (`kcn serve` starts one beside the web server). A job's
# uploaded file and its live progress are kept in its folder under KCN_JOBS_DIR.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
KCN_JOBS_DIR = DATA_DIR / "jobs"
# The worker queues the day's reminders to enterprises by itself from this local time on
# ("HH:MM"); "off" if cron or a systemd timer runs `kcn remind` instead.
KCN_REMIND_AT = env_str("KCN_REMIND_AT", "07:30")
# A report document made by a job stays in the job's folder this many days.
KCN_JOB_FILES_DAYS = int(env_str("KCN_JOB_FILES_DAYS", "7"))

# The REST API (kcn.api, docs/api.md): a hashed token per user or the browser's session; the
# web app's roles; pages of 50; requests per user and minute (KCN_API_RATE, e.g. "600/minute").
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kcn.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["kcn.api.permissions.RolePermission"],
    # JSON only: the interactive docs (/api/v1/docs/) are the pages for people to browse.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "kcn.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.UserRateThrottle",
        "rest_framework.throttling.AnonRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env_str("KCN_API_RATE", "600/minute"),
        "anon": "60/minute",
    },
    "EXCEPTION_HANDLER": "kcn.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
    "COERCE_DECIMAL_TO_STRING": True,
    "DATE_INPUT_FORMATS": ["iso-8601"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "kcn API",
    "DESCRIPTION": "The records and figures of an Industrial Zones Management Board (docs/api.md).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ProjectKindEnum": "kcn.projects.models.ProjectKind",
        "InspectionKindEnum": "kcn.projects.models.InspectionKind",
        "JobKindEnum": "kcn.jobs.models.JobKind",
        "ReportStatusEnum": "kcn.enterprise_reports.models.ReportStatus",
        "JobStatusEnum": "kcn.jobs.models.JobStatus",
    },
}

# The map: a tile server URL template ("https://tile.example.org/{z}/{x}/{y}.png") and
# its attribution. None by default: the map then draws the province and the zones on
# a plain background, and the page loads nothing from another host.
# The address of this server as users reach it, for links in e-mails (reminders).
KCN_SITE_URL = env_str("KCN_SITE_URL", "http://127.0.0.1:8000")

# E-mail (reminders to enterprises): printed on the console unless an SMTP server is set.
EMAIL_HOST = env_str("KCN_EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(env_str("KCN_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env_str("KCN_EMAIL_USER")
    EMAIL_HOST_PASSWORD = env_str("KCN_EMAIL_PASSWORD")
    EMAIL_USE_TLS = env_bool("KCN_EMAIL_TLS", default=EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("KCN_EMAIL_SSL", default=EMAIL_PORT == 465)
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("KCN_EMAIL_FROM", "kcn@localhost")

KCN_MAP_TILES = env_str("KCN_MAP_TILES")
KCN_MAP_ATTRIBUTION = env_str("KCN_MAP_ATTRIBUTION")


def _origin(url: str) -> list[str]:
    """The scheme and host of a URL template, as a CSP source ("https://tile.example.org")."""
    parts = urlsplit(url.replace("{s}", "*"))
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


# Content-Security-Policy: every script, style, font and image comes from this server (the
# map's tiles from their configured host), and no page runs inline scripts, event handler
# attributes or inline styles. A user's text that slipped through as markup is then a
# blocked script, not a takeover. The report's HTML preview narrows it further (no script at
# all; its one inline stylesheet and inlined charts): reports/views.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_origin(KCN_MAP_TILES)],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
