"""seed_demo on a production install: PyAV (`av`, a development requirement) is missing, so the demo recording that
plays the generated video is left out, and the seed says so in Swedish, instead of the whole seed failing."""

import io
import sys

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from conferences.demo import media as demo_media
from conferences.demo import seed as demo
from conferences.models import Recording
from tests.conferences.factories import create_edition, create_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def without_av(monkeypatch):
    """Imports of `av` fail and importlib finds no such module, as where it is not installed."""
    monkeypatch.setitem(sys.modules, "av", None)


@pytest.fixture
def opening_session(series):
    """A 2022 session that conferences/demo/data/recordings.yaml gives a generated video."""
    edition = create_edition(series, year=2022)
    return create_session(edition, "Välkommen", code="valkommen")


def test_without_av_there_is_no_video_to_generate(without_av):
    with pytest.raises(ImportError):
        demo_media.session_video("Välkommen", "Helena Holm")
    assert demo_media.ensure_session_video(2022, "valkommen", "Välkommen", "Helena Holm") is None
    assert not default_storage.exists(demo_media.video_name(2022, "valkommen"))


def test_a_video_stored_before_is_used_without_av(without_av):
    default_storage.save(demo_media.video_name(2022, "valkommen"), ContentFile(b"\x1a\x45\xdf\xa3"))

    video = demo_media.ensure_session_video(2022, "valkommen", "Välkommen", "Helena Holm")
    assert video == demo_media.video_name(2022, "valkommen")


def test_recordings_needing_the_video_are_left_out_without_av(without_av, opening_session):
    assert demo.ensure_recordings(demo.demo_data("recordings")) == (0, 1)
    assert not Recording.objects.filter(session=opening_session).exists()
    assert not default_storage.exists(demo_media.captions_name(2022, "valkommen", "sv"))


def test_the_seed_says_what_it_left_out(without_av, home):
    out = io.StringIO()

    demo.seed_conference_demo(home=home, stdout=out)

    output = out.getvalue()
    left_out = sum(1 for data in demo.demo_data("recordings") if not data.get("external_url"))
    assert f"{left_out} inspelning(ar) med demovideon hoppades över" in output
    assert "requirements-dev.txt" in output
    # The recording that links to an external video needs no encoding and is still there.
    assert list(Recording.objects.values_list("video", flat=True)) == [""]
    assert Recording.objects.get().external_url
