#!/usr/bin/env bash
# Figure: wall clock of `tao subnets list --json-output` (process start included) against a local node holding many
# subnets. Starts `tao node --instant` with a genesis that gives //Alice (sudo) 10M TAO (below the 21M cap: above it block emission is 0 and the lock cost never decays), lifts the network
# rate limit, the subnet limit and the lock reduction interval through `tao sudo set`, creates subnets with `tao subnets create` until N exist (or the
# doubling lock cost exhausts the balance), then times RUNS invocations and prints min / median / max in ms.
#
# usage: bench/cli-subnets-list.sh [N_SUBNETS=128] [RUNS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-128}
RUNS=${2:-10}
export TAOSHARP_ARTIFACTS=${TAOSHARP_ARTIFACTS:-$PWD/artifacts}
dotnet build src/TaoSharp.Cli -c Release -v q -nologo >/dev/null
TAO_DLL="$TAOSHARP_ARTIFACTS/bin/TaoSharp.Cli/release/tao.dll"
WORK=$(mktemp -d)
PORT=$((20000 + RANDOM % 20000))
cat > "$WORK/genesis.json" <<JSON
{ "chainName": "cli-bench", "devAccounts": false, "sudo": "//Alice",
  "balances": [ { "account": "//Alice", "free": 10000000000000000 } ] }
JSON
dotnet "$TAO_DLL" node --instant --genesis "$WORK/genesis.json" --base-path "$WORK/node" --rpc-port "$PORT" >"$WORK/node.log" 2>&1 &
NODE=$!
trap 'kill $NODE 2>/dev/null; wait $NODE 2>/dev/null; rm -rf "$WORK"' EXIT
until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do sleep 0.2; done
T() { dotnet "$TAO_DLL" "$@" -p "$WORK/wallets" --network "ws://127.0.0.1:$PORT" --json-output; }
T wallet regen-coldkey -w alice --seed 0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a --no-use-password >/dev/null
T wallet new-hotkey -w alice --no-use-password --n-words 12 >/dev/null
T sudo set -w alice --param network_rate_limit --value 0 >/dev/null
T sudo set -w alice --param subnet_limit --value 1024 >/dev/null
# Let the doubled lock cost decay back to the minimum within a block, so N subnets are affordable.
T sudo set -w alice --param lock_reduction_interval --value 1 >/dev/null
count() { T subnets list | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]["subnets"]))'; }
have=$(count)
while [ "$have" -lt "$N" ]; do
  if ! T subnets create -w alice >"$WORK/create.json"; then
    echo "stopped creating at $have subnets: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["error"])' "$WORK/create.json")" >&2
    break
  fi
  have=$((have + 1))
done
have=$(count)
bytes=$(T subnets list | wc -c)
T subnets list >/dev/null # warm the OS file cache once
ms=()
for _ in $(seq "$RUNS"); do
  s=$(date +%s%N); T subnets list >/dev/null; e=$(date +%s%N)
  ms+=($(( (e - s) / 1000000 )))
done
sorted=($(printf '%s\n' "${ms[@]}" | sort -n))
echo "subnets=$have json_bytes=$bytes runs=$RUNS min_ms=${sorted[0]} median_ms=${sorted[$((RUNS / 2))]} max_ms=${sorted[$((RUNS - 1))]}"
