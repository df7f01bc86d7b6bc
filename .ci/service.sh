# Starts and stops the packaged service for the CI checks and the benchmarks (sourced, not run):
#
#   source .ci/service.sh
#   service_ports 18081                  # free ports from 18081 on; no argument: ports the kernel hands out
#   service_start "$DATA" "$LOG"         # the jar on those ports, a fresh data folder, the admin password
#   service_wait_ready || exit 1         # /q/health/ready on the management port; the log's tail on failure
#   curl -u "admin:${SERVICE_ADMIN_PASSWORD}" "${SERVICE_BASE}/api/v1/members"
#   service_stop                         # and service_stop_all in the caller's EXIT trap
#
# Settings (set them before the calls): SERVICE_JAR (target/quarkus-app/quarkus-run.jar), SERVICE_JAVA (java),
# SERVICE_JAVA_OPTS (-Xmx256m; SERVICE_RECOMMENDED_JAVA_OPTS holds the README's settings), SERVICE_ADMIN_PASSWORD
# (a random one), SERVICE_READY_TIMEOUT (300 s). Both ports listen on the loopback interface only. Any QUARKUS_* / DIRECTORY_* variable of the caller reaches the jar;
# service_start's further arguments are env(1) arguments placed before the fixed settings (-u NAME first, then
# NAME=value).

