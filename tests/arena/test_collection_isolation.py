"""Acceptance: a writer of organisation A cannot upload to, edit in or choose from B's collection.

Everything goes through the real Wagtail admin views over HTTP (Django test client), with the
permissions that provisioning gave the organisations' groups.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from arena.library.files import pdf_bytes
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    OrganisationFactory,
    UserFactory,
    add_editor,
    add_writer,
    png_bytes,
)
from tests.helpers.documents import document_form_data

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()

B_IMAGE_TITLE = "Hamnbild som tillhor B"
B_DOCUMENT_TITLE = "Budgetunderlag som tillhor B"
A_IMAGE_TITLE = "Skolgard som tillhor A"
A_DOCUMENT_TITLE = "Verksamhetsplan som tillhor A"


@pytest.fixture
def org_c(db):
    return OrganisationFactory(name="Idrotts- och föreningsförvaltningen")


@pytest.fixture
def b_image(org_b):
    return ImageFactory(title=B_IMAGE_TITLE, collection=org_b.collection)


@pytest.fixture
def b_document(org_b):
    return DocumentFactory(title=B_DOCUMENT_TITLE, collection=org_b.collection)


@pytest.fixture
def a_image(org_a):
    return ImageFactory(title=A_IMAGE_TITLE, collection=org_a.collection)


@pytest.fixture
def a_document(org_a):
    return DocumentFactory(title=A_DOCUMENT_TITLE, collection=org_a.collection)


@pytest.fixture
def writer_a_and_c(org_a, org_c):
    """A writer in two organisations sees a collection field (choices: A and C only)."""
    user = UserFactory(username="skribent_ac")
    add_writer(user, org_a)
    add_writer(user, org_c)
    return user


def png_upload(name="bild.png"):
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def text_upload(name="anteckningar.pdf"):
    return SimpleUploadedFile(
        name, pdf_bytes("Mötesanteckningar", ["Från arbetsmötet."]), content_type="application/pdf"
    )


def chooser_html(response):
    """Chooser views answer with a ModalWorkflow JSON envelope; return the HTML inside it."""
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def assert_denied(response):
    """Wagtail answers a permission failure with a redirect to the dashboard."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")


class TestUpload:
    def test_writer_with_one_collection_cannot_put_an_image_into_b(self, client, writer_a, org_a, org_b):
        client.force_login(writer_a)

        response = client.post(
            reverse("wagtailimages:add"),
            {"title": "Smugglad bild", "file": png_upload(), "collection": org_b.collection_id},
        )

        # With a single permitted collection Wagtail hides the field and ignores the posted value.
        assert not Image.objects.filter(collection=org_b.collection).exists()
        assert response.status_code == 302
        image = Image.objects.get(title="Smugglad bild")
        assert image.collection_id == org_a.collection_id

    def test_collection_b_is_rejected_when_the_field_is_shown(self, client, writer_a_and_c, org_a, org_b, org_c):
        client.force_login(writer_a_and_c)
        form_page = client.get(reverse("wagtailimages:add"))
        assert form_page.status_code == 200
        choices = {c.pk for c in form_page.context["form"].fields["collection"].queryset}
        assert choices == {org_a.collection_id, org_c.collection_id}

        response = client.post(
            reverse("wagtailimages:add"),
            {"title": "Smugglad bild", "file": png_upload(), "collection": org_b.collection_id},
        )

        assert response.status_code == 200
        assert "collection" in response.context["form"].errors
        assert not Image.objects.filter(title="Smugglad bild").exists()
        assert not Image.objects.filter(collection=org_b.collection).exists()

    def test_same_image_upload_into_a_succeeds(self, client, writer_a_and_c, org_a):
        client.force_login(writer_a_and_c)

        response = client.post(
            reverse("wagtailimages:add"),
            {"title": "Tillåten bild", "file": png_upload(), "collection": org_a.collection_id},
        )

        assert response.status_code == 302
        image = Image.objects.get(title="Tillåten bild")
        assert image.collection_id == org_a.collection_id
        assert image.uploaded_by_user == writer_a_and_c
        assert (image.width, image.height) == (8, 6)

    def test_writer_with_one_collection_cannot_put_a_document_into_b(self, client, writer_a, org_a, org_b):
        client.force_login(writer_a)

        response = client.post(
            reverse("wagtaildocs:add"),
            document_form_data("Smugglat dokument", file=text_upload(), collection=org_b.collection_id),
        )

        assert not Document.objects.filter(collection=org_b.collection).exists()
        assert response.status_code == 302
        assert Document.objects.get(title="Smugglat dokument").collection_id == org_a.collection_id

    def test_document_collection_b_is_rejected_when_the_field_is_shown(
        self, client, writer_a_and_c, org_a, org_b, org_c
    ):
        client.force_login(writer_a_and_c)

        response = client.post(
            reverse("wagtaildocs:add"),
            document_form_data("Smugglat dokument", file=text_upload(), collection=org_b.collection_id),
        )

        assert response.status_code == 200
        assert "collection" in response.context["form"].errors
        assert not Document.objects.filter(title="Smugglat dokument").exists()
        assert not Document.objects.filter(collection=org_b.collection).exists()

    def test_same_document_upload_into_a_succeeds(self, client, writer_a_and_c, org_a):
        client.force_login(writer_a_and_c)

        response = client.post(
            reverse("wagtaildocs:add"),
            document_form_data("Tillåtet dokument", file=text_upload(), collection=org_a.collection_id),
        )

        assert response.status_code == 302
        document = Document.objects.get(title="Tillåtet dokument")
        assert document.collection_id == org_a.collection_id
        assert document.uploaded_by_user == writer_a_and_c


