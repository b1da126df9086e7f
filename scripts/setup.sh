#!/usr/bin/env bash
# Installs what the start and test commands need when it is missing: pnpm (pinned), Debian's
# Chromium (test tools cannot download their own browser here) and the workspace dependencies.
# Safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh

PNPM_VERSION=10.34.9 # keep equal to package.json "packageManager"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install -g --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null
fi

if ! [ -x "$CHROMIUM_PATH" ]; then
  echo "setup: installing Debian's chromium"
  as_root apt-get -o DPkg::Lock::Timeout=300 update -q >/dev/null
  as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q chromium >/dev/null
fi

if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile --reporter=append-only
else
  pnpm install --reporter=append-only
fi
