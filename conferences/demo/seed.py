"""Demo conference content for seed_demo: the series page at /motesplats/, three editions with programmes,
speakers, one recorded programme change (2021), recordings with captions (2022), and a coming edition (2027) that is
open for registration, with workshops, attendees and a waiting list, one unpublished session under preparation and,
besides its main stream, a stream with sign language interpretation.

Idempotent: the series is found by slug under the home page, editions by year, speakers by slug, sessions by
code within their edition and recordings by session, so running seed_demo again creates nothing new. The texts live
in the YAML files of conferences/demo/data/ (read when seeding, not when Django starts), the generated video and
captions come from conferences/demo/media.py and the attendees from conferences/demo/registrations.py.
"""

import datetime
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Site
from wagtail.rich_text import RichText

from arena.demo.data_files import load_demo_data
from arena.demo.taxonomy import ensure_focus_areas
from arena.models import Organisation, Person, SiteSettings
from conferences.admin.roles import grant_organiser_permissions
from conferences.demo.media import captions_name, ensure_file, ensure_session_captions, ensure_session_video, webvtt
from conferences.demo.registrations import seed_registrations
from conferences.models import (
    ConferenceEditionPage,
    ConferenceSeriesPage,
    EditionTrack,
    Recording,
    RecordingCaption,
    Registration,
    Session,
    SessionSpeaker,
)
from conferences.models.pages import EditionStreamLink
from conferences.registration.rules import NOT_OFFERED, NOT_YET, window_state

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DATA = Path(__file__).resolve().parent / "data"
# What a session in an edition file is unless it says otherwise; its track is the edition's first.
SESSION_DEFAULTS = {"type": "talk", "abstract": "", "speakers": [], "organisations": [], "focus": []}


def demo_data(name):
    """One of the files in conferences/demo/data/, e.g. demo_data("people")."""
    return load_demo_data(DATA / f"{name}.yaml")


def editions_data():
    """The editions (edition-<year>.yaml), oldest first, with each session's defaults filled in."""
    editions = [load_demo_data(path) for path in sorted(DATA.glob("edition-*.yaml"))]
    for edition in editions:
        defaults = {**SESSION_DEFAULTS, "track": edition["tracks"][0]["name"]}
        edition["sessions"] = [{**defaults, **item} for item in edition["sessions"]]
    return editions


def seed_conference_demo(home=None, organisations=(), stdout=None):
    if home is None:
        return
    people_data, editions = demo_data("people"), editions_data()
    areas = {area.slug: area for area in ensure_focus_areas()}
    orgs = {org.name: org for org in organisations}
    wanted = {data["organisation"] for data in people_data}
    for edition in editions:
        wanted.update(edition["organisers"])
        for session in edition["sessions"]:
            wanted.update(session["organisations"])
    orgs.update({org.name: org for org in Organisation.objects.filter(name__in=wanted - set(orgs))})
    series = ensure_series(home, demo_data("series"))
    grant_organiser_permissions(series)
    add_conference_to_main_menu(home, series)
    people = ensure_people(orgs, people_data)
    created = registered = 0
    for data in editions:
        edition = ensure_edition(series, data, orgs)
        ensure_stream_links(edition, data.get("more_stream_links", []))
        created += ensure_sessions(edition, data, people, orgs, areas)
        if data.get("registration"):
            keep_registration_open(edition, data)
            registered += seed_registrations(edition, demo_data("registrations"))
    recorded, without_video = ensure_recordings(demo_data("recordings"))
    if stdout is not None:
        stdout.write(
            f"Mötesplats: {ConferenceEditionPage.objects.count()} konferensdagar, "
            f"{Session.objects.published().count()} publicerade programpunkter ({created} nya), "
            f"{Recording.objects.count()} inspelningar ({recorded} nya), "
            f"{Registration.objects.active().count()} anmälningar ({registered} nya)."
        )
        if without_video:
            stdout.write(
                f"{without_video} inspelning(ar) med demovideon hoppades över: paketet av (PyAV) som gör videon "
                "finns bara i requirements-dev.txt. Installera det och kör seed_demo igen för att få med dem."
            )


