"""The conference demo from `manage.py seed_demo`: /motesplats/ with three editions, a full 2021 programme with a
recorded programme change, 2022 recordings whose generated video and captions really are WebM and WebVTT, a coming
edition open for registration with workshops, attendees and a waiting list, an unpublished session for it, and
nothing duplicated on a second run (not even a file).

Seeding runs once per module inside a transaction that is rolled back afterwards (as in tests/blogs)."""

import datetime
import json
import zoneinfo
from pathlib import Path

import av
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Revision, Site
from wagtail.search.backends import get_search_backend

from arena.models import Person, SiteSettings
from arena.roles import ORGANISERS
from conferences.demo import media as demo_media
from conferences.models import (
    ConferenceEditionPage,
    ConferenceSeriesPage,
    EditionTrack,
    Recording,
    RecordingCaption,
    Registration,
    Session,
    SessionChange,
)
from conferences.recordings.validation import sniff_video, validate_webvtt_text
from conferences.registration.rules import OPEN, waiting_list_position, window_state
from tests.helpers.demo import demo_seeded_twice

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
# The 2022 sessions whose recording plays a generated video here: each has its own.
VIDEO_SESSIONS = ("valkommen", "planen-i-praktiken", "ai-i-handlaggningen", "panel-digital-mognad")


def snapshot():
    return {
        "pages": Page.objects.count(),
        "editions": ConferenceEditionPage.objects.count(),
        "tracks": EditionTrack.objects.count(),
        "sessions": Session.objects.count(),
        "live_sessions": Session.objects.filter(live=True).count(),
        "changes": SessionChange.objects.count(),
        "people": Person.objects.count(),
        "revisions": Revision.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "recordings": Recording.objects.count(),
        "captions": RecordingCaption.objects.count(),
        "registrations": Registration.objects.count(),
        "media_files": sorted(str(path.relative_to(settings.MEDIA_ROOT)) for path in media_files()),
    }


def media_files():
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_seeded_twice(django_db_blocker, tmp_path_factory.mktemp("demo-media"), snapshot) as result:
        yield result


@pytest.fixture
def demo_media_root(seeded, settings):
    """The seeded demo's media directory for the tests that open the files (each test gets its own otherwise)."""
    settings.MEDIA_ROOT = str(seeded["media_dir"])
    return seeded["media_dir"]


@pytest.mark.django_db
def test_second_run_creates_nothing_new(seeded):
    assert seeded["second"] == seeded["first"]
    assert "Mötesplats:" in seeded["output"]
    # The videos and captions were generated once: the second run found them in storage and wrote nothing.
    for code in VIDEO_SESSIONS:
        assert seeded["first"]["media_files"].count(demo_media.video_name(2022, code)) == 1
    assert "5 inspelningar (0 nya)" in seeded["output"] and "17 anmälningar (0 nya)" in seeded["output"]


@pytest.mark.django_db
def test_series_has_three_editions_under_motesplats(seeded):
    series = ConferenceSeriesPage.objects.get()
    assert series.live
    assert series.url_path.endswith("/motesplats/")
    editions = ConferenceEditionPage.objects.child_of(series).live()
    assert sorted(editions.values_list("year", flat=True)) == [2021, 2022, 2027]
    upcoming = editions.get(year=2027)
    assert upcoming.registration_opens < upcoming.registration_closes
    assert upcoming.stream_url and upcoming.venue


