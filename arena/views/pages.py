"""Serving Wagtail pages: wagtail.views.serve, with the page lookup and view restrictions from arena.page_routing.

It runs the same hooks in the same order as Wagtail's view. The one difference is Wagtail's own view-restriction
check (an on_serve_page hook that reads the page's ancestors and their restrictions from the database on every
request), which is swapped for check_view_restrictions below: the same decisions from the cached restrictions.
"""

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail import wagtail_hooks as wagtail_core_hooks
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import PageViewRestriction
from wagtail.views import serve_chain

from arena import page_routing
from arena.user_rights import group_ids_of


def serve(request, path):
    route_result = page_routing.route(request, path)
    if route_result is None:
        raise Http404
    page, args, kwargs = route_result

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if fn is wagtail_core_hooks.check_view_restrictions:
            fn = check_view_restrictions
        on_serve_chain = fn(on_serve_chain)

    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result

    return on_serve_chain(page, request, args, kwargs)


serve.finds_site_with_route = True  # arena.page_routing.CachedSiteMiddleware leaves the site to route()


def check_view_restrictions(callback):
    """Wagtail's check_view_restrictions hook, deciding from arena.page_routing's cached restrictions."""
    wagtail_check = wagtail_core_hooks.check_view_restrictions(callback)

    def inner(page, request, serve_args, serve_kwargs):
        restrictions = page_routing.view_restrictions(page)
        if restrictions is None:
            return wagtail_check(page, request, serve_args, serve_kwargs)
        if restrictions and request.user.is_authenticated:
            user_group_ids = frozenset(group_ids_of(request.user))
        else:
            user_group_ids = frozenset()
        for restriction in restrictions:
            if page_routing.accepts(restriction, request, user_group_ids):
                continue
            if restriction.restriction_type == PageViewRestriction.PASSWORD:
                return_url = {"return_url": request.get_full_path()}
                instance = PageViewRestriction.objects.get(pk=restriction.id)  # the cache holds no password
                form = PasswordViewRestrictionForm(instance=instance, initial=return_url)
                action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
                response = page.serve_password_required_response(request, form, action_url)
            else:
                response = wagtail_core_hooks.require_wagtail_login(next=request.get_full_path())
            add_never_cache_headers(response)
            return response
        response = callback(page, request, serve_args, serve_kwargs)
        if restrictions:
            add_never_cache_headers(response)
        return response

    return inner
