"""Wagtail's user bar ("edit this page", "add a child page"), cached per editor and page.

Rendering it asks the database about the editor's permissions on the page and its parent, the page's workflow and
the counts of single-instance page types: about nine queries on every page an editor opens. What it shows depends on
the editor (their permissions, whether they own the page, their admin language), the page tree (which page types
may still be added) and the page's workflow (a moderator may edit a page in their task), so the HTML is cached under:
- the user, whether they are a superuser, and the user's rights version (any change to groups or permissions,
  arena.user_rights);
- the page-cache generations of the page's path (publishing and moving pages purge them, arena.page_cache);
- the version of saved pages (arena.page_routing.saves_version: any page saved or deleted, drafts, owners and
  locks too) and VERSION_KEY, bumped when a workflow or task state or a user's admin profile changes
  (arena.signals). Editors save far less often than they read.

It is personal, so it is keyed by the user, unlike the fragments shared by an audience (arena.fragments). Previews
and revision views render it uncached.
"""

import time

from django.core.cache import cache
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page

from arena import fragments, page_routing, request_memo, user_rights

VERSION_KEY = "userbar-version"

request_memo.register_version_key(VERSION_KEY)


def userbar_html(context, page):
    request = context.get("request")
    if request is None or not isinstance(page, Page) or not page.pk:
        return ""
    if not user_rights.may_edit_pages(request.user):
        return ""
    if _is_preview(request):
        return wagtailuserbar(context)
    user = request.user
    vary = (
        user.pk,
        user.is_superuser,
        request_memo.cache_get(user_rights.VERSION_KEY, 0),
        request_memo.cache_get(VERSION_KEY, 0),
        page_routing.saves_version(),
        page.pk,
    )
    return fragments.cached(request, "userbar", lambda: wagtailuserbar(context), per_audience=False, vary=vary)


def _is_preview(request):
    return (
        getattr(request, "is_preview", False)
        or getattr(request, "in_preview_panel", False)
        or getattr(request, "revision_id", None) is not None
    )


def forget_all(**kwargs):
    """A new version: every cached user bar is rendered afresh (signal handler)."""
    version = time.time_ns()
    cache.set(VERSION_KEY, version, None)
    request_memo.remember(VERSION_KEY, version)
