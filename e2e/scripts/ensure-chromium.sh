#!/usr/bin/env bash
# Playwright drives Debian's Chromium; browsers are never downloaded.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
