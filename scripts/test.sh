#!/usr/bin/env bash
# Runs every test: build, type-check, then each package's suite (unit, components, stories in
# Chromium, emulator, server on PGlite and Postgres, end-to-end). Always ends with one line
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

if ! bash scripts/setup.sh; then
  echo "setup failed: see above"
  echo "0 passed, 1 failed"
  exit 1
fi
# The server's suites also run against a real Postgres (started and stopped by their setup).
bash scripts/postgres.sh install

# Build, type-check, lint and format are checks too: each one that fails counts as a failed
# test in the closing line (sum-test-results.mjs reads CHECK_FAILURES).
status=0
export CHECK_FAILURES=0
step() {
  echo "== $*"
  if ! "$@"; then
    status=1
    CHECK_FAILURES=$((CHECK_FAILURES + 1))
    echo "== FAILED: $*"
  fi
}

step pnpm -r build
step pnpm -r typecheck
step pnpm lint
step pnpm format:check
# publint and arethetypeswrong over each published package, as packed.
step pnpm -r --if-present check:package

rm -f packages/*/test-results.json apps/*/test-results.json e2e/test-results.json
pnpm -r --workspace-concurrency=1 --no-bail test || status=1

node scripts/sum-test-results.mjs || status=1
exit "$status"
