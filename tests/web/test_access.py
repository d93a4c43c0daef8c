"""Every page, for every role: allowed, refused (403 or 404), or sent to log in.

One test per page and role; the table below is the access policy of
docs/decisions/0006-web-roles-and-dashboard.md.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from kcn.accounts.models import User
from kcn.publishing.models import Article
from kcn.publishing.services import article_create
from tests.web.conftest import Board

BOARD = {"leader": 200, "specialist": 200, "viewer": 200, "enterprise": 403}
EVERYONE = {"leader": 200, "specialist": 200, "viewer": 200, "enterprise": 200}
LEADER = {"leader": 200, "specialist": 403, "viewer": 403, "enterprise": 403}
EDITOR = {"leader": 200, "specialist": 200, "viewer": 403, "enterprise": 403}


def an_article() -> Article:
    """A draft news article for the portal's staff pages (made once per test)."""
    return Article.objects.first() or article_create(title="Tin thử")


NOT_THEIRS = {"leader": 200, "specialist": 200, "viewer": 200, "enterprise": 404}
ENTERPRISE = {"leader": 403, "specialist": 403, "viewer": 403, "enterprise": 200}
ENTERPRISE_NOT_THEIRS = {**ENTERPRISE, "enterprise": 404}

PAGES: list[tuple[str, Callable[[Board, dict[str, User]], str], dict[str, int]]] = [
    ("dashboard", lambda b, u: "/?period=2022-Q1", {**BOARD, "enterprise": 302}),
    ("indicator records", lambda b, u: "/indicators/new_projects/?period=2022-Q1", BOARD),
    ("indicator workbook", lambda b, u: "/indicators/new_projects/?period=2022&format=xlsx", BOARD),
    ("zone list", lambda b, u: "/zones/", BOARD),
    ("zone detail", lambda b, u: "/zones/Z1/", BOARD),
    ("investor list", lambda b, u: "/investors/", BOARD),
    ("investor detail", lambda b, u: "/investors/JP-0001/", BOARD),
    ("project list", lambda b, u: "/projects/", EVERYONE),
    ("own project", lambda b, u: f"/projects/{b.mine.code}/", EVERYONE),
    ("another investor's project", lambda b, u: f"/projects/{b.theirs.code}/", NOT_THEIRS),
    ("dossier list", lambda b, u: "/dossiers/", BOARD),
    ("dossier detail", lambda b, u: f"/dossiers/{b.dossier.code}/", BOARD),
    ("inspection list", lambda b, u: "/inspections/", EVERYONE),
    ("own inspection", lambda b, u: f"/inspections/{b.my_inspection.pk}/", EVERYONE),
    (
        "another investor's inspection",
        lambda b, u: f"/inspections/{b.their_inspection.pk}/",
        NOT_THEIRS,
    ),
    ("document list", lambda b, u: "/documents/", BOARD),
    ("document detail", lambda b, u: f"/documents/{b.plan.pk}/", BOARD),
    ("target list", lambda b, u: "/targets/", BOARD),
    ("narrative list", lambda b, u: "/narratives/", BOARD),
    ("priority list", lambda b, u: "/priorities/", BOARD),
    ("password change", lambda b, u: "/accounts/password/", EVERYONE),
    ("user list", lambda b, u: "/users/", LEADER),
    ("new user form", lambda b, u: "/users/new/", LEADER),
    ("user form", lambda b, u: f"/users/{u['viewer'].pk}/", LEADER),
    ("API tokens", lambda b, u: "/tokens/", LEADER),
    ("enterprise reports inbox", lambda b, u: "/enterprise-reports/?period=2022-Q1", BOARD),
    ("a report's review", lambda b, u: f"/enterprise-reports/quarter/{b.report.pk}/", BOARD),
    ("the enterprise's own reports", lambda b, u: "/enterprise/", ENTERPRISE),
    (
        "its project's quarterly report",
        lambda b, u: f"/enterprise/reports/{b.mine.code}/2022-Q1/",
        ENTERPRISE,
    ),
    (
        "another investor's quarterly report",
        lambda b, u: f"/enterprise/reports/{b.theirs.code}/2022-Q1/",
        ENTERPRISE_NOT_THEIRS,
    ),
    (
        "its project's labor report",
        lambda b, u: f"/enterprise/labor/{b.mine.code}/2022-H1/",
        ENTERPRISE,
    ),
    ("the enterprise's workbook", lambda b, u: "/enterprise/workbook/", ENTERPRISE),
    ("sending the enterprise's workbook", lambda b, u: "/enterprise/workbook/upload/", ENTERPRISE),
    # The public portal, from the staff's side.
    ("news list", lambda b, u: "/news/", BOARD),
    ("news article", lambda b, u: f"/news/{an_article().pk}/", BOARD),
    ("new news article form", lambda b, u: "/news/new/", EDITOR),
    ("news article form", lambda b, u: f"/news/{an_article().pk}/edit/", EDITOR),
    ("comment queue", lambda b, u: "/comments/", BOARD),
    ("portal settings", lambda b, u: "/portal-settings/", BOARD),
    ("a zone on the portal form", lambda b, u: "/portal-settings/zones/Z1/", EDITOR),
    ("portal preview", lambda b, u: "/portal-preview/", BOARD),
]
# The public portal itself: every visitor, signed in or not, whatever the role.
PORTAL = ["/portal/", "/portal/khu-cong-nghiep/", "/portal/thu-tuc/", "/portal/du-lieu/"]
ROLES = ["leader", "specialist", "viewer", "enterprise"]


