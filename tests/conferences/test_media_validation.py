"""Uploaded conference media: a recording must be a real video and captions real WebVTT, whatever the file is called,
and a caption file at most WEBVTT_MAX_BYTES."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from conferences.models import Recording, RecordingCaption
from conferences.recordings.validation import (
    WEBVTT_MAX_BYTES,
    sniff_video,
    validate_video_file,
    validate_webvtt_file,
    validate_webvtt_text,
    video_mime_type,
)
from tests.conferences.factories import at, create_session

WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 60
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 52
OGG = b"OggS" + b"\x00" * 60
PDF = b"%PDF-1.7\n" + b"\x00" * 55
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nHej och välkomna!\n\n00:02.500 --> 00:05.000\nVi börjar nu.\n"


@pytest.mark.parametrize(("head", "kind"), [(WEBM, "webm"), (MP4, "mp4"), (OGG, "ogg"), (PDF, None), (b"", None)])
def test_sniff_video_reads_the_container_from_the_first_bytes(head, kind):
    assert sniff_video(head) == kind


@pytest.mark.parametrize(("name", "content"), [("tal.webm", WEBM), ("tal.mp4", MP4), ("tal.ogv", OGG)])
def test_real_videos_pass(name, content):
    validate_video_file(SimpleUploadedFile(name, content))


def test_a_document_renamed_to_mp4_is_not_a_video():
    with pytest.raises(ValidationError) as error:
        validate_video_file(SimpleUploadedFile("presentation.mp4", PDF))
    assert error.value.code == "not_video"
    assert error.value.messages == [
        "Filen är inte en video: innehållet är varken MP4, WebM eller Ogg, oavsett vad filen heter."
    ]


def test_a_video_with_the_wrong_extension_is_refused_by_name():
    with pytest.raises(ValidationError) as error:
        validate_video_file(SimpleUploadedFile("tal.avi", WEBM))
    assert error.value.code == "video_extension"


def test_a_video_over_the_size_limit_is_refused(settings):
    settings.RECORDING_MAX_UPLOAD_BYTES = 32
    with pytest.raises(ValidationError) as error:
        validate_video_file(SimpleUploadedFile("tal.webm", WEBM))
    assert error.value.code == "video_size"


def test_video_mime_types_follow_the_extension():
    assert video_mime_type("recordings/tal.WEBM") == "video/webm"
    assert video_mime_type("tal.m4v") == "video/mp4"
    assert video_mime_type("tal.txt") == ""


def test_webvtt_with_bom_and_short_timings_passes():
    validate_webvtt_file(SimpleUploadedFile("sv.vtt", ("\ufeff" + VTT).encode()))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1\n00:00:00,000 --> 00:00:02,000\nHej\n", "not_webvtt"),  # SubRip, not WebVTT
        ("WEBVTTX\n\n00:00:00.000 --> 00:00:02.000\nHej\n", "not_webvtt"),
        ("WEBVTT\n\n00:00:00,000 --> 00:00:02,000\nHej\n", "webvtt_timing"),
        ("WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nHej\n", "webvtt_order"),
        ("WEBVTT\n\nNOTE bara en kommentar\n", "webvtt_empty"),
    ],
)
def test_malformed_captions_are_refused_with_a_reason(text, code):
    with pytest.raises(ValidationError) as error:
        validate_webvtt_text(text)
    assert error.value.code == code


def test_caption_messages_are_swedish():
    with pytest.raises(ValidationError) as error:
        validate_webvtt_text("1\n00:00:00,000 --> 00:00:02,000\nHej\n")
    assert error.value.messages == ["Textningsfilen är inte WebVTT: första raden måste vara ”WEBVTT”."]


def test_caption_file_must_be_utf8_and_end_in_vtt():
    with pytest.raises(ValidationError) as error:
        validate_webvtt_file(
            SimpleUploadedFile("sv.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHälsning\n".encode("latin-1"))
        )
    assert error.value.code == "webvtt_encoding"
    with pytest.raises(ValidationError) as error:
        validate_webvtt_file(SimpleUploadedFile("sv.srt", VTT.encode()))
    assert error.value.code == "webvtt_extension"


def test_a_caption_file_over_the_size_limit_is_refused_in_swedish():
    cue = "00:00:00.000 --> 00:00:02.000\nHej och välkomna till Mötesplats digitalisering och innovation!\n\n"
    text = "WEBVTT\n\n" + cue * (WEBVTT_MAX_BYTES // len(cue.encode()) + 1)
    assert len(text.encode()) > WEBVTT_MAX_BYTES
    validate_webvtt_text(text)  # well-formed: only its size is wrong
    with pytest.raises(ValidationError) as error:
        validate_webvtt_file(SimpleUploadedFile("sv.vtt", text.encode(), content_type="text/vtt"))
    assert error.value.code == "webvtt_size"
    assert error.value.messages == ["Textningsfilen är för stor: högst 2,0\xa0MB."]


def test_a_caption_file_at_the_size_limit_passes():
    text = VTT + "\n" * (WEBVTT_MAX_BYTES - len(VTT.encode()))
    assert len(text.encode()) == WEBVTT_MAX_BYTES
    validate_webvtt_file(SimpleUploadedFile("sv.vtt", text.encode(), content_type="text/vtt"))


def test_a_recording_refuses_an_over_limit_caption_file(db, edition):
    session = create_session(edition, "Lansering", at(edition.date, 9), at(edition.date, 10))
    recording = Recording.objects.create(session=session, external_url="https://video.example.test/lansering.mp4")
    oversized = SimpleUploadedFile("sv.vtt", VTT.encode() + b"\n" * WEBVTT_MAX_BYTES, content_type="text/vtt")
    caption = RecordingCaption(recording=recording, language="sv", file=oversized)
    with pytest.raises(ValidationError) as error:
        caption.full_clean()
    assert error.value.message_dict["file"] == ["Textningsfilen är för stor: högst 2,0\xa0MB."]
