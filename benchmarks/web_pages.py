"""Time the staff web pages on the current database (e.g. the demo data).

    KCN_DATA_DIR=var/dev .venv/bin/python benchmarks/web_pages.py [--user demo] [--repeat 5]

Prints, per page, the time of the first request (the portal's cache emptied at the start)
and the median of the repeats, of the Django test client (no network), the number of SQL
queries and the response size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcn.config.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from kcn.accounts.models import User  # noqa: E402
from kcn.dossiers.models import Dossier  # noqa: E402
from kcn.projects.models import Project  # noqa: E402
from kcn.publishing.selectors import published_articles, published_versions  # noqa: E402
from kcn.zones.models import Zone  # noqa: E402


def pages() -> list[str]:
    project = Project.objects.order_by("code").first()
    dossier = Dossier.objects.order_by("code").first()
    zone = Zone.objects.order_by("code").first()
    found = [
        "/?period=2022-Q1",
        "/?period=2022",
        "/indicators/operating_projects/?period=2022-Q1",
        "/indicators/attracted_capital_usd_equiv/?period=2022-Q1&ytd=1",
        "/indicators/workforce/?period=2022-Q1",
        "/indicators/dossiers_resolved_on_time_pct/?period=2022",
        "/projects/",
        "/projects/?status=operating&sort=-issued",
        "/zones/",
        "/investors/",
        "/dossiers/",
        "/dossiers/?status=late",
        "/inspections/",
        "/documents/",
        "/targets/",
        "/narratives/",
        "/priorities/",
        "/users/",
        "/reports/?period=2022-Q1",
        "/reports/2022-Q1/preview/",
        "/reports/2022-Q1/download/docx/",
        "/reports/2022-Q1/download/pdf/",
        "/map/",
        "/exchange/",
        "/projects/new/",
        "/dossiers/new/",
    ]
    if project:
        found.append(f"/projects/{project.code}/")
    if dossier:
        found.append(f"/dossiers/{dossier.code}/")
    if zone:
        found.append(f"/zones/{zone.code}/")
    # The public portal (no login needed; the same client is used) and its staff pages.
    found += [
        "/portal/",
        "/portal/tin-tuc/",
        "/portal/bao-cao/",
        "/portal/tim-kiem/?q=khu cong nghiep",
        "/portal/khu-cong-nghiep/",
        "/portal/khu-cong-nghiep/?con-dat=1",
        "/portal/thu-tuc/",
        "/portal/du-lieu/",
        "/portal/du-lieu/catalog.jsonld",
        "/portal/feed/",
        "/news/",
        "/comments/?status=all",
        "/portal-settings/",
        "/portal-preview/",
    ]
    for report in published_versions()[:1]:
        found += [
            f"/portal/bao-cao/{report.period}/",
            f"/portal/bao-cao/{report.period}/tai-ve.docx",
            f"/portal/bao-cao/{report.period}/tai-ve.pdf",
            f"/portal/bao-cao/{report.period}/bieu-do/targets.png",
            f"/portal/du-lieu/{report.period}.json",
            f"/portal/du-lieu/{report.period}.csv",
        ]
    article = published_articles().first()
    if article:
        found.append(f"/portal/tin-tuc/{article.slug}/")
    if zone:
        found.append(f"/portal/khu-cong-nghiep/{zone.code}/")
    if dossier:
        found.append(f"/portal/thu-tuc/?ma={dossier.code}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--user", default="demo")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    client.force_login(User.objects.get(username=args.user))
    cache.clear()  # the portal's first requests render from scratch
    print(f"{'page':70} {'first ms':>8} {'median ms':>9} {'queries':>7} {'KB':>6}")
    for url in pages():
        times = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(
            f"{url:70} {times[0]:8.0f} {statistics.median(times[1:] or times):9.0f}"
            f" {len(queries):7d} {len(response.content) / 1024:6.0f}"
        )


if __name__ == "__main__":
    main()
