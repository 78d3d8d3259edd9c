"""Conference sessions and recordings as content arena's pages may link to (arena.hooks.LINKABLE_CONTENT). A
session or recording is referred to as "<year>/<session code>", e.g. "2022/ai-i-handlaggningen"."""

from django.utils.translation import gettext_lazy as _

from arena.linkable_content import LinkableType
from conferences.models import ConferenceEditionPage, Recording, Session


def published_sessions():
    """Published sessions of published, public editions."""
    return (
        Session.objects.filter(live=True, edition__live=True, edition__in=_public_editions())
        .select_related("edition")
        .order_by("-start", "title")
    )


def published_recordings():
    return (
        Recording.objects.published()
        .filter(session__edition__in=_public_editions(), session__do_not_record=False)
        .defer("transcript")
        .select_related("session", "session__edition")
        .order_by("-session__start")
    )


def _public_editions():
    return ConferenceEditionPage.objects.live().public().values("pk")


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
