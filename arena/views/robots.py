"""Files crawlers and browsers ask for at fixed addresses: robots.txt and favicon.ico."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from arena.site_url import absolute_url


@require_GET
@cache_control(max_age=60 * 60)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /konto/",
        "Disallow: /mognad/",
        "Disallow: /sok/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon_ico(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page links to. Resolved per request: the
    hashed static name exists only after collectstatic."""
    return redirect(static("img/favicon.svg"), permanent=True)
