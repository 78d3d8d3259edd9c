"""Content-Security-Policy per area: the Wagtail admin's own policy under /admin/, the strict public one elsewhere,
none on PDF files.

django-csp's decorators change the policy view by view; the admin is hundreds of Wagtail views, so the choice is
made here by path. A view's own decorator (response._csp_config) still wins.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse

# Chrome shows a PDF through an internal <embed> with inline styles, which a policy sent with the PDF itself blocks
# (object-src 'none', style-src 'self'; crbug.com/271452), so the library's PDFs would not open in the browser. A PDF
# runs none of our code, and nosniff keeps it from being read as anything else.
WITHOUT_POLICY = ("application/pdf",)


class AreaCSPMiddleware(CSPMiddleware):
    admin_prefix = None

    def process_response(self, request, response):
        if response.get("Content-Type", "").startswith(WITHOUT_POLICY):
            response._csp_exempt = True
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and self.in_admin(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

    def in_admin(self, request):
        if self.admin_prefix is None:  # the URLconf is ready only once the first request comes in
            self.admin_prefix = reverse("wagtailadmin_home")
        return request.path.startswith(self.admin_prefix)
