"""CSRF protection that lets pages with forms for anonymous visitors enter the page cache.

Django's check compares a token in the form with one in a cookie, so every page showing a form sets a cookie, and a
response that sets a cookie cannot be shared through the anonymous page cache (arena/page_cache.py). The forms
anonymous visitors send (the accessibility report, consultation answers) therefore carry no token for them (the
`csrf_field` template tag), and a post without a token is accepted when the browser says it comes from this site:
its Origin header is one of the site's origins (Django's own origin check, CSRF_TRUSTED_ORIGINS included) and, when
the browser sends it, Sec-Fetch-Site is "same-origin". Browsers set both headers themselves and a page on another
site cannot change them, which is the protection a token gives (OWASP: "verifying origin with standard headers").
A post that carries a token, or has no Origin header, gets Django's usual check, so signed-in users' forms are
checked exactly as before. This runs just before Django's CsrfViewMiddleware, which stays in place and skips a
request this has already accepted (`csrf_processing_done`, as Django's own acceptance marks it).
"""

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def _carries_token(request):
    if settings.CSRF_HEADER_NAME in request.META:
        return True
    if request.content_type not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return False
    try:
        return "csrfmiddlewaretoken" in request.POST
    except OSError:  # a broken upload: Django's own check reports it
        return True


class OriginCheckedFormsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Django's own comparison of the Origin header with the request's host and CSRF_TRUSTED_ORIGINS.
        self.django_csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method not in SAFE_METHODS
            and not getattr(callback, "csrf_exempt", False)
            and "HTTP_ORIGIN" in request.META
            and request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") == "same-origin"
            and not _carries_token(request)
            and self.django_csrf._origin_verified(request)
        ):
            request.csrf_processing_done = True
