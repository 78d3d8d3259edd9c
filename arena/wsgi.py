"""WSGI entry point for gunicorn. Production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "arena.settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402

from arena.settings.env import ConfigurationError  # noqa: E402

try:
    application = get_wsgi_application()
except ConfigurationError as error:
    # One clear line for the operator instead of a traceback in the server log.
    sys.stderr.write(f"Konfigurationsfel: {error}\n")
    sys.exit(4)
