"""Fixtures for the blog tests: a site with a home page and blog root, two organisations with spaces and people."""

import pytest
from wagtail.models import Site

from arena.demo.seed import ensure_home_page
from blogs.models import BlogIndexPage
from blogs.provisioning import ensure_blog_index
from tests.factories import OrganisationFactory, SuperUserFactory, UserFactory, add_editor, add_writer


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


@pytest.fixture
def staff(db):
    return UserFactory(username="medarbetare")


@pytest.fixture
def writer_a(org_a):
    return add_writer(UserFactory(username="skribent_a"), org_a)


@pytest.fixture
def editor_a(org_a):
    return add_editor(UserFactory(username="redaktor_a"), org_a)


@pytest.fixture
def writer_b(org_b):
    return add_writer(UserFactory(username="skribent_b"), org_b)


@pytest.fixture
def editor_b(org_b):
    return add_editor(UserFactory(username="redaktor_b"), org_b)


@pytest.fixture
def superuser(db):
    return SuperUserFactory()