class TestEdit:
    def test_writer_a_cannot_open_or_change_bs_image(self, client, writer_a, b_image):
        client.force_login(writer_a)
        url = reverse("wagtailimages:edit", args=[b_image.pk])

        response = client.get(url)
        assert_denied(response)
        assert B_IMAGE_TITLE not in client.get(url, follow=True).content.decode()

        response = client.post(url, {"title": "Kapad titel"})
        assert_denied(response)
        b_image.refresh_from_db()
        assert b_image.title == B_IMAGE_TITLE

    def test_writer_a_cannot_delete_bs_image(self, client, writer_a, b_image):
        client.force_login(writer_a)

        response = client.post(reverse("wagtailimages:delete", args=[b_image.pk]))

        assert_denied(response)
        assert Image.objects.filter(pk=b_image.pk).exists()

    def test_writer_a_cannot_open_or_change_bs_document(self, client, writer_a, b_document):
        client.force_login(writer_a)
        url = reverse("wagtaildocs:edit", args=[b_document.pk])

        response = client.get(url)
        assert_denied(response)
        assert B_DOCUMENT_TITLE not in client.get(url, follow=True).content.decode()

        response = client.post(url, {"title": "Kapad titel"})
        assert_denied(response)
        b_document.refresh_from_db()
        assert b_document.title == B_DOCUMENT_TITLE

    def test_writer_a_cannot_delete_bs_document(self, client, writer_a, b_document):
        client.force_login(writer_a)

        response = client.post(reverse("wagtaildocs:delete", args=[b_document.pk]))

        assert_denied(response)
        assert Document.objects.filter(pk=b_document.pk).exists()

    def test_writer_cannot_change_a_colleagues_image_in_own_collection(self, client, writer_a, a_image):
        """Writers have add/choose only: they edit what they uploaded, not the rest of A's media."""
        client.force_login(writer_a)
        url = reverse("wagtailimages:edit", args=[a_image.pk])

        assert_denied(client.get(url))
        client.post(url, {"title": "Ändrad"})
        a_image.refresh_from_db()
        assert a_image.title == A_IMAGE_TITLE

    def test_editor_a_can_edit_as_image(self, client, editor_a, a_image):
        client.force_login(editor_a)
        url = reverse("wagtailimages:edit", args=[a_image.pk])

        response = client.get(url)
        assert response.status_code == 200
        assert A_IMAGE_TITLE in response.content.decode()

        response = client.post(url, {"title": "Skolgård, ny titel"})
        assert response.status_code == 302, response.context["form"].errors if response.context else ""
        a_image.refresh_from_db()
        assert a_image.title == "Skolgård, ny titel"

    def test_editor_a_can_edit_as_document(self, client, editor_a, a_document):
        client.force_login(editor_a)
        url = reverse("wagtaildocs:edit", args=[a_document.pk])

        assert client.get(url).status_code == 200
        response = client.post(url, document_form_data("Verksamhetsplan 2027"))
        assert response.status_code == 302
        a_document.refresh_from_db()
        assert a_document.title == "Verksamhetsplan 2027"

    def test_editor_a_cannot_edit_bs_image_or_document(self, client, editor_a, b_image, b_document):
        client.force_login(editor_a)

        image_url = reverse("wagtailimages:edit", args=[b_image.pk])
        assert_denied(client.get(image_url))
        assert_denied(client.post(image_url, {"title": "Kapad titel"}))
        document_url = reverse("wagtaildocs:edit", args=[b_document.pk])
        assert_denied(client.get(document_url))
        assert_denied(client.post(document_url, {"title": "Kapad titel"}))

        b_image.refresh_from_db()
        b_document.refresh_from_db()
        assert (b_image.title, b_document.title) == (B_IMAGE_TITLE, B_DOCUMENT_TITLE)

    def test_editor_a_cannot_move_as_image_into_b(self, client, editor_a, org_b, a_image):
        client.force_login(editor_a)

        client.post(
            reverse("wagtailimages:edit", args=[a_image.pk]),
            {"title": A_IMAGE_TITLE, "collection": org_b.collection_id},
        )

        a_image.refresh_from_db()
        assert a_image.collection_id != org_b.collection_id


