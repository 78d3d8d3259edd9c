"""Uploads to the material library through the Wagtail admin, over HTTP: what is accepted, what is refused (by
content, not name) with a Swedish message, that nothing is saved half-way, and that the text is read for search."""

from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model

from arena.library.files import docx_bytes, pdf_bytes
from arena.models import ARENA_COLLECTION_NAME
from arena.provisioning import ensure_arena_collection, grant_arena_editor_library
from arena.roles import ARENA_EDITORS, ensure_role_groups
from tests.factories import DocumentFactory, UserFactory
from tests.helpers.documents import (
    broken_pdf_bytes,
    document_form_data,
    docx_upload,
    encrypted_pdf_bytes,
    odt_bytes,
    pdf_upload,
    pptx_upload,
    upload,
    xlsx_upload,
    zip_bomb_docx_bytes,
)

pytestmark = pytest.mark.django_db

Document = get_document_model()
# The start of a Windows program: what a renamed .exe begins with.
EXE_BYTES = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200 + b"This program cannot be run"
)


def stored_files(media_root):
    folder = Path(media_root) / "documents"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def post_upload(client, file, title="Nytt dokument", **extra):
    return client.post(reverse("wagtaildocs:add"), document_form_data(title, file=file, **extra))


def file_errors(response):
    assert response.status_code == 200
    return " ".join(response.context["form"].errors.get("file", []))


@pytest.fixture
def editor(client, editor_a):
    client.force_login(editor_a)
    return editor_a


@pytest.fixture
def arena_editor(db):
    user = UserFactory(username="arenaredaktor")
    grant_arena_editor_library()
    user.groups.add(ensure_role_groups()[ARENA_EDITORS])
    return user


class TestAccepted:
    @pytest.mark.parametrize(
        ("make_upload", "extension"),
        [
            (pdf_upload, "pdf"),
            (docx_upload, "docx"),
            (xlsx_upload, "xlsx"),
            (pptx_upload, "pptx"),
            (lambda: upload("anteckningar.odt", odt_bytes()), "odt"),
        ],
    )
    def test_each_allowed_format_is_saved_in_the_organisations_collection(
        self, client, editor, org_a, make_upload, extension
    ):
        response = post_upload(client, make_upload(), title=f"Dokument i {extension}")

        assert response.status_code == 302
        document = Document.objects.get(title=f"Dokument i {extension}")
        assert document.file_extension == extension
        assert document.collection_id == org_a.collection_id
        assert document.organisation == org_a
        assert document.file_size > 0 and len(document.file_hash) == 40

    def test_metadata_is_saved(self, client, editor, org_a):
        from arena.demo.taxonomy import ensure_focus_areas

        area = ensure_focus_areas()[0]
        response = post_upload(
            client,
            pdf_upload(),
            title="Plan för e-tjänster",
            document_type="plan",
            language="en",
            published_date="2025-03-01",
            review_date="2027-03-01",
            summary="Hur vi bygger e-tjänster.",
            focus_areas=[area.pk],
        )

        assert response.status_code == 302
        document = Document.objects.get(title="Plan för e-tjänster")
        assert (document.document_type, document.language, str(document.published_date)) == ("plan", "en", "2025-03-01")
        assert str(document.review_date) == "2027-03-01"
        assert list(document.focus_areas.all()) == [area]
        assert document.is_governing

    def test_the_text_inside_is_read_and_searchable_after_commit(
        self, client, editor, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = post_upload(
                client,
                docx_upload(paragraphs=["Vi inventerade alla ventilationsaggregat under hösten."]),
                title="Driftrapport",
            )

        assert response.status_code == 302
        document = Document.objects.get(title="Driftrapport")
        assert "ventilationsaggregat" in document.extracted_text
        assert list(Document.objects.search("ventilationsaggregat")) == [document]


class TestRefused:
    @pytest.mark.parametrize(
        ("file", "message"),
        [
            pytest.param(upload("rapport.pdf", EXE_BYTES), "Filen är ett program, inte ett dokument", id="renamed-exe"),
            pytest.param(upload("plan.pdf", encrypted_pdf_bytes()), "lösenordsskyddad eller krypterad", id="encrypted"),
            pytest.param(upload("plan.pdf", broken_pdf_bytes()), "PDF-filen är skadad", id="broken-pdf"),
            pytest.param(upload("bomb.docx", zip_bomb_docx_bytes()), "skulle växa till", id="zip-bomb-docx"),
            pytest.param(
                upload("rapport.pdf", docx_bytes("Rapport", ["Text"])), "Ge den ändelsen .docx", id="docx-as-pdf"
            ),
            pytest.param(upload("rapport.docx", b"PK\x03\x04 not really a zip"), "Filen är skadad", id="broken-zip"),
            pytest.param(upload("text.pdf", b"Bara text\n"), "inte i ett tillåtet format", id="plain-text"),
            pytest.param(upload("tom.pdf", b""), "", id="empty"),
        ],
    )
    def test_bad_file_gets_a_swedish_message_and_nothing_is_saved(self, client, editor, media_root, file, message):
        response = post_upload(client, file, title="Farligt dokument")

        errors = file_errors(response)
        assert message in errors and errors
        assert not Document.objects.filter(title="Farligt dokument").exists()
        assert stored_files(media_root) == []

    @pytest.mark.parametrize("name", ["tabell.csv", "anteckningar.txt", "program.exe"])
    def test_other_extensions_are_refused(self, client, editor, media_root, name):
        response = post_upload(client, upload(name, pdf_bytes("Rapport", ["Text"])), title="Fel filtyp")

        assert file_errors(response) == (
            f"Filer som slutar på .{name.rsplit('.')[-1]} kan inte laddas upp. "
            "Tillåtna format: PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP."
        )
        assert not Document.objects.filter(title="Fel filtyp").exists()
        assert stored_files(media_root) == []

    def test_a_file_over_the_size_limit_is_refused(self, client, editor, media_root, settings):
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2000

        response = post_upload(client, pdf_upload(paragraphs=["Lång text om stadens arbete. " * 200]), title="Stor")

        assert "för stor" in file_errors(response)
        assert not Document.objects.filter(title="Stor").exists()
        assert stored_files(media_root) == []

    def test_a_file_that_is_not_accessible_needs_an_alternative(self, client, editor, media_root):
        data = document_form_data("Inskannat protokoll", file=pdf_upload())
        del data["is_accessible"]

        response = client.post(reverse("wagtaildocs:add"), data)

        assert response.status_code == 200
        assert "tillgängligt alternativ (DOS-lagen)" in " ".join(
            response.context["form"].errors["accessible_alternative_url"]
        )
        assert not Document.objects.filter(title="Inskannat protokoll").exists()
        assert stored_files(media_root) == []

        data["file"] = pdf_upload()
        data["accessible_alternative_url"] = "https://goteborg.se/protokoll"
        assert client.post(reverse("wagtaildocs:add"), data).status_code == 302
        assert Document.objects.get(title="Inskannat protokoll").is_accessible is False

    def test_replacing_a_file_with_a_bad_one_keeps_the_old_file(self, client, editor, org_a):
        document = DocumentFactory(title="Verksamhetsplan", collection=org_a.collection)
        old_name = document.file.name

        response = client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            document_form_data("Verksamhetsplan", file=upload("plan.pdf", EXE_BYTES)),
        )

        assert "program" in file_errors(response)
        document.refresh_from_db()
        assert document.file.name == old_name
        assert document.file.storage.exists(old_name)

    def test_the_multiple_uploader_refuses_a_renamed_program(self, client, editor, media_root):
        response = client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": upload("rapport.pdf", EXE_BYTES)},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )

        assert response.status_code == 200
        assert response.json()["success"] is False
        assert "Filen är ett program" in response.json()["error_message"]
        assert not Document.objects.exists()
        assert stored_files(media_root) == []


