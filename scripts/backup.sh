#!/usr/bin/env bash
# Säkerhetskopierar Kunskapsarenan: databasen (pg_dump i eget format från DATABASE_URL) och uppladdade filer
# (MEDIA_ROOT) till en ny katalog med tidsstämpel under den katalog som anges, med kontrollsummor för båda.
# Ligger media i en S3-bucket (AWS_STORAGE_BUCKET_NAME) kopieras bara databasen: bucketen skyddas med
# versionshantering och replikering (se README, "Scale-out and backups").
#
# Användning: DATABASE_URL=postgres://… [MEDIA_ROOT=/srv/kunskapsarenan/media] scripts/backup.sh <katalog>
# Skriver sökvägen till den nya säkerhetskopian sist.
set -euo pipefail

if [ "$#" -ne 1 ]; then
    echo "Användning: $0 <katalog för säkerhetskopior>" >&2
    exit 2
fi
: "${DATABASE_URL:?miljövariabeln DATABASE_URL saknas (postgres://användare@värd:port/databas)}"
media_root=${MEDIA_ROOT:-"$(cd "$(dirname "$0")/.." && pwd)/media"}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$1/kunskapsarenan-${stamp}"
if [ -e "$target" ]; then
    echo "$target finns redan: vänta en sekund och försök igen" >&2
    exit 1
fi
mkdir -p "$target"

echo "Databas: pg_dump till ${target}/database.dump" >&2
pg_dump --format=custom --no-owner --no-privileges --file="${target}/database.dump" "$DATABASE_URL"

if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
    echo "Media ligger i S3-bucketen ${AWS_STORAGE_BUCKET_NAME}: kopieras inte här (versionshantering i bucketen)" >&2
elif [ -d "$media_root" ]; then
    echo "Media: ${media_root} till ${target}/media.tar.gz" >&2
    tar --create --gzip --file="${target}/media.tar.gz" --directory="$media_root" .
else
    echo "Media: ${media_root} finns inte, inga filer att kopiera" >&2
fi

(cd "$target" && sha256sum -- * >SHA256SUMS)
echo "Klart: ${target}" >&2
echo "$target"
