#!/usr/bin/env bash
# Runs the benchmarks on a private PostgreSQL with its durability defaults (fsync and synchronous commit on):
# the Orleans cluster's (bench/Cluster.Bench: grain calls on one silo and across two, and their ratio; state writes
# through [PersistentState] on the product's storage, beside pgbench's simple-update on the same server in the same
# run, so that figure can be read as a ratio of what this PostgreSQL does on this machine; failover of real silo
# processes of src/Silo killed with kill -9 or frozen with SIGSTOP; the RSS of a silo process per idle conversation
# activation), VA -> Knovvu Analytics end to end, the Data Feeder (beside a raw Kafka producer on the same broker), both
# on one silo and on two (scaling), the daily reports (beside zipping in memory) and the Genesys call import (beside the
# same fetches and S3 puts without the cluster).
# Prints one JSON line per figure and keeps them in bench/results/.
#   scripts/bench.sh [calls|state-write|failover-kill9|failover-sigstop|idle-memory ...] [Section:Key=value ...]
#     (cluster figures only; the settings go to the failover's silos and client, e.g. Cluster:ClientResponseTimeout=00:00:05)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/services.sh
source scripts/services.sh

svc_dir="$(mktemp -d "${TMPDIR:-/tmp}/knovvu-bench.XXXXXX")"
trap 'services_down "$svc_dir"' EXIT
KNOVVU_PG_DURABLE=1 services_up "$svc_dir"

mkdir -p bench/results
out="bench/results/bench-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
# The failover bench starts the Release build of the silo host.
for project in bench/Cluster.Bench src/Silo; do dotnet build "$project" -c Release -v q -nologo >&2; done
for bench in VirtualAgent DataFeeder Reports Genesys; do dotnet build "bench/$bench.Bench" -c Release -v q -nologo >&2; done

# pgbench with as many clients as the state-write bench has grains (32), three 10 s runs, median.
pg=(-h 127.0.0.1 -p "$KNOVVU_TEST_PG_PORT" -U postgres)
"$KNOVVU_TEST_PG_BIN/pgbench" "${pg[@]}" -i -q -s 10 postgres >/dev/null 2>&1
tps=()
for _ in 1 2 3; do
  tps+=("$("$KNOVVU_TEST_PG_BIN/pgbench" "${pg[@]}" -n -b simple-update -c 32 -j 2 -T 10 postgres 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1)")
done

dotnet bench/Cluster.Bench/bin/Release/net10.0/KnovvuOrleans.Cluster.Bench.dll "$@" | grep '"bench"' | tee "$out.tmp"

python3 - "$out.tmp" "${tps[@]}" <<'PY' | tee -a "$out.tmp"
import json, statistics, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
runs = [round(float(t)) for t in sys.argv[2:]]
pgbench = statistics.median(runs)
print(json.dumps({"bench": "pgbench_simple_update", "unit": "tps", "median": pgbench, "runs": runs,
                  "setup": "pgbench -b simple-update -c 32 -j 2 -T 10, scale 10, same PostgreSQL, durable settings"}))
for l in lines:
    if l["bench"] == "state_write_throughput":
        print(json.dumps({"bench": "state_write_vs_pgbench", "unit": "ratio",
                          "median": round(l["median"] / pgbench, 2),
                          "setup": "state_write_throughput median / pgbench_simple_update median"}))
PY
if [[ $# -eq 0 ]]; then
  for bench in VirtualAgent DataFeeder Reports Genesys; do
    dotnet "bench/$bench.Bench/bin/Release/net10.0/KnovvuOrleans.$bench.Bench.dll" | grep '"bench"' | tee -a "$out.tmp"
  done
fi
mv "$out.tmp" "$out"
echo "results: $out" >&2
