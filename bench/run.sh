#!/usr/bin/env bash
# `make bench`: serve the demo content with production settings through gunicorn (2 workers) on
# 127.0.0.1 and drive HTTP load at each URL in bench/urls.txt with wrk, one URL at a time. Next to the site
# runs a bare Django view (bench/bare/: the same gunicorn and workers, a prepared 33 KB page, no database);
# before each URL the bare view gets the same load, and the report gives the site's requests/s as a share of
# the bare view's from that moment, which stays comparable however busy the machine is.
# Before the load it times the maturity import of a generated answers file (bench/maturity.sh).
#
#   BENCH_SECONDS       seconds of load per URL, and again for the bare view before it (default 5)
#   BENCH_ROUNDS        rounds of bare view + site per URL; the report gives the medians (default 1). Several
#                       short rounds damp a burst of other work better than one long one.
#   BENCH_URLS          the file of URLs to drive (default bench/urls.txt); another file's reports are named after
#                       it (bench/results/latest-<scale>-<file>.txt), e.g. bench/urls-scale.txt
#   BENCH_SCALE         "large": grow the demo first (bench/scale.py: 500 posts, 200 change projects and
#                       documents, 5 maturity rounds x 44 organisations x 30 respondents); default "demo"
#   BENCH_IMPORT_ROWS   answer rows in the maturity import benchmark (default 100000; 0 skips it)
#   DATABASE_URL        PostgreSQL to use (created if missing); default: SQLite in bench/results/
#   REDIS_URL           Redis for the cache and Celery broker; default: local-memory cache, eager Celery
#
# Prints, per URL (anonymous, or logged in as the user named on an "@e-mail" line in urls.txt), requests/s,
# p50 and p95 latency, database queries per warm request, the bare view's requests/s and the site's share of
# it, and non-2xx responses, plus the import rate; writes the same report to bench/results/latest.txt.
# Only ever talks to 127.0.0.1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV_BIN="$ROOT/.venv/bin"
PY="$VENV_BIN/python"
RESULTS="$ROOT/bench/results"
URLS_FILE="${BENCH_URLS:-$ROOT/bench/urls.txt}"
ROUNDS="${BENCH_ROUNDS:-1}"
LUA="$ROOT/bench/report.lua"
DURATION="${BENCH_SECONDS:-5}"
SCALE="${BENCH_SCALE:-demo}"
IMPORT_ROWS="${BENCH_IMPORT_ROWS:-100000}"
THREADS=2
CONNECTIONS=16
WORKERS=2

die() {
    echo "bench: $*" >&2
    exit 1
}

[ -x "$PY" ] || die ".venv saknas; kör 'make install' (eller 'make bench', som installerar först)."
[ -x "$VENV_BIN/gunicorn" ] || die "gunicorn saknas i .venv; kör 'make install'."
command -v wrk >/dev/null 2>&1 || die "wrk saknas; installera det med: sudo apt-get install wrk"
[[ "$DURATION" =~ ^[1-9][0-9]{0,3}$ ]] || die "BENCH_SECONDS måste vara ett heltal 1-9999 (fick '$DURATION')."
[[ "$ROUNDS" =~ ^[1-9][0-9]?$ ]] || die "BENCH_ROUNDS måste vara ett heltal 1-99 (fick '$ROUNDS')."
[[ "$IMPORT_ROWS" =~ ^(0|[1-9][0-9]{0,6})$ ]] || die "BENCH_IMPORT_ROWS måste vara ett heltal 0-9999999 (fick '$IMPORT_ROWS')."
[ -f "$URLS_FILE" ] || die "$URLS_FILE saknas."
[[ "$SCALE" =~ ^(demo|large)$ ]] || die "BENCH_SCALE måste vara demo eller large (fick '$SCALE')."

mkdir -p "$RESULTS"
# Other work on the machine skews every figure; the report says how busy it was.
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# Production settings, adjusted only for plain http on the loopback interface.
export DJANGO_SETTINGS_MODULE=arena.settings.production
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_SSL_REDIRECT=false
export SECURE_COOKIES=false
export SECURE_HSTS_SECONDS=0
export EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
export LOG_LEVEL="${LOG_LEVEL:-WARNING}"
if [ -z "${DATABASE_URL:-}" ]; then
    export DATABASE_URL="sqlite:///$RESULTS/bench.sqlite3"
fi

