"""Who must use two-factor authentication: people who can change content (admin access) and logged in with a password.

A stolen password alone must not open the admin. allauth asks for the code at login once an authenticator app is
set up; until then, this sends every admin request to the set-up page. Logins through the city's single sign-on
(allauth's social login) rely on the identity provider's own second factor and are left alone, as are readers
without admin access.

How the session was established comes from allauth's authentication records (kept in the session by its login
flows). A session without records did not come through allauth's login (Django's `login()` or the test client's
`force_login`): every login form of the site is allauth's, so there is no password login without a record.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.shortcuts import redirect
from django.urls import reverse

SINGLE_SIGN_ON = "socialaccount"


def must_set_up_mfa(request):
    """True when the logged-in user can reach the admin, logged in with a password and has no authenticator app."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return False
    records = get_authentication_records(request, user)
    # The first record is the login that opened the session; later ones are MFA steps or re-authentications.
    if not records or records[0].get("method") == SINGLE_SIGN_ON:
        return False
    return not is_mfa_enabled(user, [Authenticator.Type.TOTP])


class AdminRequiresMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if self.admin_prefix is None:  # URLconf is ready only once the first request comes in
            self.admin_prefix = reverse("wagtailadmin_home")
        if request.path.startswith(self.admin_prefix) and must_set_up_mfa(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
