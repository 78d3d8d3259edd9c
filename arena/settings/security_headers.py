"""The Content-Security-Policy and Permissions-Policy the settings modules install (README, "Security headers").

Built by functions because production.py adds origins that only it knows (the S3 media host) and switches on
upgrade-insecure-requests; base.py and production.py each call them with their own values.
"""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .env import ConfigurationError


def origin(url, name):
    """The scheme://host[:port] of `url` (an origin in a policy never has a path)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(f"{name}: {url!r} är ingen http- eller https-adress.")
    return f"{parts.scheme}://{parts.netloc}"


def origins(urls, name):
    return list(dict.fromkeys(origin(url, name) for url in urls))


def public_policy(media_origins=(), embed_origins=(), form_origins=(), upgrade_insecure_requests=False):
    """The public site's policy: scripts and styles only from our own static files, no inline code at all.

    The one nonce is the 500 page's, whose styles are inline so that it renders when nothing else works
    (arena.views.errors); django-csp writes it into the header only on a response that used it."""
    directives = {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        # data: for images written into the page itself (e.g. the QR code of the two-factor set-up).
        "img-src": [SELF, "data:", *media_origins],
        # Recordings and their captions: our media storage, or a video file an editor linked on another site
        # (conferences' Recording.external_url may name any https host). Media elements run no script.
        "media-src": [SELF, "https:", *media_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        # The video players that video blocks embed (YouTube, Vimeo, the city's own service).
        "frame-src": [SELF, *embed_origins],
        "object-src": [NONE],
        "base-uri": [SELF],
        # Form-action also covers the redirect that follows a submission: "Log in with the city's account" posts
        # to allauth, which redirects the browser to the OpenID provider.
        "form-action": [SELF, *form_origins],
        "frame-ancestors": [SELF],
        "upgrade-insecure-requests": upgrade_insecure_requests,
    }
    return {"DIRECTIVES": directives}


def admin_policy(public):
    """The Wagtail admin's policy (arena.csp picks it for the admin's paths): the public one plus what Wagtail 7.4
    needs there, as its main screens showed in Chromium (tests/e2e/test_content_security_policy.py). No eval and no
    other origins: only inline code, which the admin's own templates and scripts write."""
    directives = {key: list(value) if isinstance(value, list) else value for key, value in public["DIRECTIVES"].items()}
    # Inline <script> blocks (page explorer, editors, workflows, reports) and inline event handlers (the focal-point
    # cropper, jquery.Jcrop).
    directives["script-src"] = [SELF, UNSAFE_INLINE]
    # <style> elements that the page editor's scripts insert (Draftail, the table block).
    directives["style-src"] = [SELF, UNSAFE_INLINE]
    # The multiple-image upload previews each file from a blob: URL before it is sent.
    directives["img-src"] += ["blob:"]
    return {"DIRECTIVES": directives}


def permissions_policy(embed_origins=()):
    """Browser features no page of the site uses are off for the site and every frame in it. Fullscreen and
    picture-in-picture stay on for recordings (our own video element) and the embedded video players."""
    players = ["self", *embed_origins]
    off = [
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    ]
    return {**{feature: [] for feature in off}, "fullscreen": players, "picture-in-picture": players}
