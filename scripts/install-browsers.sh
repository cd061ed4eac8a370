#!/usr/bin/env bash
# Installs the browsers the e2e tests drive (Debian's chromium and firefox-esr),
# only when one of them is missing, so that repeated runs cost nothing.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/firefox-esr ]]; then
  exit 0
fi
bash "$(dirname "$0")/apt-install.sh" chromium firefox-esr