CASES = [
    pytest.param(url, role, pages[role], id=f"{name} as {role}")
    for name, url, pages in PAGES
    for role in ROLES
]


@pytest.mark.parametrize(("url", "role", "expected"), CASES)
def test_each_page_answers_each_role_as_the_policy_says(
    url: Callable[[Board, dict[str, User]], str],
    role: str,
    expected: int,
    board: Board,
    users: dict[str, User],
    client_of: Callable[[User | None], Client],
) -> None:
    response = client_of(users[role]).get(url(board, users))
    assert response.status_code == expected


@pytest.mark.parametrize("url", [pytest.param(url, id=name) for name, url, _pages in PAGES])
def test_an_anonymous_visitor_is_sent_to_the_login_page_from(
    url: Callable[[Board, dict[str, User]], str],
    board: Board,
    users: dict[str, User],
    client_of: Callable[[User | None], Client],
) -> None:
    address = url(board, users)
    response = client_of(None).get(address)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("url", PORTAL)
@pytest.mark.parametrize("role", [None, *ROLES])
def test_the_portal_answers_everyone_without_asking_to_sign_in(
    url: str,
    role: str | None,
    board: Board,
    users: dict[str, User],
    client_of: Callable[[User | None], Client],
) -> None:
    response = client_of(users[role] if role else None).get(url)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/portal-settings/", {"licence": "CC0", "licence_url": "https://example.org/"}),
        ("/portal-settings/zones/Z1/", {"shown": "on"}),
        ("/news/new/", {"title": "Tin"}),
    ],
)
def test_a_viewer_may_not_change_the_portal(
    url: str,
    data: dict[str, str],
    board: Board,
    vy: User,
    client_of: Callable[[User | None], Client],
) -> None:
    assert client_of(vy).post(url, data).status_code == 403
    assert not Article.objects.exists()


def test_a_deactivated_user_still_signed_in_is_sent_to_the_login_page(
    vy: User, client_of: Callable[[User | None], Client]
) -> None:
    client = client_of(vy)
    vy.is_active = False
    vy.save()
    response = client.get("/zones/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_nav_bar_shows_an_enterprise_user_only_its_pages(
    minh: User, client_of: Callable[[User | None], Client]
) -> None:
    page = client_of(minh).get("/projects/").content.decode()
    assert 'href="/projects/"' in page
    assert 'href="/inspections/"' in page
    for hidden in ("/zones/", "/investors/", "/dossiers/", "/documents/", "/targets/", "/users/"):
        assert f'href="{hidden}"' not in page


def test_the_nav_bar_shows_users_to_a_leader_only(
    lan: User, vy: User, client_of: Callable[[User | None], Client]
) -> None:
    assert 'href="/users/"' in client_of(lan).get("/zones/").content.decode()
    assert 'href="/users/"' not in client_of(vy).get("/zones/").content.decode()


def test_an_enterprise_user_without_an_investor_sees_no_projects(
    board: Board, client_of: Callable[[User | None], Client]
) -> None:
    orphan = User.objects.create(username="orphan", role="enterprise")
    page = client_of(orphan).get("/projects/").content.decode()
    assert board.mine.code not in page
    assert board.theirs.code not in page


def test_the_stylesheet_is_served_by_the_app_itself(
    client_of: Callable[[User | None], Client], db: None
) -> None:
    response = client_of(None).get("/static/kcn/kcn.css")
    assert response.status_code == 200
    assert b"--accent" in b"".join(response.streaming_content)


def test_no_page_loads_anything_from_another_host(
    board: Board, lan: User, client_of: Callable[[User | None], Client]
) -> None:
    for url in ("/?period=2022-Q1", "/projects/", "/accounts/login/"):
        page = client_of(lan).get(url).content.decode()
        assert 'src="http' not in page
        assert 'href="http' not in page
        assert "@import" not in page


def test_every_page_offers_a_skip_link_to_its_content(
    lan: User, client_of: Callable[[User | None], Client]
) -> None:
    page = client_of(lan).get("/zones/").content.decode()
    assert '<a class="skip" href="#main">' in page
    assert '<main id="main"' in page
