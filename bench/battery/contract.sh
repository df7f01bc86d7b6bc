#!/usr/bin/env bash
# Battery part "contract": the committed contract openapi/openapi.yaml through Spectral (spectral:oas and the OWASP
# API Security ruleset, .ci/spectral.yaml) and Redocly (recommended, .ci/redocly.yaml). Passes with 0 errors from
# both; warnings are counted and printed, and the waivers are those in the two rule files (docs/contract-lint.md
# gives each one's reason). Installs the pinned linters from npm into a cache folder outside the repo.
#
#   bench/battery/contract.sh            (BATTERY_OUT: target/battery/contract)
# Last line: battery contract: ok|FAILED spectral E errors W warnings, redocly E errors W warnings, N waivers
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/tools.sh

LINT_PACKAGES=(
  "@stoplight/spectral-cli@6.16.3"
  "@stoplight/spectral-owasp-ruleset@2.0.1"
  "@redocly/cli@2.77.0"
)
OUT=${BATTERY_OUT:-target/battery/contract}
mkdir -p "${OUT}"
LINT_DIR="$(tools_cache)/lint-tools-$(printf '%s\n' "${LINT_PACKAGES[@]}" | md5sum | cut -c1-12)"

command -v node >/dev/null && command -v npm >/dev/null || { echo "node/npm are missing (Node 20 or later)" >&2; exit 2; }
(($(node -p 'process.versions.node.split(".")[0]') >= 20)) || { echo "Node 20 or later is needed (@redocly/cli 2.x)" >&2; exit 2; }
command -v jq >/dev/null || apt_install jq
[[ -x "${LINT_DIR}/node_modules/.bin/spectral" && -x "${LINT_DIR}/node_modules/.bin/redocly" ]] || rm -f "${LINT_DIR}/.installed"
npm_install_pinned "${LINT_DIR}" "${LINT_PACKAGES[@]}"

bin="${LINT_DIR}/node_modules/.bin"
# spectral resolves "@stoplight/spectral-owasp-ruleset" (extends in .ci/spectral.yaml) through Node.
export NODE_PATH="${LINT_DIR}/node_modules${NODE_PATH:+:${NODE_PATH}}"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

echo "--- spectral lint -r .ci/spectral.yaml openapi/openapi.yaml"
"${bin}/spectral" lint -r .ci/spectral.yaml openapi/openapi.yaml || true
"${bin}/spectral" lint -q -r .ci/spectral.yaml --format json --output "${OUT}/spectral.json" openapi/openapi.yaml || true
echo "--- redocly lint --config .ci/redocly.yaml openapi/openapi.yaml"
"${bin}/redocly" lint --config .ci/redocly.yaml openapi/openapi.yaml || true
"${bin}/redocly" lint --config .ci/redocly.yaml --format json openapi/openapi.yaml >"${OUT}/redocly.json" 2>/dev/null || true

# Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
s_errors=$(jq '[.[] | select(.severity == 0)] | length' "${OUT}/spectral.json" 2>/dev/null || echo unreadable)
s_warnings=$(jq '[.[] | select(.severity == 1)] | length' "${OUT}/spectral.json" 2>/dev/null || echo unreadable)
r_errors=$(jq '.totals.errors' "${OUT}/redocly.json" 2>/dev/null || echo unreadable)
r_warnings=$(jq '.totals.warnings' "${OUT}/redocly.json" 2>/dev/null || echo unreadable)
# A waiver is a rule turned off, in the rules or in an override of one path.
waivers=$(cat .ci/spectral.yaml .ci/redocly.yaml | grep -Ev "^\s*(#|telemetry:)" | grep -Ec ": off\b" || true)

verdict=ok
[[ ${s_errors} == 0 && ${r_errors} == 0 ]] || verdict=FAILED
line="battery contract: ${verdict} spectral ${s_errors} errors ${s_warnings} warnings, redocly ${r_errors} errors ${r_warnings} warnings, ${waivers} waivers (docs/contract-lint.md)"
echo "${line}" >"${OUT}/result.txt"
echo "${line}"
[[ ${verdict} == ok ]]
