"""Conference recordings on S3-compatible storage: a video and its captions uploaded through the real admin form land
in the bucket (moto's server over HTTP), the session page plays them from the bucket's public URL, and saving the
recording again validates the stored files by reading them back from the bucket (no local paths anywhere)."""

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from conferences.models import Recording
from tests.conferences.factories import at, create_session
from tests.helpers.s3 import s3_bucket

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_conferences_recording:add"
EDIT = "wagtailsnippets_conferences_recording:edit"
WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 64
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHej och välkomna!\n".encode()


@pytest.fixture
def bucket(settings):
    with s3_bucket() as bucket:
        settings.STORAGES = {**settings.STORAGES, "default": bucket.storage()}
        yield bucket


@pytest.fixture
def session(edition):
    return create_session(
        edition, "Öppna data i molnet", at(edition.date, 9), at(edition.date, 10), code="oppna-data-i-molnet"
    )


def fetched(url):
    response = requests.get(url, timeout=10)
    assert response.status_code == 200, (url, response.status_code)
    return response.content


def form_data(session, transcript, *, video=None, captions=(), initial=0):
    data = {"session": session.pk, "external_url": "", "transcript": transcript}
    data["captions"] = inline_formset(list(captions), initial=initial)
    if video is not None:
        data["video"] = video
    return nested_form_data(data)


def test_a_recording_is_stored_in_the_bucket_played_from_it_and_validated_again_from_it(
    client, organiser, session, bucket
):
    video = SimpleUploadedFile("inspelning.webm", WEBM, content_type="video/webm")
    captions = [{"language": "sv", "file": SimpleUploadedFile("textning.vtt", VTT, content_type="text/vtt")}]
    response = client.post(reverse(ADD), form_data(session, "Hej och välkomna!", video=video, captions=captions))
    assert response.status_code == 302

    recording = Recording.objects.get(session=session)
    caption = recording.captions.get()
    assert bucket.keys() == sorted([recording.video.name, caption.file.name])
    assert bucket.size_of(recording.video.name) == len(WEBM)
    assert bucket.size_of(caption.file.name) == len(VTT)
    assert recording.video.url.startswith(f"{bucket.endpoint}/{bucket.name}/recordings/")
    assert fetched(recording.video.url) == WEBM
    assert fetched(caption.file.url) == VTT

    page = client.get(f"/motesplats/{session.edition.year}/program/{session.code}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'<source src="{recording.video.url}" type="video/webm">' in html
    assert f'src="{caption.file.url}"' in html

    # Saving again without new files runs the model's validators on the stored video and captions, which read
    # their first bytes from the bucket.
    kept = [{"id": caption.pk, "language": "sv"}]
    response = client.post(
        reverse(EDIT, args=[recording.pk]), form_data(session, "Hej igen!", captions=kept, initial=1)
    )
    assert response.status_code == 302
    recording.refresh_from_db()
    assert recording.transcript == "Hej igen!"
    assert recording.captions.get().file.name == caption.file.name
    assert bucket.keys() == sorted([recording.video.name, caption.file.name])
