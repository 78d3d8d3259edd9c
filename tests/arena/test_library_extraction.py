"""Reading the text inside library documents for search: PDF and DOCX, in the Celery task, never failing on a bad
file."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from arena.library.extraction import extract_text, store_extracted_text
from arena.library.files import docx_bytes, pdf_bytes, xlsx_bytes
from arena.tasks import extract_document_text
from tests.factories import DocumentFactory
from tests.helpers.documents import zip_bomb_docx_bytes

pytestmark = pytest.mark.django_db

Document = get_document_model()


def document_with(content, name):
    return DocumentFactory(file=ContentFile(content, name=name))


def test_pdf_text_is_stored_and_searchable():
    document = document_with(pdf_bytes("Plan", ["Vi inför cirkulär möbelhantering i alla lokaler."]), "plan.pdf")

    text = store_extracted_text(document)

    assert "cirkulär möbelhantering" in text
    document.refresh_from_db()
    assert document.extracted_text == text
    assert list(Document.objects.search("möbelhantering")) == [document]


def test_docx_paragraphs_are_read():
    document = document_with(docx_bytes("Mall", ["Första stycket.", "Andra stycket."]), "mall.docx")

    assert extract_text(document).splitlines() == ["Mall", "Första stycket.", "Andra stycket."]


def test_the_task_reads_the_text_of_a_document_by_id():
    document = document_with(pdf_bytes("Rapport", ["Tryckgivare i ledningsnätet."]), "rapport.pdf")

    extract_document_text.delay(document_id=document.pk)

    document.refresh_from_db()
    assert "Tryckgivare" in document.extracted_text


def test_the_task_ignores_a_document_that_is_gone():
    extract_document_text.delay(document_id=987654)  # deleted before the worker got to it: nothing to do


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (xlsx_bytes("Tabell", [["År"], [2025]]), "tabell.xlsx"),  # no extractor: searched by title and summary
        (b"%PDF-1.7\n trasig", "trasig.pdf"),
        (b"inte en zip", "falsk.docx"),
        (zip_bomb_docx_bytes(), "bomb.docx"),  # stored before the upload checks existed: never unpacked
    ],
)
def test_files_without_readable_text_give_an_empty_text(content, name):
    document = document_with(content, name)

    assert store_extracted_text(document) == ""
    document.refresh_from_db()
    assert document.extracted_text == ""
