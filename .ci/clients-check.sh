#!/usr/bin/env bash
# Shows that clients generated from the committed contract work against the packaged service: generates the
# Java (okhttp-gson) and TypeScript (typescript-fetch) clients from openapi/openapi.yaml with
# openapi-generator-cli, compiles both (javac with the Java client's dependencies from Maven Central; tsc
# --strict), starts the H2 jar on a fresh data folder and a free loopback port, and runs .ci/clients/ClientCheck.java
# and .ci/clients/check.ts against it. Each creates a member, searches for it, patches it (a value, and null
# to clear one), reads the public and the curator view as their own types, applies for a listing, and deletes
# the member, a skill and sets a password (the operations that answer 204).
# Generator options: containerDefaultToNull=true for Java, or a MemberPatch would send "skills": [] (the
# generator starts required lists empty). Gson in that client drops nulls, so ClientCheck sends its clearing
# patch through the generated ApiClient with a Gson that keeps nulls (see there); the TypeScript client sends
# null as it is.
# Needs a built jar (./mvnw package), java, node, and (.ci/run installs them outside the repo):
#   OPENAPI_GENERATOR_JAR  openapi-generator-cli 7.25.0
#   TSC                    tsc of typescript 5.9.3
#   CLIENT_DEPS_CACHE      (optional) a folder to keep the Java client's dependency jars in between runs
# Usage: OPENAPI_GENERATOR_JAR=... TSC=... .ci/clients-check.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/quarkus-app/quarkus-run.jar
[[ -f ${JAR} ]] || { echo "no ${JAR}: run ./mvnw package first" >&2; exit 1; }
[[ -f ${OPENAPI_GENERATOR_JAR:-} ]] || { echo "set OPENAPI_GENERATOR_JAR to openapi-generator-cli-7.25.0.jar" >&2; exit 1; }
[[ -x ${TSC:-} ]] || { echo "set TSC to the tsc of typescript 5.9.3" >&2; exit 1; }
command -v node >/dev/null || { echo "node is missing" >&2; exit 1; }

# Ports the kernel just handed out on the loopback interface (override: first and second argument): the API's
# and the management interface's (health).
free_port() { node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"; }
PORT=${1:-$(free_port)}
MANAGEMENT_PORT=${2:-$(free_port)}
WORK="$(mktemp -d "${TMPDIR:-/tmp}/directory-clients.XXXXXX")"
DATA="${WORK}/data"
ADMIN_PASSWORD="clients-admin-$(date +%s%N | sha256sum | cut -c1-12)"
BASE="http://127.0.0.1:${PORT}"
OPS="http://127.0.0.1:${MANAGEMENT_PORT}"
PID=""
cleanup() {
  [[ -n ${PID} ]] && { kill "${PID}" 2>/dev/null; wait "${PID}" 2>/dev/null || true; }
  rm -rf "${WORK}"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
mkdir -p "${DATA}"

secs() { echo "$(( ($(date +%s%N) - $1) / 1000000 )) ms"; }

# --- generate (both at once) -----------------------------------------------------------------------
T=$(date +%s%N)
NO_EXTRAS=(--global-property apiTests=false,modelTests=false,apiDocs=false,modelDocs=false)
java -jar "${OPENAPI_GENERATOR_JAR}" generate -i openapi/openapi.yaml -g java --library okhttp-gson \
  -o "${WORK}/java" "${NO_EXTRAS[@]}" \
  --additional-properties=invokerPackage=se.creativenorrbotten.client,apiPackage=se.creativenorrbotten.client.api,modelPackage=se.creativenorrbotten.client.model,containerDefaultToNull=true \
  >"${WORK}/generate-java.log" 2>&1 &
GEN_JAVA=$!
java -jar "${OPENAPI_GENERATOR_JAR}" generate -i openapi/openapi.yaml -g typescript-fetch \
  -o "${WORK}/ts/client" "${NO_EXTRAS[@]}" >"${WORK}/generate-ts.log" 2>&1 &
GEN_TS=$!
wait "${GEN_JAVA}" || { tail -30 "${WORK}/generate-java.log" >&2; echo "generating the Java client failed" >&2; exit 1; }
wait "${GEN_TS}" || { tail -30 "${WORK}/generate-ts.log" >&2; echo "generating the TypeScript client failed" >&2; exit 1; }
echo "generated the Java and TypeScript clients in $(secs "${T}")"

# --- compile ---------------------------------------------------------------------------------------
T=$(date +%s%N)
# The generated project's own dependencies (compile and provided scopes), from Maven Central through ./mvnw;
# kept in CLIENT_DEPS_CACHE (a folder outside the repo, optional) per content of the generated pom.xml.
DEPS="${WORK}/java-deps"
if [[ -n ${CLIENT_DEPS_CACHE:-} ]]; then
  DEPS="${CLIENT_DEPS_CACHE}/java-client-deps-$(md5sum <"${WORK}/java/pom.xml" | cut -c1-12)"
fi
if [[ ! -f ${DEPS}/.complete ]]; then
  rm -rf "${DEPS}"
  ./mvnw -B -ntp -q -f "${WORK}/java/pom.xml" dependency:copy-dependencies -DincludeScope=compile \
    -DoutputDirectory="${DEPS}"
  touch "${DEPS}/.complete"
fi
mkdir -p "${WORK}/java-classes"
find "${WORK}/java/src/main/java" -name '*.java' >"${WORK}/java-sources"
echo .ci/clients/ClientCheck.java >>"${WORK}/java-sources"
javac -nowarn -encoding UTF-8 -d "${WORK}/java-classes" -cp "${DEPS}/*" @"${WORK}/java-sources"
echo "compiled the Java client and ClientCheck in $(secs "${T}")"
T=$(date +%s%N)
cp .ci/clients/check.ts "${WORK}/ts/check.ts"
"${TSC}" --strict --target es2020 --module commonjs --lib es2020,dom --outDir "${WORK}/ts/out" "${WORK}/ts/check.ts"
echo "compiled the TypeScript client and check.ts (tsc --strict) in $(secs "${T}")"

# --- start the service (after compiling: on a busy machine its first database connection is slow) ---
DIRECTORY_DATA_DIR="${DATA}" DIRECTORY_ADMIN_PASSWORD="${ADMIN_PASSWORD}" QUARKUS_HTTP_PORT="${PORT}" \
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="${MANAGEMENT_PORT}" QUARKUS_MANAGEMENT_HOST=127.0.0.1 java -Xmx256m -jar "${JAR}" >>"${WORK}/app.log" 2>&1 &
PID=$!
app_log() { echo "--- last lines of the service's log" >&2; tail -40 "${WORK}/app.log" >&2; }

# --- run against the service -----------------------------------------------------------------------
ready=0
for _ in $(seq 1 600); do
  if curl -fsS -o /dev/null "${OPS}/q/health/ready" 2>/dev/null; then ready=1; break; fi
  kill -0 "${PID}" 2>/dev/null || { echo "the service exited during start" >&2; app_log; exit 1; }
  sleep 0.1
done
((ready)) || { echo "not ready after 60 s" >&2; app_log; exit 1; }
rc=0
T=$(date +%s%N)
java -cp "${WORK}/java-classes:${DEPS}/*" ClientCheck "${BASE}" "${ADMIN_PASSWORD}" || rc=1
echo "(java client run: $(secs "${T}"))"
T=$(date +%s%N)
node "${WORK}/ts/out/check.js" "${BASE}" "${ADMIN_PASSWORD}" || rc=1
echo "(typescript client run: $(secs "${T}"))"
((rc == 0)) || app_log
exit "${rc}"
