#!/usr/bin/env bash
# The one-command demo: the whole system on this machine, no external service (see README "The two commands").
#   bash scripts/demo.sh [--Demo:GatewayPort=5200 ...]      Ctrl+C stops it.
# Needs nothing but the .NET SDK: Kafka (librdkafka's mock cluster, in-process) comes with Confluent.Kafka's own
# librdkafka (docs/kafka.md). Builds under the shared build lock with its progress shown, then replaces this shell
# with the built app (no `dotnet run` in between), so the PID that started is the app: SIGINT/SIGTERM reach it directly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Other builds on this machine take the same lock, so two builds never compete for the cores.
echo "[demo] building src/Demo (Release; a first build takes about a minute)" >&2
flock "${KNOVVU_BUILD_LOCK:-${TMPDIR:-/tmp}/knovvu-build.lock}" \
  dotnet build src/Demo -c Release -nologo -v minimal -clp:NoSummary >&2
echo "[demo] starting" >&2
# A shell started in the background (bash's `&`, CI, a test) leaves SIGINT ignored, and an ignored signal stays
# ignored across exec: env restores its default so Ctrl+C and kill -INT reach the app in every case.
exec env --default-signal=INT dotnet src/Demo/bin/Release/net10.0/KnovvuOrleans.Demo.dll "$@"
