#!/usr/bin/env bash
# The engine's hand-written parts against Lucene's own counterparts (collation keys, facet counting, top-N
# collectors, multi-term queries), over one in-memory index of N synthetic members (default 100,000).
# Prints a table: part, hand-written median, Lucene median, their ratio, and whether both gave the same
# result. See docs/search.md, "Lucene parts and hand-written parts".
#
#   bash bench/lucene-parts.sh
#   bash bench/lucene-parts.sh 100000 1      # members, seed
#
# Nothing is written into the repository beyond Maven's target/ (the test classes and the classpath file).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
MEMBERS=${1:-100000}
SEED=${2:-1}
[[ $MEMBERS =~ ^[0-9]+$ && $SEED =~ ^[0-9]+$ ]] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

cd "$ROOT"
# Offline first (the usual case once the project has been built); online when a dependency is missing.
MVN=(./mvnw -B -ntp -q)
"${MVN[@]}" -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt \
    || "${MVN[@]}" test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt

echo "$(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -n 1)"
# A fixed heap, so that the collector's sizing does not differ from run to run.
exec java -Xms1g -Xmx1g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    se.creativenorrbotten.directory.search.LucenePartsBench "$MEMBERS" "$SEED"
