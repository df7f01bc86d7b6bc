# Installs the tools the CI checks and the battery need (sourced, not run; .ci/run and bench/battery.sh):
#
#   source .ci/tools.sh
#   apt_install sqlmap                         # Debian packages (as root; otherwise says what is missing)
#   npm_install_pinned DIR NAME@VERSION...     # exact npm versions into a cache folder outside the repo
#   tools_cache                                # that cache folder: DIRECTORY_CI_CACHE, else ~/.cache/directory-ci

tools_cache() { echo "${DIRECTORY_CI_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/directory-ci}"; }

APT_UPDATED=0
apt_install() {
  if [[ ${EUID} -ne 0 ]]; then
    echo "missing: $* (install them, or run as root so that .ci/run can apt-get install them)" >&2
    return 1
  fi
  if ((APT_UPDATED == 0)); then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# Debian's bundle of the system's CAs (package ca-certificates), which Node does not read unless told to.
SYSTEM_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt

# npm-installs exact versions into a cache folder outside the repo unless it already holds them (its
# .installed marker names them), trying three times, then checks each installed version. Arguments: DIR NAME@VERSION...
npm_install_pinned() {
  local dir=$1
  shift
  local marker="${dir}/.installed" spec
  if [[ -f "${marker}" && "$(cat "${marker}")" == "$*" ]]; then
    echo "already installed in ${dir}"
  else
    mkdir -p "${dir}"
    rm -f "${marker}"
    # The registry was unreachable for some minutes in CI runs of 2026-12-03 ("self-signed certificate in certificate
    # chain": a proxy on the way whose CA is in the system's bundle, which Node does not read unless told to, and a
    # clean environment does not tell it): Node is given the system's CAs too, and the install is tried again.
    local attempt
    for attempt in 1 2 3; do
      NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-${SYSTEM_CA_BUNDLE}}" \
        npm install --no-audit --no-fund --save-exact --prefix "${dir}" "$@" && break
      echo "npm install failed (attempt ${attempt} of 3)" >&2
      if ((attempt < 3)); then sleep $((attempt * 30)); fi
    done
    printf '%s' "$*" >"${marker}"
  fi
  for spec in "$@"; do
    local name="${spec%@*}" want="${spec##*@}" have
    have="$(node -p "require('${dir}/node_modules/${name}/package.json').version" 2>/dev/null || echo none)"
    [[ "${have}" == "${want}" ]] || { echo "${name}: installed ${have}, expected ${want}" >&2; rm -f "${marker}"; return 1; }
    echo "${name} ${have}"
  done
}

