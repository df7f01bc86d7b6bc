#!/usr/bin/env bash
# Backup and restore, end to end: the packaged jar and the operator scripts (src/ops/backup.sh, src/ops/restore.sh).
#
#   .ci/backup-check.sh h2            # the H2 jar in target/quarkus-app, on a fresh temp data folder
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:PORT/DB QUARKUS_DATASOURCE_USERNAME=... \
#   QUARKUS_DATASOURCE_PASSWORD=... .ci/backup-check.sh postgresql
#                                     # the PostgreSQL jar in target/pg, on an EMPTY database of its own
#                                     # (.ci/postgres.sh createdb NAME); pg_dump, pg_restore and psql over TCP
#
# 1. Starts the jar on a fresh data folder with the demo members (DIRECTORY_DEMO_DATA=true) and adds members through
#    the API (one word of this run in their names; one of them pending). Takes the admin's NDJSON export, the search
#    totals, and the ids the search index holds (every status, as the admin): they must be the export's.
# 2. Backs up with src/ops/backup.sh (H2: the service's POST /q/backup; PostgreSQL: pg_dump) and copies the file
#    away from the data folder, as an operator would.
# 3. Changes things after the backup: adds members (another word), deletes two of step 1's, patches one. Checks
#    that restore.sh refuses while the service runs (its health answers; with --url none: the database file is
#    open / other sessions are connected) and leaves the database alone.
# 4. Stops the service and wipes the database (H2: the database files and the backup folder in the data folder;
#    PostgreSQL: DROP SCHEMA public CASCADE). The search index folder, which followed the changes of step 3, stays:
#    the restore has to deal with it.
# 5. Restores with src/ops/restore.sh (the index folder must be gone afterwards), starts the jar again and waits
#    until it is ready.
# 6. Compares: the export equals step 1's byte for byte (it carries no time of its own: the file name's date is in
#    a header, not compared); step 3's members are gone (404) and the deleted ones back; the search totals are
#    step 1's, the index holds exactly the export's ids, and the log says it was built from the database.
# Prints one "backup-check <kind>: ok ..." line with the figures; exits non-zero at the first mismatch.
# Settings: BACKUP_CHECK_APP (target/quarkus-app or target/pg), BACKUP_CHECK_KEEP=1 keeps the temp folder (logs,
# exports, the backup), BACKUP_CHECK_READY_TIMEOUT (300 s). Needs curl; for H2 unzip or python3; for PostgreSQL
# pg_dump, pg_restore and psql (Debian postgresql-client-15, which postgresql-15 brings).
set -euo pipefail
cd "$(dirname "$0")/.."

KIND=${1:-}
case ${KIND} in
  h2) APP=${BACKUP_CHECK_APP:-target/quarkus-app} ;;
  postgresql) APP=${BACKUP_CHECK_APP:-target/pg} ;;
  *) echo "usage: $0 h2|postgresql (see the header)" >&2; exit 2 ;;
esac

fail() { echo "backup-check ${KIND}: FAILED: $*" >&2; exit 1; }
step() { echo "--- $*"; }

source .ci/service.sh
SERVICE_JAR="${APP}/quarkus-run.jar"
SERVICE_READY_TIMEOUT=${BACKUP_CHECK_READY_TIMEOUT:-300}
SERVICE_ADMIN_PASSWORD="backup-check-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
[[ -f ${SERVICE_JAR} ]] || fail "no ${SERVICE_JAR}: build it first (README: PostgreSQL for the -Dpostgresql jar)"
service_ports
BASE=${SERVICE_BASE} OPS=${SERVICE_OPS} ADMIN=(-u "admin:${SERVICE_ADMIN_PASSWORD}")

TMP="$(mktemp -d "${TMPDIR:-/tmp}/directory-backup-check.XXXXXX")"
DATA="${TMP}/data"
cleanup() {
  local rc=$?
  service_stop_all
  if [[ ${BACKUP_CHECK_KEEP:-0} == 1 ]]; then echo "kept ${TMP}"; else rm -rf "${TMP}"; fi
  exit "${rc}"
}
trap cleanup EXIT

