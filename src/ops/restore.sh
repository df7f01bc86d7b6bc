#!/usr/bin/env bash
# Restores the member directory's database from a backup made by src/ops/backup.sh. The service must be stopped.
#
#   src/ops/restore.sh h2 BACKUP.zip [--data-dir DIR] [--database PATH] [--index-dir DIR] [--url URL] [--discard-current]
#       Replaces the H2 database file with the one in BACKUP.zip and deletes the search index, so that the next
#       start rebuilds the index from the restored database. In this order:
#       1. checks the zip (intact, exactly one *.mv.db in it) before touching anything;
#       2. refuses while the service runs: when something answers URL/q/health/live (URL: --url, else
#          $DIRECTORY_MANAGEMENT_URL, else http://127.0.0.1:9000; "none" skips this), or when a process has the
#          database file open (H2 keeps it open and locked while the service runs; read from /proc);
#       3. extracts the backup next to the database (with the current file's owner and mode, else the folder's owner),
#          then moves the current database file aside as <name>.mv.db.before-restore-<UTC time> (--discard-current
#          deletes it instead) and puts the backup's in its place (a rename: the database file is always whole);
#       4. deletes the search index folder (only if it holds nothing but Lucene's files).
#       Where things are, as the service finds them (run this from the service's working folder, or name them):
#         --data-dir   the data folder: $DIRECTORY_DATA_DIR, else ./data
#         --database   the database, without .mv.db: from $QUARKUS_DATASOURCE_JDBC_URL when it is jdbc:h2:file:...,
#                      else <data folder>/directory
#         --index-dir  the search index: $DIRECTORY_SEARCH_INDEX_DIR, else <data folder>/index ("memory": none)
#
#   src/ops/restore.sh postgresql BACKUP.dump [--dbname CONNINFO] [--url URL] [--index-dir DIR ...]
#       pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error of BACKUP.dump into the
#       database: its tables, sequences (the change sequence included) and data become the backup's; all of it or,
#       on any error, nothing. The connection is found as src/ops/backup.sh finds it (--dbname, else
#       QUARKUS_DATASOURCE_JDBC_URL with _USERNAME and _PASSWORD, else PGHOST, PGDATABASE, PGUSER, PGPASSWORD, ...).
#       Refuses while an instance runs: when something answers URL/q/health/live ("none" skips this), or when any
#       other session is connected to the database (every instance of the service holds connections).
#       Then deletes each --index-dir given (only if it holds nothing but Lucene's files). Every instance's search
#       index must go before that instance starts again: the restore takes the change sequence back, and an index
#       that followed the database past the backup must be rebuilt, not caught up. An instance with
#       DIRECTORY_SEARCH_INDEX_DIR=memory rebuilds at every start anyway; delete the others' folders on their hosts.
#
# The service then starts as usual; it is ready (GET /q/health/ready) once the index is rebuilt (its log says
# "Search index built from the database: N members"). Exits non-zero, with the reason on stderr, when nothing was
# restored; PG_BIN names the folder of pg_restore and psql (default: from PATH).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit "${1:-2}"; }
say() { printf 'restore: %s\n' "$*" >&2; }
die() { printf 'restore: ERROR: %s\n' "$*" >&2; exit 1; }

(($# >= 1)) || usage
KIND=$1
shift
[[ ${KIND} == -h || ${KIND} == --help ]] && usage 0
(($# >= 1)) || usage
BACKUP=$1
shift
URL=${DIRECTORY_MANAGEMENT_URL:-http://127.0.0.1:9000}
DATA_DIR=${DIRECTORY_DATA_DIR:-./data}
DATABASE=""
INDEX_DIRS=()
DBNAME=""
DISCARD=0
while (($# > 0)); do
  case $1 in
    --url) URL=${2:?--url needs a value}; shift 2 ;;
    --data-dir) DATA_DIR=${2:?--data-dir needs a value}; shift 2 ;;
    --database) DATABASE=${2:?--database needs a value}; shift 2 ;;
    --index-dir) INDEX_DIRS+=("${2:?--index-dir needs a value}"); shift 2 ;;
    --dbname) DBNAME=${2:?--dbname needs a value}; shift 2 ;;
    --discard-current) DISCARD=1; shift ;;
    -h | --help) usage 0 ;;
    *) die "unknown argument '$1' (see $0 --help)" ;;
  esac
done
[[ -f ${BACKUP} ]] || die "no backup file ${BACKUP}"

# Refuses when a service answers on the management interface (any HTTP answer counts: it is running).
refuse_if_answering() {
  [[ ${URL} == none ]] && return 0
  command -v curl >/dev/null || die "curl is needed (or --url none)"
  local status
  status=$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "${URL%/}/q/health/live" || true)
  if [[ -n ${status} && ${status} != 000 ]]; then
    die "the service is running: ${URL%/}/q/health/live answered ${status}. Stop it (every instance) first."
  fi
}

