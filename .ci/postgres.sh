#!/usr/bin/env bash
# Throw-away PostgreSQL 15 cluster for CI and local test runs.
#
#   eval "$(.ci/postgres.sh start)"   # prints `export NAME=value` lines on stdout (all logging goes to stderr)
#   .ci/postgres.sh stop [DIR]        # DIR defaults to $CI_PG_DIR (set by the export lines)
#   .ci/postgres.sh createdb NAME [DIR]  # another empty database owned by `directory` in that cluster;
#                                     # prints its JDBC URL (the crash check runs on one of its own)
#   .ci/postgres.sh down [DIR]        # stops the server of that cluster (pg_ctl stop -m fast), keeping its data
#   .ci/postgres.sh up [DIR]          # starts it again on the same port (the fault battery's outage)
#
# start: installs PostgreSQL 15 with apt if /usr/lib/postgresql/15/bin/initdb is missing, creates a
# fresh cluster in a mktemp folder (/tmp/directory-ci-pg.XXXXXX) owned by the `postgres` user, starts
# it on a free loopback port (55433 upward), listen_addresses=127.0.0.1, unix socket inside the folder,
# then creates the login role `directory` with a random password and the database `directory` owned by
# it. The same export lines are also written to DIR/env.sh.
# Exported: CI_PG_DIR, CI_PG_JDBC_URL, PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD
# (the PG* names are libpq's own, so a plain `psql` connects to the new database over TCP).
#
# PostgreSQL refuses to run as root: as root every server command runs as `postgres` via runuser;
# as any other user they run as that user.
set -euo pipefail

PG_VERSION=15
PG_BIN="${CI_PG_BIN:-/usr/lib/postgresql/${PG_VERSION}/bin}"
PG_FIRST_PORT="${CI_PG_FIRST_PORT:-55433}"
PG_LAST_PORT=$((PG_FIRST_PORT + 200))
PG_START_TIMEOUT="${CI_PG_START_TIMEOUT:-60}"
DB_NAME=directory
DB_USER=directory
DIR_PREFIX=directory-ci-pg.

