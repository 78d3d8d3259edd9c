"""/motesplats/inspelningar/: recordings of published sessions across all years, newest first, paginated, filtered
by year, focus area and organisation, searched in transcripts, titles and abstracts (Wagtail search, indexed on
save), bad filter values answered with 400 and a Swedish message, anonymous and page-cacheable, queries flat."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from arena import page_cache
from conferences.models import Recording, RecordingCaption, Session, SessionSpeaker
from tests.conferences.factories import FocusAreaFactory, PersonFactory, at, create_edition, create_session
from tests.factories import OrganisationFactory
from tests.helpers.recordings import create_recording

pytestmark = pytest.mark.django_db

ARCHIVE = "/motesplats/inspelningar/"


def html(response):
    return response.content.decode()


def titles(response):
    """Session titles of the listed recordings, in page order."""
    return re.findall(
        r'class="recording-card__title" id="recording-\d+-title"><a href="[^"]+">([^<]+)</a>', html(response)
    )


@pytest.fixture
def archive(series, edition, tracks):
    """Recordings in 2021 and 2022, plus recordings that must never be listed."""
    edition_2022 = create_edition(series, year=2022)
    city_office = OrganisationFactory(name="Stadsledningskontoret", slug="stadsledningskontoret")
    health = OrganisationFactory(name="Socialförvaltningen Centrum", slug="socialforvaltningen-centrum")
    area = FocusAreaFactory(name="Digital kompetens", slug="digital-kompetens")
    launch = create_session(
        edition,
        "Kunskapsarenan lanseras",
        at(edition.date, 9),
        at(edition.date, 9, 45),
        tracks[0],
        speakers=[PersonFactory(name="Amira Haddad", slug="amira-haddad", organisation=city_office)],
        organisations=[city_office],
        abstract="Stadens nya mötesplats för att dela lärande.",
    )
    newcomers = create_session(
        edition,
        "Nyanlända vuxnas digitala kompetens",
        at(edition.date, 10),
        at(edition.date, 10, 30),
        tracks[0],
        focus_areas=[area],
        abstract="Ett lärande exempel från vuxenutbildningen.",
    )
    care = create_session(
        edition_2022,
        "Välfärdsteknik i hemtjänsten",
        at(edition_2022.date, 9),
        at(edition_2022.date, 10),
        edition_2022.tracks.first(),
        speakers=[PersonFactory(name="Jonas Ek", slug="jonas-ek", organisation=health)],
        focus_areas=[area],
    )
    draft = create_session(edition_2022, "Hemligt utkast", at(edition_2022.date, 13), live=False)
    not_recorded = create_session(edition_2022, "Inspelas inte", at(edition_2022.date, 14), do_not_record=True)
    recordings = {
        "launch": create_recording(
            launch, captions=("sv", "en"), transcript="Vi pratar om digitaliseringen av stadens tjänster."
        ),
        "newcomers": create_recording(newcomers, captions=(), transcript="Språkcafé och datorstöd för nyanlända."),
        "care": create_recording(care, captions=("sv",), transcript="Trygghetskameror och digitala lås i hemtjänsten."),
    }
    create_recording(draft, transcript="Digitaliseringen hemlig.")
    create_recording(not_recorded, transcript="Digitaliseringen som inte fick spelas in.")
    return {"edition_2022": edition_2022, "area": area, "city_office": city_office, "health": health, **recordings}


def test_lists_recordings_of_published_sessions_newest_first(client, archive):
    response = client.get(ARCHIVE)
    assert response.status_code == 200
    assert titles(response) == [
        "Välfärdsteknik i hemtjänsten",
        "Nyanlända vuxnas digitala kompetens",
        "Kunskapsarenan lanseras",
    ]
    page = html(response)
    assert '<h2 id="results-heading">3 inspelningar</h2>' in page
    assert "Hemligt utkast" not in page and "Inspelas inte" not in page
    assert "<title>Inspelningar – Mötesplats digitalisering och innovation – Kunskapsarenan</title>" in page


def card(page, recording):
    pattern = rf'<article class="recording-card" aria-labelledby="recording-{recording.pk}-title">.*?</article>'
    return re.search(pattern, page, re.S).group(0)


def test_each_item_shows_year_date_speakers_captions_and_links_to_the_session(client, archive):
    page = html(client.get(ARCHIVE))
    launch = card(page, archive["launch"])
    code = archive["launch"].session.code
    assert f'<a href="/motesplats/2021/program/{code}/">Kunskapsarenan lanseras</a>' in launch
    assert '<a href="/motesplats/2021/">Konferensen 2021</a>' in launch
    assert '<time datetime="2021-10-20T09:00:00+02:00">20 oktober 2021</time>' in launch
    assert "Talare:</span> Amira Haddad, Stadsledningskontoret" in launch
    assert "Textad:</span> svenska, engelska" in launch
    assert "Med transkription" in launch
    assert "Ingen textning" in card(page, archive["newcomers"])


def test_filter_by_year(client, archive):
    response = client.get(ARCHIVE, {"ar": "2022"})
    assert response.status_code == 200
    assert titles(response) == ["Välfärdsteknik i hemtjänsten"]
    assert '<h2 id="results-heading">1 inspelning</h2>' in html(response)
    # The year list offers only years with recordings, labelled by year.
    assert '<option value="2022" selected>2022</option>' in html(response)
    assert '<option value="2021">2021</option>' in html(response)


def test_filter_by_focus_area(client, archive):
    response = client.get(ARCHIVE, {"fokus": "digital-kompetens"})
    assert titles(response) == ["Välfärdsteknik i hemtjänsten", "Nyanlända vuxnas digitala kompetens"]


def test_filter_by_organisation_involved_or_of_a_speaker(client, archive):
    # Involved in the session (and a speaker's organisation too): listed once.
    assert titles(client.get(ARCHIVE, {"organisation": "stadsledningskontoret"})) == ["Kunskapsarenan lanseras"]
    # Only a speaker's organisation.
    assert titles(client.get(ARCHIVE, {"organisation": "socialforvaltningen-centrum"})) == [
        "Välfärdsteknik i hemtjänsten"
    ]


def test_filters_combine(client, archive):
    response = client.get(ARCHIVE, {"ar": "2021", "fokus": "digital-kompetens"})
    assert titles(response) == ["Nyanlända vuxnas digitala kompetens"]
    response = client.get(ARCHIVE, {"ar": "2021", "organisation": "socialforvaltningen-centrum"})
    assert titles(response) == []
    assert "Inga inspelningar matchar. Pröva andra ord eller ta bort ett filter." in html(response)
    assert '<h2 id="results-heading">0 inspelningar</h2>' in html(response)


@pytest.mark.postgres  # the Swedish snowball configuration is PostgreSQL's full-text search
def test_search_finds_words_in_transcripts_with_swedish_stemming(client, archive):
    # "digitalisering" finds "digitaliseringen" (PostgreSQL's Swedish configuration); never the draft's or the
    # do-not-record session's transcripts.
    response = client.get(ARCHIVE, {"q": "digitalisering"})
    assert response.status_code == 200
    assert titles(response) == ["Kunskapsarenan lanseras"]
    assert titles(client.get(ARCHIVE, {"q": "hemtjänsten"})) == ["Välfärdsteknik i hemtjänsten"]


def test_search_finds_titles_and_abstracts(client, archive):
    assert titles(client.get(ARCHIVE, {"q": "välfärdsteknik"})) == ["Välfärdsteknik i hemtjänsten"]
    assert titles(client.get(ARCHIVE, {"q": "vuxenutbildningen"})) == ["Nyanlända vuxnas digitala kompetens"]


def test_search_combines_with_filters(client, archive):
    assert titles(client.get(ARCHIVE, {"q": "digitala", "ar": "2022"})) == ["Välfärdsteknik i hemtjänsten"]
    response = client.get(ARCHIVE, {"q": "digitalisering", "ar": "2022"})
    assert titles(response) == []
    assert "Inga inspelningar matchar" in html(response)


@pytest.mark.parametrize("query", ["(a & b) | !c", "'\"", "digital*", "-", "&&", "ä ö å", "x" * 200])
def test_any_search_text_is_answered_without_an_error(client, archive, query):
    response = client.get(ARCHIVE, {"q": query})
    assert response.status_code == 200
    assert '<h2 id="results-heading">' in html(response)


def test_a_recording_without_video_or_link_is_never_listed(client, archive):
    Recording.objects.filter(pk=archive["care"].pk).update(video="", external_url="")
    assert "Välfärdsteknik i hemtjänsten" not in titles(client.get(ARCHIVE))
    assert "recording-heading" not in html(client.get(f"/motesplats/2022/program/{archive['care'].session.code}/"))


def test_a_transcript_edited_later_is_searchable(client, archive):
    recording = archive["care"]
    recording.transcript = "Nu handlar det om larm och tillgänglighet."
    recording.save()
    assert titles(client.get(ARCHIVE, {"q": "tillgänglighet"})) == ["Välfärdsteknik i hemtjänsten"]
    assert titles(client.get(ARCHIVE, {"q": "trygghetskameror"})) == []


def test_a_session_renamed_later_is_found_by_its_new_title_only(client, archive):
    session = archive["care"].session
    session.title = "Sensorer i omsorgen"
    session.abstract = "Hur hemtjänsten arbetar med digitala tillsynsverktyg."
    session.save_revision().publish()
    assert titles(client.get(ARCHIVE, {"q": "sensorer"})) == ["Sensorer i omsorgen"]
    assert titles(client.get(ARCHIVE, {"q": "tillsynsverktyg"})) == ["Sensorer i omsorgen"]
    assert titles(client.get(ARCHIVE, {"q": "välfärdsteknik"})) == []


def test_a_renamed_draft_keeps_the_published_title_in_the_search(client, archive):
    session = archive["care"].session
    session.title = "Sensorer i omsorgen"
    session.save_revision()
    assert titles(client.get(ARCHIVE, {"q": "välfärdsteknik"})) == ["Välfärdsteknik i hemtjänsten"]
    assert titles(client.get(ARCHIVE, {"q": "sensorer"})) == []


def test_the_form_works_without_javascript_and_is_labelled(client, archive):
    page = html(client.get(ARCHIVE, {"q": "hemtjänsten", "ar": "2022"}))
    form = re.search(
        r'<form class="filter-form recordings-filter" method="get" action="/motesplats/inspelningar/".*?</form>',
        page,
        re.S,
    ).group(0)
    assert 'role="search"' in form
    for name, label in (
        ("q", "Sök i inspelningarna"),
        ("ar", "År"),
        ("fokus", "Fokusområde"),
        ("organisation", "Organisation"),
    ):
        assert f'<label class="field__label" for="id_{name}">{label}' in form
        assert f'name="{name}"' in form
    assert 'type="search" name="q" value="hemtjänsten"' in form
    assert '<button type="submit">Sök</button>' in form
    assert '<a href="/motesplats/inspelningar/">Visa alla inspelningar</a>' in form


@pytest.mark.parametrize(
    "params, message",
    [
        ({"ar": "1999"}, "Det finns inga inspelningar från det året."),
        ({"ar": "tjugotjugoett"}, "Det finns inga inspelningar från det året."),
        ({"fokus": "finns-inte"}, "Det finns inga inspelningar inom det fokusområdet."),
        ({"organisation": "<script>"}, "Det finns inga inspelningar där den organisationen medverkar."),
        ({"q": "a" * 201}, "Söktexten är för lång: högst 200 tecken."),
    ],
)
def test_bad_filter_values_are_400_with_a_swedish_message(client, archive, params, message):
    response = client.get(ARCHIVE, params)
    assert response.status_code == 400
    page = html(response)
    assert message in page
    assert "Det finns fel i formuläret" in page
    assert "<title>Fel: Inspelningar" in page
    assert "<script>" not in page.split("<main", 1)[1]


def test_a_bad_value_does_not_drop_the_good_filters(client, archive):
    response = client.get(ARCHIVE, {"ar": "1999", "fokus": "digital-kompetens"})
    assert response.status_code == 400
    assert titles(response) == ["Välfärdsteknik i hemtjänsten", "Nyanlända vuxnas digitala kompetens"]


def test_a_year_without_recordings_is_not_offered(client, archive, series):
    create_edition(series, year=2023)
    response = client.get(ARCHIVE, {"ar": "2023"})
    assert response.status_code == 400
    assert '<option value="2023"' not in html(response)


def test_empty_archive(client, series, edition):
    response = client.get(ARCHIVE)
    assert response.status_code == 200
    assert "Det finns inga inspelningar än. De publiceras här efter varje konferens." in html(response)
    assert '<h2 id="results-heading">0 inspelningar</h2>' in html(response)


def test_recordings_of_unpublished_or_private_editions_are_not_listed(client, archive):
    edition_2022 = archive["edition_2022"]
    PageViewRestriction.objects.create(page=edition_2022, restriction_type=PageViewRestriction.LOGIN)
    assert "Välfärdsteknik i hemtjänsten" not in titles(client.get(ARCHIVE))
    PageViewRestriction.objects.all().delete()
    edition_2022.unpublish()
    assert titles(client.get(ARCHIVE)) == ["Nyanlända vuxnas digitala kompetens", "Kunskapsarenan lanseras"]
    assert client.get(ARCHIVE, {"ar": "2022"}).status_code == 400


def test_the_series_page_links_to_the_archive(client, archive):
    page = html(client.get("/motesplats/"))
    assert '<a href="/motesplats/inspelningar/">Se alla inspelningar</a>' in page


def test_the_series_page_without_recordings_has_no_archive_link(client, series, edition):
    assert "/motesplats/inspelningar/" not in html(client.get("/motesplats/"))


def test_the_archive_is_anonymous_and_page_cacheable(client, archive, settings):
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.purge()
    first = client.get(ARCHIVE, {"ar": "2022"})
    assert first.status_code == 200
    assert not first.cookies
    assert "private" not in first.get("Cache-Control", "") and "no-cache" not in first.get("Cache-Control", "")
    assert first["X-Page-Cache"] == "miss"
    assert client.get(ARCHIVE, {"ar": "2022"})["X-Page-Cache"] == "hit"
    # A bad filter (400) is never cached.
    client.get(ARCHIVE, {"ar": "1999"})
    assert "X-Page-Cache" not in client.get(ARCHIVE, {"ar": "1999"})


# --- Pagination and query counts -------------------------------------------------------------------------------


def add_recordings(edition, count, *, first=0, organisation=None, area=None):
    """`count` published, recorded sessions with two speakers and two caption tracks each.

    Rows are written directly (no revisions) to keep 200 of them fast; the search index is updated on save."""
    organisation = organisation or OrganisationFactory()
    speakers = [PersonFactory(organisation=organisation) for _ in range(2)]
    for number in range(first, first + count):
        start = at(edition.date, 8) + datetime.timedelta(minutes=2 * number)
        session = Session.objects.create(
            edition=edition,
            code=f"inspelat-{number}",
            title=f"Inspelat pass {number}",
            abstract="Om digitalisering i staden.",
            start=start,
            end=start + datetime.timedelta(minutes=1),
            live=True,
        )
        for index, person in enumerate(speakers):
            SessionSpeaker.objects.create(session=session, person=person, sort_order=index)
        Session.organisations.through.objects.create(session=session, organisation=organisation)
        if area is not None:
            Session.focus_areas.through.objects.create(session=session, focusarea=area)
        recording = Recording.objects.create(
            session=session, video=f"recordings/pass-{number}.webm", transcript="Vi berättar om digitaliseringen."
        )
        for index, language in enumerate(("sv", "en")):
            RecordingCaption.objects.create(
                recording=recording, language=language, sort_order=index, file=f"recordings/captions/{number}.vtt"
            )


def test_pagination_keeps_the_filters(client, series, edition):
    add_recordings(edition, 25)
    first = client.get(ARCHIVE, {"ar": "2021"})
    assert len(titles(first)) == 20
    assert titles(first)[0] == "Inspelat pass 24"
    page = html(first)
    assert '<h2 id="results-heading">25 inspelningar</h2>' in page
    assert '<nav class="pagination" aria-label="Sidor med inspelningar">' in page
    assert 'href="?ar=2021&amp;sida=2" rel="next">Nästa sida</a>' in page
    second = client.get(ARCHIVE, {"ar": "2021", "sida": "2"})
    assert titles(second) == [f"Inspelat pass {number}" for number in range(4, -1, -1)]
    assert "(sida 2 av 2)" in html(second)
    assert client.get(ARCHIVE, {"sida": "3"}).status_code == 404
    assert titles(client.get(ARCHIVE, {"sida": "nästa"})) == titles(first)


def count_queries(client, path, params):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(context.captured_queries), response


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "digitalisering"},
        {"q": "digitalisering", "ar": "2022", "fokus": "matning", "organisation": "matbolaget"},
    ],
    ids=["all", "search", "search-and-every-filter"],
)
def test_archive_queries_are_flat_from_10_to_80_recordings(
    client, series, edition, params, django_assert_max_num_queries
):
    edition_2022 = create_edition(series, year=2022)
    organisation = OrganisationFactory(name="Mätbolaget", slug="matbolaget")
    area = FocusAreaFactory(name="Mätning", slug="matning")
    add_recordings(edition, 5, organisation=organisation, area=area)
    add_recordings(edition_2022, 5, first=5, organisation=organisation, area=area)
    client.get(ARCHIVE, params)  # warm per-process caches (site root paths)
    at_ten, response = count_queries(client, ARCHIVE, params)
    assert len(titles(response)) == (5 if "ar" in params else 10)
    assert at_ten <= 20

    # 40 a year: two full pages of 20 even with the year filter.
    add_recordings(edition, 35, first=10, organisation=organisation, area=area)
    add_recordings(edition_2022, 35, first=45, organisation=organisation, area=area)
    assert Recording.objects.count() == 80
    for page in ("1", "2"):
        with django_assert_max_num_queries(at_ten):
            response = client.get(ARCHIVE, {**params, "sida": page})
        assert response.status_code == 200
        assert len(titles(response)) == 20