# Show where we are connecting without printing passwords.
DB_LABEL="$(printf '%s' "$DATABASE_URL" | sed -E 's#//[^@/]*@#//#')"
CACHE_LABEL="local memory (per worker), Celery eager"
if [ -n "${REDIS_URL:-}" ]; then
    CACHE_LABEL="$(printf '%s' "$REDIS_URL" | sed -E 's#//[^@/]*@#//#')"
fi

# A PostgreSQL database that does not exist yet is created (the server itself must be running).
case "$DATABASE_URL" in
    postgres://* | postgresql://*)
        "$PY" - <<'PY' || die "PostgreSQL i DATABASE_URL går inte att nå."
import os
import sys

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

url = os.environ["DATABASE_URL"]
try:
    psycopg.connect(url, connect_timeout=5).close()
except psycopg.OperationalError as error:
    name = conninfo_to_dict(url).get("dbname")
    if not name or "does not exist" not in str(error):
        sys.exit(f"bench: {str(error).strip().splitlines()[0]}")
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True, connect_timeout=5) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    print(f"bench: skapade databasen {name}")
PY
        ;;
esac

SETUP_LOG="$RESULTS/setup.log"
GUNICORN_LOG="$RESULTS/gunicorn.log"
: >"$SETUP_LOG"
: >"$GUNICORN_LOG"

step() {
    echo "bench: $1"
    shift
    if ! "$@" >>"$SETUP_LOG" 2>&1; then
        tail -n 20 "$SETUP_LOG" >&2
        die "steget misslyckades (hela loggen: $SETUP_LOG)"
    fi
}

echo "bench: databas $DB_LABEL; cache $CACHE_LABEL"
step "collectstatic" "$PY" manage.py collectstatic --noinput -v 0
step "migrate" "$PY" manage.py migrate --noinput -v 0
step "seed_demo" "$PY" manage.py seed_demo
if [ "$SCALE" = large ]; then
    step "BENCH_SCALE=large (500 inlägg, 200 projekt och dokument, 5 mognadsomgångar)" "$PY" -m bench scale
fi

# The import benchmark runs before gunicorn starts, so nothing else competes for the two cores.
IMPORT_REPORT="import benchmark skipped (BENCH_IMPORT_ROWS=0)"
if [ "$IMPORT_ROWS" != "0" ]; then
    echo "bench: import av $IMPORT_ROWS svarsrader (mognad)"
    IMPORT_REPORT="$(bash "$ROOT/bench/maturity.sh" "$IMPORT_ROWS" 2>>"$SETUP_LOG")" ||
        die "importbenchmarken misslyckades (logg: $SETUP_LOG)"
    printf '%s\n' "$IMPORT_REPORT" | sed 's/^/  /'
fi

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
BARE_PORT="$(free_port)"
BARE_BASE="http://127.0.0.1:$BARE_PORT"

