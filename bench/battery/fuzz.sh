#!/usr/bin/env bash
# Battery part "fuzz": Jazzer fuzzes every @FuzzTest of the project for a while, and keeps what crashes.
#
#   bench/battery/fuzz.sh                                 # the full form: 300 s per target
#   BATTERY_SHORT=1 bench/battery/fuzz.sh                 # the short form (CI): 30 s per target, under 3 minutes
#   BATTERY_FUZZ_SECONDS=60 bench/battery/fuzz.sh         # any other time per target
#
# The targets are found in the sources (every method annotated @FuzzTest in a src/test/java/**/*FuzzTest.java):
# MemberBodyFuzzTest (createBody, mergePatch: member bodies through the API's mapper, merge patch and validation)
# and SearchParametersFuzzTest (searchParameters: the query parameters of GET /api/v1/members into a search query).
# Each must end in a valid result or the project's 4xx problem; any other exception or a timeout is a finding.
#
# One Maven run compiles the tests and writes their class path; then each target runs in Jazzer's own driver
# (com.code_intelligence.jazzer.Jazzer --target_class --target_method, from the jazzer-junit 0.24.0 test dependency),
# all at once, each for BATTERY_FUZZ_SECONDS. A target's corpus grows in target/fuzz-corpus/<Class>/<method>/ and
# starts from its kept inputs; a crash is written by Jazzer straight into the kept inputs,
# src/test/resources/<package>/<Class>Inputs/<method>/crash-<sha1>, so that every ./mvnw test runs it again (the
# fuzz tests' regression mode) until it is fixed; commit it with the fix.
#
# Environment: BATTERY_SHORT (1: short form; default 0), BATTERY_OUT (default target/battery/fuzz),
# BATTERY_FUZZ_SECONDS (default 300, 30 in the short form). BATTERY_APP and BATTERY_PG_APP are not used: no service
# is started.
# Writes to BATTERY_OUT: <Class>.<method>.log (Jazzer's output), maven.log, result.txt.
# Last line: `battery fuzz: ok|FAILED T targets x S s, executions <method>=N ..., crashes C (kept: files), W s`.
# Exit 0 only when it passed.
set -euo pipefail
cd "$(dirname "$0")/../.."

PART=fuzz
BATTERY_SHORT=${BATTERY_SHORT:-0}
BATTERY_OUT=${BATTERY_OUT:-target/battery/${PART}}
if [[ "${BATTERY_SHORT}" == 1 ]]; then
  BATTERY_FUZZ_SECONDS=${BATTERY_FUZZ_SECONDS:-30}
else
  BATTERY_FUZZ_SECONDS=${BATTERY_FUZZ_SECONDS:-300}
fi
CLASSPATH_FILE=target/fuzz-classpath.txt
CORPUS=target/fuzz-corpus
# Records whose components are read by reflection (Jackson's bodies and problems, MemberQuery's cache key) are not
# instrumented: after Jazzer's coverage instrumentation, Class.getRecordComponents crashes Java 17's VM (SIGSEGV in
# Symbol::as_unicode). A new record read that way needs adding here.
EXCLUDES=se.creativenorrbotten.directory.member.dto.**:se.creativenorrbotten.directory.common.problem.Problem
EXCLUDES+=:se.creativenorrbotten.directory.common.problem.FieldError:se.creativenorrbotten.directory.search.MemberQuery
EXCLUDES+=:se.creativenorrbotten.directory.search.SearchRequest:se.creativenorrbotten.directory.common.paging.PageRequest

STARTED=${SECONDS}
mkdir -p "${BATTERY_OUT}"
rm -f "${BATTERY_OUT}"/*.log "${BATTERY_OUT}/result.txt"

finish() {
  local line="battery ${PART}: $1 $2"
  printf '%s\n' "${line}" >"${BATTERY_OUT}/result.txt"
  printf '%s\n' "${line}"
}

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "${pid}" 2>/dev/null || true
  done
}
trap cleanup EXIT

# The targets: "package.Class method inputs-folder" per @FuzzTest method.
TARGETS=()
while IFS= read -r file; do
  class_path=${file#src/test/java/}
  class=${class_path%.java}
  class=${class//\//.}
  inputs="src/test/resources/${class_path%.java}Inputs"
  while IFS= read -r method; do
    TARGETS+=("${class} ${method} ${inputs}/${method}")
  done < <(grep -A3 '@FuzzTest' "${file}" | sed -n 's/.*void \([A-Za-z0-9_]*\)(.*/\1/p')
