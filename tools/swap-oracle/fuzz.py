#!/usr/bin/env python3
"""Generates random `tao sim swap` cases with the oracle's answers, one JSON object a line.

    fuzz.py --seed S --count N [--out FILE]

Each line: {"source": "swap_oracle.py fuzz seed S #i", "case": {...}, "expect": {"ok": {...}} | {"error": "Name"}}.
Deterministic per seed (Python's random.Random with an integer seed).
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import swap_oracle as o  # noqa: E402

HALF = o.ACCURACY // 2


def log_uniform(rng, lo, hi):
    """An integer spread evenly over orders of magnitude in [lo, hi]."""
    lo_bits, hi_bits = max(lo, 1).bit_length(), hi.bit_length()
    while True:
        bits = rng.randint(lo_bits, hi_bits)
        v = rng.randint(1 << (bits - 1), (1 << bits) - 1)
        if lo <= v <= hi:
            return v


def reserve(rng):
    r = rng.random()
    if r < 0.08:
        return rng.choice([1_000, 99_999, 100, 999_999, 1_000_000, 1_000_001, 10_000_000, 10_000_001,
                           10 ** 18, 21 * 10 ** 15, (1 << 63) - 1, (1 << 64) - 1])
    if r < 0.5:
        return log_uniform(rng, 10 ** 9, 10 ** 16)  # the range live subnets sit in
    return log_uniform(rng, 1_000, 10 ** 18)


def quote_weight(rng):
    r = rng.random()
    if r < 0.25:
        return HALF
    if r < 0.35:
        return rng.choice([o.MIN_WEIGHT, o.ACCURACY - o.MIN_WEIGHT, o.MIN_WEIGHT + 1, o.ACCURACY - o.MIN_WEIGHT - 1])
    if r < 0.5:
        # weights whose ratio reduces to small integers take the exact path
        n = rng.choice([1, 2, 3, 4, 5, 7, 9, 10, 20, 25, 50, 99])
        return o.ACCURACY * n // 100
    if r < 0.6:
        return HALF + rng.choice([-1, 1]) * log_uniform(rng, 1, 10 ** 15)
    return rng.randint(o.MIN_WEIGHT, o.ACCURACY - o.MIN_WEIGHT)


def fee_rate(rng):
    r = rng.random()
    if r < 0.35:
        return 33
    if r < 0.45:
        return 0
    if r < 0.55:
        return 10_000
    if r < 0.62:
        return rng.randint(10_001, 65_535)
    return rng.randint(0, 10_000)


def amount(rng, reserve_in):
    r = rng.random()
    if r < 0.07:
        return rng.choice([0, 1, 1_999_999, 2_000_000, 2_000_001, 2_000_100, 2_001_007, 500_000, 550_000])
    if r < 0.12:
        return min(reserve_in * 1000 + rng.choice([-1, 0, 1]), o.U64_MAX) if reserve_in * 1000 > 0 else 1
    if r < 0.2:
        return log_uniform(rng, 1, o.U64_MAX)
    if r < 0.6:
        # a fraction of the input reserve: most such trades clear the minimum stake and the pool's checks
        return max(1, reserve_in * rng.randint(1, 10 ** 6) // 10 ** 7)
    hi = max(min(reserve_in * 3, o.U64_MAX), 2)
    return log_uniform(rng, 1, hi)


def limit_text(rao):
    return f"{rao // 10 ** 9}.{rao % 10 ** 9:09d}"


def limit(rng, case):
    if rng.random() < 0.45:
        return None
    if case["model"] == "weighted":
        pool = o.Pool(case["tao_reserve"], case["alpha_reserve"], int(case.get("quote_weight", HALF)), 0)
        spot = (pool.current_price() * 10 ** 9) >> 64
    else:
        spot = case["tao_reserve"] * 10 ** 9 // max(case["alpha_reserve"], 1)
    r = rng.random()
    if r < 0.1:
        rao = rng.choice([0, 1, 1_000, 10 ** 9, 10 ** 15, o.U64_MAX])
    elif r < 0.3:
        rao = spot + rng.randint(-3, 3)
    elif r < 0.8:
        factor = 1 + rng.choice([-1, 1]) * 10 ** rng.uniform(-6, -0.1)
        rao = int(spot * factor)
    else:
        rao = int(spot * 10 ** rng.uniform(-4, 4))
    rao = max(0, min(rao, o.U64_MAX))  # the chain's limit is a u64 of RAO
    r = rng.random()
    if r < 0.12 and rao < 10 ** 19:
        return rao / 10 ** 9  # a JSON number, as a float prints (may carry an exponent or sub-RAO digits)
    if r < 0.2:
        return limit_text(rao) + str(rng.randint(0, 99999))  # digits below one RAO are dropped
    return limit_text(rao)


def make_case(rng):
    model = "weighted" if rng.random() < 0.85 else "constant-product"
    c = {"model": model, "tao_reserve": reserve(rng), "alpha_reserve": reserve(rng)}
    if model == "weighted" or rng.random() < 0.3:
        w = quote_weight(rng)
        if w != HALF or rng.random() < 0.5:
            c["quote_weight"] = str(w)
    c["fee_rate_u16"] = fee_rate(rng)
    c["direction"] = rng.choice(["buy", "sell"])
    c["amount"] = amount(rng, c["tao_reserve"] if c["direction"] == "buy" else c["alpha_reserve"])
    if c["direction"] == "sell" and rng.random() < 0.12:
        # the coldkey's stake on the hotkey (default: exactly the amount, i.e. closing the position)
        c["stake_held"] = min(rng.choice([max(c["amount"] - 1, 0), c["amount"] + 1, c["amount"] * 2, c["amount"] // 2]),
                              o.U64_MAX)
    lim = limit(rng, c)
    if lim is not None:
        c["limit_price"] = lim
        if rng.random() < 0.7:
            c["allow_partial"] = rng.random() < 0.5
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = open(a.out, "w") if a.out else sys.stdout
    for i in range(a.count):
        c = make_case(rng)
        kind, value = o.run_case(c)
        out.write(json.dumps({"source": f"tools/swap-oracle/swap_oracle.py fuzz seed {a.seed} #{i}",
                              "case": c, "expect": {kind: value}}) + "\n")
    if a.out:
        out.close()


if __name__ == "__main__":
    main()
