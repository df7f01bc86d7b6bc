#!/usr/bin/env bash
# Two instances of the PostgreSQL jar on one database, as behind a load balancer (issue 12):
#
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://... QUARKUS_DATASOURCE_USERNAME=... QUARKUS_DATASOURCE_PASSWORD=... \
#   PGHOST=... PGPORT=... PGDATABASE=... PGUSER=... PGPASSWORD=... \
#     .ci/cluster-check.sh [APP [PREVIOUS_APP]]
#
# APP: the PostgreSQL build's quarkus-app folder (default target/pg). The database must be empty.
#  1. rolling upgrade (only with PREVIOUS_APP, the previous release's build): the previous version starts alone and
#     makes its schema, and creates a member; then
#  2. A and B (APP) start at the same moment: each migration runs once (flyway_schema_history, read with psql), and
#     with PREVIOUS_APP the previous version, still running on the new schema, creates members that A finds, and
#     starts again on the new schema (a rollback) and writes;
#  3. limits: ten failed logins for one user name from one client, alternating over A and B, block the pair on both
#     (the 10th is 429, and then the right password too); public requests of one client alternating over A and B
#     until the first 429 get one limit of 30 (plus what refills meanwhile), not two, and then 429 on both;
#  4. B is stopped (SIGTERM) while A takes writes (40 creates, 10 deletes), and started again: its restart time, the
#     pair still blocked on B (the limits are in the database), and both searches agree on the members;
#  5. convergence: 30 creates on A, each timed until B's search finds it (median and worst), B polling every 10 ms
#     with a partner key made for it (the public limit is low for step 3).
# Prints a summary line "cluster: ..." with the figures; exits 1 when a check fails. Needs java, node, curl, psql.
set -euo pipefail
cd "$(dirname "$0")/.."

APP=${1:-target/pg}
PREVIOUS_APP=${2:-}
CLIENT=.ci/cluster-client.mjs
: "${QUARKUS_DATASOURCE_JDBC_URL:?the database of the instances}"
for tool in java node curl psql; do command -v "${tool}" >/dev/null || { echo "${tool} is needed" >&2; exit 1; }; done

source .ci/service.sh
WORK=$(mktemp -d "${TMPDIR:-/tmp}/directory-cluster.XXXXXX")
trap 'service_stop_all; rm -rf "${WORK}"' EXIT
log() { printf '[cluster] %s\n' "$*"; }
fail() { log "FAILED: $*"; exit 1; }

PUBLIC_LIMIT=30
# Both instances: the same database, limits and admin password; each its own data folder (the index) and ports.
# The login block is 5 minutes rather than 1, so that it outlasts B's restart however slow the machine.
COMMON_ENV=(DIRECTORY_PUBLIC_RATE_LIMIT=${PUBLIC_LIMIT} DIRECTORY_PARTNER_KEYS_REFRESH=1s DIRECTORY_LOGIN_BLOCK=5m)

