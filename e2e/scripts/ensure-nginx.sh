#!/usr/bin/env bash
# Installs Debian's nginx when it is missing (without starting the system service), then checks
# Folio's config with `nginx -t`: nginx/nginx.conf plus nginx/templates/folio.conf.template
# rendered the way the nginx image's entrypoint does, in a temp dir so nothing under /etc changes.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
policy_rc=
cleanup() {
  rm -rf "$tmp"
  if [[ -n $policy_rc ]]; then rm -f "$policy_rc"; fi
}
trap cleanup EXIT

nginx_bin=$(command -v nginx || true)
if [[ -z $nginx_bin && -x /usr/sbin/nginx ]]; then nginx_bin=/usr/sbin/nginx; fi
if [[ -z $nginx_bin ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "nginx is not installed; run: sudo apt-get install -y nginx" >&2
    exit 1
  fi
  echo "Installing nginx from Debian..."
  # policy-rc.d answering 101 keeps the package's postinst from starting the system service.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    policy_rc=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' >"$policy_rc"
    chmod +x "$policy_rc"
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends nginx >/dev/null
  nginx_bin=/usr/sbin/nginx
fi

mkdir -p "$tmp/conf.d"
cp "$repo/nginx/nginx.conf" "$tmp/nginx.conf"
sed -e "s|\${FOLIO_LISTEN}|127.0.0.1:8080|g" \
  -e "s|\${FOLIO_SPA_ROOT}|$repo/apps/web/dist|g" \
  -e "s|\${FOLIO_API_UPSTREAM}|127.0.0.1:3000|g" \
  -e "s|\${FOLIO_EVENTS_UPSTREAM}|127.0.0.1:3000|g" \
  "$repo/nginx/templates/folio.conf.template" >"$tmp/conf.d/folio.conf"
if grep -n '\${' "$tmp/conf.d/folio.conf" >&2; then
  echo "nginx/templates/folio.conf.template uses a variable this script does not set" >&2
  exit 1
fi
for dir in client_body proxy fastcgi uwsgi scgi; do
  echo "${dir}_temp_path $tmp/$dir;" >>"$tmp/conf.d/00-temp-paths.conf"
done

# stdout to /dev/null: the config logs to /dev/stdout, which nginx cannot open on a socket.
"$nginx_bin" -t -q -p "$tmp/" -c "$tmp/nginx.conf" -e "$tmp/error.log" -g "pid $tmp/nginx.pid;" \
  >/dev/null
echo "nginx config OK ($("$nginx_bin" -v 2>&1))"
