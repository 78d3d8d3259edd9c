"""HTTP for change projects: the index with filters, a project page's extra context, proposals, following and the
one-click unsubscribe. Queries come from arena.projects.queries, rules from arena.projects.services."""

from functools import cache, partial

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from arena import fragments, pagination
from arena.pagination import frozen, paginate
from arena.projects import queries, services
from arena.projects.forms import ProjectFilterForm, ProposalForm
from arena.rate_limit import FixedWindow

PROJECTS_PER_PAGE = 12
DETAIL_NAMES = ("partners", "updates", "documents", "linked_items")  # arena.projects.queries.project_details
# Each proposal e-mails every arena editor: one staff account must not be able to flood their inboxes.
PROPOSALS = FixedWindow(
    "project-proposals", limit_setting="PROPOSAL_RATE_LIMIT", minutes_setting="PROPOSAL_RATE_LIMIT_MINUTES"
)


def project_index(request, page):
    # The filter choices and the page of projects are cached per audience at the content version (arena.fragments:
    # publishing purges them); the template caches the rendered list the same way.
    choices = fragments.cached(request, "project-filter-choices", lambda: queries.filter_choices(request.user))
    form = ProjectFilterForm(request.GET, **choices)
    is_valid = form.is_valid()
    filters = form.active_filters()

    def listing():
        projects = queries.filter_projects(
            queries.for_listing(queries.projects_visible_to(request.user)),
            organisation=filters.get("organisation"),
            status=filters.get("status"),
            focus_area=filters.get("fokus"),
            year=filters.get("ar"),
        )
        return frozen(paginate(request, projects, PROJECTS_PER_PAGE))

    # The page of projects is read from the cache only when the template's fragment is a miss; the title's page
    # numbers are cached on their own (computing them runs the listing, which 404s a page past the end).
    projects = fragments.lazy(request, "project-list", listing)
    context = page.get_context(request)
    context.update(
        projects=projects,
        listing_head=fragments.cached(request, "project-list-head", lambda: pagination.head(projects)),
        filter_form=form,
        active_filters=[(form[name], form[name].data) for name in filters],
        **choices,
    )
    return TemplateResponse(
        request, "arena/projects/change_project_index_page.html", context, status=200 if is_valid else 400
    )


def project_context(request, project):
    # Lazy: the template reads the details inside cached fragments (arena.fragments), so a hit runs none of their
    # queries. Whether the user follows the project is personal and stays outside them.
    details = cache(partial(queries.project_details, project, request))
    context = {name: SimpleLazyObject(lambda name=name: details()[name]) for name in DETAIL_NAMES}
    context["is_following"] = SimpleLazyObject(partial(queries.is_following, request.user, project))
    # The index routed this request to the project (ChangeProjectIndexPage.route); a preview has no such request.
    # (arena.views.pages.serve, the cached routing, skips that route: the index then comes from the cache too.)
    context["project_index"] = getattr(request, "project_index", None) or fragments.cached(
        request, "project-index", queries.project_index, per_audience=False
    )
    return context


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def propose_project(request, index):
    if not request.user.is_authenticated:
        return redirect_to_login(index.route_url("proposal_route"))
    form = ProposalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if PROPOSALS.is_exceeded(request.user.pk):
            return _too_many_proposals(request, index, form)
        if form.is_valid():
            PROPOSALS.consume(request.user.pk)
            services.create_proposal(index, request.user, **form.cleaned_data)
            messages.success(
                request, _("Thank you! Your proposal has been sent to the arena editors, who will contact you.")
            )
            return redirect(index.url)
    status = 400 if form.is_bound and form.errors else 200
    return _proposal_page(request, index, form, status=status)


def _proposal_page(request, index, form, *, status, refusal=""):
    context = index.get_context(request)
    context.update(form=form, refusal=refusal)
    return TemplateResponse(request, "arena/projects/proposal_page.html", context, status=status)


def _too_many_proposals(request, index, form):
    hours = max(1, PROPOSALS.seconds() // 3600)
    refusal = ngettext(
        "You have already sent %(count)d proposals within %(hours)d hour, so this one was not saved. What you wrote "
        "is still in the form: send it later, or write to the arena editors.",
        "You have already sent %(count)d proposals within %(hours)d hours, so this one was not saved. What you wrote "
        "is still in the form: send it later, or write to the arena editors.",
        hours,
    ) % {"count": PROPOSALS.limit(), "hours": hours}
    form.is_valid()  # shows the proposal as it was sent, with any errors
    response = _proposal_page(request, index, form, status=429, refusal=refusal)
    response["Retry-After"] = str(PROPOSALS.seconds())
    return response


@never_cache
@require_http_methods(["POST"])
def follow_project(request, index, project_id):
    project = queries.projects_visible_to(request.user).child_of(index).filter(pk=project_id).first()
    if project is None:
        raise Http404(_("There is no such change project."))
    if not request.user.is_authenticated:
        return redirect_to_login(project.url)
    if request.POST.get("action") == "unfollow":
        services.unfollow(request.user, project)
        messages.success(request, _("You no longer follow “%(title)s”.") % {"title": project.title})
    else:
        services.follow(request.user, project)
        messages.success(
            request,
            _("You follow “%(title)s”. We e-mail you when the project publishes an update.") % {"title": project.title},
        )
    return redirect(project.url)


@never_cache
@csrf_exempt  # the signed token is the authority, and mail clients' one-click POST (RFC 8058) has no CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    pair = services.read_unsubscribe_token(token)
    if pair is None:
        return TemplateResponse(request, "arena/projects/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        project, _ended = services.unsubscribe(token)
        return TemplateResponse(request, "arena/projects/unsubscribe.html", {"project": project, "done": True})
    project = queries.projects_visible_to(request.user).filter(pk=pair[1]).first()
    return TemplateResponse(request, "arena/projects/unsubscribe.html", {"project": project, "token": token})
