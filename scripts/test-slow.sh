#!/usr/bin/env bash
# The slow convergence checks (`npm run test:slow`; `npm run bench` runs it too, CI does not):
#   tests/unit/**/*.slow.test.ts  the distillation to NLL parity (≈ 200 s), the default MAF
#                                 trained to its held-out NLL bound (≈ 60 s), on tfjs WASM in Node;
#   tests/e2e/**/*.slow.e2e.ts    the two-cycle soak in Chromium (WebGPU off).
# Each has a cheap stand-in in `npm test` (docs/contributing.md lists them).
set -euo pipefail
cd "$(dirname "$0")/.."

start=$SECONDS
echo "▶ slow unit tests"
FLOWLAB_SLOW=1 npx vitest run
if [[ "${1:-}" != "--no-build" ]]; then
  echo "▶ production build"
  npx vite build --logLevel warn
fi
echo "▶ slow browser tests (WebGPU off)"
FLOWLAB_SLOW=1 FLOWLAB_WEBGPU=off npx vitest run -c vitest.e2e.config.ts
echo "✔ slow tests passed in $((SECONDS - start)) s"
