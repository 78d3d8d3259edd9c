"""Content-Security-Policy per area: the Wagtail admin's own policy under /admin/, the strict public one elsewhere.

django-csp's decorators change the policy view by view; the admin is hundreds of Wagtail views, so the choice is
made here by path. A view's own decorator (response._csp_config) still wins.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


class AreaCSPMiddleware(CSPMiddleware):
    admin_prefix = None

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and self.in_admin(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

    def in_admin(self, request):
        if self.admin_prefix is None:  # the URLconf is ready only once the first request comes in
            self.admin_prefix = reverse("wagtailadmin_home")
        return request.path.startswith(self.admin_prefix)
