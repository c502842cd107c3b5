#!/usr/bin/env bash
# Debian packages the scripts need, installed only when missing (needs root for apt-get).
# Usage: source scripts/lib/packages.sh; knovvu_ensure_packages LOG_PREFIX PACKAGE...

knovvu_ensure_packages() {
  local prefix="$1" p missing=()
  shift
  for p in "$@"; do
    [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  echo "[$prefix] installing ${missing[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
