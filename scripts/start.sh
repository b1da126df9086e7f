#!/usr/bin/env bash
# Starts the main job on the embedded defaults: Storybook, plus (when present) the Portal
# emulator, the server on PGlite and the playground. Prints the URLs; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
pnpm -r --reporter=silent build >/dev/null
exec node scripts/start.mjs
