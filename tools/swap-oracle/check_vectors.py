#!/usr/bin/env python3
"""Checks swap_oracle.py against every shared dtao vector it covers; exits 1 on any difference."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import swap_oracle as o  # noqa: E402

VEC = os.environ.get("TAOSHARP_VECTORS", os.path.join(os.path.dirname(__file__), "../../../shared/vectors"))
failures = 0
checked = 0


def load(name):
    with open(os.path.join(VEC, "dtao", name + ".json")) as f:
        return json.load(f)


def check(label, got, want):
    global failures, checked
    checked += 1
    if got != want:
        failures += 1
        print(f"MISMATCH {label}: oracle {got!r}, vector {want!r}")


def half():
    return o.ACCURACY // 2


# balancer_math
v = load("balancer_math")
i, e = v["inputs"], v["expected"]
p = i["perquintill_power"]
check("perquintill_power", o.pow_ratio_scaled(p["base_num"], p["base_den"], p["exp_num"], p["exp_den"],
                                               p["precision"], p["scale"]), e["perquintill_power"])
for case, want in zip(i["exp_scaled_cases"], e["exp_scaled"]):
    n, d, r, dx, bq = case
    b = o.Balancer(o.ACCURACY * n // d)
    got = b.exp_scaled(r, dx, bq) / 2 ** 64
    checked += 1
    if abs(got - want) > e["exp_scaled_tolerance"]:
        failures += 1
        print(f"MISMATCH exp_scaled {case}: {got} vs {want}")


def fx(text):
    """A decimal string as U64F64 bits, as U64F64::from_num(f64) would give for these short decimals."""
    from fractions import Fraction
    return round(Fraction(str(text)) * 2 ** 64)


for key, fn in (("quote_delta_in", "calculate_quote_delta_in"), ("base_delta_in", "calculate_base_delta_in")):
    if key in i:
        c = i[key]
        b = o.Balancer(int(o.ACCURACY * c["w_quote"]))
        reserve = c.get("tao_reserve", c.get("alpha_reserve"))
        got = getattr(b, fn)(fx(c["current_price"]), fx(c["target_price"]), reserve)
        check(key, got, e[key])

# swap_balancer_basic: bare pool swaps (the swap pallet's own test, limit far away)
v = load("swap_balancer_basic")
i, e = v["inputs"], v["expected"]
for inp, want in zip(i["buys"], e["buys"]):
    pool = o.Pool(i["tao_reserve"], i["alpha_reserve"], half(), i["fee_rate_u16"], 100)
    r = pool.swap(True, inp["amount_tao_in"], int(inp["limit_price"] * 1e9), False, False)
    check(f"buy {inp['amount_tao_in']}", (r["paid_in"], r["fee"], r["out"]),
          (want["amount_paid_in"], want["fee"], want["amount_paid_out_alpha"]))
for inp, want in zip(i["sells"], e["sells"]):
    pool = o.Pool(i["tao_reserve"], i["alpha_reserve"], half(), i["fee_rate_u16"], 100)
    r = pool.swap(False, inp["amount_alpha_in"], round(inp["limit_price"] * 1e9), False, False)
    check(f"sell {inp['amount_alpha_in']}", (r["paid_in"], r["fee"], r["out"]),
          (want["amount_paid_in"], want["fee"], want["amount_paid_out_tao"]))

# get_max_amount_add / _remove (mock MinimumReserve = 100)
for name, buy in (("swap_max_amount_add_dynamic", True), ("swap_max_amount_remove_dynamic", False)):
    v = load(name)
    for c in v["expected"]["cases"]:
        pool = o.Pool(c["tao_in"], c["alpha_in"], half(), v["inputs"]["fee_rate_u16"], 100)
        try:
            amount = o.sat_mul_u64(pool.tao if buy else pool.alpha, 1000)
            r = pool.swap(buy, amount, c["limit_price_rao_per_alpha"], False, True)
            got = o.sat_add_u64(r["paid_in"], r["fee"])
        except o.Refused as err:
            got = err.name
        check(f"{name} {c}", got, c["exact_reimplementation"])

# constant product at launch
v = load("cp_amm_launch")
i, e = v["inputs"], v["expected"]
check("cp_amm_launch", o.launch_sim_buy(i["SubnetTAO"], i["SubnetAlphaIn"], i["tao_in"]), e["alpha_out"])
kind, res = o.run_case({"model": "constant-product", "tao_reserve": i["SubnetTAO"], "alpha_reserve": i["SubnetAlphaIn"],
                        "fee_rate_u16": 33, "direction": "buy", "amount": i["tao_in"]})
check("cp_amm_launch case", (kind, res["tao_reserve"], res["alpha_reserve"], res["amount_out"]),
      ("ok", e["SubnetTAO"], e["SubnetAlphaIn"], e["alpha_out"]))

# block emission
v = load("block_emission_schedule")
for iss, want in zip(v["inputs"]["issuance_rao"], v["expected"]["block_emission_rao"]):
    check(f"emission {iss}", o.block_emission(iss), want)

print(f"{checked} vector values checked, {failures} mismatches")
sys.exit(1 if failures else 0)
