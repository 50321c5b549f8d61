#!/usr/bin/env python3
"""Writes the committed regression set: every case in found_cases.json (mismatches the fuzz found, each with the
reason) followed by `--count` random cases of fuzz.py with `--seed`, all answered by the oracle.

    make_regression.py --seed 11 --count 300 --out ../../tests/TaoSharp.Runtime.Tests/SwapCases/oracle-swaps.jsonl
"""
import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fuzz  # noqa: E402
import swap_oracle as o  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    with open(os.path.join(HERE, "found_cases.json")) as f:
        found = json.load(f)
    rng = random.Random(a.seed)
    with open(a.out, "w") as out:
        for item in found:
            kind, value = o.run_case(item["case"])
            out.write(json.dumps({"source": "tools/swap-oracle/found_cases.json: " + item["source"],
                                  "case": item["case"], "expect": {kind: value}}) + "\n")
        for i in range(a.count):
            c = fuzz.make_case(rng)
            kind, value = o.run_case(c)
            out.write(json.dumps({"source": f"tools/swap-oracle/swap_oracle.py fuzz seed {a.seed} #{i}",
                                  "case": c, "expect": {kind: value}}) + "\n")


if __name__ == "__main__":
    main()
