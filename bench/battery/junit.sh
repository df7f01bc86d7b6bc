#!/usr/bin/env bash
# Battery part "junit": the battery's JUnit tests, run on their own and summed up.
#
#   bench/battery/junit.sh                  # the full form: on H2, then on a throw-away PostgreSQL (.ci/postgres.sh)
#   BATTERY_SHORT=1 bench/battery/junit.sh  # the short form (CI): on H2 only (CI's PostgreSQL suite runs them too)
#
# The tests (src/test/java, run by ./mvnw -B -ntp test -Dtest=...; the fuzz tests' execution is skipped):
#   AuthorizationMatrixTest  every secured operation of openapi/openapi.yaml sent by every caller who must be
#                            refused (anonymous, a wrong password, a disabled account, a curator on admin
#                            operations, an unknown or disabled partner key): 401/403 problem+json, no row of any
#                            table changed; then the admin's request succeeds
#   MemberWriteRaceTest      100 PUTs and 100 PATCHes of one member with one If-Match: one 200, 99 x 412, the
#                            winner stored, version and history +1; 100 creates of one name: all 201
# Their figures come from the lines the tests print ("authorization matrix: ...", "concurrency: ..."), the counts
# from the surefire XML reports.
#
# Environment: BATTERY_SHORT (1: short form; default 0), BATTERY_OUT (default target/battery/junit).
# BATTERY_APP and BATTERY_PG_APP are not used: the tests build and start the service themselves (@QuarkusTest).
# Writes to BATTERY_OUT: maven-<db>.log, TEST-*-<db>.xml, result.txt.
# Last line: `battery junit: ok|FAILED <db>: tests T (F failed), matrix O ops x I identities = R requests, C tables
# changed; PUT/PATCH 1x200 99x412; creates 100x201 ...; W s`. Exit 0 only when it passed.
set -euo pipefail
cd "$(dirname "$0")/../.."

PART=junit
BATTERY_SHORT=${BATTERY_SHORT:-0}
BATTERY_OUT=${BATTERY_OUT:-target/battery/${PART}}
TESTS=(AuthorizationMatrixTest MemberWriteRaceTest)

STARTED=${SECONDS}
mkdir -p "${BATTERY_OUT}"
rm -f "${BATTERY_OUT}"/*.log "${BATTERY_OUT}"/*.xml "${BATTERY_OUT}/result.txt"

finish() {
  local line="battery ${PART}: $1 $2"
  printf '%s\n' "${line}" >"${BATTERY_OUT}/result.txt"
  printf '%s\n' "${line}"
}

PG_DIR=""
cleanup() {
  if [[ -n "${PG_DIR}" ]]; then
    .ci/postgres.sh stop "${PG_DIR}" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

DATABASES=(h2)
if [[ "${BATTERY_SHORT}" != 1 ]]; then
  DATABASES+=(postgresql)
fi

failed=0
summaries=()
for db in "${DATABASES[@]}"; do
  log="${BATTERY_OUT}/maven-${db}.log"
  env=()
  if [[ "${db}" == postgresql ]]; then
    pg_env="$(.ci/postgres.sh start)"
    eval "${pg_env}"
    PG_DIR=${CI_PG_DIR}
    env=(_TEST_QUARKUS_DATASOURCE_DB_KIND=postgresql _TEST_QUARKUS_DATASOURCE_JDBC_URL="${CI_PG_JDBC_URL}"
      _TEST_QUARKUS_DATASOURCE_USERNAME="${PGUSER}" _TEST_QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD}")
  fi
  echo "running ${TESTS[*]} on ${db} (${log})"
  rm -f target/surefire-reports/TEST-*.xml
  status=0
  env "${env[@]}" ./mvnw -B -ntp test -Dfuzz.skip=true -Dtest="$(IFS=,; echo "${TESTS[*]}")" >"${log}" 2>&1 || status=$?

  tests=0 failures=0
  for name in "${TESTS[@]}"; do
    report=$(find target/surefire-reports -name "TEST-*.${name}.xml" | head -1)
    if [[ -z "${report}" ]]; then
      echo "no surefire report for ${name} on ${db}" >&2
      failures=$((failures + 1))
      continue
    fi
    cp "${report}" "${BATTERY_OUT}/$(basename "${report}" .xml)-${db}.xml"
    counts=$(sed -n '0,/<testsuite /s/.*<testsuite \([^>]*\)>.*/\1/p' "${report}")
    attribute() { printf '%s' "${counts}" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p; s/^$1=\"\([0-9]*\)\".*/\1/p" | head -1; }
    tests=$((tests + $(attribute tests)))
    failures=$((failures + $(attribute failures) + $(attribute errors) + $(attribute skipped)))
  done
  matrix=$(sed -n 's/^authorization matrix: //p' "${log}" | tail -1)
  races=$(sed -n 's/^concurrency: //p' "${log}" | sed 's/ with one If-Match//; s/ of one name//' | paste -sd ';' - | sed 's/;/; /g')
  if ((status != 0 || failures > 0 || tests == 0)) || [[ -z "${matrix}" || -z "${races}" ]]; then
    failed=1
    grep -E '^\[ERROR\]   ' "${log}" | head -10 >&2 || true
  fi
  summaries+=("${db}: tests ${tests} (${failures} failed), matrix ${matrix:-none}; ${races:-no races}")
  if [[ "${db}" == postgresql ]]; then
    .ci/postgres.sh stop "${PG_DIR}" >/dev/null 2>&1 || true
    PG_DIR=""
  fi
done

figures="$(printf '%s | ' "${summaries[@]}" | sed 's/ | $//'), $((SECONDS - STARTED)) s"
if ((failed == 0)); then
  finish ok "${figures}"
else
  finish FAILED "${figures}"
  exit 1
fi
