"""Recordings in the Wagtail admin (Mötesplats → Inspelningar): uploads through the real multipart form with the
captions inline, files that are not what they claim refused in Swedish with nothing saved, the warnings about missing
captions, the session picker, the listing columns and flat query counts."""

import datetime
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from conferences.models import Recording, RecordingCaption
from tests.conferences.factories import at, create_edition, create_session

ADD = "wagtailsnippets_conferences_recording:add"
EDIT = "wagtailsnippets_conferences_recording:edit"
LIST = "wagtailsnippets_conferences_recording:list"

WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 64
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHej och välkomna!\n".encode()
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"

NOT_A_VIDEO = "Filen är inte en video: innehållet är varken MP4, WebM eller Ogg, oavsett vad filen heter."
NOT_WEBVTT = "Textningsfilen är inte WebVTT: första raden måste vara ”WEBVTT”."
NOT_VTT_NAME = "Textningen måste vara en WebVTT-fil som slutar på .vtt."
NO_CAPTIONS_MESSAGE = (
    "”%(title)s” saknar textning. Förinspelad video på webbplatsen måste vara textad: lägg till en WebVTT-fil."
)
NO_CAPTIONS_PANEL = "Inspelningen har ingen textning ännu."


@pytest.fixture
def session(edition):
    return create_session(
        edition, "En digital plattform för medborgardialog", at(edition.date, 9), at(edition.date, 10)
    )


def caption(language, content=VTT, name="textning.vtt"):
    return {"language": language, "file": SimpleUploadedFile(name, content, content_type="text/vtt")}


def form_data(session, *, video=None, external_url="", captions=(), transcript="Hej och välkomna!"):
    data = {
        "session": session.pk,
        "external_url": external_url,
        "transcript": transcript,
        "captions": inline_formset(list(captions)),
    }
    if video is not None:
        data["video"] = video
    return nested_form_data(data)


def webm(name="inspelning.webm"):
    return SimpleUploadedFile(name, WEBM, content_type="video/webm")


def stored_files(media_root):
    root = Path(media_root)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()) if root.exists() else []


def errors_of(response):
    assert response.status_code == 200, response.status_code  # the form came back; nothing was saved
    form = response.context["form"]
    errors = {field: " ".join(messages) for field, messages in form.errors.items()}
    for formset in form.formsets.values():
        for index, child in enumerate(formset.forms):
            for field, messages in child.errors.items():
                errors[f"captions-{index}-{field}"] = " ".join(messages)
    return errors


def messages_of(response):
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


# --- Uploads ----------------------------------------------------------------------------------------------------


def test_a_webm_with_swedish_captions_is_stored(client, organiser, session, media_root):
    response = client.post(
        reverse(ADD), form_data(session, video=webm(), captions=[caption("sv"), caption("en", name="engelska.vtt")])
    )
    assert response.status_code == 302
    recording = Recording.objects.get(session=session)
    assert recording.video.name.startswith("recordings/") and recording.video.name.endswith(".webm")
    with recording.video.open("rb") as handle:
        assert handle.read() == WEBM
    tracks = {track.language: track for track in recording.captions.all()}
    assert set(tracks) == {"sv", "en"}
    with tracks["sv"].file.open("rb") as handle:
        assert handle.read() == VTT
    files = stored_files(media_root)
    assert len([name for name in files if name.startswith("recordings/captions/")]) == 2
    assert len([name for name in files if name.endswith(".webm")]) == 1
    assert not [text for level, text in messages_of(response) if level == "warning"]


def test_a_pdf_renamed_mp4_is_refused_and_nothing_is_saved(client, organiser, session, media_root):
    pdf = SimpleUploadedFile("inspelning.mp4", PDF, content_type="video/mp4")
    errors = errors_of(client.post(reverse(ADD), form_data(session, video=pdf, captions=[caption("sv")])))
    assert NOT_A_VIDEO in errors["video"]
    assert not Recording.objects.exists() and not RecordingCaption.objects.exists()
    assert stored_files(media_root) == []


def test_a_caption_file_that_is_not_webvtt_is_refused_and_nothing_is_saved(client, organiser, session, media_root):
    srt = b"1\n00:00:00,000 --> 00:00:02,000\nHej\n"
    errors = errors_of(client.post(reverse(ADD), form_data(session, video=webm(), captions=[caption("sv", srt)])))
    assert NOT_WEBVTT in errors["captions-0-file"]
    assert not Recording.objects.exists() and not RecordingCaption.objects.exists()
    assert stored_files(media_root) == []


def test_a_caption_file_with_another_extension_is_refused(client, organiser, session, media_root):
    data = form_data(
        session, external_url="https://video.example.test/inspelning.mp4", captions=[caption("sv", name="t.srt")]
    )
    errors = errors_of(client.post(reverse(ADD), data))
    assert NOT_VTT_NAME in errors["captions-0-file"]
    assert not Recording.objects.exists()


def test_neither_file_nor_link_is_refused(client, organiser, session):
    errors = errors_of(client.post(reverse(ADD), form_data(session, captions=[caption("sv")])))
    assert "Ange antingen en videofil eller en extern länk" in " ".join(errors.values())
    assert not Recording.objects.exists()


# --- Warnings about missing captions --------------------------------------------------------------------------


