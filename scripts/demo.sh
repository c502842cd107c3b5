#!/usr/bin/env bash
# The one-command demo: the whole system on this machine, no external service (see README "The two commands").
#   bash scripts/demo.sh [--Demo:GatewayPort=5200 ...]      Ctrl+C stops it.
# Needs nothing but the .NET SDK: Kafka (librdkafka's mock cluster, in-process) comes with Confluent.Kafka's own
# librdkafka (docs/kafka.md). Builds under the shared build lock, then runs src/Demo without building again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Other builds on this machine take the same lock, so two builds never compete for the cores.
flock "${KNOVVU_BUILD_LOCK:-${TMPDIR:-/tmp}/knovvu-build.lock}" dotnet build src/Demo -c Release -nologo -v quiet
exec dotnet run --project src/Demo -c Release --no-build -- "$@"
