#!/usr/bin/env bash
# Online backup of the production database (profile prod, PostgreSQL) with pg_dump, while the
# application runs: pg_dump reads one snapshot of the database, so the dump is consistent.
# Writes FOLDER/siaga-YYYYMMDDTHHMMSSZ.dump (pg_dump's custom format, readable by its owner only),
# checks that pg_restore can read it and that it holds the engine's and the product's tables, and
# prints its path. Needs bash and the PostgreSQL client programs (Debian: postgresql-client), the
# same major version as the server or newer.
#
#   scripts/backup-postgres.sh DATABASE [FOLDER]
#
#   DATABASE  a libpq connection URI, e.g. postgresql://siaga@db.example:5432/siaga; the password
#             comes from PGPASSWORD or ~/.pgpass (never put it on the command line)
#   FOLDER    where the dump goes (default: ./backups)
#
# Restore with scripts/restore-postgres.sh; see docs/operations.md, "Backup and restore".
set -euo pipefail

usage() {
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
}

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  usage >&2
  exit 64
fi
database="$1"
folder="${2:-backups}"

for tool in pg_dump pg_restore; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ERROR: $tool not found: install the PostgreSQL client programs (Debian: apt-get install postgresql-client)" >&2
    exit 69
  fi
done

umask 077 # the dump holds every user's data and password hashes
mkdir -p "$folder"
file="$folder/siaga-$(date -u +%Y%m%dT%H%M%SZ).dump"
if [ -e "$file" ]; then
  echo "ERROR: $file exists already" >&2
  exit 73
fi

# Written under another name first: a dump that failed half-way never looks like a backup.
pg_dump --format=custom --file="$file.partial" --dbname="$database"
contents="$(pg_restore --list "$file.partial")"
for table in act_ge_property act_ru_task act_ru_execution act_ru_job flyway_schema_history siaga_region; do
  if ! grep -Eq "TABLE DATA [^ ]+ $table " <<< "$contents"; then
    echo "ERROR: the dump has no data of table $table: is $database the application's database?" >&2
    rm -f "$file.partial"
    exit 65
  fi
done
mv "$file.partial" "$file"
echo "$file"
