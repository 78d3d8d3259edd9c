"""Who must use two-factor authentication: people who can change content (admin access) and logged in with a password.

A stolen password alone must not open an account that can change the site. allauth asks for the code at login once
an authenticator app is set up; until then, this sends every request but the set-up itself (and log-out, static
files) to the set-up page. Logins through the city's single sign-on (allauth's social login) rely on the identity
provider's own second factor and are left alone, as are readers without admin access.

How the session was established comes from allauth's authentication records (kept in the session by its login
flows). A session without records did not come through allauth's login (Django's `login()` or the test client's
`force_login`): every login form of the site is allauth's, so there is no password login without a record.
"""

import time

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

SINGLE_SIGN_ON = "socialaccount"
SECOND_FACTOR = "mfa"


def must_set_up_mfa(request):
    """True when the logged-in user can reach the admin, logged in with a password and has no authenticator app."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    # Records first: they are in the session already, so sessions that need no check cost no query.
    records = get_authentication_records(request, user)
    # The first record is the login that opened the session; later ones are MFA steps or re-authentications.
    if not records or records[0].get("method") == SINGLE_SIGN_ON:
        return False
    if any(record.get("method") == SECOND_FACTOR for record in records):
        return False  # this login already gave a code
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    return not is_mfa_enabled(user, [Authenticator.Type.TOTP])


def authenticated_recently(request):
    """Whether the latest authentication step of this session (a login, its code, a re-authentication) lies within
    allauth's re-authentication window."""
    records = get_authentication_records(request, request.user)
    return bool(records) and time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT


class MFASetUpRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.open_prefixes = None

    def __call__(self, request):
        if self.open_prefixes is None:  # URLconf is ready only once the first request comes in
            self.open_prefixes = (
                reverse("mfa_index"),  # the set-up, the recovery codes and the login's code step
                reverse("account_logout"),
                reverse("account_reauthenticate"),  # allauth asks for the password again before the set-up
                settings.STATIC_URL,
                settings.MEDIA_URL,
            )
        if not request.path.startswith(self.open_prefixes) and must_set_up_mfa(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
