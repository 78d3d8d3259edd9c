"""Logged-in staff without admin rights who open /admin/ get a Swedish "no access" page (403).

Wagtail sends a user without `wagtailadmin.access_admin` to the login page; our login (allauth) sends a
logged-in user back to `next`, which is the admin again, and the browser loops until it gives up. This answers
those requests before Wagtail sees them.
"""

from django.shortcuts import render
from django.urls import reverse


class AdminAccessDeniedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if self.admin_prefix is None:  # URLconf is ready only once the first request comes in
            self.admin_prefix = reverse("wagtailadmin_home")
        user = getattr(request, "user", None)
        if (
            request.path.startswith(self.admin_prefix)
            and user is not None
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            return render(request, "arena/admin_forbidden.html", status=403)
        return self.get_response(request)