# Refuses a search index folder that holds anything but Lucene's files (a wrong path), before anything is restored.
check_index() {
  local dir=$1
  [[ ${dir} == memory || ! -e ${dir} ]] && return 0
  [[ -d ${dir} ]] || die "${dir} is not a folder: not deleting it as the search index (give --index-dir)"
  local foreign
  foreign=$(find "${dir}" -mindepth 1 -maxdepth 1 ! -regex '.*/\(segments_[0-9a-z]+\|pending_segments_[0-9a-z]+\|write\.lock\|_[0-9a-z]+[_.][^/]*\)' \
    -printf '%f\n' | head -n 5)
  [[ -z ${foreign} ]] || die "${dir} holds files that are not a Lucene index (${foreign//$'\n'/, }): is it the search index folder? (--index-dir)"
}

# Deletes a search index folder (checked by check_index first).
delete_index() {
  local dir=$1
  if [[ ${dir} == memory ]]; then
    say "the search index is in memory (DIRECTORY_SEARCH_INDEX_DIR=memory): it is rebuilt at every start"
  elif [[ ! -e ${dir} ]]; then
    say "no search index at ${dir}: the next start builds it from the database"
  else
    rm -rf -- "${dir}"
    say "deleted the search index ${dir}: the next start rebuilds it from the restored database"
  fi
}

