# MariaDB with the Mroonga storage engine: Folio's full-text search index (the blog_search table
# its migrations make) is a Mroonga table. The stock image has MariaDB's apt repository, which
# carries the engine as mariadb-plugin-mroonga. Its post-install step tries to reach a running
# server, which there is none of while the image builds: the plugin file is checked instead, and
# the server loads it at start (compose.yml, --plugin-load-add).
FROM mariadb:11
RUN apt-get update \
 && (DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mariadb-plugin-mroonga || true) \
 && find / -xdev -name ha_mroonga.so -path '*plugin*' | grep -q . \
 && rm -rf /var/lib/apt/lists/*
