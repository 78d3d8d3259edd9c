"""The attendee's registration page (/motesplats/<year>/anmalan/) and cancellation (…/anmalan/avboka/<id>/: GET asks
for confirmation, POST cancels).

Both are personal: login required, and every response is marked private and uncacheable so neither the anonymous
page cache nor a shared proxy keeps one person's registrations. The rules themselves live in
conferences/registration/rules.py; these views only translate between the form and those rules. The edition page's
routes call them with the page; this module never imports the conference models."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from arena.models import Organisation
from conferences.registration import rules
from conferences.registration.constants import RegistrationStatus
from conferences.registration.forms import RegistrationForm


def window_summary(edition, now=None):
    """The registration window in words, for this page and the box on the edition page."""
    state = rules.window_state(edition, now)
    day_passed = edition.date is not None and timezone.localdate(now) > edition.date  # a draft may have no day yet
    summary = {"state": state, "is_open": state == rules.OPEN, "day_passed": day_passed}
    if state == rules.OPEN:
        if edition.registration_closes:
            when = date_format(timezone.localtime(edition.registration_closes), "j F Y \\k\\l. H:i")
            summary["text"] = _("Registration is open until %(when)s.") % {"when": when}
        else:
            summary["text"] = _("Registration is open.")
    else:
        try:
            rules.check_window(edition, now)
        except rules.RegistrationError as refusal:
            summary["text"] = str(refusal)
    return summary


def _offered_sessions(edition, day, session_registrations):
    """Registrable sessions the attendee doesn't hold yet, with their confirmed count (one query for any number).
    None while the attendee waits for a place on the day: workshops need a place on the day first."""
    if day is not None and day.status == RegistrationStatus.WAITLISTED:
        return rules.registrable_sessions(edition).none()
    return (
        rules.registrable_sessions(edition)
        .exclude(pk__in=[registration.session_id for registration in session_registrations])
        .select_related("track")
        .annotate(confirmed_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)))
    )


def _current(user, edition):
    registrations = list(edition.registrations.own(user).active().select_related("session", "session__track"))
    for registration in registrations:
        registration.edition = edition
        registration.position = rules.waiting_list_position(registration)
    day = next((registration for registration in registrations if not registration.session_id), None)
    sessions = sorted(
        (registration for registration in registrations if registration.session_id),
        key=lambda registration: (registration.session.start, registration.session.title),
    )
    return day, sessions


def _render(request, edition, *, form=None, refusal=None, status=200):
    """The page; `refusal` is a message from the rules that stopped the request before any form was involved."""
    day, session_registrations = _current(request.user, edition)
    offered = _offered_sessions(edition, day, session_registrations)
    if form is None:
        form = RegistrationForm(
            sessions=offered,
            organisations=Organisation.objects.for_user(request.user),
            registered_for_day=day is not None,
            initial={
                "attend_day": day is not None,
                "needs": day.needs if day else "",
                "organisation": day.organisation_id if day else None,
            },
        )
    chosen = {str(value) for value in form["sessions"].value() or []}
    choices = []
    for session in offered:
        session.places_left = rules.places_left(session.capacity, session.confirmed_count)
        choices.append({"session": session, "checked": str(session.pk) in chosen})
    context = edition.get_context(request)
    context.update(
        window=window_summary(edition),
        form=form,
        refusal=refusal,
        day_registration=day,
        session_registrations=session_registrations,
        session_choices=choices,
    )
    return TemplateResponse(request, "conferences/registration_page.html", context, status=status)


def _success_message(registration, existing_ids):
    title = registration.session.title if registration.session_id else registration.edition.title
    if registration.pk in existing_ids:
        return _("Your registration for %(title)s is updated.") % {"title": title}
    if registration.status == RegistrationStatus.WAITLISTED:
        position = rules.waiting_list_position(registration)
        if registration.session_id:
            return _("You are on the waiting list for “%(title)s”, place %(position)s.") % {
                "title": title,
                "position": position,
            }
        return _("You are on the waiting list for the day, place %(position)s.") % {"position": position}
    if registration.session_id:
        return _("You are registered for “%(title)s”.") % {"title": title}
    return _("You are registered for %(title)s.") % {"title": title}


def _submit(request, edition):
    try:
        rules.check_window(edition)
    except rules.RegistrationError as refusal:
        return _render(request, edition, refusal=str(refusal), status=400)
    day, session_registrations = _current(request.user, edition)
    offered = _offered_sessions(edition, day, session_registrations)
    form = RegistrationForm(
        request.POST,
        sessions=offered,
        organisations=Organisation.objects.for_user(request.user),
        registered_for_day=day is not None,
    )
    if not form.is_valid():
        return _render(request, edition, form=form, status=400)
    existing_ids = {registration.pk for registration in session_registrations}
    if day is not None:
        existing_ids.add(day.pk)
    organisation = form.organisation()
    try:
        # One transaction for the whole form: a refused workshop leaves the day and the other workshops unsaved too.
        with transaction.atomic():
            results = []
            if form.wants_day():
                results.append(
                    rules.register_for_day(
                        request.user, edition, organisation=organisation, needs=form.cleaned_data["needs"]
                    )
                )
            for session in form.cleaned_data["sessions"]:
                session.edition = edition
                results.append(rules.register_for_session(request.user, session, organisation=organisation))
    except rules.RegistrationError as refusal:
        message = str(refusal)
        if isinstance(refusal, rules.DayWaitlistedError) and day is None:
            # This form made the day registration, and it is rolled back with the rest: they are on no waiting list.
            message = _(
                "The conference day is full. Register for the day without workshops to join its waiting list; you "
                "can sign up for workshops once you have a place."
            )
        form.add_error(None, message)
        return _render(request, edition, form=form, status=400)
    for registration in results:
        registration.edition = edition
        messages.success(request, _success_message(registration, existing_ids))
    if any(registration.pk not in existing_ids for registration in results):
        messages.info(request, _("We are e-mailing you a confirmation."))
    return redirect(edition.route_url("registration_route"))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def registration_page(request, edition):
    if request.method == "POST":
        return _submit(request, edition)
    return _render(request, edition)


def _confirm_cancellation(request, edition, registration):
    """The question before a cancellation (WCAG 3.3.4): what is lost, and that a place comes back only through the
    waiting list. Cancelling the day cancels every workshop too, so they are listed."""
    _day, session_registrations = _current(request.user, edition)
    context = edition.get_context(request)
    context.update(
        registration=registration,
        lost_workshops=[] if registration.session_id else session_registrations,
    )
    return TemplateResponse(request, "conferences/cancel_registration_page.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def cancel_registration(request, edition, registration_id):
    """GET asks for confirmation (the registration page links the day's cancellation here); POST cancels."""
    if not request.user.is_authenticated:
        # After logging in, a GET comes back to the question; a POST cannot be replayed, so it goes to the page.
        if request.method == "POST":
            return redirect_to_login(edition.route_url("registration_route"))
        return redirect_to_login(edition.route_url("cancel_registration_route", registration_id))
    registration = edition.registrations.own(request.user).select_related("session").filter(pk=registration_id).first()
    if registration is None:
        raise Http404(_("You have no such registration."))
    if not registration.is_active:
        messages.info(request, _("That registration was already cancelled."))
        return redirect(edition.route_url("registration_route"))
    if timezone.localdate() > edition.date:
        refusal = _("The conference day has passed, so there is nothing to cancel.")
        return _render(request, edition, refusal=refusal, status=400)
    if request.method != "POST":
        return _confirm_cancellation(request, edition, registration)
    rules.cancel(registration, by=request.user)
    if registration.session_id:
        messages.success(request, _("Your place in “%(title)s” is cancelled.") % {"title": registration.session.title})
    else:
        messages.success(
            request,
            _("Your registration for %(title)s is cancelled, together with your workshops.") % {"title": edition.title},
        )
    return redirect(edition.route_url("registration_route"))
