"""A logged-in session for `make bench` (`python -m bench session EMAIL`), printed as a Cookie header value.

The benchmark drives the maturity dashboards as the demo analyst. Posting the login form would run into allauth's
rate limits and CSRF, so the session is created directly, the way django.contrib.auth.login stores it. Anyone who
can run this already controls the database, so it grants nothing new; the session expires after `minutes`.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.utils.translation import gettext as _

from bench import BenchError

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def create_session(email, minutes=60):
    """Store a session logged in as the active user with this e-mail address; returns "name=value"."""
    if not 1 <= minutes <= 1440:
        raise BenchError(_("--minutes must be between 1 and 1440."))
    user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).order_by("pk").first()
    if user is None:
        raise BenchError(_("No active user has the e-mail address %(email)s.") % {"email": email})
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    backends = settings.AUTHENTICATION_BACKENDS
    session[BACKEND_SESSION_KEY] = MODEL_BACKEND if MODEL_BACKEND in backends else backends[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.set_expiry(minutes * 60)
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
