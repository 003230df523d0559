#!/usr/bin/env bash
# Installs those of the given Debian packages that are missing, through
# sudo when not root. Shared by setup-deps.sh and setup-fuzz-deps.sh.
# Usage: scripts/install-missing.sh NAME PACKAGE...   (NAME prefixes messages)
set -euo pipefail
name=$1; shift
packages=("$@")

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "$name: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
echo "$name: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
