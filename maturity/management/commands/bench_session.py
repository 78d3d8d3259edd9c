"""manage.py bench_session EMAIL: a logged-in session for `make bench`, printed as a Cookie header value.

The benchmark drives the maturity dashboards as the demo analyst. Posting the login form would run into allauth's
rate limits and CSRF, so the session is created directly, the way django.contrib.auth.login stores it. Anyone who
can run manage.py already controls the database, so this grants nothing new; the session expires after --minutes.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


class Command(BaseCommand):
    help = "Create a logged-in session for a user (for load tests) and print it as name=value for a Cookie header."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The user's e-mail address.")
        parser.add_argument("--minutes", type=int, default=60, help="How long the session lasts (1–1440, default 60).")

    def handle(self, *args, email, minutes, **options):
        if not 1 <= minutes <= 1440:
            raise CommandError(_("--minutes must be between 1 and 1440."))
        user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).order_by("pk").first()
        if user is None:
            raise CommandError(_("No active user has the e-mail address %(email)s.") % {"email": email})
        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        backends = settings.AUTHENTICATION_BACKENDS
        session[BACKEND_SESSION_KEY] = MODEL_BACKEND if MODEL_BACKEND in backends else backends[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.set_expiry(minutes * 60)
        session.save()
        self.stdout.write(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
