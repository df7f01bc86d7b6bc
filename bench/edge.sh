#!/usr/bin/env bash
# The HTTP edge under hostile callers, on the packaged jar (see bench/README.md):
#   1. made-up methods: N requests `XQ<i> /api/v1/members` (and as many `XQ<i> /api/v1/members/<random id>`
#      when EDGE_RANDOM_PATHS=1) on keep-alive connections, then the
#      number of http_server_requests series in /q/metrics and the heap used after a forced full GC
#      (jcmd GC.run + GC.heap_info), against the same figures before the flood;
#   2. slow headers: S sockets that send a request line and one header but never the blank line; how many
#      the service still holds open after each of the given waits.
#
#   bash bench/edge.sh                      # N=10000, S=1000, waits "10 40"
#   EDGE_APP=/tmp/old-quarkus-app bash bench/edge.sh
# Settings: EDGE_APP (a built quarkus-app, default target/quarkus-app), EDGE_PORT (default 18130; the first
# free port from it, and the next free one for the management interface), EDGE_METHODS (N), EDGE_SOCKETS (S),
# EDGE_WAITS (seconds, cumulative).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
APP=${EDGE_APP:-$HERE/../target/quarkus-app}
N=${EDGE_METHODS:-10000}
S=${EDGE_SOCKETS:-1000}
WAITS=${EDGE_WAITS:-10 40}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/directory-edge-bench.XXXXXX")
source "$HERE/../.ci/service.sh"
cleanup() { service_stop_all; rm -rf "$WORK"; }
trap cleanup EXIT
ulimit -n 4096 2>/dev/null || true

SERVICE_JAR=$APP/quarkus-run.jar SERVICE_JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseParallelGC"
service_ports "${EDGE_PORT:-18130}"
PORT=$SERVICE_PORT
service_start "$WORK/data" "$WORK/service.log" QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=60s
PID=$SERVICE_PID
# Health and metrics are on the management port since the edge hardening; the jar from before serves
# them on the main port. Whichever answers is used.
OPS=
for _ in $(seq 1 300); do
  for base in "$SERVICE_OPS" "$SERVICE_BASE"; do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "$base/q/health/ready" || true) == 200 ]]; then OPS=$base; break 2; fi
  done
  kill -0 "$PID" 2>/dev/null || { service_log_tail; exit 1; }
  sleep 0.2
done
[[ -n $OPS ]] || { echo "not ready after 60 s" >&2; service_log_tail; exit 1; }
echo "service ready; health and metrics at $OPS"

series() { curl -s "$OPS/q/metrics" | grep -c '^http_server_requests_seconds_count' || true; }
heap() {  # used heap in KiB after a full GC
  jcmd "$PID" GC.run >/dev/null
  jcmd "$PID" GC.heap_info | awk '/ParOldGen|PSYoungGen/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K", "", v); s += v } } END { print s }'
}
curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/members"
echo "before: $(series) http_server_requests series, heap used after full GC $(( $(heap) / 1024 )) MiB"
python3 - "$PORT" "$N" "${EDGE_RANDOM_PATHS:-0}" <<'PY'
import socket, sys, uuid, time
port, n, random_paths = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
started, sent, answers = time.time(), 0, {}
while sent < n:
    s = socket.create_connection(("127.0.0.1", port))
    f = s.makefile("rb")
    for _ in range(min(100, n - sent)):
        path = f"/api/v1/members/{uuid.uuid4()}" if random_paths else "/api/v1/members"
        s.sendall(f"XQ{sent} {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        sent += 1
        status = f.readline().split(b" ")[1].decode()
        answers[status] = answers.get(status, 0) + 1
        length, close = 0, False
        while (line := f.readline()) not in (b"\r\n", b""):
            k, _, v = line.decode().partition(":")
            if k.lower() == "content-length": length = int(v)
            if k.lower() == "connection" and "close" in v.lower(): close = True
        f.read(length)
        if close: break
    s.close()
print(f"sent {n} made-up-method requests in {time.time() - started:.1f} s; answers {answers}")
PY
echo "after:  $(series) http_server_requests series, heap used after full GC $(( $(heap) / 1024 )) MiB"
curl -s "$OPS/q/metrics" | grep '^http_server_requests_seconds_count' | sed -E 's/.*method="([^"]*)".*uri="([^"]*)".*/  method=\1 uri=\2/' | sort | uniq -c | sort -rn | head -5

((S > 0)) || exit 0
python3 - "$PORT" "$S" $WAITS <<'PY'
import socket, sys, time, select
port, n, waits = int(sys.argv[1]), int(sys.argv[2]), [int(w) for w in sys.argv[3:]]
socks = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/v1/members HTTP/1.1\r\nHost: x\r\nX-Slow: ")  # the headers never end
    socks.append(s)
start = time.time()
print(f"opened {n} sockets with unfinished headers")
for w in waits:
    time.sleep(max(0, start + w - time.time()))
    open_ = 0
    for s in socks:
        r, _, _ = select.select([s], [], [], 0)
        if not r:
            open_ += 1
            continue
        try:
            data = s.recv(4096, socket.MSG_PEEK)
            open_ += 0 if data == b"" or data.startswith(b"HTTP/") else 1
        except OSError:
            pass
    print(f"after {w:3d} s: {open_} of {n} still held open by the service")
PY
