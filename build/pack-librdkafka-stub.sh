#!/usr/bin/env bash
# Re-packs the empty librdkafka.redist 1.9.2 stub into build/feed (the committed .nupkg is normally enough).
# NuGet caches by id+version: after re-packing, remove ~/.nuget/packages/librdkafka.redist/1.9.2
# or restore keeps using the old copy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet pack "$here/librdkafka-redist-stub/librdkafka-redist-stub.csproj" -c Release -o "$here/feed" --nologo -v quiet
rm -rf "$here/librdkafka-redist-stub/bin" "$here/librdkafka-redist-stub/obj"
ls -l "$here/feed/librdkafka.redist.1.9.2.nupkg"