@pytest.mark.django_db
def test_2021_has_a_full_published_programme_in_stockholm_time(seeded):
    edition = ConferenceEditionPage.objects.get(year=2021)
    assert str(edition.date) == "2021-10-20"
    assert edition.format == ConferenceEditionPage.Format.DIGITAL
    assert [org.name for org in edition.organisers.all()] == ["Stadsledningskontoret"]
    assert sorted(edition.tracks.values_list("name", flat=True)) == ["Rum 2", "Stora scenen"]
    sessions = Session.objects.published().filter(edition=edition)
    assert sessions.count() >= 12
    assert not Session.objects.filter(edition=edition, live=False).exists()
    first, last = sessions.order_by("start").first(), sessions.order_by("-end").first()
    assert first.start.isoformat() == "2021-10-20T07:00:00+00:00"  # 09:00 in Stockholm (CEST)
    assert last.end.isoformat() == "2021-10-20T14:00:00+00:00"  # 16:00
    assert sessions.filter(session_type=Session.Type.BREAK).exists()
    external = set(sessions.exclude(external_organisations="").values_list("external_organisations", flat=True))
    assert any("Helsingborgs stad" in value for value in external)
    assert any("Sundsvalls kommun" in value for value in external)
    assert sessions.filter(title__icontains="Kunskapsarenan").exists()
    for session in sessions:
        session.full_clean()  # the demo itself respects every rule organisers are held to


@pytest.mark.django_db
def test_speakers_are_people_with_organisations_and_shared_with_the_blogs(seeded):
    speakers = Person.objects.filter(conference_sessions__session__edition__year=2021).distinct()
    assert speakers.count() >= 8
    assert speakers.filter(organisation__name="Helsingborgs stad").exists()
    assert speakers.filter(organisation__name="Sundsvalls kommun").exists()
    assert all(speaker.job_title for speaker in speakers)
    # A blog author who speaks is the same person record.
    assert Person.objects.filter(slug="johanna-berglund").count() == 1
    assert speakers.filter(slug="johanna-berglund").exists()


@pytest.mark.django_db
def test_a_programme_change_was_recorded_in_2021(seeded):
    changes = SessionChange.objects.filter(session__edition__year=2021)
    assert changes.count() == 1
    change = changes.get()
    assert change.new_start > change.old_start
    assert change.session.start == change.new_start and change.session.live


@pytest.mark.django_db
def test_upcoming_edition_has_one_draft_session(seeded):
    edition = ConferenceEditionPage.objects.get(year=2027)
    drafts = Session.objects.filter(edition=edition, live=False)
    assert drafts.count() == 1
    assert drafts.get().latest_revision is not None
    assert Session.objects.published().filter(edition=edition).count() >= 4