# The processes that have this file open (from /proc; as root every process, else the user's own).
holders() {
  [[ -d /proc/self/fd ]] || return 0
  local pattern=$1
  pattern=${pattern//\\/\\\\} pattern=${pattern//\[/\\[} pattern=${pattern//\*/\\*} pattern=${pattern//\?/\\?}
  # find fails on the folders of processes that end meanwhile, and (not as root) on other users': what it found counts.
  { find /proc/[0-9]*/fd -maxdepth 1 -type l -lname "${pattern}" 2>/dev/null || true; } | cut -d/ -f3 | sort -u | tr '\n' ' '
}

# A zip's entry names, one a line (unzip, else Python).
zip_names() {
  if command -v unzip >/dev/null; then
    unzip -Z1 "$1"
  elif command -v python3 >/dev/null; then
    python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"
  else
    die "unzip (or python3) is needed to read the backup (Debian: apt-get install unzip)"
  fi
}

zip_test() {
  if command -v unzip >/dev/null; then
    unzip -tqq "$1" >/dev/null
  else
    python3 -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' "$1"
  fi
}

zip_extract() { # ZIP ENTRY TARGET
  if command -v unzip >/dev/null; then
    unzip -p "$1" "$2" >"$3"
  else
    python3 -c 'import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as i, open(sys.argv[3], "wb") as o: shutil.copyfileobj(i, o)' "$1" "$2" "$3"
  fi
}

restore_h2() {
  # 1. The backup, before anything is touched.
  local names entry
  names=$(zip_names "${BACKUP}" 2>/dev/null) || die "${BACKUP} is not a zip file (an H2 backup from src/ops/backup.sh h2 is)"
  entry=$(grep -E '^[^/]+\.mv\.db$' <<<"${names}" || true)
  [[ -n ${entry} && $(wc -l <<<"${entry}") -eq 1 ]] \
    || die "${BACKUP} does not hold one H2 database file (*.mv.db); it holds: ${names//$'\n'/, }"
  zip_test "${BACKUP}" || die "${BACKUP} is damaged (its checksums do not match)"

  # Where the database is.
  if [[ -z ${DATABASE} ]]; then
    local url=${QUARKUS_DATASOURCE_JDBC_URL:-}
    if [[ ${url} == jdbc:h2:file:* ]]; then
      DATABASE=${url#jdbc:h2:file:}
      DATABASE=${DATABASE%%;*}
    elif [[ -n ${url} ]]; then
      die "QUARKUS_DATASOURCE_JDBC_URL is not an H2 file URL (jdbc:h2:file:...): name the database with --database"
    else
      DATABASE=${DATA_DIR%/}/directory
    fi
  fi
  local folder name
  folder=$(dirname -- "${DATABASE}")
  name=$(basename -- "${DATABASE}")
  mkdir -p -- "${folder}"
  folder=$(cd -- "${folder}" && pwd -P)
  local target="${folder}/${name}.mv.db"
  local index=${INDEX_DIRS[0]:-${DIRECTORY_SEARCH_INDEX_DIR:-${DATA_DIR%/}/index}}

  # 2. The service must be stopped, and the index folder must be one.
  refuse_if_answering
  check_index "${index}"
  if [[ -e ${target} ]]; then
    local open
    open=$(holders "${target}")
    [[ -z ${open} ]] || die "${target} is open in process ${open}(the service, or an H2 tool): stop it first"
  fi

  # 3. The backup's database in place of the current one.
  local stamp restoring="${target}.restoring"
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  rm -f -- "${restoring}"
  trap 'rm -f -- "${restoring}"' EXIT
  (umask 077 && zip_extract "${BACKUP}" "${entry}" "${restoring}") || die "could not extract ${entry} from ${BACKUP}"
  # The service's user must be able to open it: the owner and mode of the file it replaces (else the folder's owner).
  if [[ -e ${target} ]]; then
    chown --reference="${target}" -- "${restoring}" 2>/dev/null || true
    chmod --reference="${target}" -- "${restoring}"
  else
    chown --reference="${folder}" -- "${restoring}" 2>/dev/null || true
  fi
  sync "${restoring}" 2>/dev/null || true
  if [[ -e ${target} ]]; then
    if ((DISCARD)); then
      rm -f -- "${target}"
      say "deleted the current database ${target}"
    else
      mv -- "${target}" "${target}.before-restore-${stamp}"
      say "kept the current database as ${target}.before-restore-${stamp} (delete it once the restore is confirmed)"
    fi
  fi
  # Files of the replaced database that would not match the restored one (a trace is only a log; kept).
  rm -f -- "${folder}/${name}.lock.db" "${folder}/${name}".*.temp.db
  mv -- "${restoring}" "${target}"
  trap - EXIT
  sync "${folder}" 2>/dev/null || true
  say "restored ${target} from ${BACKUP} ($(stat -c %s "${target}") bytes)"

  # 4. The index follows the database: it is rebuilt at the next start.
  delete_index "${index}"
  say "done: start the service; it is ready once the search index is rebuilt"
}

pg_tool() { if [[ -n ${PG_BIN:-} ]]; then printf '%s/%s' "${PG_BIN}" "$1"; else printf '%s' "$1"; fi; }

restore_postgresql() {
  local pg_restore psql
  pg_restore=$(pg_tool pg_restore) psql=$(pg_tool psql)
  command -v "${pg_restore}" >/dev/null || die "pg_restore is missing (Debian: apt-get install postgresql-client-15; or set PG_BIN)"
  command -v "${psql}" >/dev/null || die "psql is missing (Debian: apt-get install postgresql-client-15; or set PG_BIN)"
  # 1. The backup, before anything is touched.
  "${pg_restore}" --list "${BACKUP}" >/dev/null 2>&1 \
    || die "${BACKUP} is not a pg_dump archive in the custom format (src/ops/backup.sh postgresql makes one)"

  local dbname=()
  if [[ -n ${DBNAME} ]]; then
    dbname=(--dbname "${DBNAME#jdbc:}")
  elif [[ -n ${QUARKUS_DATASOURCE_JDBC_URL:-} ]]; then
    [[ ${QUARKUS_DATASOURCE_JDBC_URL} == jdbc:postgresql:* ]] || die "QUARKUS_DATASOURCE_JDBC_URL is not a PostgreSQL URL"
    dbname=(--dbname "${QUARKUS_DATASOURCE_JDBC_URL#jdbc:}")
    [[ -n ${QUARKUS_DATASOURCE_USERNAME:-} ]] && export PGUSER=${QUARKUS_DATASOURCE_USERNAME}
    [[ -n ${QUARKUS_DATASOURCE_PASSWORD:-} ]] && export PGPASSWORD=${QUARKUS_DATASOURCE_PASSWORD}
  fi
  local prompt=()
  [[ -t 0 ]] || prompt=(--no-password)

  # 2. Every instance must be stopped, and the index folders must be ones.
  refuse_if_answering
  local dir
  for dir in "${INDEX_DIRS[@]}"; do check_index "${dir}"; done
  local sessions
  sessions=$("${psql}" -X -q -A -t -v ON_ERROR_STOP=1 "${prompt[@]}" "${dbname[@]}" -c "select count(*) || ' (' ||
      coalesce(string_agg(distinct coalesce(nullif(application_name, ''), '?') || ' from '
        || coalesce(host(client_addr), 'local'), ', '), '') || ')'
    from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
      and backend_type = 'client backend'") || die "cannot connect to the database (see above)"
  [[ ${sessions} == "0 ()" ]] \
    || die "other sessions are connected to the database: ${sessions}. Stop every instance of the service first."

  # 3. The backup, in one transaction.
  local started
  started=$(date +%s%N)
  "${pg_restore}" --clean --if-exists --no-owner --single-transaction --exit-on-error "${prompt[@]}" "${dbname[@]}" \
    "${BACKUP}" || die "pg_restore failed (see above); its transaction was rolled back: the database is as it was"
  say "restored the database from ${BACKUP} in $((($(date +%s%N) - started) / 1000000)) ms"

  # 4. The indexes.
  for dir in "${INDEX_DIRS[@]}"; do delete_index "${dir}"; done
  say "done: delete the search index folder of every other instance (DIRECTORY_SEARCH_INDEX_DIR, default"
  say "<data folder>/index) before it starts; instances with DIRECTORY_SEARCH_INDEX_DIR=memory need nothing."
}

case ${KIND} in
  h2) restore_h2 ;;
  postgresql) restore_postgresql ;;
  *) die "the first argument is the database kind: h2 or postgresql (see $0 --help)" ;;
esac
