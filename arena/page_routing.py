"""Wagtail's page lookup for a request (the site, the page at the path, its view restrictions), cached.

Wagtail finds the page for every request from the database: the site by host name, then one query for each child
on the way down and one more for each `.specific`, then the page's ancestors and their view restrictions. For a
post at /bloggar/<org>/<post>/ that is nine queries before the page does any work of its own, on every request.
Signed-in visitors, whom the anonymous page cache never serves, pay them all.

Here the answer is cached under the anonymous page cache's generation (arena.page_cache), which every change that
can move an address bumps: publishing, unpublishing, moving and deleting a page, changing a site or a view
restriction (arena.signals). A route's entry holds the page itself too, as it was read (with the relations its type
names in `routing_select_related`): reading a page of a specific type costs several milliseconds of SQL and model
building, unpickling it a few hundredths. So that the copy is always the page's current row, route entries are also
keyed by SAVES_KEY, which every save or deletion of any page bumps (drafts, locks and owners too; arena.signals).
A change that bypasses Django's signals (a bulk `.update()`) shows only at the next purge, as with the anonymous
page cache. Addresses that lead nowhere are not cached, so random paths cannot fill the cache.
"""

import time
from collections import defaultdict
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site

from arena import page_cache, request_memo
from arena.page_cache_local import versioned_get, versioned_get_many, versioned_set

CACHE_SECONDS = 60 * 60  # a safety net: a purge gives every entry a new key at once
SAVES_KEY = "page-routing:page-saves"
# Part of a route's key: entries of an earlier release (without the page, then without its restrictions) are never
# read.
ROUTE_SHAPE = 3
RESTRICTIONS_SHAPE = 2  # likewise for the restrictions (a list of model instances before)
KEPT_RESTRICTIONS = "_arena_view_restrictions"  # where a route's page keeps its own restrictions
NO_SITE = "none"
NO_SITE_PREFIXES = ("/admin/", "/healthz", "/django-admin/", "/static/")  # views that never ask for the site


request_memo.register_version_key(SAVES_KEY)


def saves_version():
    """Bumped by every save or deletion of a page: whatever is cached from page rows (the routes' pages, editors'
    user bars) puts it in its key."""
    return request_memo.cache_get(SAVES_KEY, 0)


def forget_saved_pages():
    version = time.time_ns()
    cache.set(SAVES_KEY, version, None)
    request_memo.remember(SAVES_KEY, version)


def _enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def find_site(request):
    """Site.find_for_request's answer from the cache (for views other than pages, which get it with their route)."""
    if hasattr(request, "_wagtail_site") or not _enabled():
        return Site.find_for_request(request)
    key = _site_key(request)
    site = versioned_get(key)  # the key names the content version: a process may keep its own copy
    if site is None:
        site = Site.find_for_request(request) or NO_SITE
        versioned_set(key, site, CACHE_SECONDS)
    request._wagtail_site = None if site == NO_SITE else site  # where Site.find_for_request keeps its answer
    return request._wagtail_site


def _host(request):
    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail does: before the ALLOWED_HOSTS check
    return f"{hostname}:{request.get_port()}"


def _site_key(request):
    return f"page-routing:site:{page_cache.generation()}:{_host(request)}"


def route(request, path):
    """(page, args, kwargs) for the path on the request's site, as Page.route_for_request answers, or None.

    The site, the route and the view restrictions come from the cache in one round trip."""
    if hasattr(request, "_wagtail_route_for_request") or not _enabled():
        return Page.route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    site_key = _site_key(request)
    route_key = (
        f"page-routing:route:{ROUTE_SHAPE}:{page_cache.generation()}:{saves_version()}:{_host(request)}:"
        + "/".join(components)
    )
    # Both keys name the content version: this process's copies answer them when it has them.
    found = versioned_get_many([site_key, route_key])

    site = found.get(site_key)
    if site is None:
        site = Site.find_for_request(request) or NO_SITE
        versioned_set(site_key, site, CACHE_SECONDS)
    request._wagtail_site = None if site == NO_SITE else site  # where Site.find_for_request keeps its answer
    if request._wagtail_site is None:
        return Page.route_for_request(request, path)

    entry = found.get(route_key)
    result = _route_from(entry, request, components) if entry else None
    if result is None:
        result = Page.route_for_request(request, path)
        if result is not None:
            page = _read(type(result[0]), result[0].pk)
            if page is not None:
                _keep_restrictions(page)
                versioned_set(route_key, (page, page.depth - site.root_page.depth), CACHE_SECONDS)
    request._wagtail_route_for_request = result  # where Page.route_for_request keeps its answer
    return result


