"""Fixtures for the arena tests (organisations and roles come from tests/conftest.py)."""

import pytest
from wagtail.models import Site

from arena.models import StandardPage


@pytest.fixture
def about_page(db):
    """A standard page below the home page, at /om-arenan/ (the page cache tests)."""
    home = Site.objects.get(is_default_site=True).root_page
    return home.add_child(instance=StandardPage(title="Om arenan", slug="om-arenan", intro="Första versionen"))
