#!/usr/bin/env bash
# The maturity import benchmark: generate an answers file with ROWS rows (default 100000), import it
# through the importer the admin and `manage.py import_maturity` use, and print one line with rows/s,
# the import's own seconds and the whole command's wall time (file generation and start-up included).
# Goal (issue #5): 100,000 rows in under 30 s on 2 cores.
#
#   bash bench/maturity.sh [ROWS]
#
# `make bench` runs it with its own settings and database (bench/run.sh); run alone it uses the current
# environment (DJANGO_SETTINGS_MODULE, DATABASE_URL). It leaves nothing behind: `python -m bench
# maturity-import` (bench/maturity_import.py) imports into a temporary round inside a transaction that is
# rolled back.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
ROWS="${1:-100000}"

[ -x "$PY" ] || {
    echo "bench: .venv saknas; kör 'make install'." >&2
    exit 1
}
[[ "$ROWS" =~ ^[1-9][0-9]{0,6}$ ]] || {
    echo "bench: antalet rader måste vara ett heltal 1-9999999 (fick '$ROWS')." >&2
    exit 1
}

started="$(date +%s.%N)"
result="$("$PY" -m bench maturity-import --rows "$ROWS")"
finished="$(date +%s.%N)"
wall="$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f", b - a }')"
printf '%s; whole command %s s (goal: 100,000 rows in under 30 s)\n' "$(printf '%s' "$result" | tail -n 1)" "$wall"