def ensure_series(home, data):
    series = ConferenceSeriesPage.objects.child_of(home).filter(slug=data["slug"]).first()
    if series is None:
        series = ConferenceSeriesPage.objects.first()
    if series is not None:
        return series
    series = ConferenceSeriesPage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        body=[("paragraph", RichText(paragraph)) for paragraph in data["paragraphs"]],
        live=False,
    )
    home.add_child(instance=series)
    series.save_revision().publish()
    series.refresh_from_db()
    return series


def ensure_people(orgs, people_data):
    people = {}
    for data in people_data:
        person = Person.objects.filter(slug=data["slug"]).first() or Person.objects.filter(name=data["name"]).first()
        if person is None:
            person = Person.objects.create(
                slug=data["slug"],
                name=data["name"],
                job_title=data["job_title"],
                organisation=orgs.get(data["organisation"]),
                bio=data.get("bio", ""),
            )
        people[data["slug"]] = person
    return people


def local(day, hhmm):
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def ensure_edition(series, data, orgs):
    edition = ConferenceEditionPage.objects.filter(year=data["year"]).first()
    if edition is not None:
        return edition
    day = data["date"]
    registration = {}
    if data.get("registration"):
        opens, closes = registration_window(day, data["registration"])
        registration = {"registration_opens": opens, "registration_closes": closes, "capacity": data.get("capacity")}
    edition = ConferenceEditionPage(
        title=data["title"],
        slug=str(data["year"]),
        year=data["year"],
        date=day,
        theme=data["theme"],
        intro=data["intro"],
        format=data["format"],
        venue=data["venue"],
        stream_url=data["stream_url"],
        live=False,
        **registration,
    )
    edition.tracks = [
        EditionTrack(name=track["name"], room=track["room"], sort_order=order)
        for order, track in enumerate(data["tracks"])
    ]
    edition.organisers = [orgs[name] for name in data["organisers"] if name in orgs]
    series.add_child(instance=edition)
    edition.save_revision().publish()
    edition.refresh_from_db()
    return edition


def ensure_stream_links(edition, links):
    """Adds the edition's further streams (`links`: label and url each) that it lacks (by label), also to a demo
    seeded before they existed, and publishes that as a revision so the admin shows what the site shows."""
    have = set(edition.stream_links.values_list("label", flat=True))
    missing = [(link["label"], link["url"]) for link in links if link["label"] not in have]
    if not missing:
        return
    for order, (label, url) in enumerate(missing, start=len(have)):
        edition.stream_links.add(EditionStreamLink(label=label, url=url, sort_order=order))
    edition.save_revision().publish()


def registration_window(day, spec):
    """(opens, closes) for the coming edition: opened some days before today at 08:00, closes at 23:59 some days
    before the conference day, so registration is open whenever the demo is seeded before the deadline."""
    today = timezone.localdate()
    closes = datetime.datetime.combine(day - datetime.timedelta(days=spec["closes_days_before"]), datetime.time(23, 59))
    opens = datetime.datetime.combine(today - datetime.timedelta(days=spec["opens_days_ago"]), datetime.time(8, 0))
    # Seeded after the deadline the window stays valid (closed), opening a day before it closes.
    opens = min(opens, closes - datetime.timedelta(days=1))
    return opens.replace(tzinfo=STOCKHOLM), closes.replace(tzinfo=STOCKHOLM)


def keep_registration_open(edition, data):
    """A demo seeded before the window was relative (or with registration unset) gets today's window, once."""
    if window_state(edition) not in (NOT_YET, NOT_OFFERED):
        return
    edition.registration_opens, edition.registration_closes = registration_window(edition.date, data["registration"])
    edition.capacity = edition.capacity or data.get("capacity")
    edition.save_revision().publish()
    wanted = {item["code"]: item for item in data["sessions"] if item.get("registration_required")}
    for session in Session.objects.filter(edition=edition, code__in=wanted, registration_required=False):
        session.registration_required, session.capacity = True, wanted[session.code].get("capacity")
        session.full_clean()
        session.save_revision().publish()