class CachedSiteMiddleware:
    """Finds the site of requests to views other than pages (search, dashboards) from the cache, before the menu
    and the site settings ask Wagtail for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not _enabled() or getattr(view_func, "finds_site_with_route", False):
            return  # without the cache, the site is left to whoever asks for it
        if request.path.startswith(NO_SITE_PREFIXES):
            return
        try:
            find_site(request)
        except DatabaseError:
            pass  # the view answers for itself (/healthz reports the database, pages get the outage page)


def _route_from(entry, request, components):
    """Route the rest of the path (a routable page's own sub-paths) from the page the cache holds, or None to ask
    Wagtail again."""
    page, depth_below_root = entry
    try:
        return page.route(request, components[depth_below_root:])
    except Http404:
        return None


def _read(model, pk):
    """The page as a route's entry keeps it: its specific type, with the relations the type always shows (e.g. a
    change project's organisation and contact), read in one query as a parent's listing would."""
    return model.objects.filter(pk=pk).select_related(*getattr(model, "routing_select_related", ())).first()


class CachedRestriction(NamedTuple):
    """What deciding on a view restriction needs, as a plain tuple: one is read from the cache on every page view,
    and a tuple unpickles in a fraction of the time a model instance takes."""

    id: int
    restriction_type: str
    group_ids: frozenset


def view_restrictions(page):
    """The view restrictions on the page and its ancestors (Page.get_view_restrictions), nearest the root first; None
    for an alias, which takes its source page's restrictions and is left to Wagtail. A page from a route's entry
    brings its own (_keep_restrictions); any other is looked up in a cached map of every restricted page's path."""
    if page.alias_of_id:
        return None
    kept = page.__dict__.get(KEPT_RESTRICTIONS)
    if kept is not None:
        return list(kept)
    by_path = _all_restrictions() if _enabled() else _load_restrictions()
    steplen = page.steplen
    ancestor_paths = (page.path[:end] for end in range(steplen, len(page.path) + 1, steplen))
    return [restriction for path in ancestor_paths for restriction in by_path.get(path, ())]


def _keep_restrictions(page):
    """Keep the page's restrictions on the page a route's entry holds: a warm request then reads no map of every
    restriction (which grows with the restricted pages, e.g. staff-only posts). Changing a restriction bumps the
    generation in the entry's key, so the two never disagree."""
    restrictions = view_restrictions(page)
    if restrictions is not None:
        page.__dict__[KEPT_RESTRICTIONS] = tuple(restrictions)


def _restrictions_key():
    return f"page-routing:restrictions:{RESTRICTIONS_SHAPE}:{page_cache.generation()}"


def _all_restrictions():
    key = _restrictions_key()
    by_path = request_memo.cache_get(key)
    if by_path is None:
        by_path = _load_restrictions()
        cache.set(key, by_path, CACHE_SECONDS)
        request_memo.remember(key, by_path)
    return by_path


def _load_restrictions():
    """{restricted page's path: (CachedRestriction, ...)}: its size grows with the restricted pages (e.g. staff-only
    posts), the cost of looking a page up in it does not."""
    by_path = defaultdict(list)
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups").order_by("pk")
    for restriction in restrictions:
        group_ids = frozenset(group.pk for group in restriction.groups.all())
        cached = CachedRestriction(restriction.pk, restriction.restriction_type, group_ids)
        by_path[restriction.page.path].append(cached)
    return {path: tuple(restrictions) for path, restrictions in by_path.items()}


def accepts(restriction, request, user_group_ids):
    """PageViewRestriction.accept_request for a CachedRestriction, with the user's groups already known (it would ask
    the database for both groups)."""
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        user = request.user
        return user.is_authenticated and (user.is_superuser or bool(restriction.group_ids & user_group_ids))
    # A password or login restriction decides from the session and the user alone: an unsaved instance will do.
    return PageViewRestriction(id=restriction.id, restriction_type=restriction.restriction_type).accept_request(request)
