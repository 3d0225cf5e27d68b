#!/usr/bin/env bash
# Runs the headless-browser tests (test/browser) in Debian's Chromium driven by playwright-core.
# On CI (CI=true) a missing Chromium is installed first, without prompts; elsewhere we say how.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "Chromium not found at $CHROMIUM: installing Debian's chromium package" >&2
    SUDO=""
    if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
  else
    echo "Chromium not found at $CHROMIUM. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

mkdir -p test-results
exec npx jest -c jest.browser.config.js "$@"
