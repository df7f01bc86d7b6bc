#!/usr/bin/env bash
# Battery part "conformance": the live service against its committed contract, through Prism.
#
#   bench/battery/conformance.sh                    # the full form
#   BATTERY_SHORT=1 bench/battery/conformance.sh    # the short form (CI; under 2 minutes)
#
# Installs the pinned @stoplight/prism-cli (npm_install_pinned, outside the repo), starts the H2 jar on a fresh
# data folder and two Prism proxies in front of it, both reading openapi/openapi.yaml:
#   valid     prism proxy ... --errors                           requests and answers checked against the contract
#   negative  prism proxy ... --errors --validate-request=false  answers checked; the requests are wrong on purpose
# then runs bench/battery/conformance.mjs (Node 20, fetch): every operation of the contract with valid requests
# (admin and curator credentials, real ids from earlier steps, imports of a small CSV and NDJSON, exports, partner
# keys, search with facets, ETag / If-None-Match 304, If-Match), and the negative cases (invalid bodies, unknown
# ids, stale and missing If-Match, wrong credentials, a curator on admin-only operations, too many values, 413,
# 415, 429 of the applications, a partner key and failed logins) through the second proxy. It fails when an
# operation of the contract had no successful request through the first proxy, when Prism reported any violation
# (request or response, any severity; how Prism 5 reports them is described at the top of conformance.mjs) that
# no rule there waives, or when an answer was not the one expected.
# The full form also starts with the demo members and reads every member (public and curator view, history,
# export), every skill and municipality, every filter value and sort, and the whole change feed.
#
# Environment: BATTERY_SHORT (1: short form; default 0), BATTERY_OUT (default target/battery/conformance),
# BATTERY_APP (the H2 quarkus-app folder; default target/quarkus-app).
# Writes to BATTERY_OUT: violations.json (every finding: proxy, operation, method, path, status, severity, location,
# message, and `waived` with the rule's id), requests.json (every request and its answer's status), summary.json,
# scenario.log, service.log, prism-valid.log, prism-negative.log, result.txt.
# Last line: `battery conformance: ok|FAILED operations C/T (negative N/T), requests V valid + W negative,
# violations X (Y waived), checks P/Q, S s`. Exit 0 only when it passed; 2 when the jar is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

PART=conformance
BATTERY_SHORT=${BATTERY_SHORT:-0}
BATTERY_OUT=${BATTERY_OUT:-target/battery/${PART}}
BATTERY_APP=${BATTERY_APP:-target/quarkus-app}
PRISM_PACKAGES=("@stoplight/prism-cli@5.16.0")
CONTRACT=openapi/openapi.yaml
# The service's limits for this run: the public limit out of the way (every request comes from 127.0.0.1), the
# applications' and the failed logins' limits (per user name and client) low enough that their 429 is cheap, the
# failed logins earned back over an hour instead of a minute (on a loaded machine the failures took longer than
# the minute's refill), and the client-wide login limit above all the scenario's wrong passwords.
APPLICATIONS_PER_CLIENT=3
LOGIN_MAX_FAILURES=3

STARTED=${SECONDS}
mkdir -p "${BATTERY_OUT}"
rm -f "${BATTERY_OUT}"/{result.txt,violations.json,requests.json,summary.json,scenario.log,service.log} \
  "${BATTERY_OUT}"/prism-*.log

finish() {
  local line="battery ${PART}: $1 $2"
  printf '%s\n' "${line}" >"${BATTERY_OUT}/result.txt"
  printf '%s\n' "${line}"
}

if [[ ! -f "${BATTERY_APP}/quarkus-run.jar" ]]; then
  echo "no ${BATTERY_APP}/quarkus-run.jar: build the H2 jar with ./mvnw -B -ntp -q package -DskipTests" >&2
  finish FAILED "no jar in ${BATTERY_APP}"
  exit 2
fi
command -v node >/dev/null && command -v npm >/dev/null || { finish FAILED "node/npm missing (Node 20+)"; exit 1; }
if (($(node -p 'process.versions.node.split(".")[0]') < 20)); then
  finish FAILED "Node $(node --version) is too old (20+)"
  exit 1
fi

source .ci/tools.sh
TOOLS="$(tools_cache)/battery-${PART}-tools"
[[ -x "${TOOLS}/node_modules/.bin/prism" ]] || rm -f "${TOOLS}/.installed"
if ! SCARF_ANALYTICS=false npm_install_pinned "${TOOLS}" "${PRISM_PACKAGES[@]}" >"${BATTERY_OUT}/npm.log" 2>&1; then
  cat "${BATTERY_OUT}/npm.log" >&2
  finish FAILED "could not install ${PRISM_PACKAGES[*]}"
  exit 1
fi
PRISM="${TOOLS}/node_modules/.bin/prism"