SERVICE_JAR=${SERVICE_JAR:-target/quarkus-app/quarkus-run.jar}
SERVICE_JAVA=${SERVICE_JAVA:-java}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:--Xmx256m}
# The JVM settings of the README's run command (and the Dockerfile's): every benchmark and battery script starts the
# service with these unless told otherwise, so that their figures mean what a newcomer's first run gives.
SERVICE_RECOMMENDED_JAVA_OPTS="-Xms150m -Xmx150m -XX:+UseParallelGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:Tier4InvocationThreshold=20000 -XX:Tier4MinInvocationThreshold=2400 -XX:Tier4CompileThreshold=30000"
SERVICE_ADMIN_PASSWORD=${SERVICE_ADMIN_PASSWORD:-service-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')}
SERVICE_READY_TIMEOUT=${SERVICE_READY_TIMEOUT:-300}
SERVICE_PID="" SERVICE_LOG="" SERVICE_STARTED_MS=0 SERVICE_READY_MS=0
SERVICE_PIDS=()

service_now_ms() { echo $(($(date +%s%N) / 1000000)); }

service_port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free loopback port: the first from $1 up to $1 + 40, or (no argument) one the kernel hands out.
service_free_port() {
  if (($# == 0)); then
    if command -v node >/dev/null; then
      node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
    else
      python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    fi
    return
  fi
  local port
  for ((port = $1; port <= $1 + 40; port++)); do
    service_port_is_free "${port}" && { echo "${port}"; return 0; }
  done
  echo "no free port in $1..$(($1 + 40))" >&2
  return 1
}

# Sets SERVICE_PORT (the API) and SERVICE_MANAGEMENT_PORT (health, metrics), SERVICE_BASE and SERVICE_OPS:
# the first free port from $1 and the first free one from $2 (default: after the API's), or (no argument)
# ports the kernel hands out.
service_ports() {
  if (($# == 0)); then
    SERVICE_PORT=$(service_free_port) || return 1
    SERVICE_MANAGEMENT_PORT=$(service_free_port) || return 1
    # The kernel may hand out the same port twice when the first one was closed in between.
    while ((SERVICE_MANAGEMENT_PORT == SERVICE_PORT)); do SERVICE_MANAGEMENT_PORT=$(service_free_port) || return 1; done
  else
    SERVICE_PORT=$(service_free_port "$1") || return 1
    SERVICE_MANAGEMENT_PORT=$(service_free_port "${2:-$((SERVICE_PORT + 1))}") || return 1
  fi
  SERVICE_BASE="http://127.0.0.1:${SERVICE_PORT}"
  SERVICE_OPS="http://127.0.0.1:${SERVICE_MANAGEMENT_PORT}"
}

# Starts SERVICE_JAR in the background on the data folder $1 (made if missing), its output appended to $2;
# further arguments go to env(1) first. Sets SERVICE_PID, SERVICE_LOG and SERVICE_STARTED_MS.
service_start() {
  local data=$1 log=$2
  shift 2
  [[ -f ${SERVICE_JAR} ]] || { echo "no ${SERVICE_JAR}: run ./mvnw package first" >&2; return 1; }
  [[ -n ${SERVICE_PORT:-} ]] || service_ports || return 1
  mkdir -p "${data}"
  local java_opts
  read -r -a java_opts <<<"${SERVICE_JAVA_OPTS}"
  SERVICE_STARTED_MS=$(service_now_ms)
  env "$@" DIRECTORY_DATA_DIR="${data}" DIRECTORY_ADMIN_PASSWORD="${SERVICE_ADMIN_PASSWORD}" \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="${SERVICE_PORT}" \
    QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="${SERVICE_MANAGEMENT_PORT}" \
    "${SERVICE_JAVA}" "${java_opts[@]}" -jar "${SERVICE_JAR}" >>"${log}" 2>&1 &
  SERVICE_PID=$!
  SERVICE_LOG=${log}
  SERVICE_PIDS+=("${SERVICE_PID}")
}

service_log_tail() {
  echo "--- last lines of the service's log (${1:-${SERVICE_LOG}})" >&2
  tail -n 40 "${1:-${SERVICE_LOG}}" >&2
}

# Waits until the service answers /q/health/ready on its management port (ready: the database is up and the
# search index caught up). $1: timeout in seconds (SERVICE_READY_TIMEOUT); $2 $3 $4: pid, management port and
# log of another instance than the last one started. Sets SERVICE_READY_MS (from the start); on failure prints
# the log's tail and returns 1.
service_wait_ready() {
  local timeout=${1:-${SERVICE_READY_TIMEOUT}} pid=${2:-${SERVICE_PID}} port=${3:-${SERVICE_MANAGEMENT_PORT}}
  local log=${4:-${SERVICE_LOG}} deadline=$((SECONDS + ${1:-${SERVICE_READY_TIMEOUT}}))
  until curl -fsS -o /dev/null "http://127.0.0.1:${port}/q/health/ready" 2>/dev/null; do
    kill -0 "${pid}" 2>/dev/null || { echo "the service exited during start" >&2; service_log_tail "${log}"; return 1; }
    ((SECONDS < deadline)) || { echo "the service was not ready after ${timeout} s" >&2; service_log_tail "${log}"; return 1; }
    sleep 0.1
  done
  SERVICE_READY_MS=$(($(service_now_ms) - SERVICE_STARTED_MS))
}

service_forget() {
  local pid=$1 i
  for i in "${!SERVICE_PIDS[@]}"; do [[ ${SERVICE_PIDS[i]} == "${pid}" ]] && unset 'SERVICE_PIDS[i]'; done
  [[ ${SERVICE_PID} != "${pid}" ]] || SERVICE_PID=""
  return 0
}

# Stops a service ($1, default the last one started): TERM, then KILL after 30 s.
service_stop() {
  local pid=${1:-${SERVICE_PID}}
  [[ -n ${pid} ]] || return 0
  kill -TERM "${pid}" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "${pid}" 2>/dev/null || true
  wait "${pid}" 2>/dev/null || true
  service_forget "${pid}"
}

# kill -9 of a service ($1, default the last one started), as a crash would.
service_crash() {
  local pid=${1:-${SERVICE_PID}}
  kill -KILL "${pid}" 2>/dev/null || true
  wait "${pid}" 2>/dev/null || true
  service_forget "${pid}"
}

# Every service still running: for the caller's EXIT trap.
service_stop_all() {
  local pid
  for pid in "${SERVICE_PIDS[@]}"; do kill -TERM "${pid}" 2>/dev/null || true; done
  for pid in "${SERVICE_PIDS[@]}"; do service_stop "${pid}"; done
  return 0
}
