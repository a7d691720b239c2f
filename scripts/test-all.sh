#!/usr/bin/env bash
# The whole test suite (`npm test`): typecheck, lint, unit tests, production build, then the
# browser tests: those that exercise WebGPU (tagged `webgpu`) in Chromium with its software
# WebGPU adapter, then all of them in Chromium without one. The slow convergence checks are
# `npm run test:slow` (scripts/test-slow.sh), not part of this suite.
# Stops at the first failure. Needs the system Chromium (Debian/Ubuntu package `chromium`).
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${FLOWLAB_CHROMIUM:-/usr/bin/chromium}"
INSTALL_CMD="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"

if [[ ! -x "$CHROMIUM" ]]; then
  if [[ "$(id -u)" -eq 0 ]]; then
    echo "Chromium not found at $CHROMIUM; installing it: $INSTALL_CMD"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  else
    echo "Chromium not found at $CHROMIUM. Install it as root, then rerun:" >&2
    echo "  sudo sh -c '$INSTALL_CMD'" >&2
    exit 1
  fi
fi

suite_start=$SECONDS
step() {
  local name="$1"
  shift
  local start=$SECONDS
  echo
  echo "▶ $name"
  "$@"
  echo "✔ $name ($((SECONDS - start)) s)"
}

# Typecheck and lint are single-threaded: run them side by side on two cores.
static_checks() {
  local lint_log status=0
  lint_log="$(mktemp)"
  npm run --silent lint >"$lint_log" 2>&1 &
  local lint_pid=$!
  npm run --silent typecheck || status=$?
  wait "$lint_pid" || status=$?
  cat "$lint_log"
  rm -f "$lint_log"
  return "$status"
}

step "typecheck and lint" static_checks
step "unit tests" npx vitest run
step "production build" npx vite build --logLevel warn
step "browser tests, WebGPU on (tests tagged webgpu)" env FLOWLAB_WEBGPU=on npx vitest run -c vitest.e2e.config.ts --tags-filter=webgpu
step "browser tests, WebGPU off" env FLOWLAB_WEBGPU=off npx vitest run -c vitest.e2e.config.ts

echo
echo "All tests passed in $((SECONDS - suite_start)) s."
