"""Conference recordings as an organiser saves them: a (tiny) uploaded WebM and WebVTT caption tracks."""

from django.core.files.base import ContentFile

from conferences.models import Recording, RecordingCaption

WEBM_BYTES = b"\x1a\x45\xdf\xa3" + b"\x00" * 60
WEBVTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHej och välkomna!\n"
TRANSCRIPT = "Hej och välkomna till Mötesplats digitalisering och innovation.\n\nI dag lanserar vi kunskapsarenan."


def create_recording(session, *, captions=("sv",), transcript=TRANSCRIPT, external_url="", filename="inspelning.webm"):
    """A recording as an organiser would save it (validated): an uploaded WebM file unless `external_url` is given,
    and one WebVTT caption track per language code in `captions`, in that order."""
    recording = Recording(session=session, transcript=transcript, external_url=external_url)
    if not external_url:
        recording.video = ContentFile(WEBM_BYTES, name=filename)
    recording.full_clean()
    recording.save()
    for order, language in enumerate(captions):
        caption = RecordingCaption(
            recording=recording,
            language=language,
            sort_order=order,
            file=ContentFile(WEBVTT.encode(), name=f"textning-{language}.vtt"),
        )
        caption.full_clean()
        caption.save()
    return recording
