"""Production: refuses to start without a secret key and allowed hosts; hardened cookies and HTTPS."""

from .base import *  # noqa: F403
from .base import CSP_EMBED_ORIGINS, CSP_FORM_ORIGINS, CSP_MEDIA_ORIGINS, STORAGES
from .env import env_bool, env_int, env_list, env_required, env_str
from .security_headers import admin_policy, origins, public_policy

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY", "en lång slumpmässig sträng, minst 50 tecken")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from .env import ConfigurationError

    raise ConfigurationError("miljövariabeln ALLOWED_HOSTS saknas (kommaseparerade värdnamn, t.ex. arena.goteborg.se).")

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# S3-compatible media storage (e.g. for several web replicas), switched on by environment.
# Credentials come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, which boto3 reads itself.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    # Uploaded images, recordings and captions then come from the bucket's own host.
    if AWS_S3_CUSTOM_DOMAIN:
        CSP_MEDIA_ORIGINS = [*CSP_MEDIA_ORIGINS, f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    elif AWS_S3_ENDPOINT_URL:
        CSP_MEDIA_ORIGINS = [*CSP_MEDIA_ORIGINS, *origins([AWS_S3_ENDPOINT_URL], "AWS_S3_ENDPOINT_URL")]
    else:
        _bucket_hosts = [f"{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
        if AWS_S3_REGION_NAME:
            _bucket_hosts.append(f"{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com")
        CSP_MEDIA_ORIGINS = [*CSP_MEDIA_ORIGINS, *(f"https://{host}" for host in _bucket_hosts)]

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
# Behind https, any http:// address left in content (an old image link) is fetched over https instead of being
# blocked; a plain-http local stack (SECURE_SSL_REDIRECT=false) must not have its own requests upgraded.
CONTENT_SECURITY_POLICY = public_policy(
    CSP_MEDIA_ORIGINS, CSP_EMBED_ORIGINS, CSP_FORM_ORIGINS, upgrade_insecure_requests=SECURE_SSL_REDIRECT
)
ADMIN_CONTENT_SECURITY_POLICY = admin_policy(CONTENT_SECURITY_POLICY)

# Wagtail's live preview shows the page inside the admin in a same-origin frame, so SAMEORIGIN
# (set in base.py) is deliberate rather than DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
