#!/usr/bin/env bash
# Backs up the member directory's database while the service runs. Restore with src/ops/restore.sh.
#
#   src/ops/backup.sh h2 [--url URL] [--max-time SECONDS]
#       Asks the running service for an online backup: POST URL/q/backup on its management interface (URL:
#       --url, else $DIRECTORY_MANAGEMENT_URL, else http://127.0.0.1:9000). The service writes
#       directory-<UTC time>.zip into its backup folder (DIRECTORY_BACKUP_DIR, default "backups" under its data
#       folder) and deletes the oldest beyond DIRECTORY_BACKUP_KEEP (7). Writes go on meanwhile. A backup that
#       takes longer than the service waits (up to 20 s; about a minute for a 1 GB database) is followed with
#       GET URL/q/backup until it is done, for at most --max-time seconds (default: no limit). The folder is on
#       the service's machine: copy the file elsewhere to survive the loss of that disk.
#
#   src/ops/backup.sh postgresql [--dbname CONNINFO] [--out DIR] [--keep N]
#       pg_dump --format=custom of the database into DIR (--out, else $DIRECTORY_BACKUP_DIR, else ./backups) as
#       directory-<UTC time>.dump, checked with pg_restore --list, then deletes the oldest beyond N (--keep, else
#       $DIRECTORY_BACKUP_KEEP, else 7). pg_dump reads one consistent snapshot; the service keeps running.
#       The connection, first found wins:
#         --dbname       a libpq URI (postgresql://user@host:port/db) or conninfo ("host=... dbname=..."); a JDBC URL
#                        (jdbc:postgresql://host:port/db) is taken too, as long as its parameters are libpq's;
#         the service's own settings: QUARKUS_DATASOURCE_JDBC_URL, with QUARKUS_DATASOURCE_USERNAME and _PASSWORD;
#         libpq's variables: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (or ~/.pgpass), PGSSLMODE, ...
#       Without a terminal pg_dump never prompts for a password (it fails instead). PG_BIN names the folder of
#       pg_dump and pg_restore (default: from PATH); they must be of the server's major version or newer.
#
# Prints the backup file's path on stdout (one line) and what was done on stderr; exits non-zero, with the reason
# on stderr, when no backup was made. The files hold personal data: they are made readable by their owner only.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit "${1:-2}"; }
say() { printf 'backup: %s\n' "$*" >&2; }
die() { printf 'backup: ERROR: %s\n' "$*" >&2; exit 1; }

(($# >= 1)) || usage
KIND=$1
shift
URL=${DIRECTORY_MANAGEMENT_URL:-http://127.0.0.1:9000}
MAX_TIME=0
DBNAME=""
OUT=${DIRECTORY_BACKUP_DIR:-backups}
KEEP=${DIRECTORY_BACKUP_KEEP:-7}
while (($# > 0)); do
  case $1 in
    --url) URL=${2:?--url needs a value}; shift 2 ;;
    --max-time) MAX_TIME=${2:?--max-time needs a value}; shift 2 ;;
    --dbname) DBNAME=${2:?--dbname needs a value}; shift 2 ;;
    --out) OUT=${2:?--out needs a value}; shift 2 ;;
    --keep) KEEP=${2:?--keep needs a value}; shift 2 ;;
    -h | --help) usage 0 ;;
    *) die "unknown argument '$1' (see $0 --help)" ;;
  esac
done

# The value of a string or number property of a one-line JSON object (enough for the service's own answers).
json_value() {
  sed -nE "s/.*\"$1\":(\"(([^\"\\\\]|\\\\.)*)\"|(-?[0-9]+)).*/\2\4/p" <<<"$2" | head -n 1
}