GUNICORN_PID=""
BARE_PID=""
cleanup() {
    for pid in "$GUNICORN_PID" "$BARE_PID"; do
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "bench: startar gunicorn ($WORKERS workers) på $BASE"
"$VENV_BIN/gunicorn" arena.wsgi:application -w "$WORKERS" -b "127.0.0.1:$PORT" \
    --log-level warning >>"$GUNICORN_LOG" 2>&1 &
GUNICORN_PID=$!
echo "bench: startar den bara vyn ($WORKERS workers) på $BARE_BASE"
"$VENV_BIN/gunicorn" bench.bare.wsgi:application -w "$WORKERS" -b "127.0.0.1:$BARE_PORT" \
    --log-level warning >>"$GUNICORN_LOG" 2>&1 &
BARE_PID=$!

# Wait (at most ~30 s) until /healthz answers. Application errors go to the gunicorn log.
ready=""
for _ in $(seq 1 60); do
    if ! kill -0 "$GUNICORN_PID" 2>/dev/null; then
        tail -n 20 "$GUNICORN_LOG" >&2
        die "gunicorn avslutades under starten (logg: $GUNICORN_LOG)"
    fi
    if "$PY" -c "import sys, urllib.request; urllib.request.urlopen('$BASE/healthz', timeout=2); sys.exit(0)" 2>/dev/null; then
        ready=yes
        break
    fi
    sleep 0.5
done
[ -n "$ready" ] || die "/healthz svarade inte inom 30 s (logg: $GUNICORN_LOG)"
"$PY" -c "import urllib.request; urllib.request.urlopen('$BARE_BASE/', timeout=30)" 2>/dev/null ||
    die "den bara vyn svarade inte (logg: $GUNICORN_LOG)"

# Paths from urls.txt: comments and blank lines skipped; every entry must be a local path. A line
# "@e-mail" makes the following paths run logged in as that user (a session made by
# `python -m bench session`, sent as a Cookie header); "@" alone goes back to anonymous.
PATHS=()
USERS=()
COOKIES=()
user=""
cookie=""
while IFS= read -r line || [ -n "$line" ]; do
    line="${line%%#*}"
    line="$(printf '%s' "$line" | tr -d '[:space:]')"
    [ -z "$line" ] && continue
    case "$line" in
        /*)
            PATHS+=("$line")
            USERS+=("${user:--}")
            COOKIES+=("$cookie")
            ;;
        @)
            user=""
            cookie=""
            ;;
        @*)
            user="${line#@}"
            cookie="$("$PY" -m bench session "$user" 2>>"$SETUP_LOG")" ||
                die "urls.txt: kunde inte logga in som $user (logg: $SETUP_LOG)"
            user="${user%%@*}"
            ;;
        *) die "urls.txt: '$line' är ingen sökväg (ska börja med /; bara 127.0.0.1 belastas)" ;;
    esac
done <"$URLS_FILE"
[ "${#PATHS[@]}" -gt 0 ] || die "urls.txt innehåller inga sökvägar."

# One request per URL first: warms the page cache and shows the status code of each page.
echo "bench: uppvärmning (status per URL)"
WARMUP=()
for i in "${!PATHS[@]}"; do
    WARMUP+=("${PATHS[$i]}" "${USERS[$i]}" "${COOKIES[$i]}")
done
"$PY" - "$BASE" "${WARMUP[@]}" <<'PY'
import sys
import urllib.error
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)
base, entries = sys.argv[1], sys.argv[2:]
for path, user, cookie in zip(entries[0::3], entries[1::3], entries[2::3], strict=True):
    request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})
    try:
        status = opener.open(request, timeout=30).status
    except urllib.error.HTTPError as error:
        status = error.code
    except Exception as error:  # connection problems are reported, the bench goes on
        status = f"fel: {error}"
    print(f"  {status}  {path}" + (f"  (inloggad som {user})" if cookie else ""))
PY

# Queries per warm request, counted in one Django process against the same database and cache.
echo "bench: frågor per anrop"
QUERIES=()
while read -r count status; do
    QUERIES+=("$count")
done < <(for i in "${!PATHS[@]}"; do printf '%s %s\n' "${PATHS[$i]}" "${COOKIES[$i]}"; done |
    "$PY" -m bench queries 2>>"$SETUP_LOG")
[ "${#QUERIES[@]}" -eq "${#PATHS[@]}" ] || die "frågeräkningen misslyckades (logg: $SETUP_LOG)"

width=3
for path in "${PATHS[@]}"; do
    [ "${#path}" -gt "$width" ] && width="${#path}"
done
uwidth=2
for who in "${USERS[@]}"; do
    [ "${#who}" -gt "$uwidth" ] && uwidth="${#who}"
done

# One wrk run: prints its BENCH line, or nothing when wrk failed.
drive() {
    local url=$1
    shift
    local output
    if output="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s "$@" -s "$LUA" "$url" 2>&1)"; then
        printf '%s\n' "$output" | grep '^BENCH ' | tail -n 1 || true
    else
        printf '%s\n' "$output" | tail -n 5 >&2
    fi
}
field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
row() { printf '%-*s | %-*s | %9s | %8s | %8s | %7s | %9s | %8s | %7s' "$width" "$1" "$uwidth" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$9"; }

ROWS=()
SOCKET_NOTES=()
for i in "${!PATHS[@]}"; do
    path="${PATHS[$i]}"
    who="${USERS[$i]}"
    HEADERS=()
    if [ -n "${COOKIES[$i]}" ]; then
        HEADERS=(-H "Cookie: ${COOKIES[$i]}")
        echo "bench: ${ROUNDS} x (wrk ${DURATION}s bar vy, ${DURATION}s $path)  (inloggad som $who)"
    else
        echo "bench: ${ROUNDS} x (wrk ${DURATION}s bar vy, ${DURATION}s $path)"
    fi
    # Interleaved: the bare view's figure for this URL is taken right before it, under the same conditions; with
    # several rounds each figure is the median over the rounds.
    BARE_RPS=()
    RPS=()
    P50=()
    P95=()
    SHARES=()
    NON2XX=0
    line=""
    for _ in $(seq 1 "$ROUNDS"); do
        bare="$(drive "$BARE_BASE$path")"
        line="$(drive "$BASE$path" ${HEADERS[@]+"${HEADERS[@]}"})"
        # Requests wrk left queued in gunicorn would still run during the next load: wait them out.
        "$PY" -c "import urllib.request; urllib.request.urlopen('$BASE/healthz', timeout=120)" 2>/dev/null || true
        bare_rps="$(field "$bare" rps)"
        [ -n "$line" ] && [ -n "$bare_rps" ] || continue
        rps="$(field "$line" rps)"
        BARE_RPS+=("$bare_rps")
        RPS+=("$rps")
        P50+=("$(field "$line" p50_ms)")
        P95+=("$(field "$line" p95_ms)")
        SHARES+=("$(awk -v a="$rps" -v b="$bare_rps" 'BEGIN { if (b > 0) printf "%.1f", 100 * a / b; else print 0 }')")
        NON2XX=$((NON2XX + $(field "$line" non2xx)))
    done
    if [ "${#RPS[@]}" -eq 0 ]; then
        ROWS+=("$(row "$path" "$who" "wrk fel" - - "${QUERIES[$i]}" - - -)")
        continue
    fi
    ROWS+=("$(row "$path" "$who" "$(median "${RPS[@]}")" "$(median "${P50[@]}")" "$(median "${P95[@]}")" "${QUERIES[$i]}" "$(median "${BARE_RPS[@]}")" "$(median "${SHARES[@]}") %" "$NON2XX")")
    socket_errors="$(field "$line" socket_errors)"
    if [ "${socket_errors:-0}" != "0" ]; then
        SOCKET_NOTES+=("$path: $socket_errors socket errors (connect/read/write/timeout)")
    fi
done

# Reports of another URL file are named after it (latest-urls-scale.txt), so latest.txt keeps the full table and
# runs are compared with their own kind only.
NAME_SUFFIX=""
if [ "$URLS_FILE" != "$ROOT/bench/urls.txt" ]; then
    NAME_SUFFIX="-$(basename "$URLS_FILE" .txt)"
fi
REPORT="$RESULTS/latest$NAME_SUFFIX.txt"
{
    echo "Kunskapsarenan benchmark $(date '+%Y-%m-%d %H:%M:%S %z')"
    echo "commit:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- . ":(exclude)bench/results" 2>/dev/null || echo ' (+ local changes)')"
    echo "server:   gunicorn -w $WORKERS on 127.0.0.1, arena.settings.production; bare view bench.bare (same gunicorn)"
    echo "machine:  $(nproc 2>/dev/null || echo '?') CPUs, load average at the start $LOAD_AT_START, at the end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
    echo "database: $DB_LABEL"
    echo "cache:    $CACHE_LABEL"
    echo "scale:    $SCALE"
    echo "load:     wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s per URL, the bare view first, $ROUNDS round(s), medians (as: - = anonymous, else the user's session)"
    echo "urls:     ${URLS_FILE#"$ROOT"/}"
    echo "queries:  database queries of a warm request (the second of two, in one Django process)"
    echo "import:   $IMPORT_REPORT"
    echo
    row "URL" "as" "req/s" "p50 ms" "p95 ms" "queries" "bare req/s" "% of bare" "non-2xx"
    echo
    printf '%s\n' "$(printf '%*s' "$((width + uwidth + 84))" '' | tr ' ' '-')"
    printf '%s\n' "${ROWS[@]}"
    if [ "${#SOCKET_NOTES[@]}" -gt 0 ]; then
        echo
        printf '%s\n' "${SOCKET_NOTES[@]}"
    fi
} >"$REPORT"

cp "$REPORT" "$RESULTS/latest-$SCALE$NAME_SUFFIX.txt"
# With a run at the other scale on record, the report ends with the two side by side: pages whose share of the bare
# view falls as the content grows (500 posts against 35) do work that grows with it.
OTHER_SCALE=large
[ "$SCALE" = large ] && OTHER_SCALE=demo
if [ -f "$RESULTS/latest-$OTHER_SCALE$NAME_SUFFIX.txt" ]; then
    {
        echo
        echo "Compared with the last run at the other scale:"
        "$PY" -m bench compare "$RESULTS/latest-demo$NAME_SUFFIX.txt" "$RESULTS/latest-large$NAME_SUFFIX.txt"
    } >>"$REPORT"
fi

echo
cat "$REPORT"
cp "$REPORT" "$RESULTS/$(date '+%Y%m%d-%H%M%S').txt"
echo
echo "bench: resultat sparat i bench/results/latest$NAME_SUFFIX.txt"
