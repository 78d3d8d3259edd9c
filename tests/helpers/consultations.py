"""Consultation pages for tests: the /inspel/ index and consultations open, upcoming or closed around now."""

from datetime import timedelta

from django.utils import timezone

QUESTION = "Vad tycker du om förslaget?"
WORKPLACE = "Var arbetar du?"
QUESTION_NAME = "vad_tycker_du_om_forslaget"
WORKPLACE_NAME = "var_arbetar_du"
DEFAULT_FIELDS = [
    {"label": QUESTION, "field_type": "multiline", "required": True},
    {"label": WORKPLACE, "field_type": "dropdown", "required": False, "choices": "I en förvaltning\nI ett bolag"},
]
PRIVACY = "<p>Svaren läses av projektgruppen och används bara i arbetet med planen.</p>"


def consultation_index(home):
    from arena.models import ConsultationIndexPage

    existing = ConsultationIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    return home.add_child(instance=ConsultationIndexPage(title="Inspel", slug="inspel", intro="Tyck till."))


def add_consultation(index, title="Inspel om planen", slug=None, state="open", fields=None, **extra):
    """A live consultation under `index`: `state` open (since yesterday, for a week), upcoming (from tomorrow) or
    closed (a week ago); `extra` sets any other field (owner, ask_for_email, closed_summary, opens_at …)."""
    from arena.models import ConsultationFormField, ConsultationPage

    now = timezone.now()
    opens_at, closes_at = {
        "open": (now - timedelta(days=1), now + timedelta(days=7)),
        "upcoming": (now + timedelta(days=1), now + timedelta(days=14)),
        "closed": (now - timedelta(days=30), now - timedelta(days=7)),
    }[state]
    values = {
        "title": title,
        "slug": slug or f"inspel-{ConsultationPage.objects.count() + 1}",
        "intro": "Vi vill veta vad du tycker.",
        "opens_at": opens_at,
        "closes_at": closes_at,
        "privacy_notice": PRIVACY,
        "to_address": "inspel@exempel.test",
    }
    values.update(extra)
    page = index.add_child(instance=ConsultationPage(**values))
    for order, field in enumerate(DEFAULT_FIELDS if fields is None else fields):
        ConsultationFormField.objects.create(page=page, sort_order=order, **field)
    return page