def test_saving_without_captions_warns_and_the_form_says_so(client, organiser, session):
    assert NO_CAPTIONS_PANEL in client.get(reverse(ADD)).content.decode()
    response = client.post(reverse(ADD), form_data(session, external_url="https://video.example.test/film.mp4"))
    assert response.status_code == 302
    recording = Recording.objects.get(session=session)
    warnings = [text for level, text in messages_of(response) if level == "warning"]
    assert warnings == [NO_CAPTIONS_MESSAGE % {"title": session.title}]
    edit = client.get(reverse(EDIT, args=[recording.pk]))
    assert NO_CAPTIONS_PANEL in edit.content.decode()
    # Editing it without adding captions warns again; adding them ends the warnings.
    response = client.post(reverse(EDIT, args=[recording.pk]), form_data(session, external_url=recording.external_url))
    assert [level for level, _text in messages_of(response)] == ["success", "warning"]
    response = client.post(
        reverse(EDIT, args=[recording.pk]),
        form_data(session, external_url=recording.external_url, captions=[caption("sv")]),
    )
    assert response.status_code == 302
    assert recording.captions.count() == 1
    assert NO_CAPTIONS_PANEL not in client.get(reverse(EDIT, args=[recording.pk])).content.decode()


# --- The session picker ---------------------------------------------------------------------------------------


def test_session_picker_offers_published_editions_newest_first_without_recorded_or_unrecordable_sessions(
    client, organiser, series, edition, session
):
    newer = create_edition(series, year=2022)
    newer_session = create_session(newer, "Lärande exempel från Sundsvall", at(newer.date, 10), at(newer.date, 11))
    draft_edition = create_edition(series, year=2023)
    hidden = create_session(
        draft_edition, "Ännu inte publicerad", at(draft_edition.date, 9), at(draft_edition.date, 10)
    )
    draft_edition.unpublish()
    recorded = create_session(edition, "Redan inspelad", at(edition.date, 11), at(edition.date, 12))
    Recording.objects.create(session=recorded, external_url="https://video.example.test/a.mp4")
    not_to_record = create_session(
        edition, "Spelas inte in", at(edition.date, 13), at(edition.date, 14), do_not_record=True
    )

    response = client.get(reverse(ADD))
    offered = list(response.context["form"].fields["session"].queryset)
    assert offered == [newer_session, session]
    assert hidden not in offered and recorded not in offered and not_to_record not in offered
    assert "2022 · Lärande exempel från Sundsvall" in response.content.decode()
    # A session outside the offer is refused, not saved.
    errors = errors_of(client.post(reverse(ADD), form_data(hidden, external_url="https://video.example.test/b.mp4")))
    assert "session" in errors
    # The recording's own session stays on offer when it is edited.
    recording = Recording.objects.get(session=recorded)
    edit = client.get(reverse(EDIT, args=[recording.pk]))
    assert recorded in list(edit.context["form"].fields["session"].queryset)


# --- The listing ------------------------------------------------------------------------------------------------


def add_recording(session, languages=("sv",), video=False):
    if video:
        recording = Recording(session=session)
        recording.video.save("inspelning.webm", ContentFile(WEBM), save=False)
    else:
        recording = Recording(session=session, external_url=f"https://video.example.test/{session.code}.mp4")
    recording.save()
    for language in languages:
        track = RecordingCaption(recording=recording, language=language)
        track.file.save(f"{language}.vtt", ContentFile(VTT), save=False)
        track.save()
    return recording


def test_listing_shows_year_source_languages_and_warns_about_missing_captions(client, organiser, edition):
    captioned = add_recording(
        create_session(edition, "Textad punkt", at(edition.date, 9), at(edition.date, 10)), ("sv", "en"), video=True
    )
    bare = add_recording(create_session(edition, "Otextad punkt", at(edition.date, 11), at(edition.date, 12)), ())
    response = client.get(reverse(LIST))
    assert response.status_code == 200
    rows = {row.pk: row for row in response.context["object_list"]}
    assert set(rows) == {captioned.pk, bare.pk}
    content = response.content.decode()
    for text in ("Textad punkt", "Otextad punkt", "2021", "Videofil", "Extern länk", "Svenska, Engelska"):
        assert text in content, text
    table = content.split('id="listing-results"', 1)[1]
    assert table.count("Saknar textning") == 1
    missing = client.get(reverse(LIST), {"captions": "no"})
    assert [row.pk for row in missing.context["object_list"]] == [bare.pk]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_recordings(edition, number, start):
    for index in range(start, start + number):
        begins = at(edition.date, 8) + datetime.timedelta(minutes=10 * index)
        session = create_session(edition, f"Punkt {index}", begins, begins + datetime.timedelta(minutes=5))
        add_recording(session, ("sv", "en") if index % 2 else ())


@pytest.mark.parametrize("query", ["", "?captions=no", "?q=punkt"])
def test_listing_queries_are_flat(client, organiser, edition, query, django_assert_max_num_queries):
    url = f"{reverse(LIST)}{query}"
    add_recordings(edition, 5, 0)
    client.get(url)
    small = count_queries(client, url)
    add_recordings(edition, 45, 5)
    assert Recording.objects.count() == 50
    with django_assert_max_num_queries(small):
        assert client.get(url).status_code == 200
