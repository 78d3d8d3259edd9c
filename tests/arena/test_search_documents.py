"""Documents in the site search (/sok/): found by the text inside the file, public ones only for anonymous visitors,
staff-only collections for the staff they are open to."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.models import CollectionViewRestriction

from arena.library.files import pdf_bytes
from tests.factories import DocumentFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def results(response):
    html = response.content.decode()
    return re.findall(
        r'<h3 class="search-result__title"><a href="([^"]*)">([^<]*)</a></h3>\s*<p class="search-result__meta">([^<]*)',
        html,
    )


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Kretslopp och vatten")


@pytest.fixture
def make_document(organisation, django_capture_on_commit_callbacks):
    def make(title, paragraphs, collection=None):
        with django_capture_on_commit_callbacks(execute=True):  # the text is read once the upload commits
            return DocumentFactory(
                title=title,
                collection=collection or organisation.collection,
                file=ContentFile(pdf_bytes(title, paragraphs), name="dokument.pdf"),
            )

    return make


def test_a_word_only_inside_a_pdf_finds_the_document(client, make_document, organisation):
    document = make_document("Plan för ledningsnätet", ["Vi bygger ut fiberkanalisationen längs Göta älv."])
    document.refresh_from_db()
    assert "fiberkanalisationen" in document.extracted_text.lower()

    response = client.get("/sok/", {"q": "fiberkanalisationen"})

    assert response.status_code == 200
    assert results(response) == [(document.url, "Plan för ledningsnätet", "Dokument · Kretslopp och vatten")]
    assert "<mark>" in response.content.decode()
    assert "typ=document" in response.content.decode()


def test_staff_only_documents_are_found_only_by_the_staff_they_are_open_to(client, make_document, organisation, staff):
    internal = organisation.collection.add_child(name="Internt")
    CollectionViewRestriction.objects.create(collection=internal, restriction_type=CollectionViewRestriction.LOGIN)
    make_document("Intern budget", ["Budgeten för fiberkanalisationen."], collection=internal)
    make_document("Öppen plan", ["Om fiberkanalisationen."])

    anonymous = [title for _url, title, _meta in results(client.get("/sok/", {"q": "fiberkanalisationen"}))]
    client.force_login(staff)
    logged_in = [title for _url, title, _meta in results(client.get("/sok/", {"q": "fiberkanalisationen"}))]

    assert anonymous == ["Öppen plan"]
    assert sorted(logged_in) == ["Intern budget", "Öppen plan"]


def test_a_group_only_collection_stays_hidden_from_other_staff(client, make_document, organisation):
    secret = organisation.collection.add_child(name="Ledningsgruppen")
    restriction = CollectionViewRestriction.objects.create(
        collection=secret, restriction_type=CollectionViewRestriction.GROUPS
    )
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Ledningsgruppen")
    restriction.groups.add(group)
    make_document("Hemlig plan", ["Fiberkanalisationen i detalj."], collection=secret)
    member, other = UserFactory(), UserFactory()
    member.groups.add(group)

    client.force_login(other)
    assert results(client.get("/sok/", {"q": "fiberkanalisationen"})) == []
    client.force_login(member)
    assert [title for _u, title, _m in results(client.get("/sok/", {"q": "fiberkanalisationen"}))] == ["Hemlig plan"]