log() { printf '[postgres.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [[ ${EUID} -eq 0 ]]; then
  PG_OS_USER=postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  PG_OS_USER="$(id -un)"
  as_pg() { "$@"; }
fi

install_postgres() {
  [[ -x "${PG_BIN}/initdb" ]] && return 0
  [[ ${EUID} -eq 0 ]] || die "${PG_BIN}/initdb is missing and installing PostgreSQL ${PG_VERSION} needs root (apt-get install postgresql-${PG_VERSION})"
  log "PostgreSQL ${PG_VERSION} not found: installing it with apt-get"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "postgresql-${PG_VERSION}" >&2 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
  resolve_pg_bin
}

# A distribution whose `postgresql` is another major version: use the newest one installed.
resolve_pg_bin() {
  [[ -x "${PG_BIN}/initdb" ]] && return 0
  local other
  other="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "${other}" ]] || die "no PostgreSQL server found (no initdb under /usr/lib/postgresql)"
  PG_BIN="$(dirname "${other}")"
  log "WARNING: PostgreSQL ${PG_VERSION} is not available; using ${PG_BIN}"
}

ensure_pg_user() {
  [[ ${EUID} -eq 0 ]] || return 0
  if ! id -u postgres >/dev/null 2>&1; then
    log "creating the system user postgres"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi
}

port_is_free() {
  local port=$1
  if command -v ss >/dev/null 2>&1 && ss -Hltn "sport = :${port}" 2>/dev/null | grep -q .; then
    return 1
  fi
  # Something accepting connections on the port means it is taken (covers hosts without ss).
  if (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
    return 1
  fi
  return 0
}

next_free_port() {
  local port=$1
  while ((port <= PG_LAST_PORT)); do
    if port_is_free "${port}"; then echo "${port}"; return 0; fi
    port=$((port + 1))
  done
  return 1
}

# A UTF-8 locale matters: with LC_CTYPE=C, lower()/upper()/ILIKE and pg_trgm treat å, ä, ö as non-letters.
pick_locale() {
  local available
  available="$(locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]' | sed 's/utf-8/utf8/' || true)"
  if grep -qx 'c.utf8' <<<"${available}"; then echo "--locale=C.UTF-8"
  elif grep -qx 'en_us.utf8' <<<"${available}"; then echo "--locale=en_US.UTF-8"
  else
    log "WARNING: neither C.UTF-8 nor en_US.UTF-8 in locale -a; the cluster uses locale C (no case folding of å, ä, ö)"
    echo "--no-locale"
  fi
}

random_password() {
  # head reads a fixed amount first, so no SIGPIPE under pipefail.
  head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-32
}

show_log_tail() {
  local logfile=$1
  if [[ -f "${logfile}" ]]; then
    log "---- last lines of ${logfile} ----"
    tail -n 40 "${logfile}" >&2 || true
    log "----"
  fi
}

# Globals, so that the EXIT trap sees them wherever start fails.
PG_DIR="" PG_DATA="" PG_LOG="" PG_STARTED=0

cleanup_failed_start() {
  local rc=$?
  ((rc == 0)) && return 0
  show_log_tail "${PG_LOG}"
  if ((PG_STARTED)); then
    as_pg "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
  fi
  [[ -n "${PG_DIR}" ]] && rm -rf "${PG_DIR}"
  log "start failed (exit ${rc}); removed ${PG_DIR:-nothing}"
}

cmd_start() {
  install_postgres
  ensure_pg_user
  trap cleanup_failed_start EXIT

  # Always under /tmp: the postgres user must be able to reach it, and the socket path must stay short.
  PG_DIR="$(mktemp -d "/tmp/${DIR_PREFIX}XXXXXX")"
  chmod 700 "${PG_DIR}"
  if [[ ${EUID} -eq 0 ]]; then chown postgres:postgres "${PG_DIR}"; fi
  PG_DATA="${PG_DIR}/data"
  PG_LOG="${PG_DIR}/postgres.log"
  local sock="${PG_DIR}/socket"
  as_pg mkdir -m 700 "${sock}"

  log "initdb in ${PG_DATA} (OS user ${PG_OS_USER})"
  as_pg "${PG_BIN}/initdb" -D "${PG_DATA}" --username="${PG_OS_USER}" \
    --encoding=UTF8 "$(pick_locale)" --auth-local=peer --auth-host=scram-sha-256 \
    >"${PG_DIR}/initdb.log" 2>&1 || { tail -n 40 "${PG_DIR}/initdb.log" >&2; die "initdb failed"; }

  # Throw-away test database: durability off for speed.
  as_pg tee -a "${PG_DATA}/postgresql.conf" >/dev/null <<CONF

# --- added by .ci/postgres.sh ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '${sock}'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
CONF

  local port="" attempt first_port="${PG_FIRST_PORT}"
  for attempt in 1 2 3 4 5; do
    port="$(next_free_port "${first_port}")" || die "no free TCP port in ${first_port}-${PG_LAST_PORT}"
    log "starting PostgreSQL on 127.0.0.1:${port} (attempt ${attempt}, timeout ${PG_START_TIMEOUT}s, log ${PG_LOG})"
    PG_STARTED=1
    if as_pg "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -l "${PG_LOG}" -o "-p ${port}" -w -t "${PG_START_TIMEOUT}" start >/dev/null 2>&1; then
      break
    fi
    as_pg "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
    PG_STARTED=0
    if grep -q 'Address already in use' "${PG_LOG}" 2>/dev/null; then
      log "port ${port} was taken meanwhile; trying the next one"
      first_port=$((port + 1))
      continue
    fi
    die "PostgreSQL failed to start (pg_ctl gave up or waited ${PG_START_TIMEOUT}s); its log follows"
  done
  ((PG_STARTED)) || die "PostgreSQL did not start: ports kept being taken (${attempt} attempts)"

  local waited=0
  until as_pg "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "${port}" -U "${PG_OS_USER}" -d postgres; do
    ((waited < PG_START_TIMEOUT)) || die "pg_isready still failing after ${PG_START_TIMEOUT}s"
    sleep 1
    waited=$((waited + 1))
  done

  local password
  password="$(random_password)"
  [[ ${#password} -ge 16 ]] || die "could not generate a password"
  # As the superuser over the unix socket (peer authentication). The password is alphanumeric and
  # goes through stdin, not argv.
  as_pg "${PG_BIN}/psql" -X -q -v ON_ERROR_STOP=1 -h "${sock}" -p "${port}" -U "${PG_OS_USER}" -d postgres >/dev/null <<SQL
CREATE ROLE ${DB_USER} LOGIN PASSWORD '${password}';
CREATE DATABASE ${DB_NAME} OWNER ${DB_USER} ENCODING 'UTF8' TEMPLATE template0;
\\connect ${DB_NAME}
ALTER SCHEMA public OWNER TO ${DB_USER};
SQL

  local envfile="${PG_DIR}/env.sh"
  {
    printf 'export CI_PG_DIR=%q\n' "${PG_DIR}"
    printf 'export CI_PG_JDBC_URL=%q\n' "jdbc:postgresql://127.0.0.1:${port}/${DB_NAME}"
    printf 'export PGHOST=127.0.0.1\n'
    printf 'export PGPORT=%q\n' "${port}"
    printf 'export PGDATABASE=%q\n' "${DB_NAME}"
    printf 'export PGUSER=%q\n' "${DB_USER}"
    printf 'export PGPASSWORD=%q\n' "${password}"
  } >"${envfile}"
  chmod 600 "${envfile}"

  trap - EXIT
  log "ready: postgresql://${DB_USER}@127.0.0.1:${port}/${DB_NAME} (folder ${PG_DIR}; stop with: .ci/postgres.sh stop ${PG_DIR})"
  cat "${envfile}"
}

cmd_stop() {
  resolve_pg_bin
  local dir="${1:-${CI_PG_DIR:-}}"
  [[ -n "${dir}" ]] || die "usage: $0 stop DIR (or set CI_PG_DIR)"
  # Only ever remove a folder this script made.
  [[ "$(basename "${dir}")" == "${DIR_PREFIX}"* ]] || die "refusing to remove ${dir}: not a ${DIR_PREFIX}* folder"
  if [[ ! -d "${dir}" ]]; then
    log "${dir} does not exist: nothing to stop"
    return 0
  fi
  if [[ -f "${dir}/data/postmaster.pid" ]]; then
    log "stopping PostgreSQL in ${dir}"
    as_pg "${PG_BIN}/pg_ctl" -D "${dir}/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "${PG_BIN}/pg_ctl" -D "${dir}/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
      || { show_log_tail "${dir}/postgres.log"; die "could not stop the cluster in ${dir}"; }
  fi
  rm -rf "${dir}"
  log "removed ${dir}"
}

cmd_createdb() {
  resolve_pg_bin
  local name="${1:-}" dir="${2:-${CI_PG_DIR:-}}"
  [[ "${name}" =~ ^[a-z][a-z0-9_]{0,62}$ ]] || die "usage: $0 createdb NAME [DIR] (NAME: a-z, 0-9, _)"
  [[ -n "${dir}" && -f "${dir}/env.sh" ]] || die "no cluster: give DIR (or set CI_PG_DIR) of a started one"
  local port
  port="$(sed -n 's/^export PGPORT=//p' "${dir}/env.sh")"
  # As the superuser over the unix socket; -U because the caller's environment may name another role (PGUSER).
  as_pg "${PG_BIN}/psql" -X -q -v ON_ERROR_STOP=1 -h "${dir}/socket" -p "${port}" -U "${PG_OS_USER}" -d postgres >/dev/null <<SQL
CREATE DATABASE ${name} OWNER ${DB_USER} ENCODING 'UTF8' TEMPLATE template0;
\\connect ${name}
ALTER SCHEMA public OWNER TO ${DB_USER};
SQL
  log "created database ${name} (owner ${DB_USER}) in ${dir}"
  echo "jdbc:postgresql://127.0.0.1:${port}/${name}"
}

# The server of a started cluster, stopped and started again with its data kept: an outage of the database.
cmd_down() {
  resolve_pg_bin
  local dir="${1:-${CI_PG_DIR:-}}"
  [[ -n "${dir}" && -f "${dir}/env.sh" ]] || die "no cluster: give DIR (or set CI_PG_DIR) of a started one"
  as_pg "${PG_BIN}/pg_ctl" -D "${dir}/data" -m fast -w -t 30 stop >/dev/null \
    || { show_log_tail "${dir}/postgres.log"; die "could not stop the server in ${dir}"; }
  log "stopped the server in ${dir} (data kept; start it with: $0 up ${dir})"
}

cmd_up() {
  resolve_pg_bin
  local dir="${1:-${CI_PG_DIR:-}}" port
  [[ -n "${dir}" && -f "${dir}/env.sh" ]] || die "no cluster: give DIR (or set CI_PG_DIR) of a started one"
  port="$(sed -n 's/^export PGPORT=//p' "${dir}/env.sh")"
  as_pg "${PG_BIN}/pg_ctl" -D "${dir}/data" -l "${dir}/postgres.log" -o "-p ${port}" -w -t "${PG_START_TIMEOUT}" start >/dev/null \
    || { show_log_tail "${dir}/postgres.log"; die "could not start the server in ${dir} on port ${port}"; }
  log "started the server in ${dir} on 127.0.0.1:${port}"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) shift; cmd_stop "$@" ;;
  createdb) shift; cmd_createdb "$@" ;;
  down) shift; cmd_down "$@" ;;
  up) shift; cmd_up "$@" ;;
  *) echo "usage: $0 start|stop [DIR]|createdb NAME [DIR]|down [DIR]|up [DIR]" >&2; exit 2 ;;
esac
