#!/usr/bin/env bash
# Återställer en säkerhetskopia från scripts/backup.sh: kontrollerar kontrollsummorna, läser in databasen i
# DATABASE_URL (en ny tom databas eller en befintlig, vars tabeller då ersätts) och packar upp filerna i MEDIA_ROOT.
# Kör sedan `manage.py migrate` om koden är nyare än säkerhetskopian.
#
# Användning: DATABASE_URL=postgres://… [MEDIA_ROOT=/srv/kunskapsarenan/media] scripts/restore.sh <säkerhetskopia>
set -euo pipefail

if [ "$#" -ne 1 ]; then
    echo "Användning: $0 <katalog från scripts/backup.sh>" >&2
    exit 2
fi
: "${DATABASE_URL:?miljövariabeln DATABASE_URL saknas (postgres://användare@värd:port/databas)}"
media_root=${MEDIA_ROOT:-"$(cd "$(dirname "$0")/.." && pwd)/media"}
source_dir=$1

if [ ! -f "${source_dir}/database.dump" ] || [ ! -f "${source_dir}/SHA256SUMS" ]; then
    echo "${source_dir} är ingen säkerhetskopia från scripts/backup.sh (database.dump eller SHA256SUMS saknas)" >&2
    exit 1
fi
echo "Kontrollsummor i ${source_dir}" >&2
(cd "$source_dir" && sha256sum --check --quiet SHA256SUMS)

echo "Databas: pg_restore från ${source_dir}/database.dump" >&2
pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --single-transaction \
    --dbname="$DATABASE_URL" "${source_dir}/database.dump"

if [ -f "${source_dir}/media.tar.gz" ]; then
    echo "Media: packar upp i ${media_root}" >&2
    mkdir -p "$media_root"
    tar --extract --gzip --file="${source_dir}/media.tar.gz" --directory="$media_root"
else
    echo "Media: inga filer i säkerhetskopian (t.ex. media i S3)" >&2
fi
echo "Klart: återställd från ${source_dir}" >&2
