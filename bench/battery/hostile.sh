#!/usr/bin/env bash
# Battery part "hostile": malformed and hostile requests against every operation of openapi/openapi.json (the
# contract decides the operations, their parameters and bodies), on the packaged H2 jar, judged answer by answer
# (bench/battery/hostile.mjs says how). Run from the repository root:
#
#   bash bench/battery/hostile.sh                    # the full form: every variant of every class on every
#                                                    # operation + 6,000 seeded random mutations, 40 slow bodies
#   BATTERY_SHORT=1 bash bench/battery/hostile.sh    # the short form (CI): a rotating share of each class on every
#                                                    # operation (> 1,000 requests besides the slow ones), 8 slow bodies
#   HOSTILE_SEED=7 bash bench/battery/hostile.sh     # another seed (default 13; the same seed sends the same requests)
#   HOSTILE_BASE=http://127.0.0.1:PORT HOSTILE_ADMIN_PASSWORD=... node bench/battery/hostile.mjs replay FILE
#                                                    # sends a failures.jsonl's requests again to a running service
#
# Both forms also hold 250 bodies half-sent (more than the 200 worker threads) and check that a write and a read are
# answered meanwhile. Classes: method, auth, headers, path, query-bytes, query-repeat, huge-numbers, lucene, sql,
# long, truncated, wrong-types, deep-nesting, invalid-utf8, encodings, control-chars, lone-surrogates, long-strings,
# over-limit, import-files, body-unexpected, slow-body, random.
# Environment: BATTERY_SHORT (0), BATTERY_OUT (target/battery/hostile), BATTERY_APP (target/quarkus-app),
# HOSTILE_SEED (13), HOSTILE_RANDOM (random mutations: 6000 full, 0 short), HOSTILE_SHARE (the short form's share of
# each class, 0.4), HOSTILE_SLOW (slow bodies), HOSTILE_HELD (half-sent bodies held, 250).
# Writes to BATTERY_OUT: service.log, driver.log, figures.json (every figure), accepted.jsonl (each hostile request
# answered 2xx, to review), failures.jsonl (each failing request, its bytes in base64, to replay), result.txt (the
# last line). Passes when no answer failed, the service logged no ERROR, stored data is intact (the sentinel member
# unchanged, the member count the one the 2xx answers explain, search agreeing with the database) and memory is flat:
# the heap after a forced full GC within 16 MiB + 10% of its value before the run (after a warm-up share of the
# requests), and the resident set within 64 MiB + 15%.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "${ROOT}"
SHORT=${BATTERY_SHORT:-0}
OUT=${BATTERY_OUT:-target/battery/hostile}
APP=${BATTERY_APP:-target/quarkus-app}
SEED=${HOSTILE_SEED:-13}
source .ci/service.sh
source .ci/tools.sh

if [[ ! -f ${APP}/quarkus-run.jar ]]; then
  echo "no ${APP}/quarkus-run.jar: build it with ./mvnw -B -ntp -q package -DskipTests" >&2
  exit 2
fi
command -v node >/dev/null || apt_install nodejs
command -v curl >/dev/null || apt_install curl
JCMD=$(command -v jcmd || true)
[[ -n ${JCMD} ]] || JCMD="$(dirname "$(readlink -f "$(command -v java)")")/jcmd"
[[ -x ${JCMD} ]] || { echo "no jcmd beside java: install a JDK (not a JRE)" >&2; exit 2; }

