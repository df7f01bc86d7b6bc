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
# Usage: OPENAPI_GENERATOR_JAR=... TSC=... .ci/clients-check.sh [port [management-port]]
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/quarkus-app/quarkus-run.jar
[[ -f ${JAR} ]] || { echo "no ${JAR}: run ./mvnw package first" >&2; exit 1; }
[[ -f ${OPENAPI_GENERATOR_JAR:-} ]] || { echo "set OPENAPI_GENERATOR_JAR to openapi-generator-cli-7.25.0.jar" >&2; exit 1; }
[[ -x ${TSC:-} ]] || { echo "set TSC to the tsc of typescript 5.9.3" >&2; exit 1; }
command -v node >/dev/null || { echo "node is missing" >&2; exit 1; }

source .ci/service.sh
# Ports the kernel just handed out on the loopback interface, or the first free ones from the arguments: the
# API's and the management interface's (health).
service_ports "$@"
BASE=${SERVICE_BASE}
WORK="$(mktemp -d "${TMPDIR:-/tmp}/directory-clients.XXXXXX")"
cleanup() {
  service_stop_all
  rm -rf "${WORK}"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

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
service_start "${WORK}/data" "${WORK}/app.log"

# --- run against the service -----------------------------------------------------------------------
service_wait_ready || exit 1
rc=0
T=$(date +%s%N)
java -cp "${WORK}/java-classes:${DEPS}/*" ClientCheck "${BASE}" "${SERVICE_ADMIN_PASSWORD}" || rc=1
echo "(java client run: $(secs "${T}"))"
T=$(date +%s%N)
node "${WORK}/ts/out/check.js" "${BASE}" "${SERVICE_ADMIN_PASSWORD}" || rc=1
echo "(typescript client run: $(secs "${T}"))"
((rc == 0)) || service_log_tail
exit "${rc}"