if [[ ${KIND} == postgresql ]]; then
  [[ ${QUARKUS_DATASOURCE_JDBC_URL:-} == jdbc:postgresql:* ]] \
    || fail "set QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD) to an empty PostgreSQL database"
  export PGUSER=${QUARKUS_DATASOURCE_USERNAME:-${PGUSER:-}} PGPASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-${PGPASSWORD:-}}
  PG_URL=${QUARKUS_DATASOURCE_JDBC_URL#jdbc:}
  sql() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -A -t -v ON_ERROR_STOP=1 --no-password "${PG_URL}" -c "$1"; }
  [[ $(sql "select count(*) from pg_tables where schemaname = 'public'") == 0 ]] \
    || fail "the database of QUARKUS_DATASOURCE_JDBC_URL is not empty: give the check one of its own (.ci/postgres.sh createdb)"
fi

# One word in the names of the members this run adds before the backup, another for those after it (letters only).
word() { echo "$1$(head -c 64 /dev/urandom | tr -dc 'a-z' | cut -c1-8)"; }
BEFORE=$(word sichern) AFTER=$(word danach)
NAMES=(Alfa Bravo Charlie Delta Echo Foxtrot)

# GET as the admin, the body on stdout; fails on any status but 200.
admin_get() { curl -fsS "${ADMIN[@]}" "${BASE}$1"; }
status_of() { curl -s -o /dev/null -w '%{http_code}' "${ADMIN[@]}" "${BASE}$1"; }
total() { sed -nE 's/.*"total":([0-9]+).*/\1/p' <<<"$1"; }
# Creates a member (a JSON body's name and word; $3 "pending" for ?status=pending) and prints its id.
create() {
  local query=${3:+?status=$3} body
  body=$(curl -fsS "${ADMIN[@]}" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$1 $2\", \"type\": \"freelancer\", \"municipality\": \"2581\", \"skills\": [\"photography\"], \"headline\": \"Made by the backup check\"}" \
    "${BASE}/api/v1/members${query}") || fail "could not create member $1 $2"
  sed -nE 's/^\{[^{]*"id":"([0-9a-f-]{36})".*/\1/p' <<<"${body}"
}
# The ids the search index holds, every status, as the admin: sorted, one a line.
indexed_ids() {
  local page=1 body
  while :; do
    body=$(admin_get "/api/v1/members?status=pending&status=published&status=rejected&status=archived&sort=name&size=100&page=${page}")
    grep -oE '"id":"[0-9a-f-]{36}"' <<<"${body}" | cut -d'"' -f4
    (($(grep -oE '"id":"[0-9a-f-]{36}"' <<<"${body}" | wc -l) == 100)) || break
    page=$((page + 1))
  done | sort
}
export_ids() { sed -nE 's/^\{[^{]*"id":"([0-9a-f-]{36})".*/\1/p' "$1" | sort; }
# What the search says: the public total, each word's public total, and the admin's total over every status.
counts() {
  echo "public=$(total "$(curl -fsS "${BASE}/api/v1/members?size=1")")" \
    "${BEFORE}=$(total "$(curl -fsS "${BASE}/api/v1/members?q=${BEFORE}&size=1")")" \
    "${AFTER}=$(total "$(curl -fsS "${BASE}/api/v1/members?q=${AFTER}&size=1")")" \
    "all=$(total "$(admin_get "/api/v1/members?status=pending&status=published&status=rejected&status=archived&size=1")")"
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

echo "backup check (${KIND}): ${SERVICE_JAR}, data ${DATA}, ports ${SERVICE_PORT} / ${SERVICE_MANAGEMENT_PORT}"

step "1. start with the demo members, add members, take the export and the counts"
service_start "${DATA}" "${TMP}/app-1.log" DIRECTORY_DEMO_DATA=true
service_wait_ready || fail "the service did not start"
KEPT_IDS=()
for i in 0 1 2 3 4; do KEPT_IDS+=("$(create "${NAMES[i]}" "${BEFORE}")"); done
PENDING_ID=$(create "${NAMES[5]}" "${BEFORE}" pending)
[[ ${#KEPT_IDS[@]} == 5 && -n ${PENDING_ID} ]] || fail "member ids missing"
admin_get /api/v1/exports/members.ndjson >"${TMP}/export-backup.ndjson"
MEMBERS=$(wc -l <"${TMP}/export-backup.ndjson")
COUNTS=$(counts)
echo "    ${MEMBERS} members in the export; search: ${COUNTS}"
[[ ${COUNTS} == *" ${BEFORE}=5 "* && ${COUNTS} == *" all=${MEMBERS}" ]] || fail "the search does not show the members added: ${COUNTS}"
[[ "$(indexed_ids)" == "$(export_ids "${TMP}/export-backup.ndjson")" ]] || fail "the index does not hold the export's members"

step "2. back up"
STARTED=$(now_ms)
if [[ ${KIND} == h2 ]]; then
  BACKUP=$(src/ops/backup.sh h2 --url "${OPS}") || fail "src/ops/backup.sh h2 failed"
else
  # The service refuses a backup of PostgreSQL and says what to use instead.
  if REFUSED=$(src/ops/backup.sh h2 --url "${OPS}" 2>&1); then fail "POST /q/backup took a backup of PostgreSQL"; fi
  [[ ${REFUSED} == *pg_dump* ]] || fail "the refusal does not point to pg_dump: ${REFUSED}"
  BACKUP=$(src/ops/backup.sh postgresql --out "${TMP}/backups") || fail "src/ops/backup.sh postgresql failed"
fi
BACKUP_MS=$(($(now_ms) - STARTED))
[[ -s ${BACKUP} ]] || fail "no backup file at '${BACKUP}'"
BACKUP_BYTES=$(stat -c %s "${BACKUP}")
mkdir -p "${TMP}/elsewhere"
cp "${BACKUP}" "${TMP}/elsewhere/"
BACKUP="${TMP}/elsewhere/$(basename "${BACKUP}")"
echo "    ${BACKUP##*/}: ${BACKUP_BYTES} bytes in ${BACKUP_MS} ms"

step "3. change things after the backup; restore.sh refuses while the service runs"
ADDED_IDS=()
for i in 0 1 2; do ADDED_IDS+=("$(create "${NAMES[i]}" "${AFTER}")"); done
for id in "${KEPT_IDS[@]:0:2}"; do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "${ADMIN[@]}" -X DELETE "${BASE}/api/v1/members/${id}") == 204 ]] || fail "delete ${id}"
done
ETAG=$(curl -fsS -D - -o /dev/null "${ADMIN[@]}" "${BASE}/api/v1/members/${KEPT_IDS[2]}" | tr -d '\r' | sed -nE 's/^[Ee][Tt][Aa][Gg]: (.*)/\1/p')
[[ $(curl -s -o /dev/null -w '%{http_code}' "${ADMIN[@]}" -X PATCH -H 'Content-Type: application/merge-patch+json' \
  -H "If-Match: ${ETAG}" -d '{"headline": "Changed after the backup"}' "${BASE}/api/v1/members/${KEPT_IDS[2]}") == 200 ]] \
  || fail "patch ${KEPT_IDS[2]}"
CHANGED=$(counts)
echo "    search now: ${CHANGED}"
[[ ${CHANGED} == *" ${BEFORE}=3 ${AFTER}=3 "* ]] || fail "the changes after the backup are not in the search: ${CHANGED}"
admin_get /api/v1/exports/members.ndjson >"${TMP}/export-changed.ndjson"
! cmp -s "${TMP}/export-backup.ndjson" "${TMP}/export-changed.ndjson" || fail "the changes did not change the export"

if [[ ${KIND} == h2 ]]; then RESTORE=(src/ops/restore.sh h2 "${BACKUP}" --data-dir "${DATA}")
else RESTORE=(src/ops/restore.sh postgresql "${BACKUP}" --index-dir "${DATA}/index"); fi
if OUT=$("${RESTORE[@]}" --url "${OPS}" 2>&1); then fail "restore.sh restored while the service answered its health"; fi
[[ ${OUT} == *"service is running"* ]] || fail "restore.sh refused, but not because the service runs: ${OUT}"
if OUT=$("${RESTORE[@]}" --url none 2>&1); then fail "restore.sh restored while the service had the database"; fi
if [[ ${KIND} == h2 ]]; then
  [[ ${OUT} == *"is open in process ${SERVICE_PID}"* ]] || fail "restore.sh did not name the service holding the file: ${OUT}"
  [[ -z $(find "${DATA}" -maxdepth 1 \( -name '*.before-restore-*' -o -name '*.restoring' \)) ]] || fail "a refused restore touched the data folder"
else
  [[ ${OUT} == *"other sessions are connected"* ]] || fail "restore.sh did not see the service's sessions: ${OUT}"
fi
admin_get /api/v1/exports/members.ndjson | cmp -s - "${TMP}/export-changed.ndjson" || fail "a refused restore changed the data"
echo "    refused while running: $(tail -n 1 <<<"${OUT}" | sed 's/^restore: ERROR: //' )"

step "4. stop and wipe the database (the search index, ahead of the backup, stays)"
service_stop
[[ -d ${DATA}/index ]] || fail "no search index folder in ${DATA} to leave behind"
if [[ ${KIND} == h2 ]]; then
  rm -rf "${DATA}"/directory.* "${DATA}/backups"
else
  sql "drop schema public cascade; create schema public;"
  [[ $(sql "select count(*) from pg_tables where schemaname = 'public'") == 0 ]] || fail "the wipe left tables"
fi

step "5. restore, start, wait until ready"
STARTED=$(now_ms)
"${RESTORE[@]}" --url "${OPS}" || fail "restore.sh failed"
RESTORE_MS=$(($(now_ms) - STARTED))
[[ ! -e ${DATA}/index ]] || fail "restore.sh left the search index folder"
service_start "${DATA}" "${TMP}/app-2.log"
service_wait_ready || fail "the service did not start after the restore"
READY_MS=${SERVICE_READY_MS}
BUILT=$(grep -oE 'Search index built from the database: [0-9]+ members' "${TMP}/app-2.log" | tail -n 1 | grep -oE '[0-9]+' | head -n 1 || true)
[[ -n ${BUILT} ]] || fail "the service did not rebuild its search index: $(grep -oE 'Search index [^\[]*' "${TMP}/app-2.log" | tail -n 1)"

step "6. compare"
admin_get /api/v1/exports/members.ndjson >"${TMP}/export-restored.ndjson"
if ! cmp -s "${TMP}/export-backup.ndjson" "${TMP}/export-restored.ndjson"; then
  diff "${TMP}/export-backup.ndjson" "${TMP}/export-restored.ndjson" | head -n 20 | cut -c1-200 >&2
  fail "the export after the restore differs from the one at the backup"
fi
for id in "${ADDED_IDS[@]}"; do [[ $(status_of "/api/v1/members/${id}") == 404 ]] || fail "member ${id}, added after the backup, is back"; done
for id in "${KEPT_IDS[@]}" "${PENDING_ID}"; do [[ $(status_of "/api/v1/members/${id}") == 200 ]] || fail "member ${id} is missing"; done
RESTORED=$(counts)
[[ ${RESTORED} == "${COUNTS}" ]] || fail "search after the restore: ${RESTORED}; at the backup: ${COUNTS}"
[[ "$(indexed_ids)" == "$(export_ids "${TMP}/export-restored.ndjson")" ]] || fail "the index does not hold exactly the restored members"
[[ ${BUILT} == "${MEMBERS}" ]] || fail "the index was built with ${BUILT} members, the export has ${MEMBERS}"
service_stop

echo "backup-check ${KIND}: ok: ${MEMBERS} members restored (export identical, search ${RESTORED// /, }), the 3 added after" \
  "the backup gone and the 2 deleted back; backup ${BACKUP_BYTES} bytes in $(seconds "${BACKUP_MS}") s," \
  "restore $(seconds "${RESTORE_MS}") s, ready $(seconds "${READY_MS}") s after start (index rebuilt: ${BUILT} members)"
