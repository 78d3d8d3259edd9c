"""Fixtures for the conference tests: the series page at /motesplats/ and the 2021 edition with two tracks; for the
export tests, the 2021 edition with a published programme and a draft."""

from datetime import date, datetime

import pytest
from wagtail.models import Site

from arena.demo.seed import ensure_home_page
from arena.models import FocusArea, Person
from conferences.models import ConferenceSeriesPage, Session
from tests.conferences.factories import create_edition, create_series
from tests.factories import OrganisationFactory
from tests.helpers.programme import STHLM, make_edition, make_session


@pytest.fixture
def home(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    return home


@pytest.fixture
def series(home):
    return create_series(home)


@pytest.fixture
def edition(series):
    return create_edition(series, year=2021)


@pytest.fixture
def tracks(edition):
    return list(edition.tracks.all())


@pytest.fixture
def organiser(series, client):
    """A logged-in member of the arena's organisers (Arrangörer) with their page permissions on the series."""
    from django.contrib.auth.models import Group

    from arena.roles import ORGANISERS
    from conferences.admin.roles import grant_organiser_permissions
    from tests.factories import UserFactory

    grant_organiser_permissions(series)
    user = UserFactory(username="arrangor", first_name="Olle", last_name="Arrangör")
    user.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(user)
    return user


# --- The programme export tests' edition (tests/helpers/programme.py builds it) ----------------------------


@pytest.fixture
def motesplats(db):
    home = ensure_home_page()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "testserver", 80
    site.save()
    return home.add_child(
        instance=ConferenceSeriesPage(title="Mötesplats digitalisering och innovation", slug="motesplats")
    )


@pytest.fixture
def edition_2021(motesplats):
    return make_edition(motesplats, 2021, date(2021, 10, 20), tracks=(("Stora scenen", "Sal A"), ("Verkstan", "")))


@pytest.fixture
def programme_2021(edition_2021):
    main, workshop = edition_2021.tracks.order_by("sort_order")
    organisation = OrganisationFactory(name="Stadsledningskontoret")
    # Created in the opposite order to how they speak, so ordering by id would be wrong.
    orjan = Person.objects.create(name="Örjan Åström", slug="orjan-astrom", job_title="Digitaliseringsstrateg")
    anna = Person.objects.create(name="Anna Lindqvist", slug="anna-lindqvist", organisation=organisation)
    opening = make_session(
        edition_2021,
        "oppning",
        "Öppning: kunskapsarenan lanseras",
        datetime(2021, 10, 20, 9, 0, tzinfo=STHLM),
        datetime(2021, 10, 20, 9, 30, tzinfo=STHLM),
        track=main,
        speakers=[anna, orjan],
        abstract="Välkommen till årets mötesplats – digitalt för första gången.",
        session_type=Session.Type.KEYNOTE,
        is_featured=True,
    )
    opening.organisations.add(organisation)
    opening.focus_areas.add(FocusArea.objects.create(name="Medborgardialog", slug="medborgardialog"))
    opening.save()
    workshop_session = make_session(
        edition_2021,
        "verkstad",
        "Digital delaktighet för nyanlända",
        datetime(2021, 10, 20, 10, 0, tzinfo=STHLM),
        datetime(2021, 10, 20, 11, 0, tzinfo=STHLM),
        track=workshop,
        session_type=Session.Type.WORKSHOP,
        do_not_record=True,
    )
    untracked = make_session(
        edition_2021,
        "lunch",
        "Lunch",
        datetime(2021, 10, 20, 12, 0, tzinfo=STHLM),
        datetime(2021, 10, 20, 13, 0, tzinfo=STHLM),
        session_type=Session.Type.BREAK,
    )
    draft = make_session(
        edition_2021,
        "hemlig",
        "Ännu ej publicerad",
        datetime(2021, 10, 20, 14, 0, tzinfo=STHLM),
        datetime(2021, 10, 20, 15, 0, tzinfo=STHLM),
        track=main,
        publish=False,
    )
    return {"published": [opening, workshop_session, untracked], "draft": draft}
