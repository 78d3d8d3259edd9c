"""Two-factor authentication for test users: an authenticator app (TOTP) with its secret, and the code it shows now."""

import time

from allauth.mfa import app_settings
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth import get_user_model


def give_authenticator_app(user):
    """Set up TOTP (and recovery codes, as allauth's own set-up does) for `user`; returns the app's secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def recovery_codes(user):
    return RecoveryCodes(user.authenticator_set.get(type="recovery_codes")).get_unused_codes()


def current_code(secret, margin_seconds=3):
    """The code an authenticator app shows now. allauth accepts only the current 30-second period's code: when the
    period ends within `margin_seconds` (too soon to type or post it), wait for the next one."""
    period = app_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < margin_seconds:
        time.sleep(left + 0.05)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def app_secret_for(email):
    """Browser tests log demo users in through the real form: one who can change content would be sent to the set-up
    page, so give them the app first and return its secret (None for a reader, who is never asked for a code)."""
    user = get_user_model().objects.get(email=email)
    return give_authenticator_app(user) if user.has_perm("wagtailadmin.access_admin") else None


def enter_code(page, secret):
    """The login's second step in the browser, after the password (nothing to do without an app)."""
    if secret is None:
        return
    code_field = page.locator("input[name=code]")
    code_field.fill(current_code(secret, margin_seconds=5))
    with page.expect_navigation():
        code_field.press("Enter")
