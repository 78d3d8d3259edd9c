"""Demo conference content for seed_demo: the series page at /motesplats/, three editions with programmes,
speakers, one recorded programme change (2021) and one unpublished session under preparation (2027).

Idempotent: the series is found by slug under the home page, editions by year, speakers by slug and sessions by
code within their edition, so running seed_demo again creates nothing new. The texts live in
conferences/demo_programme.py.
"""

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Q
from wagtail.models import Site
from wagtail.rich_text import RichText

from arena.demo import demo_seeder
from arena.demo.taxonomy import ensure_focus_areas
from arena.models import Organisation, Person, SiteSettings
from conferences.demo_programme import EDITIONS, PEOPLE, SERIES
from conferences.models import ConferenceEditionPage, ConferenceSeriesPage, EditionTrack, Session, SessionSpeaker
from conferences.roles import grant_organiser_permissions

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@demo_seeder
def seed_conference_demo(home=None, organisations=(), stdout=None):
    if home is None:
        return
    areas = {area.slug: area for area in ensure_focus_areas()}
    orgs = {org.name: org for org in organisations}
    wanted = {data["organisation"] for data in PEOPLE}
    for edition in EDITIONS:
        wanted.update(edition["organisers"])
        for session in edition["sessions"]:
            wanted.update(session["organisations"])
    orgs.update({org.name: org for org in Organisation.objects.filter(name__in=wanted - set(orgs))})
    series = ensure_series(home)
    grant_organiser_permissions(series)
    add_conference_to_main_menu(home, series)
    people = ensure_people(orgs)
    created = 0
    for data in EDITIONS:
        edition = ensure_edition(series, data, orgs)
        created += ensure_sessions(edition, data, people, orgs, areas)
    if stdout is not None:
        stdout.write(
            f"Mötesplats: {ConferenceEditionPage.objects.count()} konferensdagar, "
            f"{Session.objects.published().count()} publicerade programpunkter ({created} nya)."
        )


def ensure_series(home):
    series = ConferenceSeriesPage.objects.child_of(home).filter(slug=SERIES["slug"]).first()
    if series is None:
        series = ConferenceSeriesPage.objects.first()
    if series is not None:
        return series
    series = ConferenceSeriesPage(
        title=SERIES["title"],
        slug=SERIES["slug"],
        intro=SERIES["intro"],
        body=[(kind, RichText(value)) for kind, value in SERIES["body"]],
        live=False,
    )
    home.add_child(instance=series)
    series.save_revision().publish()
    series.refresh_from_db()
    return series


def ensure_people(orgs):
    people = {}
    for data in PEOPLE:
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
    day = datetime.date.fromisoformat(data["date"])
    registration = {
        key: datetime.datetime.fromisoformat(data[key]).replace(tzinfo=STOCKHOLM)
        for key in ("registration_opens", "registration_closes")
        if data.get(key)
    }
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
        EditionTrack(name=name, room=room, sort_order=order) for order, (name, room) in enumerate(data["tracks"])
    ]
    edition.organisers = [orgs[name] for name in data["organisers"] if name in orgs]
    series.add_child(instance=edition)
    edition.save_revision().publish()
    edition.refresh_from_db()
    return edition


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
    if change and change[0] in created:
        # Published first, then moved: the signal records the programme change that the programme page shows.
        session = Session.objects.get(edition=edition, code=change[0])
        session.start, session.end = local(day, change[1]), local(day, change[2])
        session.full_clean()
        session.save_revision().publish()
    return len(created)


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