class TestWhoUploadsWhere:
    def test_arena_editor_uploads_into_the_arena_collection(self, client, arena_editor):
        client.force_login(arena_editor)
        arena_collection = ensure_arena_collection()

        response = post_upload(client, pdf_upload(), title="Stödmaterial", collection=arena_collection.pk)

        assert response.status_code == 302
        document = Document.objects.get(title="Stödmaterial")
        assert document.collection == arena_collection
        assert document.organisation is None
        assert document.publisher_name == ARENA_COLLECTION_NAME

    def test_arena_editor_edits_in_the_arena_collection_but_not_an_organisations(self, client, arena_editor, org_a):
        client.force_login(arena_editor)
        own = DocumentFactory(title="Arenans mall", collection=ensure_arena_collection())
        theirs = DocumentFactory(title="Förvaltningens plan", collection=org_a.collection)

        assert client.get(reverse("wagtaildocs:edit", args=[own.pk])).status_code == 200
        response = client.get(reverse("wagtaildocs:edit", args=[theirs.pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")

    def test_arena_editor_cannot_put_a_document_into_an_organisations_collection(self, client, arena_editor, org_a):
        client.force_login(arena_editor)

        response = post_upload(client, pdf_upload(), title="Felplacerat", collection=org_a.collection_id)

        assert response.status_code == 302  # one permitted collection: Wagtail hides the field and ignores the value
        assert Document.objects.get(title="Felplacerat").collection == ensure_arena_collection()
        assert not Document.objects.filter(collection=org_a.collection).exists()

    def test_arena_editor_may_choose_any_organisations_document(self, client, arena_editor, org_a):
        client.force_login(arena_editor)
        document = DocumentFactory(title="Förvaltningens rapport", collection=org_a.collection)

        response = client.get(
            reverse("wagtaildocs_chooser:chosen", args=[document.pk]), HTTP_X_REQUESTED_WITH="XMLHttpRequest"
        )

        assert response.status_code == 200
        assert response.json()["result"]["title"] == "Förvaltningens rapport"

    def test_a_writer_cannot_upload_into_or_choose_from_the_arena_collection(self, client, writer_a, org_a):
        client.force_login(writer_a)
        arena_document = DocumentFactory(title="Arenans checklista", collection=ensure_arena_collection())

        post_upload(client, pdf_upload(), title="Inskickat", collection=ensure_arena_collection().pk)
        chosen = client.get(
            reverse("wagtaildocs_chooser:chosen", args=[arena_document.pk]), HTTP_X_REQUESTED_WITH="XMLHttpRequest"
        )

        assert Document.objects.get(title="Inskickat").collection_id == org_a.collection_id
        assert chosen.status_code == 403