mkdir -p "${OUT}"
OUT=$(cd "${OUT}" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/battery-hostile.XXXXXX")
cleanup() { service_stop_all; rm -rf "${WORK}"; }
trap cleanup EXIT
ulimit -n 8192 2>/dev/null || true

result() {  # the last line, on stdout and in result.txt
  echo "$1" >"${OUT}/result.txt"
  echo "$1"
}

if ((SHORT)); then
  VARIANTS=some SHARE=${HOSTILE_SHARE:-0.4} RANDOM_N=${HOSTILE_RANDOM:-0} SLOW_N=${HOSTILE_SLOW:-8}
else
  VARIANTS=all SHARE=1 RANDOM_N=${HOSTILE_RANDOM:-6000} SLOW_N=${HOSTILE_SLOW:-40}
fi
HELD_N=${HOSTILE_HELD:-250}

# The memory settings of README's run command and every benchmark, so that the figures mean the same, and
# AlwaysPreTouch: the heap's pages are resident from the start, so that the resident set's growth is native memory
# (buffers, threads, code), not the first touch of heap pages the run happened to reach (120 MiB without it).
SERVICE_JAR=${APP}/quarkus-run.jar
SERVICE_JAVA_OPTS="$SERVICE_RECOMMENDED_JAVA_OPTS -XX:+AlwaysPreTouch"
service_ports
: >"${OUT}/service.log"
# Generous limits: the battery is one client sending thousands of requests, some with wrong credentials on
# purpose; the limits would otherwise answer 429 before the hostile part is looked at.
service_start "${WORK}/data" "${OUT}/service.log" MALLOC_ARENA_MAX=2 \
  DIRECTORY_PUBLIC_RATE_LIMIT=100000000 DIRECTORY_APPLICATIONS_PER_CLIENT=100000000 \
  DIRECTORY_LOGIN_MAX_FAILURES=100000000 DIRECTORY_LOGIN_CLIENT_MAX_FAILURES=100000000 \
  DIRECTORY_LOGIN_USER_MAX_FAILURES=100000000
service_wait_ready 120 || { result "battery hostile: FAILED the service did not start (${OUT}/service.log)"; exit 1; }
IDLE=$(grep -E '^quarkus\.http\.idle-timeout=' src/main/resources/application.properties | sed -E 's/.*=([0-9]+)s$/\1/')
echo "service ready in ${SERVICE_READY_MS} ms on ${SERVICE_BASE} (pid ${SERVICE_PID}); seed ${SEED}; $( ((SHORT)) && echo short || echo full) form"

started=${SECONDS}
set +e
HOSTILE_BASE=${SERVICE_BASE} HOSTILE_OPS=${SERVICE_OPS} HOSTILE_ADMIN_PASSWORD=${SERVICE_ADMIN_PASSWORD} \
  HOSTILE_OUT=${OUT} HOSTILE_SEED=${SEED} HOSTILE_RANDOM=${RANDOM_N} HOSTILE_VARIANTS=${VARIANTS} \
  HOSTILE_SLOW=${SLOW_N} HOSTILE_HELD=${HELD_N} HOSTILE_SHARE=${SHARE} HOSTILE_IDLE_TIMEOUT=${IDLE:-30} HOSTILE_PID=${SERVICE_PID} HOSTILE_JCMD=${JCMD} \
  HOSTILE_CONTRACT=openapi/openapi.json node bench/battery/hostile.mjs run >"${OUT}/driver.log" 2>&1
driver=$?
set -e
FIGURES=$(grep '^FIGURES ' "${OUT}/driver.log" | tail -n 1 | cut -c 9- || true)
if ((driver != 0)) || [[ -z ${FIGURES} ]]; then
  tail -n 20 "${OUT}/driver.log" >&2
  result "battery hostile: FAILED the driver stopped (exit ${driver}; ${OUT}/driver.log)"
  exit 1
fi
if grep -qE 'ERROR|Exception' "${OUT}/service.log"; then
  LOGGED=$(grep -cE '^[0-9-]+ [0-9:,]+ ERROR' "${OUT}/service.log" || true)
else
  LOGGED=0
fi

# The verdict and the one line of figures.
set +e
VERDICT=$(node - "${FIGURES}" "${LOGGED}" "$((SECONDS - started))" <<'JS'
const f = JSON.parse(process.argv[2]);
const logged = Number(process.argv[3]);
const seconds = Number(process.argv[4]);
const mib = (x) => (x / 1048576).toFixed(1);
const problems = [...f.integrityProblems];
if (f.failures) problems.push(`${f.failures} failing answers (failures.jsonl)`);
if (f.sent < 1000) problems.push(`only ${f.sent} requests`);
if (logged) problems.push(`${logged} ERROR lines in the service's log`);
const m = f.memory;
const heapFlat = m.after.heap <= m.before.heap + 16 * 1048576 + m.before.heap * 0.10;
const rssFlat = m.after.rss <= m.before.rss + 64 * 1048576 + m.before.rss * 0.15;
if (!heapFlat) problems.push(`heap after GC grew ${mib(m.before.heap)} -> ${mib(m.after.heap)} MiB`);
if (!rssFlat) problems.push(`RSS grew ${mib(m.before.rss)} -> ${mib(m.after.rss)} MiB`);
const classes = Object.entries(f.byClass).sort(([a], [b]) => a.localeCompare(b));
console.log('class               sent   2xx   4xx  empty4xx closed failed');
for (const [name, c] of classes) {
  console.log(`${name.padEnd(18)} ${String(c.sent).padStart(5)} ${String(c['2xx'] || 0).padStart(5)} ${String(c['4xx'] || 0).padStart(5)} ${String(c['server-empty'] || 0).padStart(9)} ${String(c.closed || 0).padStart(6)} ${String(c.failed || 0).padStart(6)}`);
}
console.log(`statuses: ${JSON.stringify(f.statuses)}`);
console.log(`slow bodies: ${JSON.stringify(f.slowOutcomes)}, the longest held ${(f.slowLongestMs / 1000).toFixed(1)} s; with ${f.held} held half-sent a create and a read took ${f.heldProbe ? f.heldProbe.ms : '-'} ms; a read after them ${f.probeMs} ms`);
console.log(`members: ${JSON.stringify(f.members)}; the slowest answer to any other request ${f.slowestAnswerMs} ms`);
for (const p of problems) console.log(`problem: ${p}`);
const sum = (k) => classes.reduce((s, [, c]) => s + (c[k] || 0), 0);
const twoxx = classes.filter(([, c]) => c['2xx']).map(([n, c]) => `${n}:${c['2xx']}`).join(',');
const line = `battery hostile: ${problems.length ? 'FAILED' : 'ok'} seed=${f.seed} ops=${f.operations} sent=${f.sent} `
  + `classes=${classes.length} 2xx=${sum('2xx')} (${twoxx}) 4xx=${sum('4xx')} empty4xx=${sum('server-empty')} closed=${sum('closed')} `
  + `5xx=${f.fiveXX} stacktraces=${f.stackTraces} failed=${f.failures} slow=${f.slow}+${f.held}held(probe ${f.heldProbe ? f.heldProbe.ms : '-'}ms) `
  + `heap=${mib(m.before.heap)}->${mib(m.after.heap)}MiB rss=${mib(m.before.rss)}->${mib(m.after.rss)}MiB `
  + `memory=${heapFlat && rssFlat ? 'flat' : 'GREW'} members=${f.members.after}/${f.members.expected} ${seconds}s`;
console.log(`RESULT ${line}`);
process.exit(problems.length ? 1 : 0);
JS
)
passed=$?
set -e
grep -v '^RESULT ' <<<"${VERDICT}"
result "$(grep '^RESULT ' <<<"${VERDICT}" | cut -c 8-)"
exit $((passed == 0 ? 0 : 1))
