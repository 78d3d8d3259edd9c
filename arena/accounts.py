"""django-allauth adapters: account mail goes through Celery, and sign-up stays closed unless enabled."""

import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

from arena import site_url
from arena.mfa_policy import authenticated_recently
from arena.tasks import enqueue, send_mail_message


class PublicSite:
    """What allauth's mail templates call the current site: the site's name and public domain, not the request's
    Host header (without django.contrib.sites allauth would greet "Hej från !" or name whatever host was used)."""

    name = settings.WAGTAIL_SITE_NAME

    @property
    def domain(self):
        return site_url.domain()


def public_addresses(request, context):
    """allauth builds the links in its mails (password reset, confirmation) from the request; move them onto the
    public address (PUBLIC_BASE_URL)."""
    if request is None:
        return dict(context)
    request_root = request.build_absolute_uri("/")
    return {
        key: site_url.absolute_url("/" + value.removeprefix(request_root))
        if isinstance(value, str) and value.startswith(request_root)
        else value
        for key, value in context.items()
    }


class ArenaAccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        # allauth raises ImproperlyConfigured (a 500) when X-Forwarded-For holds fewer addresses than
        # TRUSTED_PROXY_COUNT, i.e. the request did not come through every trusted proxy: count its own connection.
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            try:
                return str(ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")))
            except ValueError:
                raise PermissionDenied("Unable to determine client IP address") from None

    def is_open_for_signup(self, request):
        # Staff accounts come from SSO or from an administrator, not from open self-registration.
        return settings.ACCOUNT_ALLOW_SIGNUPS

    def is_reauthentication_required(self, *, app, **kwargs):
        # allauth asks for the password again before anyone adds or removes an authenticator, and counts only an
        # explicit re-authentication. Editors are sent to the set-up right after logging in (arena/mfa_policy.py):
        # a password (or code) given within the same window counts as confirmed, instead of being asked for twice.
        if app == "allauth.mfa" and authenticated_recently(self.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def send_mail(self, template_prefix, email, context):
        # Render here (templates need the request context) and hand the finished message to Celery.
        context = {**public_addresses(self.request, context), "email": email, "current_site": PublicSite()}
        subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
        subject = self.format_email_subject(" ".join(subject.splitlines()))
        body = render_to_string(f"{template_prefix}_message.txt", context, self.request).strip()
        try:
            html_body = render_to_string(f"{template_prefix}_message.html", context, self.request)
        except TemplateDoesNotExist:
            html_body = None
        enqueue(
            send_mail_message,
            subject=subject,
            body=body,
            recipients=[email],
            sender=self.get_from_email(),
            html_body=html_body,
        )


class ArenaSocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        # Everyone who can sign in through the city's identity provider is staff.
        return True
