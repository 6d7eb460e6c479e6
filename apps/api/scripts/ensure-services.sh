#!/usr/bin/env bash
# Starts the local MariaDB and Redis when they are installed here but not running, and makes the
# repository's .env (a random JWT_SECRET) on first use. Servers elsewhere are left to the app,
# which names any it cannot reach.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() {
  for _ in $(seq 1 60); do listening "$1" && return 0; sleep 0.5; done
  return 1
}

if ! listening 3306 && [ -x /usr/sbin/mariadbd ]; then
  echo "folio: starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  wait_for 3306 || { echo "folio: MariaDB did not start on 127.0.0.1:3306" >&2; exit 1; }
fi
# Some installs let root in through the socket only, and Folio's default DATABASE_URL connects as
# root over TCP. Changing how a database user logs in is the person's decision, so this only says
# what to run.
database_url_set() {
  [ -n "${DATABASE_URL:-}" ] || { [ -f "$root/.env" ] && grep -q '^DATABASE_URL=' "$root/.env"; }
}
if ! database_url_set && listening 3306 && command -v mariadb >/dev/null \
  && ! mariadb -h127.0.0.1 -uroot -e 'SELECT 1' >/dev/null 2>&1; then
  cat >&2 <<'MSG'
folio: MariaDB on 127.0.0.1:3306 does not let root in over TCP without a password, which the
default DATABASE_URL (mysql://root@127.0.0.1:3306/folio) needs. Either give Folio its own user and
put its URL in .env:
  sudo mariadb -e "CREATE USER 'folio'@'localhost' IDENTIFIED BY 'a-password'; GRANT ALL ON folio.* TO 'folio'@'localhost'"
  echo 'DATABASE_URL=mysql://folio:a-password@127.0.0.1:3306/folio' >> .env
or, on a development machine only, let root in over TCP without a password as well:
  sudo mariadb -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')"
MSG
  exit 1
fi

# Search needs MariaDB's Mroonga storage engine (Debian's mariadb-plugin-mroonga). On this
# machine's MariaDB, installed when missing (as root, through apt) and enabled once; a server
# elsewhere is the app's to check (it names what is missing at start-up).
mroonga_active() {
  [ "$(mariadb -h127.0.0.1 -uroot -N -e "SELECT SUPPORT FROM information_schema.ENGINES WHERE ENGINE = 'Mroonga'" 2>/dev/null)" = YES ]
}
mroonga_fail() {
  echo "folio: search needs MariaDB's Mroonga plugin ($1): as root, apt-get install mariadb-plugin-mroonga, then mariadb -e \"INSTALL SONAME 'ha_mroonga'\"" >&2
  exit 1
}
if ! database_url_set && listening 3306 && command -v mariadb >/dev/null && ! mroonga_active; then
  plugin_dir="$(mariadb -h127.0.0.1 -uroot -N -e 'SELECT @@plugin_dir')"
  if [ ! -f "$plugin_dir/ha_mroonga.so" ]; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || mroonga_fail "ha_mroonga.so is not in $plugin_dir"
    echo "folio: installing mariadb-plugin-mroonga (full-text search)"
    export DEBIAN_FRONTEND=noninteractive
    # Its post-install step looks for /etc/mysql/debian.cnf, which a MariaDB set up without the
    # Debian maintenance user lacks; the plugin file is in place all the same.
    apt_install() { apt-get install -y -q mariadb-plugin-mroonga </dev/null >/dev/null 2>&1 || true; }
    apt_install
    if [ ! -f "$plugin_dir/ha_mroonga.so" ]; then
      apt-get update -q </dev/null >/dev/null 2>&1 || true
      apt_install
    fi
    [ -f "$plugin_dir/ha_mroonga.so" ] || mroonga_fail "apt-get could not install mariadb-plugin-mroonga"
  fi
  # The package may have enabled it already; INSTALL SONAME fails when it is.
  mroonga_active || mariadb -h127.0.0.1 -uroot -e "INSTALL SONAME 'ha_mroonga'" >/dev/null 2>&1 || true
  mroonga_active || mroonga_fail "INSTALL SONAME 'ha_mroonga' did not enable it"
  echo "folio: MariaDB's Mroonga engine is enabled (full-text search)"
fi

if ! listening 6379 && command -v redis-server >/dev/null; then
  echo "folio: starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  wait_for 6379 || { echo "folio: Redis did not start on 127.0.0.1:6379" >&2; exit 1; }
fi

if [ ! -f "$root/.env" ] && [ -z "${JWT_SECRET:-}" ]; then
  secret="$(node -e "process.stdout.write(require('crypto').randomBytes(48).toString('base64url'))")"
  printf '# Made by pnpm start on first run; keep it out of git.\nJWT_SECRET=%s\n' "$secret" >"$root/.env"
  echo "folio: wrote a new JWT_SECRET to .env"
fi