def ensure_sessions(edition, data, people, orgs, areas):
    day = edition.date
    tracks = {track.name: track for track in EditionTrack.objects.filter(page=edition)}
    existing = set(Session.objects.filter(edition=edition).values_list("code", flat=True))
    created = []
    for item in data["sessions"]:
        if item["code"] in existing:
            continue
        session = Session(
            edition=edition,
            code=item["code"],
            title=item["title"],
            abstract=item["abstract"],
            start=local(day, item["start"]),
            end=local(day, item["end"]),
            track=tracks.get(item["track"]),
            session_type=item["type"],
            external_organisations=item.get("external", ""),
            is_featured=item.get("featured", False),
            do_not_record=item.get("do_not_record", False),
            registration_required=item.get("registration_required", False),
            capacity=item.get("capacity"),
            live=False,
        )
        session.session_speakers = [
            SessionSpeaker(person=people[slug], sort_order=order) for order, slug in enumerate(item["speakers"])
        ]
        session.organisations = [orgs[name] for name in item["organisations"] if name in orgs]
        session.focus_areas = [areas[slug] for slug in item["focus"]]
        session.full_clean()
        session.save()
        revision = session.save_revision()
        if not item.get("draft"):
            revision.publish()
        created.append(session.code)
    change = data.get("change")
    if change and change["session"] in created:
        # Published first, then moved: the signal records the programme change that the programme page shows.
        session = Session.objects.get(edition=edition, code=change["session"])
        session.start, session.end = local(day, change["start"]), local(day, change["end"])
        session.full_clean()
        session.save_revision().publish()
    return len(created)


def ensure_recordings(recordings):
    """Recordings for the sessions in `recordings` (recordings.yaml) that have none: a video of the session's own
    with captions from its transcript, or an external link with captions of its own. Each file is validated like an
    organiser's upload (full_clean). Returns (recordings created, recordings left out because the video cannot be
    generated here)."""
    created = without_video = 0
    for data in recordings:
        year, code = data["year"], data["session"]
        session = Session.objects.filter(edition__year=year, code=code, live=True).first()
        if session is None or session.do_not_record or Recording.objects.filter(session=session).exists():
            continue
        recording = Recording(session=session, transcript=data["transcript"])
        if data.get("external_url"):
            recording.external_url = data["external_url"]
            captions = {
                language: ensure_file(
                    captions_name(year, code, language),
                    partial(webvtt, [(cue["start"], cue["end"], cue["text"]) for cue in cues]),
                )
                for language, cues in data["own_captions"].items()
            }
        else:
            speakers = ", ".join(item.person.name for item in session.session_speakers.select_related("person"))
            video = ensure_session_video(year, code, session.title, speakers or session.edition.title)
            if video is None:
                without_video += 1
                continue
            recording.video = video
            captions = {
                language: ensure_session_captions(year, code, language, texts)
                for language, texts in data["captions"].items()
            }
        recording.full_clean()
        recording.save()
        for order, (language, name) in enumerate(captions.items()):
            caption = RecordingCaption(recording=recording, language=language, file=name, sort_order=order)
            caption.full_clean()
            caption.save()
        created += 1
    return created, without_video


def add_conference_to_main_menu(home, series):
    """Put "Mötesplats" in the demo site's main menu, after the blogs (once)."""
    site = Site.objects.filter(Q(root_page=home)).first()
    if site is None:
        return
    settings = SiteSettings.for_site(site)
    links = [(block.block_type, block.value) for block in settings.primary_navigation]
    if any(value.get("page") and value["page"].pk == series.pk for _kind, value in links):
        return
    links.insert(min(1, len(links)), ("link", {"label": "Mötesplats", "page": series, "url": ""}))
    settings.primary_navigation = links
    settings.save()
