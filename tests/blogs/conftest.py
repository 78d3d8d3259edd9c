"""Fixtures for the blog tests: a site with a home page and blog root, and organisations with spaces.

The role fixtures (writer_a, editor_b, staff, ...) come from tests/conftest.py and use the org_a/org_b here."""

import pytest
from wagtail.models import Site

from arena.demo.seed import ensure_home_page
from blogs.models import BlogIndexPage
from blogs.provisioning import ensure_blog_index
from tests.factories import OrganisationFactory


@pytest.fixture
def home(db):
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)
    return home


@pytest.fixture
def blog_index(home) -> BlogIndexPage:
    return ensure_blog_index()


@pytest.fixture
def org_a(blog_index):
    return OrganisationFactory(name="Förskoleförvaltningen")


@pytest.fixture
def org_b(blog_index):
    return OrganisationFactory(name="Stadsbyggnadsförvaltningen")


@pytest.fixture
def space_a(org_a):
    return org_a.blog_space


@pytest.fixture
def space_b(org_b):
    return org_b.blog_space
