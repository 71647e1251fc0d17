#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian packages of build-aux/packages.txt that are missing,
# and does nothing (not even apt-get update) when none is.

set -eu

list=$(dirname "$0")/packages.txt
missing=""
for pkg in $(sed -e 's/#.*//' "$list"); do
  if ! dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $pkg"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

echo "Installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "error: not root and no sudo; install as root:$missing" >&2
  exit 1
fi


$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q < /dev/null
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing < /dev/null
