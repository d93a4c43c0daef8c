# kcn's container image: gunicorn through `kcn serve`, static files by WhiteNoise, a non-root
# user, the data folder (secret key, uploads in progress) on a volume. Build and run it with
# compose.yaml (PostgreSQL beside it); docs/deploy.md says how.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml hatch_build.py README.md LICENSE ./
COPY src ./src
# The build compiles the Vietnamese catalogue (Babel); the venv is copied as it is below.
RUN python -m venv /opt/kcn \
    && /opt/kcn/bin/pip install --no-compile . \
    && /opt/kcn/bin/python -m compileall -q /opt/kcn/lib

FROM python:3.11-slim-bookworm
# Pango for the PDF report (WeasyPrint), fonts with Vietnamese glyphs. Not pinned: Debian's
# stable updates are security fixes, which a rebuilt image should take.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 kcn \
    && useradd --system --uid 10001 --gid kcn --home-dir /var/lib/kcn --shell /usr/sbin/nologin kcn \
    && mkdir -p /var/lib/kcn /backups \
    && chown kcn:kcn /var/lib/kcn /backups \
    && chmod 700 /var/lib/kcn /backups
COPY --from=build /opt/kcn /opt/kcn
ENV PATH=/opt/kcn/bin:$PATH \
    KCN_DATA_DIR=/var/lib/kcn \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
USER 10001:10001
WORKDIR /var/lib/kcn
VOLUME ["/var/lib/kcn"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# `kcn init` creates or upgrades the database (harmless when it is up to date), then the
# server replaces the shell.
CMD ["sh", "-c", "kcn init && exec kcn serve --host 0.0.0.0 --port 8000 --workers \"${KCN_WORKERS:-3}\""]