@pytest.mark.django_db
def test_organisers_may_run_the_series_and_the_menu_links_it(seeded):
    series = ConferenceSeriesPage.objects.get()
    group = Group.objects.get(name=ORGANISERS)
    codenames = set(
        GroupPagePermission.objects.filter(group=group, page=series).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames
    assert group.permissions.filter(codename="publish_session").exists()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    pages = [block.value.get("page") for block in settings.primary_navigation]
    assert sum(1 for page in pages if page and page.pk == series.pk) == 1


@pytest.mark.django_db
def test_programme_json_lists_the_published_2021_programme(seeded, client):
    response = client.get("/motesplats/2021/program.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = json.loads(response.content)
    text = json.dumps(body, ensure_ascii=False)
    assert "En digital plattform för medborgarinflytande" in text
    upcoming = client.get("/motesplats/2027/program.json")
    assert upcoming.status_code == 200
    assert "Automatisering med omtanke" not in upcoming.content.decode()  # the draft stays hidden


# --- Recordings (2022) ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_2022_recordings_cover_recordable_sessions_in_every_form(seeded):
    recordings = Recording.objects.published().filter(session__edition__year=2022).select_related("session")
    assert recordings.count() == 5
    assert not recordings.filter(session__do_not_record=True).exists()
    uploaded = [recording for recording in recordings if recording.video]
    external = [recording for recording in recordings if recording.external_url]
    assert len(uploaded) == 4 and len(external) == 1
    assert all(recording.plays_here and recording.mime_type == "video/webm" for recording in uploaded)
    link = external[0]
    assert link.external_url.startswith("https://play.example.se/") and not link.plays_here
    languages = {
        recording.session.code: sorted(recording.captions.values_list("language", flat=True))
        for recording in recordings
    }
    assert languages == {
        "valkommen": ["sv"],
        "planen-i-praktiken": ["en", "sv"],
        "ai-i-handlaggningen": ["sv"],
        "smarta-fastigheter": ["sv"],
        "panel-digital-mognad": [],
    }
    assert sum(1 for captions in languages.values() if not captions) == 1  # the admin's and the page's warning
    # The one without captions is there on purpose, and its title says so.
    uncaptioned = recordings.get(session__code="panel-digital-mognad")
    assert uncaptioned.session.title.endswith("(exempel utan textning)")
    assert not any(
        "utan textning" in recording.session.title for recording in recordings if recording.captions.exists()
    )
    # Every recording plays a video of its own: the panel's transcript never runs under the welcome talk.
    assert sorted(recording.video.name for recording in uploaded) == sorted(
        demo_media.video_name(2022, code) for code in VIDEO_SESSIONS
    )
    for recording in recordings:
        assert len(recording.transcript.split("\n\n")) >= 3, recording.session.code
        assert "å" in recording.transcript or "ä" in recording.transcript or "ö" in recording.transcript


@pytest.mark.django_db
def test_recordings_and_captions_validate_like_uploads(seeded, demo_media_root):
    for recording in Recording.objects.all():
        recording.full_clean()
        for caption in recording.captions.all():
            caption.full_clean()


@pytest.mark.django_db
def test_generated_videos_are_short_small_webm(seeded, demo_media_root):
    sizes = set()
    for code in VIDEO_SESSIONS:
        recording = Recording.objects.get(session__edition__year=2022, session__code=code)
        assert recording.video.name == demo_media.video_name(2022, code)
        assert default_storage.exists(recording.video.name)
        assert recording.video.size < 1024 * 1024
        sizes.add(recording.video.size)
        with recording.video.open("rb") as handle:
            assert sniff_video(handle.read(64)) == "webm"
        with av.open(default_storage.path(recording.video.name)) as container:
            stream = container.streams.video[0]
            assert stream.codec_context.name == "vp8"
            assert (stream.codec_context.width, stream.codec_context.height) == (640, 360)
            assert 8 <= container.duration / av.time_base <= 12
            assert not container.streams.audio
            frames = sum(1 for _frame in container.decode(stream))
        assert frames == demo_media.FPS * demo_media.SECONDS
    assert len(sizes) == len(VIDEO_SESSIONS)  # four different title cards, four different files


def cue_bounds(text):
    """(first cue's start, last cue's end) in seconds."""
    timings = [line.split(" --> ") for line in text.splitlines() if "-->" in line]

    def seconds(stamp):
        hours, minutes, rest = stamp.split(":")
        return int(hours) * 3600 + int(minutes) * 60 + float(rest)

    return seconds(timings[0][0]), seconds(timings[-1][1])


def cue_texts(text):
    """The text of each cue: the line after its timing."""
    lines = text.splitlines()
    return [lines[index + 1] for index, line in enumerate(lines) if "-->" in line]


@pytest.mark.django_db
def test_caption_files_are_webvtt_covering_the_video_and_matching_the_transcript(seeded, demo_media_root):
    captions = RecordingCaption.objects.filter(recording__session__code__in=VIDEO_SESSIONS).select_related(
        "recording__session"
    )
    assert sorted((caption.recording.session.code, caption.language) for caption in captions) == [
        ("ai-i-handlaggningen", "sv"),
        ("planen-i-praktiken", "en"),
        ("planen-i-praktiken", "sv"),
        ("valkommen", "sv"),
    ]
    for caption in captions:
        assert caption.file.name == demo_media.captions_name(2022, caption.recording.session.code, caption.language)
        with caption.file.open("rb") as handle:
            text = handle.read().decode("utf-8")
        validate_webvtt_text(text)
        assert cue_bounds(text) == (0.0, float(demo_media.SECONDS))
        if caption.language == "sv":
            # The Swedish captions say what the transcript says, word for word, in its order.
            transcript = " ".join(caption.recording.transcript.split())
            positions = [transcript.find(cue) for cue in cue_texts(text)]
            assert -1 not in positions and positions == sorted(positions), caption.recording.session.code
    external = RecordingCaption.objects.get(recording__external_url__startswith="https://play.example.se/")
    with external.file.open("rb") as handle:
        validate_webvtt_text(handle.read().decode("utf-8"))


@pytest.mark.django_db
def test_transcripts_are_searchable(seeded):
    results = get_search_backend().search("hyresgästerna", Recording)
    assert [recording.session.code for recording in results] == ["smarta-fastigheter"]


def test_generated_media_is_deterministic():
    first = demo_media.session_video("Planen för digitalisering – vad betyder den för dig?", "Sara Skribent")
    assert first == demo_media.session_video("Planen för digitalisering – vad betyder den för dig?", "Sara Skribent")
    assert first.startswith(b"\x1a\x45\xdf\xa3")
    assert first != demo_media.session_video("Välkommen: ett år senare", "Helena Holm")
    validate_webvtt_text(demo_media.session_captions(["Hej!", "Välkomna hit."]))


# --- Registration (2027) ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_coming_edition_is_open_for_registration_now(seeded):
    edition = ConferenceEditionPage.objects.get(year=2027)
    assert window_state(edition) == OPEN
    assert edition.registration_opens < timezone.now()
    closes = edition.registration_closes.astimezone(STOCKHOLM)
    assert closes.date() == edition.date - datetime.timedelta(days=7)
    assert (closes.hour, closes.minute) == (23, 59)
    assert edition.capacity == 300


@pytest.mark.django_db
def test_workshops_take_registrations_with_places(seeded):
    edition = ConferenceEditionPage.objects.get(year=2027)
    workshops = Session.objects.published().filter(edition=edition, registration_required=True)
    assert sorted(workshops.values_list("capacity", flat=True)) == [3, 12, 25]
    assert all(workshop.session_type == Session.Type.WORKSHOP for workshop in workshops)
    for workshop in workshops:
        workshop.full_clean()


@pytest.mark.django_db
def test_demo_registrations_follow_the_rules(seeded):
    edition = ConferenceEditionPage.objects.get(year=2027)
    registrations = Registration.objects.filter(edition=edition).select_related("session")
    assert registrations.count() == 17
    day = registrations.for_day()
    assert day.count() == 7 and day.confirmed().count() == 7 <= edition.capacity
    assert day.exclude(needs="").count() == 2
    assert registrations.filter(organisation__name="Stadsledningskontoret").exists()
    for registration in registrations:
        assert edition.registration_opens <= registration.created_at <= timezone.now()
        if registration.session_id:
            # A place in a workshop comes with a place for the day, and nobody is in two places at once.
            assert day.filter(user=registration.user_id).exists()
            clash = registrations.exclude(pk=registration.pk).filter(
                user=registration.user_id,
                session__start__lt=registration.session.end,
                session__end__gt=registration.session.start,
            )
            assert not clash.exists()
    for session in Session.objects.filter(edition=edition, registration_required=True):
        queue = registrations.filter(session=session).in_queue_order()
        confirmed = [r for r in queue if r.status == Registration.Status.CONFIRMED]
        waiting = [r for r in queue if r.status == Registration.Status.WAITLISTED]
        assert len(confirmed) <= session.capacity
        # Confirmed up to the capacity first, then the waiting list in the order people registered.
        assert [r.status for r in queue] == [r.status for r in confirmed + waiting]
        assert not waiting or len(confirmed) == session.capacity


@pytest.mark.django_db
def test_the_small_workshop_is_full_with_a_waiting_list(seeded):
    workshop = Session.objects.get(edition__year=2027, code="workshop-riskbedomning")
    queue = workshop.registrations.in_queue_order()
    assert queue.confirmed().count() == workshop.capacity == 3
    waiting = list(queue.waitlisted())
    assert [registration.user.username for registration in waiting] == ["skribent.intraservice", "analytiker"]
    assert [waiting_list_position(registration) for registration in waiting] == [1, 2]
