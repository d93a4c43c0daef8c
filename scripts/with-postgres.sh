#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server: a new cluster in a
# temporary folder, on a Unix socket only, removed afterwards.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || { echo "PostgreSQL server binaries not found (apt install postgresql)" >&2; exit 1; }
workdir=$(mktemp -d /tmp/kcn-pg.XXXXXX)
port=${KCN_PG_PORT:-54329}
as_owner=()
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
  owner=postgres
  chown postgres "$workdir"
  as_owner=(runuser -u postgres --)
fi
stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap stop EXIT
"${as_owner[@]}" "$bindir/initdb" -D "$workdir/data" -U "$owner" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/log" -w \
  -o "-k $workdir -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"${as_owner[@]}" "$bindir/createdb" -h "$workdir" -p "$port" -U "$owner" kcn
export DATABASE_URL="postgres://$owner@/kcn?host=$workdir&port=$port"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $workdir:$port"
"$@"
