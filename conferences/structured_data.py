"""schema.org JSON-LD of the conference pages: an edition is an Event with the published sessions as its sub-events;
a session is an Event with its speakers as performers and, once recorded, a VideoObject with captions and transcript.

Only what anonymous visitors may see is described: never a preview (a draft) nor an edition behind a view
restriction, and only published sessions (the pages hand over nothing else). Like conferences.programme, this module
never imports the conference models; what it needs comes through the page and the sessions it is given."""

from django.utils import timezone

from arena import structured_data
from arena.site_url import absolute_url

SCHEDULED = "https://schema.org/EventScheduled"
RESCHEDULED = "https://schema.org/EventRescheduled"
ATTENDANCE_MODES = {
    "digital": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
    "on_site": "https://schema.org/OfflineEventAttendanceMode",
}


def _time(value):
    """ISO 8601 in Stockholm time with its offset, as the pages show it."""
    return timezone.localtime(value).isoformat()


class _Edition:
    """One edition's addresses, worked out once: every session and speaker link hangs off the edition's."""

    def __init__(self, request, page):
        self.page = page
        self.path = page.get_url(request)
        self.url = absolute_url(self.path)

    def route(self, name, **kwargs):
        return absolute_url(self.path + self.page.reverse_subpage(name, kwargs=kwargs))

    def location(self, room=""):
        """Where the edition or one of its rooms is: the venue on site, the stream online, both when hybrid."""
        page = self.page
        places = []
        if page.format != page.Format.DIGITAL and page.venue:
            venue = {"@type": "Place", "name": page.venue, "address": page.venue}
            places.append({"@type": "Place", "name": room, "containedInPlace": venue} if room else venue)
        if page.format != page.Format.ON_SITE:
            # The edition's page, never the stream itself: stream links are shown only on the day (/motesplats/idag/).
            online = {"@type": "VirtualLocation", "url": self.url, "name": room}
            places.append(structured_data.without_empty(online))
        return places

    def event(self, sessions):
        page = self.page
        node = {
            "@type": "Event",
            "url": self.url,
            "name": page.title,
            "description": page.intro or page.theme,
            "about": page.theme,
            "inLanguage": "sv",
            # The day's first start and last end; before the programme is published, the date alone.
            "startDate": _time(min(session.start for session in sessions)) if sessions else page.date.isoformat(),
            "endDate": _time(max(session.end for session in sessions)) if sessions else page.date.isoformat(),
            "eventStatus": SCHEDULED,
            "eventAttendanceMode": ATTENDANCE_MODES.get(page.format),
            "location": self.location(),
            "organizer": [structured_data.organization(organisation) for organisation in page.organisers.all()],
        }
        return structured_data.without_empty(node)

    def session_event(self, session, *, changes=None, nested=False):
        """A session as an Event. With its programme changes (the session page has them), a moved session says so;
        `nested` in the edition's own Event, it leaves out that edition as its super-event."""
        track = session.track
        node = {
            "@type": "Event",
            "url": self.route("session_route", code=session.code),
            "name": session.title,
            "description": session.abstract,
            "inLanguage": "sv",
            "startDate": _time(session.start),
            "endDate": _time(session.end),
            "eventAttendanceMode": ATTENDANCE_MODES.get(self.page.format),
            "location": self.location((track.room or track.name) if track else ""),
            "performer": [
                structured_data.person(link.person, url=self.route("speaker_route", slug=link.person.slug))
                for link in session.session_speakers.all()
            ],
            "organizer": [structured_data.organization(organisation) for organisation in session.organisations.all()],
            "superEvent": None if nested else {"@type": "Event", "name": self.page.title, "url": self.url},
        }
        if changes is not None:
            node["eventStatus"] = RESCHEDULED if changes else SCHEDULED
            if changes:
                node["previousStartDate"] = _time(min(changes, key=lambda change: change.changed_at).old_start)
        return structured_data.without_empty(node)


def video_object(session, recording):
    """A recording as a VideoObject: the file (on the site or elsewhere), its caption tracks and the transcript."""
    node = {
        "@type": "VideoObject",
        "name": session.title,
        "description": session.abstract or session.title,
        "inLanguage": "sv",
        "uploadDate": _time(recording.created_at),
        "caption": [
            {
                "@type": "MediaObject",
                "contentUrl": absolute_url(caption.file.url),
                "encodingFormat": "text/vtt",
                "inLanguage": caption.language,
            }
            for caption in recording.captions.all()
        ],
        "transcript": recording.transcript,
    }
    if recording.plays_here:
        node["contentUrl"] = absolute_url(recording.video_url)
        node["encodingFormat"] = recording.mime_type
    else:
        node["url"] = recording.external_url  # a page on a video service, not a file
    return structured_data.without_empty(node)


def edition_script(request, page, sessions):
    """The edition page's data block: the day as an Event, its published sessions as sub-events."""
    if not structured_data.is_public(request, page):
        return ""
    edition = _Edition(request, page)
    node = edition.event(sessions)
    if sessions:
        node["subEvent"] = [edition.session_event(session, nested=True) for session in sessions]
    return structured_data.script(node)


def session_script(request, page, session, *, changes, recording):
    """The session page's data block: the session as an Event, recorded in a VideoObject when there is one."""
    if not structured_data.is_public(request, page):
        return ""
    node = _Edition(request, page).session_event(session, changes=changes)
    if recording is not None:
        node["recordedIn"] = video_object(session, recording)
    return structured_data.script(node)
