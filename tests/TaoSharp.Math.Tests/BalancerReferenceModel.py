#!/usr/bin/env python3
"""Independent Python model of pow_ratio_scaled (spec-dtao 3.4.3) used to cross-check the C# port.

Python integers floor on // and >> like the reference's div_floor, so this model is a second, separately
written transcription of the algorithm in the spec. Run it to regenerate BalancerFallbackCases.json:
    python3 BalancerReferenceModel.py > BalancerFallbackCases.json
"""
import json
from math import gcd

GUARD = 24


def drop_guard(v):
    g = 1 << GUARD
    q = abs(v) // g
    r = abs(v) - q * g
    if r * 2 >= g:
        q += 1
    return q if v >= 0 else -q


def ln1p(x, bits, iters):
    term = x
    res = x
    prev = drop_guard(res)
    for n in range(2, iters + 1):
        term = (term * x) >> bits
        if term == 0:
            break
        nxt = term // n
        if nxt == 0:
            break
        res = res - nxt if n % 2 == 0 else res + nxt
        r = drop_guard(res)
        if abs(nxt) < (1 << GUARD) or r == prev:
            break
        prev = r
    return res


def expf(x, bits, iters):
    one = 1 << bits
    term = one
    res = one
    prev = drop_guard(res)
    for n in range(1, iters + 1):
        term = (term * x) // (one * n)
        if term == 0:
            break
        res += term
        r = drop_guard(res)
        if abs(term) < (1 << GUARD) or r == prev:
            break
        prev = r
    return res


def ln(v, bits, iters, ln2):
    one = 1 << bits
    shift = v.bit_length() - 1
    m = (v << bits) >> shift
    if m >= one + (one >> 1):
        m >>= 1
        shift += 1
    return ln1p(m - one, bits, iters) + ln2 * shift


def pow_ratio_scaled(a, b, en, ed, precision, scale):
    if b == 0 or ed == 0:
        return None
    if a == 0:
        return 0
    if en == 0:
        return scale
    g = gcd(en, ed)
    en //= g
    ed //= g
    if en <= 1024 and ed <= 1024:
        num = a ** en * scale ** ed
        den = b ** en
        lo, hi = 0, 1
        while hi ** ed * den <= num:
            hi <<= 1
        while lo < hi:
            mid = (lo + hi + 1) >> 1
            if mid ** ed * den <= num:
                lo = mid
            else:
                hi = mid - 1
        return lo
    req = max(precision, 32, scale.bit_length() + 8)
    bits = req + GUARD
    iters = min(4096, bits + 128)
    one = 1 << bits
    ln2 = -ln1p(-(one >> 1), bits, iters)
    lnb = ln(a, bits, iters, ln2) - ln(b, bits, iters, ln2)
    lns = (lnb * en) // ed
    e = drop_guard(expf(lns, bits, iters))
    return (e * scale) // (1 << req)


def main():
    import random
    rnd = random.Random(20260630)
    cases = []
    S = 10 ** 18
    # Weighted-pool style cases: (y, y+dy)^(w2/w1) and (x, x+dx)^(w1/w2) with non-trivial weights.
    for _ in range(60):
        w2 = rnd.randrange(10 ** 16, 99 * 10 ** 16)
        w1 = S - w2
        y = rnd.randrange(10 ** 6, 10 ** 16)
        dy = rnd.randrange(1, y * 3)
        if rnd.random() < 0.5:
            cases.append([y, y + dy, w2, w1, 256, S])
        else:
            cases.append([y, y + dy, w1, w2, 256, S])
    # Limit-price helpers: ratio of raw U64F64 prices to the power of a weight, precision 1024.
    for _ in range(20):
        w = rnd.randrange(10 ** 16, 99 * 10 ** 16)
        p1 = rnd.randrange(1 << 40, 1 << 90)
        p2 = p1 + rnd.randrange(1, p1)
        cases.append([p2, p1, w, S, 1024, S])
    # Edge cases: equal base, reserve growth by one unit, huge ratios.
    cases.append([10 ** 12, 10 ** 12, 3 * 10 ** 17 + 7, 7 * 10 ** 17 - 7, 256, S])
    cases.append([10 ** 12, 10 ** 12 + 1, 3 * 10 ** 17 + 7, 7 * 10 ** 17 - 7, 256, S])
    cases.append([1, 2 ** 64 - 1, 99 * 10 ** 16 + 1, 10 ** 16 - 1, 256, S])
    out = []
    for c in cases:
        out.append({"a": str(c[0]), "b": str(c[1]), "exp_num": str(c[2]), "exp_den": str(c[3]),
                    "precision": c[4], "scale": str(c[5]), "result": str(pow_ratio_scaled(*c))})
    print(json.dumps({"source": "tests/TaoSharp.Math.Tests/BalancerReferenceModel.py (independent Python model of safe-bigmath pow_ratio_scaled, spec-dtao 3.4.3)",
                      "cases": out}, indent=1))


if __name__ == "__main__":
    main()
