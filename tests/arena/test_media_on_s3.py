"""Media on S3-compatible storage: images and library documents uploaded through the real admin views land in the
bucket (moto's server, spoken to over HTTP by django-storages), and the public URLs serve them, renditions too."""

import io

import pytest
import requests
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from arena.library.files import pdf_bytes
from tests.helpers.documents import document_form_data, upload
from tests.helpers.s3 import s3_bucket

pytestmark = pytest.mark.django_db


@pytest.fixture
def bucket(settings):
    with s3_bucket() as bucket:
        settings.STORAGES = {**settings.STORAGES, "default": bucket.storage()}
        yield bucket


def png_bytes(size=(240, 180)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "#1b5e9a").save(buffer, "PNG")
    return buffer.getvalue()


def fetched(url):
    """The body behind a public media URL, fetched over HTTP like a browser would."""
    response = requests.get(url, timeout=10)
    assert response.status_code == 200, (url, response.status_code)
    return response.content


def test_an_image_uploaded_in_the_admin_is_in_the_bucket_and_served_with_its_renditions(client, superuser, bucket):
    client.force_login(superuser)
    original = png_bytes()
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Bild i molnet",
            "collection": Collection.get_first_root_node().pk,
            "file": upload("moln.png", original, content_type="image/png"),
        },
    )
    assert response.status_code == 302

    image = get_image_model().objects.get(title="Bild i molnet")
    assert (image.width, image.height) == (240, 180)
    assert image.file.name.startswith("original_images/")
    assert bucket.size_of(image.file.name) == len(original)
    assert image.file.url.startswith(f"{bucket.endpoint}/{bucket.name}/")
    assert fetched(image.file.url) == original

    rendition = image.get_rendition("fill-80x60")
    assert bucket.size_of(rendition.file.name) > 0
    assert rendition.url.startswith(f"{bucket.endpoint}/{bucket.name}/images/")
    with PillowImage.open(io.BytesIO(fetched(rendition.url))) as served:
        assert served.size == (80, 60)
    assert bucket.keys() == sorted([image.file.name, rendition.file.name])


def test_a_library_document_is_in_the_bucket_read_for_search_and_served_by_the_site(
    client, editor_a, bucket, django_capture_on_commit_callbacks
):
    client.force_login(editor_a)
    content = pdf_bytes("Molnrapport", ["Mediefiler i en S3-bucket delas av alla webbprocesser."])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtaildocs:add"), document_form_data("Molnrapport", file=upload("molnrapport.pdf", content))
        )
    assert response.status_code == 302

    document = get_document_model().objects.get(title="Molnrapport")
    assert bucket.keys() == [document.file.name]
    assert bucket.size_of(document.file.name) == len(content)
    # The text is read back from the bucket for search (the extraction task runs eagerly in tests).
    assert "delas av alla webbprocesser" in document.extracted_text

    # WAGTAILDOCS_SERVE_METHOD = "serve_view": the site streams the file from the bucket itself.
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert b"".join(served.streaming_content) == content
