#!/usr/bin/env bash
# Real services for the test suite, all on 127.0.0.1 inside one temp folder, no Docker:
# a private PostgreSQL cluster, OpenStack Swift with s3api (S3) and librdkafka's mock Kafka cluster.
#
# Library:  source scripts/services.sh; services_up DIR; ...; services_down DIR
#           (services_up also exports the KNOVVU_TEST_* variables into the calling shell)
# CLI:      scripts/services.sh up [DIR]   -> prints the path of DIR/env.sh, leaves services running
#           scripts/services.sh down DIR
# Env:      KNOVVU_PG_DURABLE=1 keeps PostgreSQL's durability defaults (for benchmarks).
# Needs root (apt-get, runuser). The start-up work runs in a child bash under `set -euo pipefail`,
# whatever the caller's shell options; a failed start stops what it had started.

_KNOVVU_SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
_KNOVVU_REPO_ROOT="$(cd "$(dirname "$_KNOVVU_SCRIPT")/.." && pwd)"
# No librdkafka: the Kafka mock and every .NET process use librdkafka.redist's own library (docs/kafka.md).
# chromium: not a service, but the browser the operator page's test drives headless (tests/Deployment.Tests).
_KNOVVU_PACKAGES=(postgresql swift-proxy swift-object swift-container swift-account chromium)
_KNOVVU_MARKER=".knovvu-services"
# shellcheck source=scripts/lib/packages.sh
source "$_KNOVVU_REPO_ROOT/scripts/lib/packages.sh"

_svc_log() { echo "[services] $*" >&2; }

# Prints N distinct free loopback ports (all sockets held open together so they differ).
_svc_free_ports() {
  python3 - "$1" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks: s.close()
PY
}

_svc_pg_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -x "$d/pg_ctl" ]] || { _svc_log "PostgreSQL server binaries not found"; return 1; }
  echo "$d"
}

# Polls CMD until it succeeds; fails (printing the logs) on timeout or when a watched pid dies.
# Usage: _svc_wait WHAT TIMEOUT CMD "PIDS" LOG...
_svc_wait() {
  local what="$1" timeout="$2" cmd="$3" pids="$4"; shift 4
  local deadline=$((SECONDS + timeout)) f pid why=""
  until eval "$cmd" >/dev/null 2>&1; do
    for pid in $pids; do kill -0 "$pid" 2>/dev/null || why="process $pid exited"; done
    ((SECONDS >= deadline)) && why="not ready after ${timeout}s"
    if [[ -n "$why" ]]; then
      _svc_log "$what: $why; logs:"
      for f in "$@"; do [[ -f "$f" ]] && { echo "----- $f" >&2; tail -n 60 "$f" >&2; }; done
      return 1
    fi
    sleep 0.2
  done
}

