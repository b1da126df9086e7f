#!/usr/bin/env bash
# Starts the main job on the embedded defaults: Storybook, plus (when present) the Portal
# emulator, the server on PGlite and the playground. Prints the URLs; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/setup.sh
echo "start: building the packages"
if ! build_log=$(pnpm -r build 2>&1); then
  echo "$build_log"
  exit 1
fi
exec node scripts/start.mjs
