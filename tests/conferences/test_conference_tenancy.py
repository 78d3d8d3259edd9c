"""Tenancy of the conference in the admin and the API: an organisation's writers and editors run their own blog space,
not the conference. By direct URL they are refused the programme items (edit, delete), the programme changes and the
edition pages (edit, add a child), and a refused POST changes nothing, also for the organisation that runs the day.
The organisers reach the same URLs. The public API never shows an unpublished edition, whoever asks."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Revision

from arena.roles import ORGANISERS
from conferences.admin.roles import grant_organiser_permissions
from conferences.models import ConferenceEditionPage, Session, SessionChange
from tests.conferences.factories import at, create_edition, create_session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OUTSIDERS = ["writer_a", "editor_a", "writer_b", "editor_b"]


@pytest.fixture
def conference(series, edition, org_a):
    """The 2021 edition run by organisation A, a published session of A's that was moved (a programme change)."""
    grant_organiser_permissions(series)
    edition.organisers = [org_a]
    edition.save_revision().publish()
    session = create_session(
        edition, "Förskolan digitaliseras", at(edition.date, 9), at(edition.date, 10), organisations=[org_a]
    )
    session.start, session.end = at(edition.date, 10), at(edition.date, 11)
    session.save_revision().publish()
    change = SessionChange.objects.get(session=session)
    return {"series": series, "edition": edition, "session": session, "change": change}


def admin_urls(conference):
    session, edition, series = conference["session"], conference["edition"], conference["series"]
    return {
        "session_edit": reverse("wagtailsnippets_conferences_session:edit", args=[session.pk]),
        "session_delete": reverse("wagtailsnippets_conferences_session:delete", args=[session.pk]),
        "changes": reverse("sessionchange:index"),
        "change": reverse("sessionchange:inspect", args=[conference["change"].pk]),
        "edition_edit": reverse("wagtailadmin_pages:edit", args=[edition.pk]),
        "edition_add_child": reverse("wagtailadmin_pages:add_subpage", args=[edition.pk]),
        "series_add_child": reverse("wagtailadmin_pages:add_subpage", args=[series.pk]),
        "edition_add": reverse("wagtailadmin_pages:add", args=["conferences", "conferenceeditionpage", series.pk]),
    }


def state():
    """Everything a refused POST might have changed."""
    return {
        "sessions": list(Session.objects.order_by("pk").values_list("pk", "title", "live", "start")),
        "changes": SessionChange.objects.count(),
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
    }


def assert_refused(response):
    """Wagtail refuses by redirecting to the dashboard with a message."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("who", OUTSIDERS)
def test_writers_and_editors_are_refused_the_conference_in_the_admin(client, conference, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # they do use the admin
    for name, url in admin_urls(conference).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert_refused(response)


@pytest.mark.parametrize("who", OUTSIDERS)
def test_refused_posts_change_nothing(client, conference, who, request):
    client.force_login(request.getfixturevalue(who))
    urls = admin_urls(conference)
    edition = conference["edition"]
    before = state()
    assert_refused(client.post(urls["session_edit"], {"title": "Kapad", "code": "kapad", "action-publish": "1"}))
    assert_refused(client.post(urls["session_delete"]))
    assert_refused(
        client.post(urls["edition_edit"], {"title": "Kapad konferens", "slug": "2021", "action-publish": "1"})
    )
    assert_refused(
        client.post(urls["edition_add"], {"title": "Smygkonferens", "slug": "2030", "year": 2030, "date": "2030-10-15"})
    )
    assert state() == before
    assert not ConferenceEditionPage.objects.filter(year=2030).exists()
    assert ConferenceEditionPage.objects.get(pk=edition.pk).title == edition.title


def test_organisers_reach_the_same_urls(client, conference):
    organiser = UserFactory(username="arrangor")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(organiser)
    urls = admin_urls(conference)
    del urls["edition_add_child"]  # an edition has no child page types, for anyone
    # With one page type allowed under the series, "add child page" goes straight to its form.
    assert client.get(urls.pop("series_add_child"))["Location"] == urls["edition_add"]
    for name, url in urls.items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", [None, "writer_a", "editor_a", "superuser"])
def test_the_api_never_shows_an_unpublished_edition(client, conference, series, who, request):
    draft = create_edition(series, year=2022, title="Opublicerad konferensdag 2022")
    draft.unpublish()
    # Never published at all: a page saved as a draft.
    unpublished = ConferenceEditionPage(
        title="Utkast till konferensdag 2023", slug="2023", year=2023, date="2023-10-11", live=False
    )
    series.add_child(instance=unpublished)
    unpublished.save_revision()
    if who:
        client.force_login(request.getfixturevalue(who))
    listing = client.get("/api/v2/pages/", {"type": "conferences.ConferenceEditionPage", "fields": "*"})
    assert listing.status_code == 200
    assert [item["title"] for item in listing.json()["items"]] == [conference["edition"].title]
    everything = client.get("/api/v2/pages/", {"limit": 50}).content.decode()
    assert "Opublicerad konferensdag" not in everything and "Utkast till konferensdag" not in everything
    for hidden in (draft, unpublished):
        assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{conference['edition'].pk}/").status_code == 200
