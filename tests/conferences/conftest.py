"""Fixtures for the conference tests: the series page at /motesplats/ and the 2021 edition with two tracks."""

import pytest
from wagtail.models import Site

from arena.demo.seed import ensure_home_page
from tests.conferences.factories import create_edition, create_series


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
