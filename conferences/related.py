"""The conference's answer to arena's related-content hooks: published sessions of published editions about some
focus areas, and the version that changes when a session is published."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from arena.related_content import RelatedGroup, RelatedItem
from conferences.models import Session


def related_sessions(query):
    sessions = []
    if query.focus_area_ids:
        ids = Session.objects.filter(live=True, edition__live=True, focus_areas__in=query.focus_area_ids)
        sessions = (
            Session.objects.filter(pk__in=ids.values("pk")).select_related("edition").order_by("-start")[: query.limit]
        )
    return RelatedGroup(
        key="sessions",
        heading=_("Conference sessions"),
        empty_message=_("No conference sessions on this subject yet."),
        items=[
            RelatedItem(title=session.title, url=session.get_url(), meta=session.edition.title) for session in sessions
        ],
    )


def sessions_version():
    latest = Session.objects.aggregate(latest=Max("last_published_at"))["latest"]
    return latest.isoformat() if latest else "0"
