"""The conference's answer to arena's search (arena.hooks.SEARCH_SOURCES): published sessions (title, abstract,
speakers) and the transcripts of their recordings, only what an anonymous visitor may see: published sessions of
published editions that have no view restriction. A recording is shown as it is on the session page: never for a
session marked "do not record", nor without a video file or link."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend

from arena.search.results import SearchHit, organisation_refs, relevance
from conferences.models import ConferenceEditionPage, Recording, Session, SessionSpeaker

RECORDING_ANCHOR = "#recording-heading"


def scores(text, model):
    """{pk: rank} of everything of `model` that matches, from the search index (ids and scores only)."""
    found = get_search_backend().search(text, model.objects.order_by().only("pk")).annotate_score("_score")
    return {obj.pk: relevance(obj._score) for obj in found}


def visible_sessions():
    public_editions = ConferenceEditionPage.objects.live().public().order_by().values("pk")
    return Session.objects.filter(live=True, edition__in=public_editions)


def with_organisations(sessions, prefix=""):
    return sessions.prefetch_related(
        f"{prefix}organisations",
        Prefetch(f"{prefix}session_speakers", queryset=SessionSpeaker.objects.select_related("person__organisation")),
    )


def session_organisations(session):
    speakers = session.session_speakers.all()
    return organisation_refs([*session.organisations.all(), *(speaker.person.organisation for speaker in speakers)])


def session_url(session, request):
    edition = session.edition
    return edition.get_url(request) + edition.reverse_subpage("session_route", kwargs={"code": session.code})


def session_hits(text, request):
    ranks = scores(text, Session)
    if not ranks:
        return []
    sessions = with_organisations(visible_sessions().filter(pk__in=ranks).select_related("edition"))
    label = _("Conference session")
    hits = []
    for session in sessions:
        speakers = ", ".join(speaker.person.name for speaker in session.session_speakers.all())
        hits.append(
            SearchHit(
                key=f"session:{session.pk}",
                title=session.title,
                url=session_url(session, request),
                kind="session",
                kind_label=label,
                rank=ranks[session.pk],
                text=" ".join(part for part in (session.abstract, speakers) if part),
                organisations=session_organisations(session),
            )
        )
    return hits


def recording_hits(text, request):
    ranks = scores(text, Recording)
    if not ranks:
        return []
    recordings = with_organisations(
        Recording.objects.filter(pk__in=ranks, session__in=visible_sessions(), session__do_not_record=False)
        .exclude(video="", external_url="")
        .select_related("session__edition"),
        prefix="session__",
    )
    label = _("Recording")
    return [
        SearchHit(
            key=f"recording:{recording.pk}",
            title=_("Recording: %(title)s") % {"title": recording.session.title},
            url=session_url(recording.session, request) + RECORDING_ANCHOR,
            kind="recording",
            kind_label=label,
            rank=ranks[recording.pk],
            text=recording.transcript or recording.session.abstract,
            organisations=session_organisations(recording.session),
        )
        for recording in recordings
    ]


def search_hits(text, request):
    return session_hits(text, request) + recording_hits(text, request)
