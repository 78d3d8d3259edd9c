"""The site's one public address (settings.PUBLIC_BASE_URL) and the Wagtail Site that must agree with it.

Absolute links are built here, from the configuration, and never from the request's Host header: a feed reader,
a calendar or a mail client must get the same address whatever name the request came in under.
"""

from urllib.parse import urljoin, urlsplit, urlunsplit

from django.conf import settings
from wagtail.models import Site


def base_url():
    return settings.PUBLIC_BASE_URL.rstrip("/")


def absolute_url(location):
    """`location` (a path such as /bloggar/ or an absolute URL) as an absolute URL on the public address."""
    if urlsplit(location).scheme:
        return location
    return urljoin(base_url() + "/", location)


def webcal_url(location):
    """`location` on the public address with the webcal scheme, which calendar apps take as "subscribe to this"."""
    return urlunsplit(urlsplit(absolute_url(location))._replace(scheme="webcal"))


def domain():
    """The public host name, e.g. for iCalendar UIDs."""
    return urlsplit(base_url()).hostname


def sync_default_site():
    """Point the default Wagtail Site at the public address (idempotent). Returns the Site, or None before there
    is one."""
    url = urlsplit(base_url())
    port = url.port or (443 if url.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (url.hostname, port):
        site.hostname, site.port = url.hostname, port
        site.save(update_fields=["hostname", "port"])  # Site.save clears Wagtail's cached root paths
    return site
