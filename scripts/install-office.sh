#!/usr/bin/env bash
# Installs LibreOffice Calc (Debian's package, headless) for the export tests that open
# the exported CSV and XLSX in a real spreadsheet program; only when it is missing, so
# repeated runs cost nothing.
set -euo pipefail

if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
bash "$(dirname "$0")/apt-install.sh" libreoffice-calc-nogui
