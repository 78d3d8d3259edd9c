from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from arena.api import api_router
from arena.projects.views import unsubscribe as project_unsubscribe
from arena.sitemaps import SITEMAPS
from arena.views import pages
from arena.views.health import healthz
from arena.views.robots import favicon_ico, robots_txt
from arena.views.search import search

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("favicon.ico", favicon_ico, name="favicon_ico"),
    # The admin signs in through allauth (rate-limited, SSO-capable) instead of its own form.
    path("admin/login/", RedirectView.as_view(url=settings.WAGTAILADMIN_LOGIN_URL, query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("konto/", include("allauth.urls")),
    path("dokument/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sok/", search, name="search"),
    path("bevakning/avsluta/<str:token>/", project_unsubscribe, name="project_unsubscribe"),
    path("mognad/", include("maturity.urls")),
    path("oppna-data/", include("arena.open_data.urls")),
]

if settings.SERVE_MEDIA:
    # Small single-server installs serve uploads from Django; larger ones use S3 or a web server in front.
    from django.views.static import serve

    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

# Pages are served by arena.views.pages.serve: Wagtail's view with the page lookup cached (arena.page_routing), in
# place of Wagtail's catch-all; Wagtail's other URLs (the password form for restricted pages) stay. Reversing
# "wagtail_serve" gives our pattern. Wagtail's own pattern only serves paths ending in "/"; page routes that are
# files (the conference programme's program.ics, program.json, program/<code>.ics, schedule.xml and
# schedule.json) go through the page routing too, without the slash.
urlpatterns += [
    path("", include([pattern for pattern in wagtail_urls.urlpatterns if pattern.callback is not wagtail_views.serve])),
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.(?:ics|json|xml))$", pages.serve, name="wagtail_serve_file"),
    re_path(wagtail_urls.serve_pattern, pages.serve, name="wagtail_serve"),
]

handler404 = "arena.views.errors.page_not_found"
handler500 = "arena.views.errors.server_error"
