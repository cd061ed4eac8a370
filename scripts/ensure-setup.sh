#!/usr/bin/env bash
# Before `npm start` on a fresh clone: installs the npm packages and Debian's Chromium
# when they are missing, so the README's run command works on its own.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x node_modules/.bin/wxt || ! -d node_modules/playwright-core ]]; then
  npm ci
fi
if [[ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then
  bash scripts/install-browsers.sh
fi