source .ci/service.sh
SERVICE_JAR="${BATTERY_APP}/quarkus-run.jar"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/battery-${PART}.XXXXXX")"
PRISM_PIDS=()
cleanup() {
  local pid
  for pid in "${PRISM_PIDS[@]}"; do kill -TERM "${pid}" 2>/dev/null || true; done
  for pid in "${PRISM_PIDS[@]}"; do wait "${pid}" 2>/dev/null || true; done
  service_stop_all
  [[ -n ${SERVICE_LOG:-} && -f ${SERVICE_LOG} ]] && cp "${SERVICE_LOG}" "${BATTERY_OUT}/service.log"
  rm -rf "${DATA}"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

DEMO=()
((BATTERY_SHORT == 1)) || DEMO=(DIRECTORY_DEMO_DATA=true)
service_ports
service_start "${DATA}" "${DATA}/service.log" "${DEMO[@]}" DIRECTORY_PUBLIC_RATE_LIMIT=1000000 \
  DIRECTORY_APPLICATIONS_PER_CLIENT="${APPLICATIONS_PER_CLIENT}" DIRECTORY_LOGIN_MAX_FAILURES="${LOGIN_MAX_FAILURES}" \
  DIRECTORY_LOGIN_WINDOW=1h DIRECTORY_LOGIN_CLIENT_MAX_FAILURES=1000

# Two proxies; --cors=false: Prism adds no CORS headers of its own, so the service's answer is what is checked.
start_prism() {
  local name=$1 port=$2
  shift 2
  "${PRISM}" proxy "${CONTRACT}" "${SERVICE_BASE}" --errors --cors=false --multiprocess=false -h 127.0.0.1 \
    -p "${port}" "$@" >"${BATTERY_OUT}/prism-${name}.log" 2>&1 &
  PRISM_PIDS+=($!)
}
VALID_PORT=$(service_free_port)
NEGATIVE_PORT=$(service_free_port)
while ((NEGATIVE_PORT == VALID_PORT || NEGATIVE_PORT == SERVICE_PORT || NEGATIVE_PORT == SERVICE_MANAGEMENT_PORT)); do
  NEGATIVE_PORT=$(service_free_port)
done
start_prism valid "${VALID_PORT}"
start_prism negative "${NEGATIVE_PORT}" --validate-request=false

if ! service_wait_ready 180; then
  finish FAILED "the service did not start"
  exit 1
fi
echo "service ready on ${SERVICE_BASE} in ${SERVICE_READY_MS} ms"
for name in valid negative; do
  deadline=$((SECONDS + 60))
  until grep -q 'Prism is listening' "${BATTERY_OUT}/prism-${name}.log" 2>/dev/null; do
    if ((SECONDS > deadline)) || grep -qE 'fatal|Error:' "${BATTERY_OUT}/prism-${name}.log"; then
      tail -n 20 "${BATTERY_OUT}/prism-${name}.log" >&2
      finish FAILED "Prism (${name}) did not start"
      exit 1
    fi
    sleep 0.2
  done
done
echo "prism $(node -p "require('${TOOLS}/node_modules/@stoplight/prism-cli/package.json').version"):" \
  "valid on ${VALID_PORT}, negative on ${NEGATIVE_PORT}"

rc=0
FULL=1
((BATTERY_SHORT == 1)) && FULL=0
CONFORMANCE_VALID="http://127.0.0.1:${VALID_PORT}" CONFORMANCE_NEGATIVE="http://127.0.0.1:${NEGATIVE_PORT}" \
  CONFORMANCE_SERVICE="${SERVICE_BASE}" \
  CONFORMANCE_CONTRACT="${CONTRACT}" CONFORMANCE_ADMIN_PASSWORD="${SERVICE_ADMIN_PASSWORD}" \
  CONFORMANCE_TOOLS="${TOOLS}" CONFORMANCE_OUT="${BATTERY_OUT}" CONFORMANCE_FULL="${FULL}" \
  CONFORMANCE_APPLICATIONS_PER_CLIENT="${APPLICATIONS_PER_CLIENT}" CONFORMANCE_LOGIN_MAX_FAILURES="${LOGIN_MAX_FAILURES}" \
  node bench/battery/conformance.mjs >"${BATTERY_OUT}/scenario.log" 2>&1 || rc=$?
grep -v '^FIGURES ' "${BATTERY_OUT}/scenario.log" || true
FIGURES=$(sed -n 's/^FIGURES //p' "${BATTERY_OUT}/scenario.log" | tail -n 1)
[[ -n ${FIGURES} ]] || { FIGURES="the scenario ended without its figures (rc ${rc})"; ((rc != 0)) || rc=1; }
if ! kill -0 "${SERVICE_PID}" 2>/dev/null; then
  FIGURES="${FIGURES}, the service exited"
  rc=1
fi
form=full
((BATTERY_SHORT == 1)) && form=short
if ((rc == 0)); then
  finish ok "${FIGURES}, ${form} form, $((SECONDS - STARTED)) s"
else
  echo "violations: ${BATTERY_OUT}/violations.json; every request: ${BATTERY_OUT}/requests.json" >&2
  finish FAILED "${FIGURES}, ${form} form, $((SECONDS - STARTED)) s"
fi
exit "${rc}"
