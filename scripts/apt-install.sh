#!/usr/bin/env bash
# Installs Debian packages: as root in CI containers, through sudo on a developer machine.
#   bash scripts/apt-install.sh PACKAGE…
set -euo pipefail

if [[ "$(id -u)" -eq 0 ]]; then
  SUDO=()
else
  SUDO=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update
"${SUDO[@]}" apt-get install -y "$@"
