# Sourced by the browser checks (.ci/swagger-ui-check.sh, .ci/embed-check.sh): what they need to drive Chromium.
# Exports CHROMIUM (default /usr/bin/chromium); fails with a hint when node, Chromium or playwright-core is missing.
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
command -v node >/dev/null || { echo "node is missing (Node 20 or later)" >&2; exit 1; }
[[ -x ${CHROMIUM} ]] || { echo "no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)" >&2; exit 1; }
node -e "require.resolve('playwright-core')" 2>/dev/null || {
  echo "playwright-core is not found: npm install --prefix DIR playwright-core, then NODE_PATH=DIR/node_modules $0" >&2
  exit 1
}
