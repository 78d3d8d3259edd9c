"""Two-factor authentication for test users: an authenticator app (TOTP) with its secret, and the code it shows now."""

import time

from allauth.mfa import app_settings
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value


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
