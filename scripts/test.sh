#!/usr/bin/env bash
# The project's single test command: starts the real services (PostgreSQL, Swift S3, Kafka mock),
# runs `dotnet test` on the solution with any extra arguments, stops the services (also on failure).
#   scripts/test.sh [dotnet test args...]     e.g. scripts/test.sh --filter FullyQualifiedName~StateTests
# Exits with dotnet test's exit code; the last line is "N passed, N failed[, N skipped]". The console shows only
# failed tests (with their own output); TRX files hold everything. Test artifacts: TestResults/artifacts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/services.sh
source scripts/services.sh

svc_dir="$(mktemp -d "${TMPDIR:-/tmp}/knovvu-test.XXXXXX")"
test_pid=""
# On INT/TERM also stop dotnet test with its MSBuild nodes and test hosts (its own process group),
# and let it finish before the services and the results folder go away.
stop_tests() {
  [[ -n "$test_pid" ]] || return 0
  kill -TERM -- "-$test_pid" 2>/dev/null || kill -TERM "$test_pid" 2>/dev/null || true
  wait "$test_pid" 2>/dev/null || true
}
trap 'services_down "$svc_dir"' EXIT
trap 'stop_tests; exit 130' INT
trap 'stop_tests; exit 143' TERM

services_up "$svc_dir"
results="$svc_dir/results"
# Files a test leaves for people to look at (the operator page's screenshot); kept after the run, unlike $results.
export KNOVVU_TEST_ARTIFACTS="${KNOVVU_TEST_ARTIFACTS:-$PWD/TestResults/artifacts}"
mkdir -p "$KNOVVU_TEST_ARTIFACTS"

rc=0
# Default TRX names: a fixed LogFileName would make every test assembly overwrite the same file.
# setsid: a process group of its own (see stop_tests); background + wait keeps signals responsive.
setsid dotnet test KnovvuOrleans.sln -c Release --logger trx --logger "console;verbosity=minimal" \
  --results-directory "$results" "$@" &
test_pid=$!
wait "$test_pid" || rc=$?
test_pid=""

# Sums the Counters of all TRX files (one per test assembly).
python3 - "$results" "$rc" <<'PY' || rc=$((rc == 0 ? 1 : rc))
import glob, os, sys
import xml.etree.ElementTree as ET
passed = failed = skipped = 0
files = glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)
for f in files:
    for c in ET.parse(f).getroot().iter():
        if c.tag.endswith("Counters"):
            a = c.attrib
            passed += int(a.get("passed", 0))
            failed += int(a.get("failed", 0)) + int(a.get("error", 0)) + int(a.get("timeout", 0)) + int(a.get("aborted", 0))
            # Skipped tests show only as total - executed (notExecuted stays 0 with xunit).
            skipped += max(int(a.get("notExecuted", 0)), int(a.get("total", 0)) - int(a.get("executed", 0)))
if not files:
    print("no test results found")
if sys.argv[2] != "0" and failed == 0:
    print(f"dotnet test exited with code {sys.argv[2]} (build error or aborted run? see above)")
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
exit "$rc"
