"""The material library's demo: real generated files, every type, a staff-only collection, and idempotence."""

import pytest
from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.models import Collection

from arena.library.demo import STAFF_COLLECTION_NAME, seed_library
from arena.library.validation import validate_document_upload
from arena.models import (
    ARENA_COLLECTION_NAME,
    GOVERNING_TYPES,
    DocumentType,
    HomePage,
    MaterialLibraryPage,
    Organisation,
)
from tests.helpers.demo import demo_seeded

pytestmark = pytest.mark.django_db

Document = get_document_model()
# The word that appears only inside one demo PDF (Higab's energy review), for the search tests.
PDF_ONLY_WORD = "solcellsinventering"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_seeded(django_db_blocker, tmp_path_factory.mktemp("demo-media")) as result:
        yield result


@pytest.fixture
def seeded(demo, settings):
    """The seeded demo's home page and organisations, with its media directory (the tests open the files)."""
    settings.MEDIA_ROOT = str(demo["media_dir"])
    return {"home": HomePage.objects.get(), "organisations": list(Organisation.objects.order_by("pk"))}


def test_the_demo_library_has_governing_documents_and_twenty_more(seeded):
    page = MaterialLibraryPage.objects.get()
    assert page.url_path.endswith("/material/")
    titles = set(Document.objects.values_list("title", flat=True))
    assert {
        "Göteborgs Stads policy för digitalisering och IT",
        "Göteborgs Stads riktlinje för styrning, samordning och finansiering av digital utveckling och förvaltning",
        "Göteborgs Stads plan för digitalisering 2022–2025",
    } <= titles
    governing = Document.objects.filter(document_type__in=GOVERNING_TYPES, title__startswith="Göteborgs")
    assert {document.file_extension for document in governing} == {"pdf"}
    assert all(document.organisation.name == "Stadsledningskontoret" for document in governing)
    plan = Document.objects.get(title="Göteborgs Stads plan för digitalisering 2022–2025")
    assert "Övergripande mål" in plan.extracted_text
    assert sum(f"Målområde {number}" in plan.extracted_text for number in range(1, 6)) == 4

    public = Document.objects.public().exclude(pk__in=governing.values("pk"))
    assert public.count() >= 20
    assert {document.file_extension for document in public} == {"pdf", "docx", "xlsx", "pptx"}
    assert set(public.values_list("document_type", flat=True)) == set(DocumentType.values)
    assert public.values("organisation").distinct().count() >= 8


def test_every_demo_file_passes_the_upload_checks(seeded):
    for document in Document.objects.all():
        with document.open_file() as handle:
            assert validate_document_upload(File(handle, name=document.filename)).extension == document.file_extension


def test_staff_only_collection_is_restricted_and_holds_documents(seeded):
    staff = Collection.objects.get(name=STAFF_COLLECTION_NAME)
    assert staff.get_parent().name == ARENA_COLLECTION_NAME
    assert staff.get_view_restrictions().get().restriction_type == "login"
    staff_documents = Document.objects.filter(collection=staff)
    assert staff_documents.count() == 3
    assert not Document.objects.public().filter(pk__in=staff_documents.values("pk")).exists()


def test_the_pdf_only_word_is_only_in_one_pdfs_text(seeded):
    holders = Document.objects.filter(extracted_text__icontains=PDF_ONLY_WORD)
    assert [(document.title, document.file_extension) for document in holders] == [
        ("Energiöversyn av kulturfastigheter 2025", "pdf")
    ]
    document = holders.get()
    assert PDF_ONLY_WORD not in document.title.lower() and PDF_ONLY_WORD not in document.summary.lower()
    assert document.organisation == Organisation.objects.get(name="Higab AB")


def test_seeding_the_library_twice_creates_nothing_new(seeded):
    counts = (Document.objects.count(), Collection.objects.count(), MaterialLibraryPage.objects.count())

    seed_library(seeded["home"], seeded["organisations"])

    assert (Document.objects.count(), Collection.objects.count(), MaterialLibraryPage.objects.count()) == counts


@pytest.mark.postgres
def test_the_site_search_finds_the_demo_pdf_by_a_word_only_inside_it(seeded, client):
    """Issue 9's acceptance: a word that appears only inside a demo PDF finds that document at /sok/, linked to its
    page in the library (Swedish stemming: the inflected form finds it too)."""
    document = Document.objects.get(title="Energiöversyn av kulturfastigheter 2025")
    library = MaterialLibraryPage.objects.get()
    for query in (PDF_ONLY_WORD, PDF_ONLY_WORD + "en"):
        response = client.get("/sok/", {"q": query})
        assert response.status_code == 200
        assert library.document_url(document) in response.content.decode(), query
