"""URL map of the public portal: full paths under ``portal/``, in Vietnamese as the board's
readers write them (bao-cao: reports, tin-tuc: news, khu-cong-nghiep: zones, thu-tuc:
procedures, du-lieu: open data, tim-kiem: search, anh: pictures)."""

from __future__ import annotations

from django.urls import path

from kcn.portal import opendata, procedures, views, zones
from kcn.portal.feeds import PortalFeed

urlpatterns = [
    path("portal/", views.home, name="portal_home"),
    path("portal/tim-kiem/", views.search, name="portal_search"),
    path("portal/tin-tuc/", views.news_list, name="portal_news_list"),
    path("portal/tin-tuc/<slug:slug>/", views.article, name="portal_article"),
    path("portal/anh/<str:name>", views.picture, name="portal_picture"),
    path("portal/bao-cao/", views.report_list, name="portal_report_list"),
    path("portal/bao-cao/<str:period>/", views.report, name="portal_report"),
    path(
        "portal/bao-cao/<str:period>/tai-ve.<str:fmt>",
        views.report_file,
        name="portal_report_file",
    ),
    path(
        "portal/bao-cao/<str:period>/bieu-do/<slug:name>.png",
        views.report_chart,
        name="portal_report_chart",
    ),
    path("portal/khu-cong-nghiep/", zones.zone_list, name="portal_zone_list"),
    path("portal/khu-cong-nghiep/<str:code>/", zones.zone_detail, name="portal_zone"),
    path("portal/thu-tuc/", procedures.procedures, name="portal_procedures"),
    path("portal/du-lieu/", opendata.data_index, name="portal_data"),
    path("portal/du-lieu/catalog.jsonld", opendata.catalogue, name="portal_data_catalogue"),
    path("portal/du-lieu/<str:period>.json", opendata.data_json, name="portal_data_json"),
    path("portal/du-lieu/<str:period>.csv", opendata.data_csv, name="portal_data_csv"),
    path("portal/feed/", PortalFeed(), name="portal_feed"),
]
