"""schema.org JSON-LD that every app uses: the data block, and arena's organisations and people as nodes.

Each app builds its own nodes in Python (blogs/structured_data.py, conferences/structured_data.py) and hands the
result of `script()` to its template's `structured_data` block in base.html. Every URL in them is absolute on the
configured public address (arena.site_url), never the request's Host.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError

from arena.site_url import absolute_url
from arena.visibility import without_page_restrictions

SCHEMA_ORG = "https://schema.org"
# The escapes of Django's json_script: no "</script>" or "<!--" in a title or transcript can end the element early.
_HTML_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
# Administrations are part of the city; companies and external organisations are plain organisations.
_GOVERNMENT_KINDS = {"forvaltning"}
LOGO_SPEC = "max-240x120"  # the size the blog space's header shows, so the rendition already exists


def is_public(request, page):
    """Whether a page may be described: what anonymous visitors may read, never a preview (a draft) nor a page with a
    view restriction on it or an ancestor (staff only), even when a signed-in editor is the one looking. One query."""
    if getattr(request, "is_preview", False) or not page.live:
        return False
    return without_page_restrictions(type(page).objects.filter(pk=page.pk)).exists()


def script(node):
    """A <script type="application/ld+json"> data block holding `node`, or "" for None.

    Django's json_script filter would do, but it writes type="application/json", which schema.org readers ignore.
    A data block is never executed, so a Content-Security-Policy without inline scripts still allows it."""
    if not node:
        return ""
    text = json.dumps({"@context": SCHEMA_ORG, **node}, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text.translate(_HTML_ESCAPES)))


def organization(organisation, *, with_logo=False):
    """An arena.Organisation as a schema.org Organization (GovernmentOrganization for an administration).

    Its logo costs a query or two, so only the organisation's own page asks for it."""
    node = {
        "@type": "GovernmentOrganization" if organisation.kind in _GOVERNMENT_KINDS else "Organization",
        "name": organisation.name,
    }
    if organisation.website:
        node["url"] = organisation.website
    if organisation.description:
        node["description"] = organisation.description
    if with_logo and organisation.logo_id:
        node["logo"] = image_object(rendition(organisation.logo, LOGO_SPEC))
    return without_empty(node)


def person(person, *, url=None):
    """An arena.Person (a blog author, a speaker) as a Person; `url` is their page on the site, if they have one."""
    return without_empty(
        {
            "@type": "Person",
            "name": person.name,
            "jobTitle": person.job_title,
            "worksFor": organization(person.organisation) if person.organisation_id else None,
            "url": absolute_url(url) if url else None,
        }
    )


def rendition(image, spec):
    """The image's rendition, or None when its original file is missing: the page still renders (Wagtail's {% image %}
    tag shows a placeholder then), only without the image in its data."""
    try:
        return image.get_rendition(spec)
    except SourceImageIOError:
        return None


def image_object(rendition):
    """A Wagtail image rendition as an ImageObject with its absolute address and size (None for no rendition)."""
    if rendition is None:
        return None
    return {
        "@type": "ImageObject",
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def without_empty(node):
    """`node` without the keys whose value is empty (None, "" or []): schema.org readers prefer absent to empty."""
    return {key: value for key, value in node.items() if value not in (None, "", [])}
