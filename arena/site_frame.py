"""The site frame's content (main menu, footer links and text, contact address) as plain data, cached.

Every page shows the frame, so reading the site settings and resolving the menu's pages would cost every request
three queries. The frame is the same for every visitor, signed in or not (the apps' own menu items, which depend
on the visitor, are added per request by arena.main_menu), so it is cached per site under the anonymous page
cache's generation: whatever purges that cache (publishing, unpublishing, moving or deleting a page, saving the
site settings) also gives the frame a fresh key. PAGE_CACHE_SECONDS=0 turns this cache off with the page cache.
"""

from django.conf import settings

from arena import page_cache
from arena.models import SiteSettings
from arena.page_cache_local import versioned_get, versioned_set

CACHE_SECONDS = 60 * 60  # a safety net: a purge gives the frame a new key at once


def frame_for(site):
    """{"primary": [link...], "footer": [link...], "footer_text", "contact_email"}; a link is {"label", "url",
    "page_pk"} (page_pk None for a typed address)."""
    if site is None:
        return {"primary": [], "footer": [], "footer_text": "", "contact_email": ""}
    if settings.PAGE_CACHE_SECONDS <= 0:
        return _build(site)
    key = f"site-frame:{page_cache.generation()}:{site.pk}"
    frame = versioned_get(key)  # the key names the content version: a process may keep its own copy
    if frame is None:
        frame = _build(site)
        versioned_set(key, frame, CACHE_SECONDS)
    return frame


def _build(site):
    site_settings = SiteSettings.for_site(site)
    return {
        "primary": _links(site_settings.primary_navigation, site),
        "footer": _links(site_settings.footer_links, site),
        "footer_text": site_settings.footer_text,
        "contact_email": site_settings.contact_email,
    }


def _links(stream, site):
    links = []
    for block in stream:
        value = block.value
        page = value.get("page")
        if page is not None:
            url = page.get_url(current_site=site)
            if url:
                links.append({"label": value.get("label") or page.title, "url": url, "page_pk": page.pk})
        elif value.get("url"):
            links.append({"label": value.get("label") or value["url"], "url": value["url"], "page_pk": None})
    return links
