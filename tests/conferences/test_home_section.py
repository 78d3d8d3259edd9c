"""The conference on the start page (conferences/home.py): the next published edition with its date, place, theme,
programme and registration while it is open; otherwise the latest edition with a link to its recordings; or
nothing. Drafts and editions behind a view restriction never show."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from conferences import home as conference_home
from conferences.models import ConferenceEditionPage
from tests.conferences.factories import at, create_edition, create_session
from tests.helpers.recordings import create_recording

pytestmark = pytest.mark.django_db


def section_html(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.find('<section class="home-conference"')
    return html[start : html.index("</section>", start)] if start >= 0 else None


@pytest.fixture
def upcoming(series):
    """An edition ten weeks ahead, on site, with registration open for another month."""
    now = timezone.now()
    day = timezone.localdate() + datetime.timedelta(days=70)
    return create_edition(
        series,
        year=day.year,
        date=day,
        title="Mötesplats digitalisering och innovation – nästa år",
        slug="nasta",
        theme="AI och förtroende",
        venue="Stadshuset",
        format=ConferenceEditionPage.Format.HYBRID,
        registration_opens=now - datetime.timedelta(days=1),
        registration_closes=now + datetime.timedelta(days=30),
    )


def test_the_next_edition_with_date_place_theme_programme_and_registration(client, edition, upcoming):
    html = section_html(client)
    assert "Nästa konferens" in html
    assert 'href="/motesplats/nasta/"' in html and upcoming.title in html
    assert f'datetime="{upcoming.date:%Y-%m-%d}"' in html
    assert "Stadshuset (hybrid)" in html
    assert "AI och förtroende" in html
    assert 'href="/motesplats/nasta/program/"' in html
    assert 'href="/motesplats/nasta/anmalan/"' in html
    assert "Anmälan är öppen till" in html
    assert 'href="/motesplats/"' in html
    assert edition.title not in html  # the past edition waits its turn


def test_the_nearest_of_several_upcoming_editions_comes_first(client, series, upcoming):
    later = upcoming.date + datetime.timedelta(days=400)
    create_edition(series, year=later.year, date=later, title="Mötesplats om två år", slug="senare")
    html = section_html(client)
    assert upcoming.title in html and "Mötesplats om två år" not in html


def test_no_registration_link_before_registration_opens(client, upcoming):
    upcoming.registration_opens = timezone.now() + datetime.timedelta(days=3)
    upcoming.save_revision().publish()
    html = section_html(client)
    assert "/anmalan/" not in html
    assert "Anmälan öppnar" in html
    assert 'href="/motesplats/nasta/program/"' in html


def test_no_registration_text_when_the_day_has_no_registration(client, upcoming):
    upcoming.registration_opens = upcoming.registration_closes = None
    upcoming.save_revision().publish()
    html = section_html(client)
    assert "/anmalan/" not in html and "Anmälan" not in html


def test_an_unpublished_or_restricted_upcoming_edition_is_not_shown(client, edition, upcoming):
    upcoming.unpublish()
    assert upcoming.title not in section_html(client)
    upcoming.save_revision().publish()
    PageViewRestriction.objects.create(page=upcoming, restriction_type=PageViewRestriction.LOGIN)
    html = section_html(client)
    assert upcoming.title not in html
    assert edition.title in html  # the latest past edition instead


def test_without_an_upcoming_edition_the_latest_one_links_its_recordings(client, series, edition):
    older = create_edition(series, year=2020, date=datetime.date(2020, 10, 14))
    create_recording(create_session(edition, "Öppningstal", start=at(edition.date, 9)))
    html = section_html(client)
    assert "Senaste konferensen" in html
    assert edition.title in html and older.title not in html
    assert 'href="/motesplats/inspelningar/?ar=2021"' in html
    assert "Se inspelningarna från 2021" in html
    assert "/anmalan/" not in html


def test_the_recordings_link_leads_to_that_years_recordings(client, edition):
    create_recording(create_session(edition, "Öppningstal", start=at(edition.date, 9)))
    response = client.get("/motesplats/inspelningar/?ar=2021")
    assert response.status_code == 200
    assert "Öppningstal" in response.content.decode()


def test_a_past_edition_without_recordings_has_no_recordings_link(client, edition):
    create_session(edition, "Öppningstal", start=at(edition.date, 9))
    html = section_html(client)
    assert edition.title in html
    assert "inspelningar" not in html


def test_no_section_without_editions(client, series):
    assert section_html(client) is None


def test_no_section_without_a_published_series(client, series, edition):
    series.unpublish()
    assert section_html(client) is None


def test_the_hook_answers_none_without_a_series(rf, home):
    request = rf.get("/")
    assert conference_home.conference_section(request) is None


def test_a_draft_edition_without_year_or_date_is_ignored(client, series, edition):
    series.add_child(instance=ConferenceEditionPage(title="Nästa års mötesplats", slug="utkast", live=False))
    html = section_html(client)
    assert edition.title in html and "Nästa års mötesplats" not in html
