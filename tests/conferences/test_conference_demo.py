"""The conference demo from `manage.py seed_demo`: /motesplats/ with three editions, a full 2021 programme with a
recorded programme change, an unpublished session for the coming edition, and nothing duplicated on a second run.

Seeding runs once per module inside a transaction that is rolled back afterwards (as in tests/blogs)."""

import json

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, Revision, Site

from arena.models import Person, SiteSettings
from arena.roles import ORGANISERS
from conferences.models import ConferenceEditionPage, ConferenceSeriesPage, EditionTrack, Session, SessionChange
from tests.conftest import demo_seeded_twice


def snapshot():
    return {
        "pages": Page.objects.count(),
        "editions": ConferenceEditionPage.objects.count(),
        "tracks": EditionTrack.objects.count(),
        "sessions": Session.objects.count(),
        "live_sessions": Session.objects.filter(live=True).count(),
        "changes": SessionChange.objects.count(),
        "people": Person.objects.count(),
        "revisions": Revision.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_seeded_twice(django_db_blocker, tmp_path_factory.mktemp("demo-media"), snapshot) as result:
        yield result


@pytest.mark.django_db
def test_second_run_creates_nothing_new(seeded):
    assert seeded["second"] == seeded["first"]
    assert "Mötesplats:" in seeded["output"]


@pytest.mark.django_db
def test_series_has_three_editions_under_motesplats(seeded):
    series = ConferenceSeriesPage.objects.get()
    assert series.live
    assert series.url_path.endswith("/motesplats/")
    editions = ConferenceEditionPage.objects.child_of(series).live()
    assert sorted(editions.values_list("year", flat=True)) == [2021, 2022, 2027]
    upcoming = editions.get(year=2027)
    assert upcoming.registration_opens < upcoming.registration_closes
    assert upcoming.stream_url and upcoming.venue


@pytest.mark.django_db
def test_2021_has_a_full_published_programme_in_stockholm_time(seeded):
    edition = ConferenceEditionPage.objects.get(year=2021)
    assert str(edition.date) == "2021-10-20"
    assert edition.format == ConferenceEditionPage.Format.DIGITAL
    assert [org.name for org in edition.organisers.all()] == ["Stadsledningskontoret"]
    assert sorted(edition.tracks.values_list("name", flat=True)) == ["Rum 2", "Stora scenen"]
    sessions = Session.objects.published().filter(edition=edition)
    assert sessions.count() >= 12
    assert not Session.objects.filter(edition=edition, live=False).exists()
    first, last = sessions.order_by("start").first(), sessions.order_by("-end").first()
    assert first.start.isoformat() == "2021-10-20T07:00:00+00:00"  # 09:00 in Stockholm (CEST)
    assert last.end.isoformat() == "2021-10-20T14:00:00+00:00"  # 16:00
    assert sessions.filter(session_type=Session.Type.BREAK).exists()
    external = set(sessions.exclude(external_organisations="").values_list("external_organisations", flat=True))
    assert any("Helsingborgs stad" in value for value in external)
    assert any("Sundsvalls kommun" in value for value in external)
    assert sessions.filter(title__icontains="Kunskapsarenan").exists()
    for session in sessions:
        session.full_clean()  # the demo itself respects every rule organisers are held to


@pytest.mark.django_db
def test_speakers_are_people_with_organisations_and_shared_with_the_blogs(seeded):
    speakers = Person.objects.filter(conference_sessions__session__edition__year=2021).distinct()
    assert speakers.count() >= 8
    assert speakers.filter(organisation__name="Helsingborgs stad").exists()
    assert speakers.filter(organisation__name="Sundsvalls kommun").exists()
    assert all(speaker.job_title for speaker in speakers)
    # A blog author who speaks is the same person record.
    assert Person.objects.filter(slug="johanna-berglund").count() == 1
    assert speakers.filter(slug="johanna-berglund").exists()


@pytest.mark.django_db
def test_a_programme_change_was_recorded_in_2021(seeded):
    changes = SessionChange.objects.filter(session__edition__year=2021)
    assert changes.count() == 1
    change = changes.get()
    assert change.new_start > change.old_start
    assert change.session.start == change.new_start and change.session.live


@pytest.mark.django_db
def test_upcoming_edition_has_one_draft_session(seeded):
    edition = ConferenceEditionPage.objects.get(year=2027)
    drafts = Session.objects.filter(edition=edition, live=False)
    assert drafts.count() == 1
    assert drafts.get().latest_revision is not None
    assert Session.objects.published().filter(edition=edition).count() >= 4


@pytest.mark.django_db
def test_organisers_may_run_the_series_and_the_menu_links_it(seeded):
    series = ConferenceSeriesPage.objects.get()
    group = Group.objects.get(name=ORGANISERS)
    codenames = set(
        GroupPagePermission.objects.filter(group=group, page=series).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames
    assert group.permissions.filter(codename="publish_session").exists()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    pages = [block.value.get("page") for block in settings.primary_navigation]
    assert sum(1 for page in pages if page and page.pk == series.pk) == 1


@pytest.mark.django_db
def test_programme_json_lists_the_published_2021_programme(seeded, client):
    response = client.get("/motesplats/2021/program.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = json.loads(response.content)
    text = json.dumps(body, ensure_ascii=False)
    assert "En digital plattform för medborgarinflytande" in text
    upcoming = client.get("/motesplats/2027/program.json")
    assert upcoming.status_code == 200
    assert "Automatisering med omtanke" not in upcoming.content.decode()  # the draft stays hidden
