#!/usr/bin/env bash
# Installs what the start and test commands need when it is missing: pnpm (pinned), the
# workspace dependencies, and Debian's Chromium (test tools cannot download their own here).
# Sourced by scripts/start.sh and scripts/test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PNPM_VERSION=10.34.9 # keep equal to package.json "packageManager"
export DEBIAN_FRONTEND=noninteractive
# npm trusts this machine's registry CA through its cafile; Node needs it too.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install -g --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null
fi

if ! [ -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium"
  as_root apt-get -o DPkg::Lock::Timeout=300 update -q >/dev/null
  as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q chromium >/dev/null
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile --reporter=silent
else
  pnpm install --reporter=silent
fi
