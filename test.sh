#!/usr/bin/env bash
# The one test command: installs what the tests need (npm oracle packages), restores, builds, runs every test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
if [ -f tools/oracle/package.json ]; then
  (cd tools/oracle && npm ci --no-audit --no-fund --loglevel=error)
fi
dotnet restore TaoSharp.slnx --nologo
dotnet build TaoSharp.slnx -c Release --no-restore --nologo -clp:ErrorsOnly
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# A hung test host is killed after 10 minutes and named (blame), instead of silently eating CI's time limit.
# Under `set -e -o pipefail` a failing `dotnet test` would end the script here, so its status is kept by hand:
# the summary line below must print on failure too, and the script must still exit non-zero.
status=0
dotnet test TaoSharp.slnx -c Release --no-build --nologo --blame-hang-timeout 10m --blame-hang-dump-type none "$@" 2>&1 \
  | tee "$log" || status=$?
# One plain closing line for CI readers: the sums of every test assembly's "Passed!/Failed!" summary.
awk -F'[:,]' '/^(Passed|Failed)! +- Failed:/ { f += $2; p += $4; s += $6 }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