# start NAME JAR: starts an instance on ports of its own; sets NAME_BASE, NAME_OPS, NAME_PID, NAME_PORTS.
start() {
  local name=$1 jar=$2 ports=${3:-}
  SERVICE_JAR=${jar}
  if [[ -n ${ports} ]]; then
    SERVICE_PORT=${ports% *} SERVICE_MANAGEMENT_PORT=${ports#* }
    SERVICE_BASE="http://127.0.0.1:${SERVICE_PORT}" SERVICE_OPS="http://127.0.0.1:${SERVICE_MANAGEMENT_PORT}"
  else
    service_ports
  fi
  service_start "${WORK}/${name}" "${WORK}/${name}.log" "${COMMON_ENV[@]}"
  printf -v "${name}_BASE" '%s' "${SERVICE_BASE}"
  printf -v "${name}_OPS" '%s' "${SERVICE_OPS}"
  printf -v "${name}_PID" '%s' "${SERVICE_PID}"
  printf -v "${name}_PORTS" '%s' "${SERVICE_PORT} ${SERVICE_MANAGEMENT_PORT}"
  printf -v "${name}_STARTED" '%s' "${SERVICE_STARTED_MS}"
}

# ready NAME: waits for the instance's readiness; sets NAME_READY_MS (from its start).
ready() {
  local name=$1 pid ops
  pid=${name}_PID ops=${name}_OPS
  SERVICE_STARTED_MS=$(eval "echo \${${name}_STARTED}")
  service_wait_ready "${SERVICE_READY_TIMEOUT}" "${!pid}" "${!ops##*:}" "${WORK}/${name}.log"
  printf -v "${name}_READY_MS" '%s' "${SERVICE_READY_MS}"
}

client() { node "${CLIENT}" "$@"; }
json() { node -e 'const o = JSON.parse(process.argv[1]); console.log(o[process.argv[2]]);' "$1" "$2"; }

ROLLING="not run (no previous build)"
if [[ -n ${PREVIOUS_APP} ]]; then
  log "1. the previous version (${PREVIOUS_APP}) alone on the empty database"
  start OLD "${PREVIOUS_APP}/quarkus-run.jar"
  ready OLD
  client writes "${OLD_BASE}" "${SERVICE_ADMIN_PASSWORD}" 4 previousbefore >/dev/null || fail "the previous version does not write"
fi

log "2. A and B start at the same moment"
start A "${APP}/quarkus-run.jar"
start B "${APP}/quarkus-run.jar"
ready A
ready B
log "A ready in ${A_READY_MS} ms, B in ${B_READY_MS} ms"
twice=$(psql -XAt -c "SELECT string_agg(version, ',') FROM (SELECT version FROM flyway_schema_history
  WHERE version IS NOT NULL GROUP BY version HAVING count(*) > 1) v")
failed=$(psql -XAt -c "SELECT count(*) FROM flyway_schema_history WHERE NOT success")
migrations=$(psql -XAt -c "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL")
[[ -z ${twice} && ${failed} == 0 ]] || fail "migrations run twice (${twice}) or failed (${failed})"
log "migrations: ${migrations}, each once"
if [[ -n ${PREVIOUS_APP} ]]; then
  out=$(client writes "${OLD_BASE}" "${SERVICE_ADMIN_PASSWORD}" 4 previousafter) || fail "the previous version on the new schema: ${out}"
  out=$(client agree "${OLD_BASE}" "${A_BASE}" previousafter 3) || fail "the previous version's writes on the new one: ${out}"
  # A rollback: the previous version starts again on the newer schema. Releases from this one on ignore the
  # migrations they do not know; the ones before need to be told (docs/operations.md, "Migrations").
  service_stop "${OLD_PID}"
  COMMON_ENV+=("QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS=*:future")
  start OLD "${PREVIOUS_APP}/quarkus-run.jar" "${OLD_PORTS}"
  unset 'COMMON_ENV[-1]'
  ready OLD
  out=$(client writes "${OLD_BASE}" "${SERVICE_ADMIN_PASSWORD}" 4 previousrestarted) || fail "the previous version restarted on the new schema: ${out}"
  ROLLING="the previous version wrote before and after the new one migrated, and after its own restart on the new schema"
  log "rolling upgrade: ${ROLLING}"
  service_stop "${OLD_PID}"
fi

log "3. limits shared by A and B"
out=$(client logins "${A_BASE}" "${B_BASE}" "${SERVICE_ADMIN_PASSWORD}" 10) || fail "logins: ${out}"
log "logins: ${out}"
out=$(client requests "${A_BASE}" "${B_BASE}" "${PUBLIC_LIMIT}") || fail "requests: ${out}"
log "requests: ${out}"

log "4. B stops while A takes writes, and starts again"
service_stop "${B_PID}"
out=$(client writes "${A_BASE}" "${SERVICE_ADMIN_PASSWORD}" 40 downtime) || fail "writes: ${out}"
log "writes on A while B was down: ${out}"
start B "${APP}/quarkus-run.jar" "${B_PORTS}"
ready B
log "B ready again in ${B_READY_MS} ms"
out=$(client blocked "${B_BASE}" "${SERVICE_ADMIN_PASSWORD}") || fail "the pair after B's restart: ${out}"
log "after the restart: ${out}"
out=$(client agree "${A_BASE}" "${B_BASE}" downtime 30) || fail "after B's restart: ${out}"
log "agree: ${out}"

log "5. convergence A -> B"
out=$(client converge "${A_BASE}" "${B_BASE}" "${SERVICE_ADMIN_PASSWORD}" 30 convergence) || fail "convergence: ${out}"
log "convergence: ${out}"
echo "cluster: ok; ${migrations} migrations each once with two instances starting together; rolling upgrade:" \
  "${ROLLING}; 10 failed logins over A and B blocked the pair on both and on B after its restart; ${PUBLIC_LIMIT}" \
  "public requests over both spent one limit; B restarted in ${B_READY_MS} ms and agreed with A;" \
  "convergence median $(json "${out}" medianMs) ms, worst $(json "${out}" worstMs) ms over $(json "${out}" writes) writes"
