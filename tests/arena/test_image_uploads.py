"""Images uploaded in the admin: a truncated file, one whose header claims 60000×60000 pixels, or one Pillow cannot
parse is a Swedish form error with nothing saved, never a 500 (single and multiple upload); whole images still go in."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

UNREADABLE = "Filen gick inte att läsa som en bild"
TOO_MANY_PIXELS = "Bilden har för många bildpunkter"


def image_bytes(format_name, size=(200, 150)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "#1b5e9a").save(buffer, format_name)
    return buffer.getvalue()


def png_claiming(width, height):
    """A PNG whose header claims width×height pixels with almost no data behind it."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\0" * 100)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


BAD_IMAGES = {
    "truncated-png": ("bild.png", image_bytes("PNG")[:60], UNREADABLE),
    "truncated-jpeg": ("bild.jpg", image_bytes("JPEG")[:400], UNREADABLE),
    "not-an-image": ("bild.png", b"\x89PNG\r\n\x1a\n" + b"junk" * 40, UNREADABLE),
    "bomb": ("bomb.png", png_claiming(60000, 60000), TOO_MANY_PIXELS),
    "too-many-pixels": ("stor.png", png_claiming(12000, 12000), TOO_MANY_PIXELS),
}


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def upload(client, name, data):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Testbild",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, data, content_type="image/png"),
        },
    )


@pytest.mark.parametrize("case", BAD_IMAGES)
def test_a_bad_image_is_a_form_error_and_nothing_is_saved(admin_client, case):
    name, data, message = BAD_IMAGES[case]
    response = upload(admin_client, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.parametrize("case", BAD_IMAGES)
def test_the_multiple_uploader_refuses_a_bad_image_with_the_message(admin_client, case):
    name, data, message = BAD_IMAGES[case]
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"collection": Collection.get_first_root_node().pk, "files[]": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert not Image.objects.exists()


@pytest.mark.parametrize("name, format_name", [("bild.png", "PNG"), ("bild.jpg", "JPEG"), ("bild.webp", "WEBP")])
def test_whole_images_are_saved(admin_client, name, format_name):
    response = upload(admin_client, name, image_bytes(format_name))
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (200, 150)
    assert image.get_rendition("fill-40x30").width == 40
