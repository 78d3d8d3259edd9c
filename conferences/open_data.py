"""The conference programmes as open data (an arena.hooks.OPEN_DATASETS answer): every published session of every
published edition that anyone may see, one row each. Drafts and restricted editions stay out."""

from django.db.models import Max
from django.utils.translation import gettext as _

from arena.open_data.datasets import Column, Dataset
from arena.site_url import absolute_url
from conferences.linkable import published_sessions
from conferences.programme.times import site_time

SEPARATOR = "; "


def _columns():
    return (
        Column("conference", "string", _("The conference edition.")),
        Column("year", "integer", _("The edition's year.")),
        Column("code", "string", _("The session's identifier within the edition.")),
        Column("title", "string", _("The session's title.")),
        Column("abstract", "string", _("What the session is about.")),
        Column("start", "string", _("When the session starts (Swedish time, with its offset)."), format="date-time"),
        Column("end", "string", _("When the session ends (Swedish time, with its offset)."), format="date-time"),
        Column("track", "string", _("The track (parallel room or channel)."), nullable=True),
        Column("room", "string", _("The room or channel of the track."), nullable=True),
        Column("type", "string", _("The kind of session, e.g. talk or workshop.")),
        Column("speakers", "string", _("The speakers' names, separated by semicolons.")),
        Column("organisations", "string", _("The organisations involved, separated by semicolons.")),
        Column("focus_areas", "string", _("The city's focus areas, separated by semicolons.")),
        Column("url", "string", _("The session's page."), format="uri"),
    )


def _organisations(session):
    names = [organisation.name for organisation in session.organisations.all()]
    names += [name.strip() for name in session.external_organisations.split(",") if name.strip()]
    return SEPARATOR.join(names)


def _rows():
    sessions = (
        published_sessions()
        .for_programme()
        .select_related("edition", "track")
        .order_by("edition__year", "start", "track__sort_order", "title")
    )
    for session in sessions:
        yield {
            "conference": session.edition.title,
            "year": session.edition.year,
            "code": session.code,
            "title": session.title,
            "abstract": session.abstract,
            "start": site_time(session.start).isoformat(),
            "end": site_time(session.end).isoformat(),
            "track": session.track.name if session.track else None,
            "room": (session.track.room or None) if session.track else None,
            "type": session.get_session_type_display(),
            "speakers": SEPARATOR.join(speaker.person.name for speaker in session.session_speakers.all()),
            "organisations": _organisations(session),
            "focus_areas": SEPARATOR.join(area.name for area in session.focus_areas.all()),
            "url": absolute_url(session.get_url()),
        }


def _modified():
    return published_sessions().aggregate(latest=Max("last_published_at"))["latest"]


def programmes_dataset():
    return Dataset(
        slug="konferensprogram",
        title=_("Conference programmes"),
        description=_(
            "Every published session of the conference's published editions: time, track, speakers, the "
            "organisations involved and a link to the session's page."
        ),
        columns=_columns(),
        rows=_rows,
        modified=_modified,
        themes=("GOVE", "EDUC"),
        keywords=(_("conference"), _("programme"), _("digitalisation")),
    )