done < <(find src/test/java -name '*FuzzTest.java' | sort)
if ((${#TARGETS[@]} == 0)); then
  finish FAILED "no @FuzzTest found under src/test/java"
  exit 1
fi

echo "compiling the tests and writing their class path (maven.log)"
if ! ./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile="${CLASSPATH_FILE}" \
  -Dmdep.includeScope=test >"${BATTERY_OUT}/maven.log" 2>&1; then
  tail -20 "${BATTERY_OUT}/maven.log" >&2
  finish FAILED "the tests did not compile (maven.log)"
  exit 1
fi
CP="target/test-classes:target/classes:$(cat "${CLASSPATH_FILE}")"

# The kept inputs before the run, so that the new ones (the crashes) can be told apart.
before=$(find src/test/resources -path '*FuzzTestInputs/*' -type f 2>/dev/null | sort)

echo "fuzzing ${#TARGETS[@]} targets for ${BATTERY_FUZZ_SECONDS} s each, at once"
for target in "${TARGETS[@]}"; do
  read -r class method inputs <<<"${target}"
  mkdir -p "${inputs}" "${CORPUS}/${class}/${method}"
  log="${BATTERY_OUT}/${class##*.}.${method}.log"
  # -rss_limit_mb: the JVM's heap is capped instead (-Xmx), libFuzzer's 2 GB check would count the JIT's memory.
  java -Xmx1g -cp "${CP}" com.code_intelligence.jazzer.Jazzer \
    --target_class="${class}" --target_method="${method}" \
    --instrumentation_includes='se.creativenorrbotten.**' --instrumentation_excludes="${EXCLUDES}" \
    --custom_hook_includes='se.creativenorrbotten.**' \
    -max_total_time="${BATTERY_FUZZ_SECONDS}" -timeout=10 -rss_limit_mb=0 -print_final_stats=1 \
    -artifact_prefix="${inputs}/" "${CORPUS}/${class}/${method}" "${inputs}" >"${log}" 2>&1 &
  PIDS+=("$!")
done

failed=0
for pid in "${PIDS[@]}"; do
  if ! wait "${pid}"; then
    failed=$((failed + 1))
  fi
done
PIDS=()

executions=()
for target in "${TARGETS[@]}"; do
  read -r class method inputs <<<"${target}"
  log="${BATTERY_OUT}/${class##*.}.${method}.log"
  runs=$(sed -n 's/^Done \([0-9]*\) runs in .*/\1/p' "${log}" | tail -1)
  if [[ -z "${runs}" ]]; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "${log}" | tail -1)
  fi
  executions+=("${method}=${runs:-?}")
  if grep -qE '^== Java Exception|^==[0-9]+== ERROR' "${log}"; then
    echo "--- finding in ${class}#${method} (${log}):" >&2
    grep -A12 -E '^== Java Exception|^==[0-9]+== ERROR' "${log}" | head -30 >&2
  fi
done
after=$(find src/test/resources -path '*FuzzTestInputs/*' -type f 2>/dev/null | sort)
kept=$(comm -13 <(printf '%s\n' "${before}") <(printf '%s\n' "${after}") | sed '/^$/d')
crashes=$(printf '%s' "${kept}" | grep -c . || true)

figures="${#TARGETS[@]} targets x ${BATTERY_FUZZ_SECONDS} s, executions ${executions[*]}, crashes ${crashes}"
if ((crashes > 0)); then
  figures="${figures} (kept: $(printf '%s' "${kept}" | tr '\n' ' ' | sed 's/ $//'))"
fi
figures="${figures}, $((SECONDS - STARTED)) s"
if ((failed == 0 && crashes == 0)); then
  finish ok "${figures}"
else
  finish FAILED "${figures}"
  exit 1
fi
