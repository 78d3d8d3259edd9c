"""Settings of the bare view: Django's request handling and nothing else (no database, no sessions, no templates).

The bench serves it with the same gunicorn, worker count and load as the site, so the ratio of the site's
requests/s to this view's says how close a page comes to what the machine can do at all, whatever else the machine
is busy with at the time.
"""

import os

SECRET_KEY = os.environ.get("SECRET_KEY", "bench-bare-view-not-secret")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.bare.urls"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
USE_TZ = True
WSGI_APPLICATION = "bench.bare.wsgi.application"
