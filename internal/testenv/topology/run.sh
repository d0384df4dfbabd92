#!/usr/bin/env bash
# Runs a chosen subset of the e2e suites on a production-shaped topology that this script
# builds from Debian's real parts and tears down afterwards:
#   pgbouncer      PgBouncer in transaction pooling in front of the shared PostgreSQL
#   replica        a private primary with a streaming hot standby; series/summaries read there
#   redis-cluster  a 3-master Redis Cluster instead of the single Redis
# Usage: internal/testenv/topology/run.sh <topology> [extra jest args]
# Needs: pgbouncer (apt), PostgreSQL server binaries, redis-server and redis-cli. Nothing is skipped:
# a missing part fails the run.
set -euo pipefail
topology="${1:?usage: run.sh pgbouncer|replica|redis-cluster [jest args]}"
shift
cd "$(dirname "$0")/../../.."
work="$(mktemp -d /tmp/pa-topology-XXXXXX)"
chmod 755 "$work"
cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c" || true; done; rm -rf "$work"' EXIT

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
wait_for() { for _ in $(seq 1 100); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "FATAL: $* never answered" >&2; return 1; }

# Suites each topology runs: those whose behaviour the topology can change.
case "$topology" in
  pgbouncer)
    suites=(e2e/ingest/trickle.e2e.ts e2e/ingest/upload.e2e.ts e2e/ingest/restCompat.e2e.ts e2e/metrics e2e/isolation/crossTenant.e2e.ts e2e/alerts/alerts.e2e.ts e2e/identity/authFlow.e2e.ts e2e/platform/tenantDb.e2e.ts)
    command -v pgbouncer >/dev/null || { echo "FATAL: pgbouncer is not installed (apt-get install pgbouncer)" >&2; exit 1; }
    port="$(free_port)"
    cat >"$work/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=5432
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $work/userlist.txt
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 20
ignore_startup_parameters = extra_float_digits
logfile = $work/pgbouncer.log
pidfile = $work/pgbouncer.pid
INI
    echo '"postgres" ""' >"$work/userlist.txt"
    chown -R postgres "$work" 2>/dev/null || true
    as_postgres pgbouncer -d "$work/pgbouncer.ini"
    cleanup+=("kill \$(cat $work/pgbouncer.pid)")
    export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
    wait_for psql "$DATABASE_URL" -Atc 'SELECT 1'
    ;;
  replica)
    suites=(e2e/metrics/read.e2e.ts e2e/live/livePoints.e2e.ts e2e/ingest/trickle.e2e.ts e2e/dashboard/collectorPage.e2e.ts)
    bin="$(pg_bin)"
    primary="$(free_port)"
    standby="$(free_port)"
    chown postgres "$work"
    as_postgres "$bin/initdb" -D "$work/primary" -U postgres --auth=trust --encoding=UTF8 --no-sync >/dev/null
    echo "host replication all 127.0.0.1/32 trust" >>"$work/primary/pg_hba.conf"
    opts="-c listen_addresses=127.0.0.1 -k $work -c fsync=off -c max_connections=300 -c wal_level=replica"
    as_postgres "$bin/pg_ctl" -D "$work/primary" -o "-p $primary $opts" -l "$work/primary.log" -w start >/dev/null
    cleanup+=("as_postgres $bin/pg_ctl -D $work/primary -m immediate stop")
    as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary" -U postgres -D "$work/standby" -R -X stream
    as_postgres "$bin/pg_ctl" -D "$work/standby" -o "-p $standby $opts -c hot_standby=on" -l "$work/standby.log" -w start >/dev/null
    cleanup=("as_postgres $bin/pg_ctl -D $work/standby -m immediate stop" "${cleanup[@]}")
    export DATABASE_URL="postgres://postgres@127.0.0.1:$primary/postgres"
    export DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:$standby/postgres"
    [ "$(psql "$DATABASE_REPLICA_URL" -Atc 'SELECT pg_is_in_recovery()')" = t ] || { echo "FATAL: the standby is not in recovery" >&2; exit 1; }
    ;;
  redis-cluster)
    suites=(platform/test/pubSubContract.e2e.ts e2e/live/livePoints.e2e.ts e2e/live/liveReplicas.e2e.ts e2e/ingest/trickle.e2e.ts e2e/security/rateLimits.e2e.ts e2e/alerts/alerts.e2e.ts)
    nodes=()
    for _ in 1 2 3; do
      p="$(free_port)"
      mkdir -p "$work/$p"
      redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "$work/$p/nodes.conf" \
        --dir "$work/$p" --save "" --appendonly no --daemonize yes --pidfile "$work/$p/pid" --logfile "$work/$p/log"
      cleanup+=("redis-cli -p $p shutdown nosave")
      wait_for redis-cli -p "$p" ping
      nodes+=("127.0.0.1:$p")
    done
    redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >/dev/null
    wait_for sh -c "redis-cli -p ${nodes[0]##*:} cluster info | grep -q cluster_state:ok"
    export REDIS_URL="redis://${nodes[0]}" REDIS_CLUSTER=true
    ;;
  *)
    echo "unknown topology: $topology" >&2
    exit 2
    ;;
esac

echo "topology $topology: DATABASE_URL=${DATABASE_URL:-default} DATABASE_REPLICA_URL=${DATABASE_REPLICA_URL:-none} REDIS_URL=${REDIS_URL:-default} REDIS_CLUSTER=${REDIS_CLUSTER:-false}"
npx jest "$@" "${suites[@]}"