_svc_start_postgres() {
  local dir="$1" port="$2" bin="$3"
  local root="$dir/pg"
  mkdir -p "$root"
  chown postgres: "$root"
  chmod 700 "$root"
  runuser -u postgres -- test -w "$root" || {
    _svc_log "user postgres cannot reach $root (a parent folder is not traversable)"; return 1; }
  # cd: runuser keeps root's cwd, which postgres may not be allowed to read.
  (cd "$root" && runuser -u postgres -- "$bin/initdb" -D "$root/data" -U postgres --auth=trust \
    -E UTF8 --locale=C --no-sync --no-instructions >"$root/initdb.log" 2>&1) || {
    cat "$root/initdb.log" >&2; return 1; }
  {
    echo "# knovvu test cluster"
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '$root'"
    echo "max_connections = 300"
    # Statement counts per database: the benchmarks report PostgreSQL round trips per conversation from it.
    echo "shared_preload_libraries = 'pg_stat_statements'"
    if [[ "${KNOVVU_PG_DURABLE:-0}" != 1 ]]; then
      # Throw-away data: durability costs time and buys nothing in tests.
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >>"$root/data/postgresql.conf"
  (cd "$root" && runuser -u postgres -- "$bin/pg_ctl" -D "$root/data" -l "$root/postgres.log" -w -t 60 start \
    >"$root/pg_ctl.log" 2>&1) || { cat "$root/pg_ctl.log" "$root/postgres.log" >&2; return 1; }
  _svc_wait PostgreSQL 30 "'$bin/pg_isready' -q -h 127.0.0.1 -p $port -U postgres" "" "$root/postgres.log"
  "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
}

_svc_write_swift_conf() {
  local etc="$1" data="$2" cache="$3" name="$4" port="$5" app="$6" pipeline="$7" app_extra="${8:-}"
  cat >"$etc/$name-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $port
workers = 0
user = root
swift_dir = $etc
devices = $data
mount_check = false
disable_fallocate = true
recon_cache_path = $cache
log_name = $name-server

[pipeline:main]
pipeline = $pipeline

[app:$name-server]
use = egg:swift#$app
$app_extra

[filter:healthcheck]
use = egg:swift#healthcheck
EOF
}

_svc_start_swift() {
  local dir="$1" acc="$2" con="$3" obj="$4" proxy="$5"
  local root="$dir/swift" etc="$dir/swift/etc" data="$dir/swift/data" cache="$dir/swift/cache"
  mkdir -p "$etc" "$data/d1" "$cache"

  cat >"$etc/swift.conf" <<EOF
[swift-hash]
swift_hash_path_prefix = knovvu-test
swift_hash_path_suffix = knovvu-test

[storage-policy:0]
name = Policy-0
default = yes
EOF
  _svc_write_swift_conf "$etc" "$data" "$cache" account "$acc" account "healthcheck account-server"
  _svc_write_swift_conf "$etc" "$data" "$cache" container "$con" container "healthcheck container-server"
  _svc_write_swift_conf "$etc" "$data" "$cache" object "$obj" object "healthcheck object-server"
  _svc_write_swift_conf "$etc" "$data" "$cache" proxy "$proxy" proxy \
    "catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server" \
    "account_autocreate = true"
  # S3 endpoint: s3api + tempauth (access key test:tester, secret testing). The memcache filter
  # stays because tempauth needs swift.cache; no memcached runs (Swift then just skips caching).
  cat >>"$etc/proxy-server.conf" <<'EOF'

[filter:s3api]
use = egg:swift#s3api
location = us-east-1
allow_multipart_uploads = true

[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:proxy-logging]
use = egg:swift#proxy_logging

[filter:cache]
use = egg:swift#memcache
# Silences "memcached refused" errors logged on every request.
log_level = CRITICAL

[filter:listing_formats]
use = egg:swift#listing_formats

[filter:copy]
use = egg:swift#copy

[filter:slo]
use = egg:swift#slo

[filter:dlo]
use = egg:swift#dlo
EOF

  # Rings (one device each) built in one process: nine swift-ring-builder calls cost about 4 s.
  # Debian's interpreter on purpose: the swift modules live there, not in any other python3 on PATH.
  /usr/bin/python3 - "$etc" "$acc" "$con" "$obj" >"$root/rings.log" 2>&1 <<'PY' || { cat "$root/rings.log" >&2; return 1; }
import os, sys
from swift.common.ring import RingBuilder
etc = sys.argv[1]
for kind, port in zip(("account", "container", "object"), sys.argv[2:5]):
    b = RingBuilder(10, 1, 1)  # 2^10 partitions, 1 replica, min_part_hours 1
    b.add_dev({"region": 1, "zone": 1, "ip": "127.0.0.1", "port": int(port), "device": "d1", "weight": 100})
    b.rebalance()
    b.get_ring().save(os.path.join(etc, kind + ".ring.gz"))
PY

  # -v: Swift logs to syslog, which does not run here; -v copies the log to stdout (our log file).
  local kind
  for kind in account container object proxy; do
    "swift-$kind-server" "$etc/$kind-server.conf" -v </dev/null >"$root/$kind.log" 2>&1 &
    echo "swift-$kind $!" >>"$dir/pids"
  done
}

_svc_wait_swift() {
  local dir="$1"; shift
  local root="$dir/swift" port pids
  local logs=("$root/account.log" "$root/container.log" "$root/object.log" "$root/proxy.log")
  pids="$(awk '/^swift-/ {print $2}' "$dir/pids")"
  for port in "$@"; do
    _svc_wait "Swift (port $port)" 60 \
      "[[ \"\$(curl -fsS --max-time 2 http://127.0.0.1:$port/healthcheck)\" == OK ]]" "$pids" "${logs[@]}"
  done
}

_svc_start_kafka() {
  local dir="$1"
  local root="$dir/kafka"
  mkdir -p "$root"
  dotnet build "$_KNOVVU_REPO_ROOT/tests/KafkaMockHost/KafkaMockHost.csproj" -c Release \
    -o "$dir/kafka-mock-bin" --nologo -v quiet >"$root/build.log" 2>&1 || {
    cat "$root/build.log" >&2; return 1; }
  "$dir/kafka-mock-bin/KnovvuOrleans.KafkaMockHost" --ready-file "$root/bootstrap" \
    </dev/null >"$root/kafka-mock.log" 2>&1 &
  echo "kafka-mock $!" >>"$dir/pids"
  _svc_wait "Kafka mock" 60 "[[ -s '$root/bootstrap' ]]" "$!" "$root/kafka-mock.log"
}

# Runs in its own bash process (see services_up) under set -euo pipefail.
_svc_up() {
  local dir="$1"
  [[ "$(id -u)" == 0 ]] || { _svc_log "must run as root (apt-get, runuser)"; return 1; }
  knovvu_ensure_packages services "${_KNOVVU_PACKAGES[@]}"
  # Traversable (not readable) by the postgres user, which owns DIR/pg.
  chmod 711 "$dir"
  : >"$dir/pids"

  local bin pg acc con obj proxy
  bin="$(_svc_pg_bin)"
  read -r pg acc con obj proxy <<<"$(_svc_free_ports 5)"

  # Swift boots slowest (python imports), so it starts first and is awaited last.
  local t0=$SECONDS kafka
  _svc_start_swift "$dir" "$acc" "$con" "$obj" "$proxy"
  _svc_start_postgres "$dir" "$pg" "$bin"
  _svc_log "PostgreSQL on 127.0.0.1:$pg (+$((SECONDS - t0))s)"
  _svc_start_kafka "$dir"
  kafka="$(tr -d '[:space:]' <"$dir/kafka/bootstrap")"
  _svc_log "Kafka mock on $kafka, $(grep -m 1 -o 'librdkafka [0-9.]*' "$dir/kafka/kafka-mock.log" || echo 'librdkafka version not logged') (+$((SECONDS - t0))s)"
  _svc_wait_swift "$dir" "$acc" "$con" "$obj" "$proxy"
  _svc_log "Swift S3 on 127.0.0.1:$proxy (+$((SECONDS - t0))s)"

  cat >"$dir/env.sh" <<EOF
# Written by scripts/services.sh; source it to reach the test services.
export KNOVVU_TEST_POSTGRES='Host=127.0.0.1;Port=$pg;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100'
export KNOVVU_TEST_PG_BIN='$bin'
export KNOVVU_TEST_PG_PORT='$pg'
export KNOVVU_TEST_S3_URL='http://127.0.0.1:$proxy'
export KNOVVU_TEST_S3_ACCESS_KEY='test:tester'
export KNOVVU_TEST_S3_SECRET_KEY='testing'
export KNOVVU_TEST_KAFKA='$kafka'
EOF
}

services_up() {
  local dir="${1:?usage: services_up DIR}"
  # DIR is deleted by services_down: never adopt a folder with someone else's files in it.
  if [[ -d "$dir" && ! -f "$dir/$_KNOVVU_MARKER" && -n "$(ls -A "$dir")" ]]; then
    _svc_log "$dir is not empty and not a services folder"
    return 1
  fi
  dir="$(mkdir -p "$dir" && cd "$dir" && pwd)"
  # A leftover run in the same folder is stopped first, so `up` can be repeated.
  [[ -f "$dir/pids" ]] && services_down "$dir"
  mkdir -p "$dir"
  touch "$dir/$_KNOVVU_MARKER"
  # A separate bash process: `set -e` would be ignored in a subshell or function used as a condition.
  if ! bash "$_KNOVVU_SCRIPT" __up "$dir"; then
    _svc_log "start failed; stopping what was started"
    services_down "$dir"
    return 1
  fi
  # shellcheck disable=SC1091
  source "$dir/env.sh"
}

# Stops everything recorded for DIR and removes DIR. Never fails.
services_down() {
  local dir="${1:-}"
  [[ -n "$dir" && -d "$dir" ]] || return 0
  (
    set +e
    dir="$(cd "$dir" && pwd)"
    bin="$(_svc_pg_bin 2>/dev/null)"
    if [[ -f "$dir/pg/data/postmaster.pid" && -n "$bin" ]]; then
      (cd "$dir/pg" && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/pg/data" -m fast -w -t 30 stop) >/dev/null 2>&1 ||
        kill -9 "$(head -n 1 "$dir/pg/data/postmaster.pid" 2>/dev/null)" 2>/dev/null
    fi
    pids=()
    if [[ -f "$dir/pids" ]]; then
      # Only pids whose command line names DIR: a recycled pid must not be hit.
      while read -r _ pid; do
        [[ "$pid" =~ ^[0-9]+$ ]] && grep -qaF "$dir" "/proc/$pid/cmdline" 2>/dev/null && pids+=("$pid")
      done <"$dir/pids"
    fi
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for _ in $(seq 50); do
      alive=0
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
      ((alive)) || break
      sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null; done
    rm -f "$dir/pids"
    # Only delete folders this script created (guards against `down /some/other/dir`).
    # Retry once: a process that is still exiting may write one last file.
    [[ -f "$dir/$_KNOVVU_MARKER" ]] && { rm -rf "$dir" 2>/dev/null || { sleep 1; rm -rf "$dir"; }; }
  ) || true
  return 0
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    up)
      dir="${2:-$(mktemp -d "${TMPDIR:-/tmp}/knovvu-services.XXXXXX")}"
      services_up "$dir"
      echo "$dir/env.sh"
      ;;
    down)
      services_down "${2:?usage: services.sh down DIR}"
      ;;
    __up) # internal, used by services_up
      _svc_up "$2"
      ;;
    *)
      echo "usage: $0 up [DIR] | down DIR" >&2
      exit 2
      ;;
  esac
fi
