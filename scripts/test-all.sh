#!/usr/bin/env bash
# The whole test suite (`npm test`): typecheck, lint, unit tests, production build, then the
# browser tests: those that exercise WebGPU (tagged `webgpu`) in Chromium with its software
# WebGPU adapter, then all of them in Chromium without one. The slow convergence checks are
# `npm run test:slow` (scripts/test-slow.sh), not part of this suite.
# Stops at the first failing step. Needs the system Chromium (Debian/Ubuntu package `chromium`).
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

# The unit tests start after the build and run alongside the browser passes, which leave part
# of the two cores idle (their pages wait on shader compiles, timers and frames). They run at a
# lower priority (nice 10) so that the browser tests keep the cores they ask for, and write to
# their own log, printed at the end; a unit failure fails the suite there. Measured here:
# about 30 s less than one after the other (docs/contributing.md).
unit_log="$(mktemp)"
unit_pid=""
stop_unit_tests() {
  if [[ -n "$unit_pid" ]] && kill -0 "$unit_pid" 2>/dev/null; then
    pkill -TERM -P "$unit_pid" 2>/dev/null || true
    kill "$unit_pid" 2>/dev/null || true
  fi
  rm -f "$unit_log"
}
trap stop_unit_tests EXIT

unit_tests_in_background() {
  (
    start=$SECONDS status=0
    nice -n 10 npx vitest run >"$unit_log" 2>&1 || status=$?
    echo "(unit tests: $((SECONDS - start)) s, alongside the browser tests)" >>"$unit_log"
    exit "$status"
  ) &
  unit_pid=$!
}

wait_for_unit_tests() {
  local status=0
  wait "$unit_pid" || status=$?
  unit_pid=""
  cat "$unit_log"
  return "$status"
}

step "typecheck and lint" static_checks
step "production build" npx vite build --logLevel warn
unit_tests_in_background
step "browser tests, WebGPU on (tests tagged webgpu)" env FLOWLAB_WEBGPU=on npx vitest run -c vitest.e2e.config.ts --tags-filter=webgpu
step "browser tests, WebGPU off" env FLOWLAB_WEBGPU=off npx vitest run -c vitest.e2e.config.ts
step "unit tests (ran alongside the browser tests)" wait_for_unit_tests

echo
echo "All tests passed in $((SECONDS - suite_start)) s."
