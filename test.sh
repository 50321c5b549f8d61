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
dotnet test TaoSharp.slnx -c Release --no-build --nologo "$@"
