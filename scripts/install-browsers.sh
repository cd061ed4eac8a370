#!/usr/bin/env bash
# Installs the browsers the e2e tests drive (Debian's chromium and firefox-esr),
# only when one of them is missing, so that repeated runs cost nothing.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/firefox-esr ]]; then
  exit 0
fi

# Root in CI containers; sudo on a developer machine.
if [[ "$(id -u)" -eq 0 ]]; then
  SUDO=()
else
  SUDO=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update
"${SUDO[@]}" apt-get install -y chromium firefox-esr
