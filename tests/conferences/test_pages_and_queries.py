"""The conference pages: series, edition (with the live day), programme (filters, changes), session and speakers.

Only published sessions are ever shown; query counts stay flat as the programme grows.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conferences.models import Session, SessionChange
from tests.conferences.factories import (
    FocusAreaFactory,
    PersonFactory,
    at,
    create_edition,
    create_session,
)
from tests.factories import DocumentFactory, ImageFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

OCT_20 = datetime.date(2021, 10, 20)
TIMEZONE_LABEL = "Alla tider anges i svensk tid (Europe/Stockholm)"


def html(response):
    return response.content.decode()


@pytest.fixture
def speaker(db):
    organisation = OrganisationFactory(name="Näringslivsförvaltningen")
    return PersonFactory(
        name="Amira Haddad",
        slug="amira-haddad",
        job_title="Innovationsledare",
        organisation=organisation,
        bio="Amira driver stadens arbete med innovation för näringslivet.",
    )


@pytest.fixture
def programme(edition, tracks, speaker):
    """A small published programme, one draft, and a keynote in focus area "Digital kompetens"."""
    area = FocusAreaFactory(name="Digital kompetens", slug="digital-kompetens")
    big, small = tracks
    keynote = create_session(
        edition,
        "Kunskapsarenan lanseras",
        at(OCT_20, 9),
        at(OCT_20, 9, 45),
        big,
        speakers=[speaker],
        session_type=Session.Type.KEYNOTE,
        focus_areas=[area],
        is_featured=True,
        abstract="Vi visar den nya kunskapsarenan.\n\nOch berättar varför.",
        external_organisations="Helsingborgs stad, Sundsvalls kommun",
    )
    example = create_session(
        edition,
        "Nyanlända vuxnas digitala kompetens",
        at(OCT_20, 10),
        at(OCT_20, 10, 30),
        big,
        speakers=[PersonFactory(name="Jonas Ek", slug="jonas-ek")],
        session_type=Session.Type.LEARNING_EXAMPLE,
    )
    workshop = create_session(
        edition,
        "Medborgardialog på nätet",
        at(OCT_20, 10),
        at(OCT_20, 11),
        small,
        session_type=Session.Type.WORKSHOP,
    )
    secret_speaker = PersonFactory(name="Hemlig Talare", slug="hemlig-talare")
    draft = create_session(
        edition, "Ett hemligt utkast", at(OCT_20, 13), at(OCT_20, 14), small, speakers=[secret_speaker], live=False
    )
    return {
        "keynote": keynote,
        "example": example,
        "workshop": workshop,
        "draft": draft,
        "secret_speaker": secret_speaker,
        "area": area,
    }


# --- Pages answer with their content ----------------------------------------------------------------------


def test_series_page_lists_upcoming_editions_before_the_archive(client, series, edition):
    next_year = timezone.localdate().year + 1
    create_edition(series, year=next_year, date=datetime.date(next_year, 10, 14), theme="AI i vardagen")
    response = client.get("/motesplats/")
    assert response.status_code == 200
    content = html(response)
    assert "<h1>Mötesplats digitalisering och innovation</h1>" in content
    assert content.index("Kommande") < content.index(f"14 oktober {next_year}") < content.index("Arkiv")
    assert content.index("Arkiv") < content.index("20 oktober 2021")
    assert 'href="/motesplats/2021/"' in content
    assert "AI i vardagen" in content
    assert "Digital" in content


def test_edition_page_shows_the_day_and_links(client, edition, programme):
    response = client.get("/motesplats/2021/")
    assert response.status_code == 200
    content = html(response)
    assert '<time datetime="2021-10-20">20 oktober 2021</time>' in content
    assert "Digitalisering som gör skillnad" in content
    for href in (
        "/motesplats/2021/program/",
        "/motesplats/2021/talare/",
        "/motesplats/2021/program.ics",
        "/motesplats/2021/program.json",
    ):
        assert f'href="{href}"' in content
    assert "Lägg till i kalender" in content
    # Featured sessions; the live panel only on the day itself.
    assert "Kunskapsarenan lanseras" in content
    assert "Pågår nu" not in content
    assert "Ett hemligt utkast" not in content


def test_programme_page_groups_by_time_and_labels_the_time_zone(client, edition, programme):
    response = client.get("/motesplats/2021/program/")
    assert response.status_code == 200
    content = html(response)
    assert TIMEZONE_LABEL in content
    # 09:00 in October 2021 is summer time (+02:00) in Stockholm.
    assert '<time datetime="2021-10-20T09:00:00+02:00">09:00</time>' in content
    assert content.index(">09:00</time></h3>") < content.index(">10:00</time></h3>")
    assert content.count('class="programme-slot"') == 2
    for session in ("keynote", "example", "workshop"):
        s = programme[session]
        assert f'href="/motesplats/2021/program/{s.code}/"' in content
        assert f'href="/motesplats/2021/program/{s.code}.ics"' in content
    assert "Stora salen (Sal A)" in content
    assert "Keynote" in content and "Lärande exempel" in content
    assert 'href="/motesplats/2021/talare/amira-haddad/"' in content
    assert '<form class="filter-form" method="get"' in content
    assert "Programändringar" not in content


def test_times_are_shown_in_stockholm_winter_and_summer_time(client, series):
    winter = create_edition(series, year=2022, date=datetime.date(2022, 1, 20))
    summer = create_edition(series, year=2023, date=datetime.date(2023, 3, 26))  # the day clocks go forward
    create_session(winter, "Vinterpunkt", at(winter.date, 9), at(winter.date, 10), code="vinter")
    create_session(summer, "Sommarpunkt", at(summer.date, 9), at(summer.date, 10), code="sommar")
    assert '<time datetime="2022-01-20T09:00:00+01:00">09:00</time>' in html(client.get("/motesplats/2022/program/"))
    assert '<time datetime="2023-03-26T09:00:00+02:00">09:00</time>' in html(client.get("/motesplats/2023/program/"))
    content = html(client.get("/motesplats/2022/program/vinter/"))
    assert '<time datetime="2022-01-20T09:00:00+01:00">20 januari 2022, 09:00</time>' in content


def test_session_page_shows_everything_about_the_session(client, edition, programme, speaker):
    keynote = programme["keynote"]
    keynote.organisations.set([speaker.organisation])
    keynote.materials = [("document", {"document": DocumentFactory(title="Bilderna"), "title": "Presentationen"})]
    keynote.save()
    response = client.get(f"/motesplats/2021/program/{keynote.code}/")
    assert response.status_code == 200
    content = html(response)
    assert "<h1>Kunskapsarenan lanseras</h1>" in content
    assert '<time datetime="2021-10-20T09:00:00+02:00">20 oktober 2021, 09:00</time>' in content
    assert '<time datetime="2021-10-20T09:45:00+02:00">09:45</time>' in content
    assert "Stora salen (Sal A)" in content
    assert "<p>Vi visar den nya kunskapsarenan.</p>" in content
    assert 'href="/motesplats/2021/talare/amira-haddad/">Amira Haddad</a>' in content
    assert "Näringslivsförvaltningen" in content
    assert "Helsingborgs stad, Sundsvalls kommun" in content
    assert "Digital kompetens" in content
    assert "Presentationen" in content
    assert f'href="/motesplats/2021/program/{keynote.code}.ics">Lägg till i kalender' in content
    assert 'href="/motesplats/2021/program/">Tillbaka till programmet' in content
    assert "Programändring" not in content


def test_speakers_and_speaker_pages(client, series, edition, programme, speaker):
    speaker.photo = ImageFactory()
    speaker.save()
    later = create_edition(series, year=2022, date=datetime.date(2022, 10, 12))
    create_session(later, "Ett år med kunskapsarenan", at(later.date, 9), at(later.date, 10), speakers=[speaker])

    response = client.get("/motesplats/2021/talare/")
    assert response.status_code == 200
    content = html(response)
    assert 'alt="Amira Haddad"' in content
    assert "Innovationsledare" in content and "Näringslivsförvaltningen" in content
    assert 'href="/motesplats/2021/talare/jonas-ek/"' in content

    response = client.get("/motesplats/2021/talare/amira-haddad/")
    assert response.status_code == 200
    content = html(response)
    assert "<h1>Amira Haddad</h1>" in content
    assert 'alt="Amira Haddad"' in content
    assert "Amira driver stadens arbete" in content
    # Sessions across years, with the edition's year, newest first.
    assert content.index("Ett år med kunskapsarenan") < content.index("Kunskapsarenan lanseras")
    assert ">2022</a>" in content and ">2021</a>" in content
    assert f'href="/motesplats/2021/program/{programme["keynote"].code}/"' in content


# --- Drafts never show ------------------------------------------------------------------------------------


def test_draft_sessions_never_appear(client, edition, programme):
    draft = programme["draft"]
    for url in ("/motesplats/2021/", "/motesplats/2021/program/", "/motesplats/2021/talare/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Ett hemligt utkast" not in html(response)
        assert "Hemlig Talare" not in html(response)
    assert client.get(f"/motesplats/2021/program/{draft.code}/").status_code == 404
    assert client.get("/motesplats/2021/talare/hemlig-talare/").status_code == 404
    assert client.get("/motesplats/2021/program/finns-inte/").status_code == 404


def test_a_published_session_with_a_newer_draft_shows_the_published_version(client, edition, programme):
    keynote = programme["keynote"]
    keynote.title = "Utkast till ny titel"
    keynote.save_revision()  # a draft revision; the live row is untouched
    content = html(client.get("/motesplats/2021/program/"))
    assert "Kunskapsarenan lanseras" in content
    assert "Utkast till ny titel" not in content


# --- Filters ----------------------------------------------------------------------------------------------


def test_filters_narrow_the_programme(client, edition, tracks, programme):
    small = tracks[1]
    content = html(client.get(f"/motesplats/2021/program/?spar={small.pk}"))
    assert "Medborgardialog på nätet" in content
    assert "Kunskapsarenan lanseras" not in content
    assert f'<option value="{small.pk}" selected>' in content

    content = html(client.get("/motesplats/2021/program/?typ=learning_example"))
    assert "Nyanlända vuxnas digitala kompetens" in content
    assert "Kunskapsarenan lanseras" not in content and "Medborgardialog på nätet" not in content

    content = html(client.get("/motesplats/2021/program/?fokus=digital-kompetens"))
    assert "Kunskapsarenan lanseras" in content
    assert "Nyanlända vuxnas digitala kompetens" not in content

    content = html(client.get(f"/motesplats/2021/program/?spar={tracks[0].pk}&typ=workshop&fokus="))
    assert "Inga programpunkter matchar filtret" in content


@pytest.mark.parametrize(
    "query", ["spar=abc", "spar=999999", "typ=konsert", "fokus=finns-inte", "spar=%00", "typ=<script>"]
)
def test_bad_filter_values_give_400_not_500(client, edition, programme, query):
    response = client.get(f"/motesplats/2021/program/?{query}")
    assert response.status_code == 400
    content = html(response)
    assert "Det finns fel i formuläret" in content
    assert "<script>" not in content.split("<main", 1)[1]


def test_a_track_of_another_edition_is_a_bad_filter(client, series, edition, programme):
    other = create_edition(series, year=2022, date=datetime.date(2022, 10, 12))
    response = client.get(f"/motesplats/2021/program/?spar={other.tracks.first().pk}")
    assert response.status_code == 400


# --- Programme changes ------------------------------------------------------------------------------------


def test_a_moved_session_is_shown_as_a_programme_change(client, edition, programme):
    workshop = Session.objects.get(pk=programme["workshop"].pk)
    workshop.start, workshop.end = at(OCT_20, 14), at(OCT_20, 15)
    workshop.save_revision().publish()
    assert SessionChange.objects.filter(session=workshop).count() == 1

    content = html(client.get("/motesplats/2021/program/"))
    changes = content.split("Programändringar", 1)[1]
    assert "Medborgardialog på nätet" in changes
    assert changes.index(">10:00</time>") < changes.index(">14:00</time>")

    content = html(client.get(f"/motesplats/2021/program/{workshop.code}/"))
    assert "Programändring" in content
    assert '<del><time datetime="2021-10-20T10:00:00+02:00">10:00</time>' in content
    assert '<ins><time datetime="2021-10-20T14:00:00+02:00">14:00</time>' in content


def test_saving_a_draft_of_a_moved_session_records_no_change(edition, programme):
    workshop = Session.objects.get(pk=programme["workshop"].pk)
    workshop.start, workshop.end = at(OCT_20, 14), at(OCT_20, 15)
    workshop.save_revision()  # a draft: the published time is still 10:00
    assert not SessionChange.objects.filter(session=workshop).exists()
    workshop.refresh_from_db()
    workshop.latest_revision.publish()
    assert SessionChange.objects.filter(session=workshop).count() == 1


# --- The live day ---------------------------------------------------------------------------------------------


def test_the_edition_page_on_the_day_shows_happening_now_and_up_next(client, series, speaker):
    now = timezone.now()
    today = timezone.localdate()
    edition = create_edition(
        series, year=today.year, date=today, slug="idag", stream_url="https://play.example.test/motesplats"
    )
    track = edition.tracks.first()
    minutes = datetime.timedelta(minutes=1)
    # clean=False: around midnight these times fall on two days, which the admin would refuse.
    for title, start, end, options in [
        ("Avslutad punkt", -120, -60, {"track": track}),
        ("Pågående punkt", -10, 20, {"track": track, "speakers": [speaker]}),
        ("Nästa punkt", 40, 70, {"track": track}),
        ("Senare punkt", 120, 180, {"track": track}),
        ("Utkast som pågår", -5, 5, {"live": False}),
    ]:
        create_session(edition, title, now + start * minutes, now + end * minutes, clean=False, **options)

    content = html(client.get("/motesplats/idag/"))
    live = content.split('id="live-heading"', 1)[1]
    now_part, next_part = live.split("Härnäst", 1)
    assert "Pågår nu" in content
    assert "Pågående punkt" in now_part and "Amira Haddad" in now_part
    assert "Avslutad punkt" not in live and "Utkast som pågår" not in live
    assert "Nästa punkt" in next_part.split("</section>", 1)[0]
    assert "Senare punkt" not in live.split("</section>", 1)[0]
    assert 'href="https://play.example.test/motesplats"' in now_part


# --- Query counts -----------------------------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def add_sessions(edition, tracks, number, start_index=0):
    area = FocusAreaFactory(slug="fokus-for-matning")
    organisation = OrganisationFactory()
    for index in range(start_index, start_index + number):
        track = tracks[index % 2]
        start = at(edition.date, 8) + datetime.timedelta(minutes=5 * (index // 2))
        create_session(
            edition,
            f"Punkt {index}",
            start,
            start + datetime.timedelta(minutes=5),
            track,
            speakers=[PersonFactory(), PersonFactory(organisation=organisation)],
            focus_areas=[area],
            organisations=[organisation],
            is_featured=index % 3 == 0,
        )


def test_programme_and_edition_queries_are_flat(client, edition, tracks, django_assert_max_num_queries):
    add_sessions(edition, tracks, 10)
    client.get("/motesplats/2021/program/")  # warm up site and settings caches
    programme_small = count_queries(client, "/motesplats/2021/program/")
    filtered_small = count_queries(client, "/motesplats/2021/program/?fokus=fokus-for-matning")
    edition_small = count_queries(client, "/motesplats/2021/")
    assert programme_small <= 20 and filtered_small <= 20
    add_sessions(edition, tracks, 30, start_index=10)
    assert Session.objects.published().filter(edition=edition).count() == 40
    with django_assert_max_num_queries(programme_small):
        assert client.get("/motesplats/2021/program/").status_code == 200
    with django_assert_max_num_queries(filtered_small):
        assert client.get("/motesplats/2021/program/?fokus=fokus-for-matning").status_code == 200
    with django_assert_max_num_queries(edition_small):
        assert client.get("/motesplats/2021/").status_code == 200


def test_session_page_queries_do_not_grow_with_speakers(client, edition, tracks, django_assert_max_num_queries):
    organisation = OrganisationFactory()
    one = create_session(edition, "En talare", track=tracks[0], speakers=[PersonFactory(organisation=organisation)])
    eight = create_session(
        edition,
        "Åtta talare",
        at(edition.date, 11),
        at(edition.date, 12),
        tracks[1],
        speakers=[PersonFactory(organisation=OrganisationFactory()) for _ in range(8)],
        organisations=[organisation],
    )
    client.get(f"/motesplats/2021/program/{one.code}/")
    small = count_queries(client, f"/motesplats/2021/program/{one.code}/")
    with django_assert_max_num_queries(small):
        assert client.get(f"/motesplats/2021/program/{eight.code}/").status_code == 200


def test_speakers_page_queries_do_not_grow_with_speakers(client, edition, django_assert_max_num_queries):
    def add_speakers(number):
        for _ in range(number):
            person = PersonFactory(organisation=OrganisationFactory())
            create_session(edition, speakers=[person])

    add_speakers(5)
    client.get("/motesplats/2021/talare/")
    small = count_queries(client, "/motesplats/2021/talare/")
    add_speakers(45)
    with django_assert_max_num_queries(small):
        response = client.get("/motesplats/2021/talare/")
    assert html(response).count('class="speaker-card"') == 50


def test_speakers_page_queries_do_not_grow_with_photos(client, edition, django_assert_max_num_queries):
    def add_speakers(number):
        for _ in range(number):
            create_session(edition, speakers=[PersonFactory(photo=ImageFactory())])

    add_speakers(5)
    client.get("/motesplats/2021/talare/")  # makes the renditions
    small = count_queries(client, "/motesplats/2021/talare/")
    add_speakers(15)
    client.get("/motesplats/2021/talare/")
    with django_assert_max_num_queries(small):
        assert client.get("/motesplats/2021/talare/").status_code == 200


def test_series_page_queries_do_not_grow_with_editions(client, series, django_assert_max_num_queries):
    for year in (2021, 2022):
        create_edition(series, year=year)
    client.get("/motesplats/")
    small = count_queries(client, "/motesplats/")
    for year in range(2023, 2033):
        create_edition(series, year=year)
    with django_assert_max_num_queries(small):
        response = client.get("/motesplats/")
    assert html(response).count('class="edition-card"') == 12


def test_the_live_day_is_never_served_from_the_page_cache(client, series, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    today = timezone.localdate()
    create_edition(series, year=today.year, date=today, slug="idag")
    client.get("/motesplats/idag/")
    response = client.get("/motesplats/idag/")
    assert response.get("X-Page-Cache") != "hit"