# One request to the backup endpoint: sets STATUS and BODY; dies when nothing answers.
call() { # METHOD
  local failure answer
  failure=$(mktemp)
  if ! answer=$(curl -sS -X "$1" --max-time 60 -H 'Accept: application/json' -w '\n%{http_code}' "${ENDPOINT}" 2>"${failure}"); then
    local why
    why=$(head -c 300 "${failure}")
    rm -f "${failure}"
    die "no answer from ${ENDPOINT}: ${why} (is the service running, and is ${URL} its management interface, QUARKUS_MANAGEMENT_PORT?)"
  fi
  rm -f "${failure}"
  STATUS=${answer##*$'\n'}
  BODY=${answer%$'\n'*}
}

backup_h2() {
  command -v curl >/dev/null || die "curl is needed"
  [[ ${MAX_TIME} =~ ^[0-9]+$ ]] || die "--max-time must be a number of seconds"
  ENDPOINT="${URL%/}/q/backup"
  local started=${SECONDS} file state
  call POST
  if [[ ${STATUS} == 202 ]]; then
    # A large database: the backup runs on in the service, and GET shows it until it is done.
    file=$(json_value file "${BODY}")
    say "${file}: the backup runs on in the service (a large database); waiting for it"
    while :; do
      ((MAX_TIME == 0 || SECONDS - started < MAX_TIME)) || die "${file} was not done after ${MAX_TIME} s (GET ${ENDPOINT} shows it)"
      sleep 2
      call GET
      [[ ${STATUS} == 200 ]] || die "GET ${ENDPOINT} answered ${STATUS}: $(json_value detail "${BODY}")"
      [[ $(json_value file "${BODY}") == "${file}" ]] \
        || die "another backup ($(json_value file "${BODY}")) began after ${file}: look for ${file} in the backup folder and the service's log"
      state=$(json_value state "${BODY}")
      [[ ${state} == running ]] || break
    done
    [[ ${state} == done ]] || die "the backup ${file} failed: $(json_value detail "${BODY}")"
  elif [[ ${STATUS} != 200 ]]; then
    local detail
    detail=$(json_value detail "${BODY}")
    die "the service refused (HTTP ${STATUS}): ${detail:-${BODY:0:300}}"
  fi
  local path bytes took kept removed
  file=$(json_value file "${BODY}")
  path=$(json_value path "${BODY}")
  bytes=$(json_value bytes "${BODY}")
  took=$(json_value durationMs "${BODY}")
  kept=$(json_value kept "${BODY}")
  removed=$(sed -nE 's/.*"removed":\[([^]]*)\].*/\1/p' <<<"${BODY}" | tr -d '"')
  [[ -n ${path} ]] || die "unexpected answer from ${ENDPOINT}: ${BODY:0:300}"
  say "${file}: ${bytes} bytes in ${took} ms, written by the service to ${path%/*}; ${kept} kept${removed:+; deleted the oldest: ${removed}}"
  printf '%s\n' "${path}"
}

# A libpq connection string from a JDBC URL (jdbc:postgresql://...): the same URL without "jdbc:".
libpq_dbname() {
  local value=$1
  [[ ${value} == jdbc:postgresql:* ]] && value=${value#jdbc:}
  printf '%s' "${value}"
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

pg_tool() { if [[ -n ${PG_BIN:-} ]]; then printf '%s/%s' "${PG_BIN}" "$1"; else printf '%s' "$1"; fi; }

backup_postgresql() {
  local pg_dump pg_restore
  pg_dump=$(pg_tool pg_dump) pg_restore=$(pg_tool pg_restore)
  command -v "${pg_dump}" >/dev/null || die "pg_dump is missing (Debian: apt-get install postgresql-client-15; or set PG_BIN)"
  [[ ${KEEP} =~ ^[1-9][0-9]*$ ]] || die "--keep must be a whole number of at least 1"
  local dbname=()
  if [[ -n ${DBNAME} ]]; then
    dbname=(--dbname "$(libpq_dbname "${DBNAME}")")
  elif [[ -n ${QUARKUS_DATASOURCE_JDBC_URL:-} ]]; then
    [[ ${QUARKUS_DATASOURCE_JDBC_URL} == jdbc:postgresql:* ]] || die "QUARKUS_DATASOURCE_JDBC_URL is not a PostgreSQL URL"
    dbname=(--dbname "$(libpq_dbname "${QUARKUS_DATASOURCE_JDBC_URL}")")
    [[ -n ${QUARKUS_DATASOURCE_USERNAME:-} ]] && export PGUSER=${QUARKUS_DATASOURCE_USERNAME}
    [[ -n ${QUARKUS_DATASOURCE_PASSWORD:-} ]] && export PGPASSWORD=${QUARKUS_DATASOURCE_PASSWORD}
  fi
  local prompt=()
  [[ -t 0 ]] || prompt=(--no-password)
  umask 077
  mkdir -p "${OUT}"
  local name part
  name="directory-$(date -u +%Y%m%dT%H%M%S.%3NZ).dump"
  part="${OUT}/${name}.part"
  local started
  started=$(now_ms)
  if ! "${pg_dump}" --format=custom "${prompt[@]}" "${dbname[@]}" --file="${part}"; then
    rm -f "${part}"
    die "pg_dump failed (see above); no backup was made"
  fi
  "${pg_restore}" --list "${part}" >/dev/null || { rm -f "${part}"; die "the dump cannot be read back (pg_restore --list)"; }
  sync "${part}" 2>/dev/null || true
  mv "${part}" "${OUT}/${name}"
  local took bytes
  took=$(($(now_ms) - started))
  bytes=$(stat -c %s "${OUT}/${name}")
  # Rotation: the newest KEEP dumps stay (names sort as their times); other files in the folder are not touched.
  local all=() removed=()
  mapfile -t all < <(find "${OUT}" -maxdepth 1 -type f -name 'directory-*.dump' -printf '%f\n' \
    | grep -E '^directory-[0-9]{8}T[0-9]{6}\.[0-9]{3}Z\.dump$' | sort)
  local surplus=$((${#all[@]} - KEEP)) i
  for ((i = 0; i < surplus; i++)); do
    rm -f "${OUT}/${all[i]}" && removed+=("${all[i]}")
  done
  say "${name}: ${bytes} bytes in ${took} ms (pg_dump --format=custom) in ${OUT}; $((${#all[@]} - ${#removed[@]})) kept${removed[*]:+; deleted the oldest: ${removed[*]}}"
  printf '%s\n' "$(cd "${OUT}" && pwd)/${name}"
}

case ${KIND} in
  h2) backup_h2 ;;
  postgresql) backup_postgresql ;;
  -h | --help) usage 0 ;;
  *) die "the first argument is the database kind: h2 or postgresql (see $0 --help)" ;;
esac
