#!/usr/bin/env bash
# The reliability and security battery: one command runs every part under bench/battery/ and prints a table of
# their figures (docs/reliability.md holds the table of a full run and maps the OWASP API Security Top 10 to it).
#
#   bench/battery.sh                     the full form (about 35 minutes on 2 cores)
#   bench/battery.sh --short             the short form that .ci/run runs (a few minutes)
#   bench/battery.sh --only hostile,soak parts to run (comma-separated), in the battery's order
#   bench/battery.sh --skip contract     parts to leave out
#
# Parts, in order:
#   contract     Spectral (OWASP ruleset) and Redocly on openapi/openapi.yaml: 0 errors, only the documented waivers
#   junit        the authorization matrix (every secured operation of the contract x anonymous, wrong password,
#                disabled account, curator on admin-only) and 100 racing If-Match updates, as JUnit tests
#   fuzz         Jazzer fuzz tests of body parsing and the search parameters (fuzzing mode)
#   conformance  every operation through Prism proxies validating requests and answers against the contract
#   hostile      at least 1,000 malformed and hostile requests against every operation: 4xx problems, 0 x 5xx
#   soak         mixed reads and writes at 64 connections (5 minutes): 0 errors, p99, heap and RSS over time
#   sqlmap       sqlmap against the search parameters and the member path: 0 injectable parameters
#   faults       PostgreSQL stopped for 10 s under load: readiness DOWN, 503 problems, recovery without a restart
#
# Builds first what is missing or older than a source: the H2 jar (target/quarkus-app) and, for faults, the
# PostgreSQL jar (target/pg).
# BATTERY_APP and BATTERY_PG_APP choose other builds. Each part's output goes to target/battery/<time>/<part>.log,
# its files to target/battery/<time>/<part>/, the summary to target/battery/<time>/summary.md. The exit code is
# non-zero if a part failed.
set -euo pipefail
cd "$(dirname "$0")/.."

PARTS=(contract junit fuzz conformance hostile soak sqlmap faults)
SHORT=0 ONLY="" SKIP=""
while (($#)); do
  case $1 in
    --short) SHORT=1 ;;
    --only) ONLY=$2; shift ;;
    --skip) SKIP=$2; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
listed() { [[ ",$2," == *",$1,"* ]]; }
for p in ${ONLY//,/ } ${SKIP//,/ }; do
  listed "${p}" "$(IFS=,; echo "${PARTS[*]}")" || { echo "unknown part: ${p} (parts: ${PARTS[*]})" >&2; exit 2; }
done
SELECTED=()
for p in "${PARTS[@]}"; do
  if [[ -n ${ONLY} ]] && ! listed "${p}" "${ONLY}"; then continue; fi
  if listed "${p}" "${SKIP}"; then continue; fi
  SELECTED+=("${p}")
done

export BATTERY_SHORT=${SHORT}
export BATTERY_APP=${BATTERY_APP:-target/quarkus-app}
export BATTERY_PG_APP=${BATTERY_PG_APP:-target/pg}
[[ -n "${LANG:-}${LC_ALL:-}" ]] || export LANG=C.UTF-8
RUN_DIR=${BATTERY_RUN_DIR:-target/battery/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "${RUN_DIR}"

needs() { local p; for p in "${SELECTED[@]}"; do listed "${p}" "$1" && return 0; done; return 1; }
# A jar is built when it is missing or older than a source, so that the battery never tests yesterday's build.
stale() { [[ ! -f $1/quarkus-run.jar ]] || [[ -n $(find src pom.xml -newer "$1/quarkus-run.jar" -print -quit) ]]; }
if needs conformance,hostile,soak,sqlmap && stale "${BATTERY_APP}"; then
  echo "[battery] building the H2 jar (${BATTERY_APP})"
  ./mvnw -B -ntp -q package -DskipTests
fi
if needs faults && stale "${BATTERY_PG_APP}"; then
  echo "[battery] building the PostgreSQL jar (${BATTERY_PG_APP})"
  ./mvnw -B -ntp -q package -DskipTests -Dpostgresql -Dquarkus.package.output-directory="${BATTERY_PG_APP#target/}"
fi

form=$( ((SHORT)) && echo short || echo full)
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
echo "[battery] ${form} form, parts: ${SELECTED[*]}; ${machine}; logs in ${RUN_DIR}"
NAMES=() VERDICTS=() SECS=() LINES=()
failed=0
for p in "${SELECTED[@]}"; do
  # The part's output goes beside its folder, not into it: a part may clear its folder when it starts.
  out="${RUN_DIR}/${p}" log="${RUN_DIR}/${p}.log"
  mkdir -p "${out}"
  echo "[battery] ${p} ..."
  start=${SECONDS} rc=0
  BATTERY_OUT="${out}" "bench/battery/${p}.sh" >"${log}" 2>&1 </dev/null || rc=$?
  line=$(grep '^battery '"${p}"': ' "${log}" 2>/dev/null | tail -1 || true)
  [[ -n ${line} ]] || line="battery ${p}: FAILED (exit ${rc}, no result line; see ${log})"
  verdict=ok
  if ((rc != 0)) || [[ ${line} != "battery ${p}: ok"* ]]; then verdict=FAILED failed=1; tail -n 30 "${log}" || true; fi
  NAMES+=("${p}") VERDICTS+=("${verdict}") SECS+=($((SECONDS - start))) LINES+=("${line#battery "${p}": }")
  echo "[battery] ${line} ($((SECONDS - start)) s)"
done

{
  echo "# Battery, ${form} form, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: ${machine}. Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo
  echo "| part | result | seconds | figures |"
  echo "|---|---|---|---|"
  for i in "${!NAMES[@]}"; do
    figures=${LINES[i]#ok }
    figures=${figures#FAILED }
    echo "| ${NAMES[i]} | ${VERDICTS[i]} | ${SECS[i]} | ${figures//|/\\|} |"
  done
} >"${RUN_DIR}/summary.md"
echo
cat "${RUN_DIR}/summary.md"
echo
echo "battery: $( ((failed)) && echo FAILED || echo ok) (${form} form, ${#NAMES[@]} parts, ${SECONDS} s; ${RUN_DIR}/summary.md)"
exit "${failed}"
