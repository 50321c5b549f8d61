#!/usr/bin/env python3
"""Block-emission cases with the oracle's answers: gen_emission.py --seed S --count N [--out FILE].

Edges first (0, every halving threshold 21e15*(1-2^-k) and its I96F32 quantisation step either side, the 21M cap,
u64::MAX), then random issuances spread over all magnitudes. One line: {"source", "issuance", "emission"} (strings).
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import swap_oracle as o  # noqa: E402

S = o.TOTAL_SUPPLY


def edges():
    out = {0, 1, S - 1, S, S + 1, o.U64_MAX, 10 ** 9}
    step = S // (1 << 32) + 1  # one I96F32 quantum of the quotient, in RAO
    for k in range(1, 40):
        t = S - (S >> k)
        for d in (-step - 1, -step, -2, -1, 0, 1, 2, step, step + 1):
            if 0 <= t + d <= o.U64_MAX:
                out.add(t + d)
    return sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    values = edges()
    while len(values) < a.count:
        r = rng.random()
        if r < 0.5:
            values.append(rng.randint(0, S + 10 ** 12))
        elif r < 0.8:
            values.append(S - (1 << rng.randint(0, 54)) + rng.randint(-(10 ** 6), 10 ** 6))
        else:
            values.append(rng.randint(0, o.U64_MAX))
    out = open(a.out, "w") if a.out else sys.stdout
    for i, v in enumerate(values[: max(a.count, len(edges()))]):
        v = max(0, min(v, o.U64_MAX))
        out.write(json.dumps({"source": f"tools/swap-oracle/swap_oracle.py block_emission, gen_emission seed {a.seed} #{i}",
                              "issuance": str(v), "emission": str(o.block_emission(v))}) + "\n")


if __name__ == "__main__":
    main()
