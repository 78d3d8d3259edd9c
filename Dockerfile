# Kunskapsarenan: one image for web (gunicorn), Celery worker and Celery beat.
# Build:  docker build -t kunskapsarenan .
# Run:    see docker-compose.yml (PostgreSQL + Redis + web + worker + beat).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=arena.settings.production

WORKDIR /app

# Dependencies first so code changes do not reinstall them. psycopg[binary] brings its own libpq.
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .

# Static files are collected into the image (whitenoise serves them, hashed and compressed).
# The key and hosts here exist only for this build step; real values come from the environment.
# Translations are compiled when the project has .po files (msgfmt is removed again afterwards).
RUN SECRET_KEY=build-only-not-a-secret ALLOWED_HOSTS=localhost \
        python manage.py collectstatic --noinput \
    && if find locale -name '*.po' 2>/dev/null | grep -q .; then \
        apt-get update \
        && apt-get install -y --no-install-recommends gettext \
        && SECRET_KEY=build-only-not-a-secret ALLOWED_HOSTS=localhost \
            python manage.py compilemessages --ignore '.venv/*' \
        && apt-get purge -y gettext && apt-get autoremove -y \
        && rm -rf /var/lib/apt/lists/*; \
    fi

# Run as an unprivileged user; only the media directory is writable.
RUN groupadd --system arena \
    && useradd --system --gid arena --home-dir /app --no-create-home arena \
    && mkdir -p /app/media \
    && chown arena:arena /app/media \
    && chmod 0755 docker/entrypoint.sh
USER arena

EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "arena.wsgi:application", "-b", "0.0.0.0:8000", "-w", "2", "--access-logfile", "-"]
