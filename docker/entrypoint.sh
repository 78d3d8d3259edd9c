#!/bin/sh
# Container entry point: wait for the database, apply migrations, then run the given command.
#   DATABASE_WAIT_SECONDS  how long to wait for PostgreSQL (default 60)
#   MIGRATE_ON_START       run `manage.py migrate` first (default true; the worker and beat set false)
set -eu

if [ -n "${DATABASE_URL:-}" ]; then
    python - <<'PY'
import os
import sys
import time

import psycopg

url = os.environ["DATABASE_URL"]
if url.startswith(("postgres://", "postgresql://")):
    deadline = time.monotonic() + int(os.environ.get("DATABASE_WAIT_SECONDS", "60"))
    attempt = 0
    while True:
        attempt += 1
        try:
            psycopg.connect(url, connect_timeout=3).close()
            print(f"entrypoint: databasen svarar (försök {attempt})", flush=True)
            break
        except psycopg.OperationalError as error:
            if time.monotonic() >= deadline:
                reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                sys.exit(f"entrypoint: databasen svarar inte, ger upp efter {attempt} försök: {reason}")
            print(f"entrypoint: väntar på databasen (försök {attempt})", flush=True)
            time.sleep(2)
PY
fi

case "${MIGRATE_ON_START:-true}" in
    1 | true | yes | on | ja)
        python manage.py migrate --noinput
        ;;
esac

exec "$@"
