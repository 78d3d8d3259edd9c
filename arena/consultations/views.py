"""HTTP for consultations: the index's listing, and a consultation page's GET and POST.

A consultation takes answers only while it is open. Before and after, the page says so and shows no form, and a
POST is refused (403) with nothing saved. While open, a POST is checked in this order: the rate limit (429), the
honeypot (a robot is shown the thank-you page and nothing is kept), the answers (400 with the form and its errors).
"""

from bisect import bisect_right
from functools import partial

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from arena import fragments, pagination
from arena.consultations import queries, rate_limit, services
from arena.models import ConsultationState
from arena.pagination import frozen, paginate

CONSULTATIONS_PER_PAGE = 10


def index_context(request, index_page):
    """The listing, cached per audience (arena.fragments) for as long as no consultation opens or closes: the key
    holds how many of those moments have passed (`clock_epoch`), so the first request after one renders afresh.
    The page of consultations is read only when the template's fragment is a miss; the title's page numbers are
    cached apart."""
    epoch = bisect_right(_moments(request, index_page), timezone.now())

    def listing():
        return frozen(paginate(request, queries.listing(index_page, request.user), CONSULTATIONS_PER_PAGE))

    consultations = fragments.lazy(request, "consultation-listing", listing, vary=(epoch,))
    head = fragments.cached(request, "consultation-listing-head", lambda: pagination.head(consultations), vary=(epoch,))
    return {"consultations": consultations, "listing_head": head, "clock_epoch": epoch}


def serve_index(request, index_page, response):
    """The index as Wagtail rendered it; kept out of the anonymous page cache when a consultation is about to open
    or close, so no visitor is shown a stale state."""
    if queries.state_changes_within(_moments(request, index_page), settings.PAGE_CACHE_SECONDS):
        add_never_cache_headers(response)
    return response


def _moments(request, index_page):
    """The index's opening and closing moments, cached for everyone at the content version (publishing a
    consultation purges it) and kept on the request for its serve()."""
    if not hasattr(request, "_consultation_moments"):
        request._consultation_moments = fragments.cached(
            request, "consultation-moments", partial(queries.state_change_moments, index_page), per_audience=False
        )
    return request._consultation_moments


def _render(request, page, state, form=None, refusal=None, status=200):
    context = page.get_context(request)
    context.update(
        state=state,
        form=form,
        refusal=refusal,
        deletion_date=services.deletion_date(page),
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def preview_consultation(request, page, mode):
    """The admin's preview, whatever the dates: the form (mode "form") or the closed page (mode "closed")."""
    if mode == "closed":
        return _render(request, page, ConsultationState.CLOSED)
    return _render(request, page, ConsultationState.OPEN, form=page.get_form(page=page, user=request.user))


def serve_consultation(request, page):
    state = page.state()
    if state != ConsultationState.OPEN:
        if request.method == "POST":
            refusal = (
                _("This consultation has not opened yet, so your answer was not saved.")
                if state == ConsultationState.UPCOMING
                else _("This consultation is closed, so your answer was not saved.")
            )
            return _render(request, page, state, refusal=refusal, status=403)
        response = _render(request, page, state)
        if state == ConsultationState.UPCOMING:
            add_never_cache_headers(response)  # the anonymous page cache must not outlive the opening
        return response

    if request.method != "POST":
        return _render(request, page, state, form=page.get_form(page=page, user=request.user))

    form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
    if rate_limit.is_exceeded(request, page):
        return _too_many(request, page, state, form)
    if form.honeypot_filled():
        rate_limit.consume(request, page)
        return page.render_landing_page(request)
    if not form.is_valid():
        return _render(request, page, state, form=form, status=400)
    if not rate_limit.consume(request, page):
        return _too_many(request, page, state, form)
    submission = page.process_form_submission(form)
    return page.render_landing_page(request, submission)


def _too_many(request, page, state, form):
    minutes = rate_limit.window_seconds() // 60
    refusal = ngettext(
        "You have sent many answers in a short time, so this one was not saved. Wait %(minutes)d minute and "
        "send it again: what you wrote is still in the form.",
        "You have sent many answers in a short time, so this one was not saved. Wait %(minutes)d minutes and "
        "send it again: what you wrote is still in the form.",
        minutes,
    ) % {"minutes": minutes}
    form.is_valid()  # shows the answers as they were sent, with any errors
    response = _render(request, page, state, form=form, refusal=refusal, status=429)
    response["Retry-After"] = str(rate_limit.window_seconds())
    return response
