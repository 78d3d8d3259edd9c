"""The organisers' attendee list in the Wagtail admin (Mötesplats → Anmälningar): columns, filters, search, the
CSV/XLSX export per conference day and per workshop, the overview per day, cancelling on someone's behalf, and flat
query counts."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from conferences.models import Registration, Session
from tests.conferences.factories import STOCKHOLM, at, create_edition, create_session
from tests.factories import OrganisationFactory, UserFactory

INDEX = "anmalningar:index"
OVERVIEW = "anmalningar:overview"
INSPECT = "anmalningar:inspect"
CANCEL = "anmalningar:cancel"
HEADERS = ["Namn", "E-post", "Organisation", "Konferensdag", "Programpunkt", "Status", "Anmäld", "Behov"]
REGISTERED_AT = datetime.datetime(2021, 9, 1, 9, 0, tzinfo=STOCKHOLM)

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def attendee(first_name, last_name):
    return UserFactory(
        username=f"{first_name}.{last_name}".lower(),
        first_name=first_name,
        last_name=last_name,
        email=f"{first_name}.{last_name}@goteborg.test".lower(),
    )


def register(user, edition, session=None, status=CONFIRMED, minutes=0, **fields):
    """A registration as the rules would leave it, registered `minutes` after 1 September 2021 09:00."""
    registration = Registration.objects.create(user=user, edition=edition, session=session, status=status, **fields)
    Registration.objects.filter(pk=registration.pk).update(
        created_at=REGISTERED_AT + datetime.timedelta(minutes=minutes)
    )
    registration.refresh_from_db()
    return registration


@pytest.fixture
def day(series, edition):
    """The 2021 day: a workshop with two places, a talk without registration, five attendees, and the 2022 day."""
    workshop = create_session(
        edition,
        "Workshop: tjänstedesign",
        at(edition.date, 13),
        at(edition.date, 15),
        session_type=Session.Type.WORKSHOP,
        registration_required=True,
        capacity=2,
    )
    talk = create_session(edition, "Föreläsning om AI", at(edition.date, 9), at(edition.date, 10))
    other = create_edition(series, year=2022)
    kommun = OrganisationFactory(name="Intraservice")
    anna, bengt, cecilia, david, erik = (
        attendee("Anna", "Lind"),
        attendee("Bengt", "Ek"),
        attendee("Cecilia", "Al"),
        attendee("David", "Gran"),
        attendee("Erik", "Björk"),
    )
    registrations = {
        "anna": register(anna, edition, organisation=kommun, needs="Hörslinga, tack", minutes=1),
        "anna_workshop": register(anna, edition, workshop, organisation=kommun, minutes=2),
        "bengt": register(bengt, edition, minutes=3),
        "bengt_workshop": register(bengt, edition, workshop, minutes=4),
        "cecilia": register(cecilia, edition, minutes=5),
        "cecilia_workshop": register(cecilia, edition, workshop, status=WAITLISTED, minutes=6),
        "david": register(david, edition, status=CANCELLED, minutes=7),
        "erik_2022": register(erik, other, minutes=8),
    }
    return {"edition": edition, "other": other, "workshop": workshop, "talk": talk, "r": registrations}


def listed(response):
    assert response.status_code == 200
    return {registration.pk for registration in response.context["object_list"]}


def pks(day, *names):
    return {day["r"][name].pk for name in names}


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


# --- The list ----------------------------------------------------------------------------------------------------


def test_organiser_sees_the_attendees_with_every_column(client, organiser, day):
    response = client.get(reverse(INDEX))
    assert listed(response) == set(pks(day, *day["r"]))
    content = response.content.decode()
    for text in (
        "Anna Lind",
        "anna.lind@goteborg.test",
        "Intraservice",
        "Mötesplats digitalisering och innovation 2021",
        "Hela dagen",
        "Workshop: tjänstedesign",
        "Bekräftad",
        "På väntelistan",
        "Avbokad",
        "2021-09-01 09:01",
        "Hörslinga, tack",
    ):
        assert text in content, text
    # Each name leads to the registration (where an organiser may cancel it).
    assert reverse(INSPECT, args=[day["r"]["anna"].pk]) in content
    # Attendees register themselves: no add button, no edit or delete links.
    assert "/admin/anmalningar/new/" not in content
    assert reverse("anmalningar:overview") in content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "edition={edition}",
            ["anna", "anna_workshop", "bengt", "bengt_workshop", "cecilia", "cecilia_workshop", "david"],
        ),
        ("edition={edition}&scope=day", ["anna", "bengt", "cecilia", "david"]),
        ("edition={edition}&scope=day&status=active", ["anna", "bengt", "cecilia"]),
        ("edition={edition}&scope=session", ["anna_workshop", "bengt_workshop", "cecilia_workshop"]),
        ("session={workshop}&status=confirmed", ["anna_workshop", "bengt_workshop"]),
        ("session={workshop}&status=waitlisted", ["cecilia_workshop"]),
        ("status=cancelled", ["david"]),
        ("edition={other}", ["erik_2022"]),
    ],
)
def test_filters_narrow_the_list(client, organiser, day, query, expected):
    query = query.format(edition=day["edition"].pk, other=day["other"].pk, workshop=day["workshop"].pk)
    assert listed(client.get(f"{reverse(INDEX)}?{query}")) == pks(day, *expected)


def test_the_session_filter_offers_only_sessions_that_take_registrations(client, organiser, day):
    response = client.get(reverse(INDEX))
    offered = list(response.context["filters"].form.fields["session"].queryset)
    assert offered == [day["workshop"]]
    assert "2021 · Workshop: tjänstedesign" in response.content.decode()


def test_a_session_that_takes_no_registrations_is_a_bad_filter_not_an_error(client, organiser, day):
    response = client.get(f"{reverse(INDEX)}?session={day['talk'].pk}")
    assert response.status_code == 200
    assert response.context["filters"].errors


@pytest.mark.parametrize(("query", "expected"), [("Anna Lind", "anna"), ("lind", "anna"), ("bengt.ek@", "bengt")])
def test_search_by_name_or_email(client, organiser, day, query, expected):
    found = listed(client.get(reverse(INDEX), {"q": query}))
    assert day["r"][expected].pk in found
    assert day["r"]["cecilia"].pk not in found


# --- Export -----------------------------------------------------------------------------------------------------


def test_csv_of_a_conference_day_has_swedish_headers_and_the_active_attendees(client, organiser, day):
    edition = day["edition"]
    response = client.get(reverse(INDEX), {"edition": edition.pk, "scope": "day", "status": "active", "export": "csv"})
    rows = csv_rows(response)
    assert 'filename="anmalningar-2021.csv"' in response["Content-Disposition"]
    assert rows[0] == HEADERS
    assert sorted(rows[1:]) == sorted(
        [
            [
                "Anna Lind",
                "anna.lind@goteborg.test",
                "Intraservice",
                edition.title,
                "Hela dagen",
                "Bekräftad",
                "2021-09-01 09:01",
                "Hörslinga, tack",
            ],
            [
                "Bengt Ek",
                "bengt.ek@goteborg.test",
                "",
                edition.title,
                "Hela dagen",
                "Bekräftad",
                "2021-09-01 09:03",
                "",
            ],
            [
                "Cecilia Al",
                "cecilia.al@goteborg.test",
                "",
                edition.title,
                "Hela dagen",
                "Bekräftad",
                "2021-09-01 09:05",
                "",
            ],
        ]
    )


def test_csv_of_a_workshop_lists_its_places_and_waiting_list(client, organiser, day):
    workshop = day["workshop"]
    response = client.get(reverse(INDEX), {"session": workshop.pk, "status": "active", "export": "csv"})
    rows = csv_rows(response)
    assert f'filename="anmalningar-2021-{workshop.code}.csv"' in response["Content-Disposition"]
    assert rows[0] == HEADERS
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Anna Lind", "Bengt Ek", "Cecilia Al"}
    assert {row[4] for row in rows[1:]} == {"Workshop: tjänstedesign"}
    assert by_name["Cecilia Al"][5] == "På väntelistan"
    assert by_name["Anna Lind"][5] == "Bekräftad"


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_exported_as_text(client, organiser, edition):
    register(attendee("Fia", "Sten"), edition, needs='=HYPERLINK("https://example.test","klicka")')
    rows = csv_rows(client.get(reverse(INDEX), {"export": "csv"}))
    assert rows[1][7] == '\'=HYPERLINK("https://example.test","klicka")'


def test_xlsx_export_has_the_same_rows_with_local_times(client, organiser, day):
    response = client.get(reverse(INDEX), {"session": day["workshop"].pk, "status": "active", "export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert sorted(row[0] for row in rows[1:]) == ["Anna Lind", "Bengt Ek", "Cecilia Al"]
    times = sorted(row[6] for row in rows[1:])
    assert times[0] == datetime.datetime(2021, 9, 1, 9, 2)  # Swedish time, as entered, not UTC


# --- Time zone ------------------------------------------------------------------------------------------------


@pytest.fixture
def organiser_in_new_york(organiser):
    """An organiser who chose New York in their account settings before there was one zone for everybody: Wagtail
    still runs their admin requests in it, and the test's own thread has it active too (the CSV is streamed after
    the view returns)."""
    profile = UserProfile.get_for_user(organiser)
    profile.current_time_zone = "America/New_York"
    profile.save()
    timezone.activate("America/New_York")
    yield organiser
    timezone.deactivate()


def test_the_list_and_its_exports_are_in_swedish_time_whatever_zone_is_active(client, organiser_in_new_york, day):
    # Anna registered at 09:01 Swedish time: 03:01 in New York.
    edition, anna = day["edition"], day["r"]["anna"]
    query = {"edition": edition.pk, "scope": "day", "status": "active"}
    assert "2021-09-01 09:01" in client.get(reverse(INDEX), query).content.decode()
    assert "2021-09-01 09:01" in client.get(reverse(INSPECT, args=[anna.pk])).content.decode()

    rows = csv_rows(client.get(reverse(INDEX), {**query, "export": "csv"}))
    assert {row[0]: row[6] for row in rows[1:]}["Anna Lind"] == "2021-09-01 09:01"

    response = client.get(reverse(INDEX), {**query, "export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    times = {row[0]: row[6] for row in workbook.active.iter_rows(min_row=2, values_only=True)}
    assert times["Anna Lind"] == datetime.datetime(2021, 9, 1, 9, 1)


def test_the_account_settings_offer_no_time_zone_to_choose(client, organiser):
    response = client.get(reverse("wagtailadmin_account"))
    assert response.status_code == 200
    assert "current_time_zone" not in response.content.decode()


# --- Overview per conference day ------------------------------------------------------------------------------


def test_overview_counts_the_day_and_each_workshop_and_links_to_the_lists(client, organiser, day):
    edition, workshop = day["edition"], day["workshop"]
    response = client.get(reverse(OVERVIEW))
    assert response.status_code == 200
    editions = {item["edition"].pk: item for item in response.context["editions"]}
    first = editions[edition.pk]
    assert (first["day"]["confirmed"], first["day"]["waitlisted"]) == (3, 0)  # David cancelled: not counted
    [row] = first["sessions"]
    assert (row["label"], row["capacity"], row["confirmed"], row["waitlisted"], row["places_left"]) == (
        workshop.title,
        2,
        2,
        1,
        0,
    )
    assert (editions[day["other"].pk]["day"]["confirmed"], editions[day["other"].pk]["sessions"]) == (1, [])
    content = response.content.decode().replace("&amp;", "&")
    assert f"{reverse(INDEX)}?edition={edition.pk}&scope=day&status=active&export=csv" in content
    assert f"{reverse(INDEX)}?session={workshop.pk}&status=active&export=csv" in content
    # The overview's CSV link gives the workshop's attendees.
    rows = csv_rows(client.get(row["urls"]["csv"]))
    assert len(rows) == 4


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_overview_counts_in_one_query_whatever_the_number_of_days_and_workshops(
    client, organiser, series, day, django_assert_max_num_queries
):
    client.get(reverse(OVERVIEW))
    small = count_queries(client, reverse(OVERVIEW))
    for year in (2023, 2024, 2025):
        edition = create_edition(series, year=year)
        for hour in (9, 10, 11, 13):
            workshop = create_session(
                edition,
                f"Workshop {year} {hour}",
                at(edition.date, hour),
                at(edition.date, hour, 45),
                registration_required=True,
                capacity=5,
            )
            register(attendee(f"W{year}", f"H{hour}"), edition, workshop)
    with django_assert_max_num_queries(small):
        assert client.get(reverse(OVERVIEW)).status_code == 200


# --- Inspect and cancel on someone's behalf --------------------------------------------------------------------


def test_inspect_shows_the_waiting_list_place(client, organiser, day):
    response = client.get(reverse(INSPECT, args=[day["r"]["cecilia_workshop"].pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Cecilia Al &lt;cecilia.al@goteborg.test&gt;" in content
    assert "Nummer 1 på väntelistan." in content
    assert reverse(CANCEL, args=[day["r"]["cecilia_workshop"].pk]) in content


def test_organiser_cancels_a_place_and_the_first_waiting_gets_it(
    client, organiser, day, django_capture_on_commit_callbacks
):
    anna_workshop = day["r"]["anna_workshop"]
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse(CANCEL, args=[anna_workshop.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse(INSPECT, args=[anna_workshop.pk])
    anna_workshop.refresh_from_db()
    day["r"]["cecilia_workshop"].refresh_from_db()
    assert anna_workshop.status == CANCELLED
    assert day["r"]["cecilia_workshop"].status == CONFIRMED
    assert len(callbacks) == 2  # the e-mails to Anna (cancelled) and Cecilia (promoted), queued on commit
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    assert "Anmälan för Anna Lind är avbokad." in texts
    assert "Cecilia Al fick platsen från väntelistan (Workshop: tjänstedesign)." in texts
    # A second cancel changes nothing and says so (the earlier messages were never shown: no redirect followed).
    response = client.post(reverse(CANCEL, args=[anna_workshop.pk]))
    assert [str(message) for message in get_messages(response.wsgi_request)][-1] == (
        "Anmälan för Anna Lind var redan avbokad."
    )
    assert Registration.objects.confirmed().filter(session=day["workshop"]).count() == 2


def test_cancel_is_post_only(client, organiser, day):
    registration = day["r"]["bengt"]
    assert client.get(reverse(CANCEL, args=[registration.pk])).status_code == 405
    registration.refresh_from_db()
    assert registration.status == CONFIRMED


def test_cancel_of_an_unknown_registration_is_404(client, organiser, day):
    assert client.post(reverse(CANCEL, args=[999999])).status_code == 404


# --- Query counts -----------------------------------------------------------------------------------------------


def add_registrations(edition, workshop, number, start):
    organisation = OrganisationFactory()
    for index in range(start, start + number):
        user = attendee(f"Person{index}", f"Efternamn{index}")
        register(user, edition, organisation=organisation, needs="Vegetariskt", minutes=index)
        if index % 2:
            register(user, edition, workshop, minutes=index)


@pytest.mark.parametrize("query", ["", "?status=active", "?q=efternamn", "?export=csv"])
def test_index_queries_are_flat(client, organiser, edition, query, django_assert_max_num_queries):
    workshop = create_session(
        edition, "Workshop", at(edition.date, 13), at(edition.date, 14), registration_required=True
    )
    url = f"{reverse(INDEX)}{query}"
    add_registrations(edition, workshop, 5, 0)
    client.get(url)
    small = count_queries(client, url)
    add_registrations(edition, workshop, 45, 5)
    assert Registration.objects.for_day().count() == 50
    with django_assert_max_num_queries(small):
        response = client.get(url)
        if query == "?export=csv":
            assert len(csv_rows(response)) == 1 + 75
