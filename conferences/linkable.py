"""Conference sessions and recordings as content arena's pages may link to (arena.hooks.LINKABLE_CONTENT). A
session or recording is referred to as "<year>/<session code>", e.g. "2022/ai-i-handlaggningen"."""

from django.utils.translation import gettext_lazy as _

from arena.linkable_content import LinkableType
from arena.visibility import without_page_restrictions
from conferences.models import Recording, Session


def published_sessions():
    """Published sessions of published editions that no view restriction covers (checked in SQL)."""
    sessions = without_page_restrictions(Session.objects.filter(live=True, edition__live=True), "edition__path")
    return sessions.select_related("edition").order_by("-start", "title")


def published_recordings():
    """Recordings shown on their published session's page."""
    recordings = without_page_restrictions(
        Recording.objects.published().filter(session__do_not_record=False), "session__edition__path"
    )
    return recordings.defer("transcript").select_related("session", "session__edition").order_by("-session__start")


def _split(reference):
    year, _sep, code = reference.partition("/")
    return (int(year), code) if year.isdigit() and code else (None, None)


def find_session(reference):
    year, code = _split(reference)
    return published_sessions().filter(edition__year=year, code=code).first() if year else None


def find_recording(reference):
    year, code = _split(reference)
    return published_recordings().filter(session__edition__year=year, session__code=code).first() if year else None


def linkable_sessions():
    return LinkableType(
        key="session",
        label=_("Conference session"),
        model=Session,
        published=published_sessions,
        find=find_session,
        meta=lambda session: session.edition.title,
    )


def linkable_recordings():
    return LinkableType(
        key="recording",
        label=_("Recording"),
        model=Recording,
        published=published_recordings,
        find=find_recording,
        url=lambda recording: recording.session.get_url(),
        meta=lambda recording: recording.session.edition.title,
    )