class TestChooseAndList:
    def test_image_chooser_offers_a_but_not_b(self, client, writer_a, a_image, b_image):
        client.force_login(writer_a)

        html = chooser_html(client.get(reverse("wagtailimages_chooser:choose")))

        assert A_IMAGE_TITLE in html
        assert B_IMAGE_TITLE not in html

    def test_image_chooser_search_does_not_reach_b(self, client, writer_a, a_image, b_image):
        client.force_login(writer_a)

        response = client.get(reverse("wagtailimages_chooser:choose_results"), {"q": "tillhor"})

        html = chooser_html(response)
        assert A_IMAGE_TITLE in html
        assert B_IMAGE_TITLE not in html

    def test_document_chooser_offers_a_but_not_b(self, client, writer_a, a_document, b_document):
        client.force_login(writer_a)

        html = chooser_html(client.get(reverse("wagtaildocs_chooser:choose")))

        assert A_DOCUMENT_TITLE in html
        assert B_DOCUMENT_TITLE not in html

    def test_chosen_views_refuse_bs_items_even_by_direct_id(self, client, writer_a, b_image, b_document):
        """The modal posts the chosen id back; guessing B's ids must not hand out B's media."""
        client.force_login(writer_a)
        xhr = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}

        image_response = client.get(reverse("wagtailimages_chooser:chosen", args=[b_image.pk]), **xhr)
        document_response = client.get(reverse("wagtaildocs_chooser:chosen", args=[b_document.pk]), **xhr)

        assert image_response.status_code == 403
        assert document_response.status_code == 403
        assert B_IMAGE_TITLE not in image_response.content.decode()
        assert B_DOCUMENT_TITLE not in document_response.content.decode()

    def test_chosen_view_hands_out_as_image(self, client, writer_a, a_image):
        client.force_login(writer_a)

        response = client.get(
            reverse("wagtailimages_chooser:chosen", args=[a_image.pk]), HTTP_X_REQUESTED_WITH="XMLHttpRequest"
        )

        assert response.status_code == 200
        assert response.json()["result"]["title"] == A_IMAGE_TITLE

    def test_image_listing_does_not_show_bs_image(self, client, writer_a, org_a, b_image):
        own = ImageFactory(title="Egen bild fran A", collection=org_a.collection, uploaded_by_user=writer_a)
        client.force_login(writer_a)

        response = client.get(reverse("wagtailimages:index"))

        assert response.status_code == 200
        html = response.content.decode()
        assert own.title in html
        assert B_IMAGE_TITLE not in html

    def test_document_listing_does_not_show_bs_document(self, client, writer_a, org_a, b_document):
        own = DocumentFactory(title="Eget dokument fran A", collection=org_a.collection, uploaded_by_user=writer_a)
        client.force_login(writer_a)

        response = client.get(reverse("wagtaildocs:index"))

        assert response.status_code == 200
        html = response.content.decode()
        assert own.title in html
        assert B_DOCUMENT_TITLE not in html

    def test_writer_of_b_sees_b_but_not_a(self, client, org_b, a_image, b_image):
        writer_b = add_writer(UserFactory(), org_b)
        client.force_login(writer_b)

        html = chooser_html(client.get(reverse("wagtailimages_chooser:choose")))

        assert B_IMAGE_TITLE in html
        assert A_IMAGE_TITLE not in html


class TestAdminAccess:
    def test_anonymous_user_is_sent_to_the_login_page(self, client):
        response = client.get("/admin/")

        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")
        assert "next=/admin/" in response["Location"]

    def test_anonymous_user_cannot_reach_the_image_editor(self, client, b_image):
        response = client.get(reverse("wagtailimages:edit", args=[b_image.pk]))

        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")

    def test_user_without_an_organisation_gets_no_admin(self, client):
        client.force_login(UserFactory())

        response = client.get("/admin/")

        assert response.status_code == 403  # a Swedish "no access" page, not a login loop (test_admin_access.py)

    def test_writer_reaches_the_dashboard(self, client, writer_a):
        client.force_login(writer_a)

        assert client.get("/admin/").status_code == 200


def test_editor_fixture_is_in_both_roles_only_where_intended(editor_a, org_a, org_b):
    from arena.models import Organisation

    add_editor(editor_a, org_a)  # idempotent
    assert list(Organisation.objects.for_user(editor_a)) == [org_a]
