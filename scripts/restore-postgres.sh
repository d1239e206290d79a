#!/usr/bin/env bash
# Restores a dump of scripts/backup-postgres.sh into an EMPTY database, all or nothing, then prints
# what the restored database holds (its Flyway version, open tasks, running process instances) to
# compare with the application before the restore. Needs bash and the PostgreSQL client programs
# (Debian: postgresql-client).
#
#   scripts/restore-postgres.sh DUMP DATABASE
#
#   DUMP      a file written by scripts/backup-postgres.sh (pg_dump --format=custom)
#   DATABASE  a libpq connection URI of an empty database, as the application's own user, e.g.
#             postgresql://siaga@db.example:5432/siaga_restore; create it first as a superuser:
#             createdb -h db.example -U postgres -O siaga siaga_restore
#
# The restored tables belong to the user the script connects as (--no-owner) and no grants of the
# old server are copied (--no-privileges): connect as the user the application will use.
# See docs/operations.md, "Backup and restore".
set -euo pipefail

usage() {
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
}

if [ $# -ne 2 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  usage >&2
  exit 64
fi
dump="$1"
database="$2"

for tool in pg_restore psql; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ERROR: $tool not found: install the PostgreSQL client programs (Debian: apt-get install postgresql-client)" >&2
    exit 69
  fi
done
if [ ! -r "$dump" ]; then
  echo "ERROR: cannot read $dump" >&2
  exit 66
fi

query() {
  psql --no-psqlrc --quiet --tuples-only --no-align --set=ON_ERROR_STOP=1 --dbname="$database" --command="$1"
}

tables="$(query "select count(*) from pg_catalog.pg_tables where schemaname not in ('pg_catalog', 'information_schema')")"
if [ "$tables" != "0" ]; then
  echo "ERROR: the target database already holds $tables tables; restore into an empty database" >&2
  exit 65
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$database" "$dump"

flyway="$(query "select version from flyway_schema_history where success order by installed_rank desc limit 1")"
tasks="$(query "select count(*) from act_ru_task")"
instances="$(query "select count(*) from act_ru_execution where id_ = proc_inst_id_")"
echo "Restored $dump: Flyway version $flyway, $tasks open tasks, $instances running process instances"
