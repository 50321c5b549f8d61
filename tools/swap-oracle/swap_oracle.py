#!/usr/bin/env python3
"""Independent oracle for `tao sim swap` and `tao sim block-emission`.

A plain-integer Python port of the reference chain (opentensor/subtensor HEAD, mirrored read-only) written from
the Rust sources, not from our C#.  See README.md next to this file for what is ported from which file.

Usage:
    swap_oracle.py case CASE.json          -> prints what `tao sim swap CASE.json` must print (exit 0/1)
    swap_oracle.py emission ISSUANCE       -> prints the block emission for that issuance
    swap_oracle.py jsonl IN.jsonl          -> one answer line per case line: {"ok": {...}} or {"error": "Name"}

Only stdlib, only integers: fixed-point values are carried as their raw bit patterns.
"""
import json
import sys

U64_MAX = (1 << 64) - 1
U128_MAX = (1 << 128) - 1
I128_MAX = (1 << 127) - 1

# ---------------------------------------------------------------------------------------------------------
# U64F64 (substrate-fixed, unsigned 128-bit, 64 fractional bits) as raw bits
# ---------------------------------------------------------------------------------------------------------
F64 = 64
ONE_U64F64 = 1 << F64


def u64f64_from_int(n):
    """saturating_from_num of a non-negative integer."""
    return min(n << F64, U128_MAX)


def u64f64_mul(a, b):
    """saturating_mul: full product, drop 64 fractional bits (truncate), saturate."""
    return min((a * b) >> F64, U128_MAX)


def u64f64_div(a, b):
    """safe_div = checked_div or 0: None on /0 and on overflow -> 0."""
    if b == 0:
        return 0
    q = (a << F64) // b
    return 0 if q > U128_MAX else q


def u64f64_sub(a, b):
    return a - b if a > b else 0


def u64f64_to_u64(a):
    """saturating_to_num::<u64>: truncate toward zero, saturate."""
    return min(a >> F64, U64_MAX)


def sat_add_u64(a, b):
    return min(a + b, U64_MAX)


def sat_sub_u64(a, b):
    return a - b if a > b else 0


def sat_mul_u64(a, b):
    return min(a * b, U64_MAX)


# ---------------------------------------------------------------------------------------------------------
# safe-bigmath 0.4.1 (rev 013c4998) SafeInt::pow_ratio_scaled
# ---------------------------------------------------------------------------------------------------------
MAX_EXACT_EXPONENT = 1024
DEFAULT_MAX_ITERS = 4096


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def _nth_root_ratio_floor(num, den, q):
    """Largest r with r^q * den <= num (the crate's doubling + binary search)."""
    if q == 0:
        return 0
    low, high = 0, 1
    while high ** q * den <= num:
        high <<= 1
    while low < high:
        mid = (low + high + 1) >> 1
        if mid ** q * den <= num:
            low = mid
        else:
            high = mid - 1
    return low


def _trunc_divmod(a, b):
    """num-bigint div_rem: quotient truncated toward zero, remainder with the dividend's sign."""
    q = abs(a) // abs(b)
    if (a < 0) != (b < 0):
        q = -q
    return q, a - q * b


def _round_to_precision(value, guard):
    truncated, rem = _trunc_divmod(value, guard)
    if rem != 0 and (abs(rem) << 1) >= abs(guard):
        truncated += 1 if rem > 0 else -1
    return truncated


def _ln1p_fixed(x, scale, guard, max_iters):
    term = x
    result = term
    prev = _round_to_precision(result, guard)
    for n in range(2, max_iters + 1):
        term = (term * x) // scale  # div_floor
        if term == 0:
            break
        nxt = term // n  # div_floor
        if nxt == 0:
            break
        if n % 2 == 0:
            result -= nxt
        else:
            result += nxt
        rounded = _round_to_precision(result, guard)
        if abs(nxt) < abs(guard) or rounded == prev:
            break
        prev = rounded
    return result


def _exp_fixed(x, scale, guard, max_iters):
    term = scale
    result = term
    prev = _round_to_precision(result, guard)
    for n in range(1, max_iters + 1):
        term = (term * x) // (scale * n)  # div_floor
        if term == 0:
            break
        result += term
        rounded = _round_to_precision(result, guard)
        if abs(term) < abs(guard) or rounded == prev:
            break
        prev = rounded
    return result


def _ln_biguint(value, internal_precision, internal_scale, guard, ln_two, max_iters):
    if value == 0:
        return 0
    shift = max(value.bit_length() - 1, 0)
    mantissa = (value << internal_precision) >> shift
    half = internal_scale >> 1
    if mantissa >= internal_scale + half:
        mantissa >>= 1
        shift += 1
    ln_m = _ln1p_fixed(mantissa - internal_scale, internal_scale, guard, max_iters)
    return ln_m + ln_two * shift


_LN_TWO = {}


def _ln_two(internal_scale, guard, max_iters):
    """ln 2 = -ln(1 - 1/2) at one precision; the same inputs always give the same value, so it is kept."""
    key = (internal_scale, guard, max_iters)
    if key not in _LN_TWO:
        _LN_TWO[key] = -_ln1p_fixed(-(internal_scale >> 1), internal_scale, guard, max_iters)
    return _LN_TWO[key]


def pow_ratio_scaled(base_num, base_den, exp_num, exp_den, precision, scale):
    """floor((base_num/base_den)^(exp_num/exp_den) * scale), or None (the crate's Option)."""
    if base_den == 0 or exp_den == 0:
        return None
    if base_num == 0:
        return 0
    if scale < 0 or base_num < 0 or base_den < 0 or exp_num < 0 or exp_den < 0:
        return None
    if exp_num == 0:
        return scale
    g = _gcd(exp_num, exp_den)
    if g > 1:
        exp_num //= g
        exp_den //= g
    scale_bits = scale.bit_length()
    if exp_num.bit_length() <= 32 and exp_den.bit_length() <= 32:
        if exp_num <= MAX_EXACT_EXPONENT and exp_den <= MAX_EXACT_EXPONENT:
            target_num = base_num ** exp_num * scale ** exp_den
            target_den = base_den ** exp_num
            return _nth_root_ratio_floor(target_num, target_den, exp_den)
    requested = max(precision, 32, scale_bits + 8)
    guard_bits = 24
    internal_precision = requested + guard_bits
    max_iters = max(min(DEFAULT_MAX_ITERS, internal_precision + 128), 1)
    target_scale = 1 << requested
    guard = 1 << guard_bits
    internal_scale = target_scale << guard_bits
    ln_two = _ln_two(internal_scale, guard, max_iters)
    ln_num = _ln_biguint(base_num, internal_precision, internal_scale, guard, ln_two, max_iters)
    ln_den = _ln_biguint(base_den, internal_precision, internal_scale, guard, ln_two, max_iters)
    ln_scaled = ((ln_num - ln_den) * exp_num) // exp_den  # div_floor
    exp_fp = _exp_fixed(ln_scaled, internal_scale, guard, max_iters)
    exp_req = _round_to_precision(exp_fp, guard)
    return (exp_req * scale) // target_scale  # div_floor


# ---------------------------------------------------------------------------------------------------------
# pallets/swap/src/pallet/balancer.rs
# ---------------------------------------------------------------------------------------------------------
ACCURACY = 10 ** 18
MIN_WEIGHT = ACCURACY // 100


class Balancer:
    def __init__(self, quote_parts):
        self.quote = quote_parts

    @staticmethod
    def valid(quote_parts):
        base = ACCURACY - quote_parts if quote_parts <= ACCURACY else 0
        return base >= MIN_WEIGHT and quote_parts >= MIN_WEIGHT

    @property
    def w2(self):
        return self.quote

    @property
    def w1(self):
        return ACCURACY - self.quote if self.quote <= ACCURACY else 0

    def exp_scaled(self, x, dx, base_quote):
        x_plus_dx = sat_add_u64(x, dx) if dx >= 0 else sat_sub_u64(x, -dx)
        if x_plus_dx == 0:
            return 0
        if base_quote:
            r = pow_ratio_scaled(x, x_plus_dx, self.w1, self.w2, 256, ACCURACY)
        else:
            r = pow_ratio_scaled(x, x_plus_dx, self.w2, self.w1, 256, ACCURACY)
        if r is not None and 0 <= r <= U64_MAX:
            res = u64f64_div(u64f64_from_int(r), u64f64_from_int(ACCURACY))
            return min(res, ONE_U64F64) if dx >= 0 else res
        return 0

    def exp_base_quote(self, x, dx):
        return self.exp_scaled(x, dx, True)

    def exp_quote_base(self, y, dy):
        return self.exp_scaled(y, dy, False)

    def calculate_price(self, x, y):
        w2 = u64f64_from_int(self.w2)
        w1 = u64f64_from_int(self.w1)
        return u64f64_mul(u64f64_div(w1, w2), u64f64_div(u64f64_from_int(y), u64f64_from_int(x)))

    def _delta_in(self, num_bits, den_bits, weight, reserve):
        r = pow_ratio_scaled(num_bits, den_bits, weight, ACCURACY, 1024, ACCURACY)
        if r is None:
            return 0
        if 0 <= r <= U64_MAX:
            e = u64f64_from_int(r)
        elif r > U64_MAX:
            e = u64f64_from_int(U64_MAX)
        else:
            e = 0
        factor = u64f64_sub(u64f64_div(e, u64f64_from_int(ACCURACY)), ONE_U64F64)
        return u64f64_to_u64(u64f64_mul(u64f64_from_int(reserve), factor))

    def calculate_quote_delta_in(self, current_price, target_price, reserve):
        return self._delta_in(target_price, current_price, self.w1, reserve)

    def calculate_base_delta_in(self, current_price, target_price, reserve):
        return self._delta_in(current_price, target_price, self.w2, reserve)


# ---------------------------------------------------------------------------------------------------------
# pallets/swap/src/pallet/{swap_step.rs, impls.rs}: one pool, mechanism 1 (dynamic)
# ---------------------------------------------------------------------------------------------------------
U16_MAX = 65535
MIN_PRICE_RAO = 1_000
MAX_PRICE_RAO = 1_000_000_000_000_000
MAX_SWAP_INPUT_RESERVE_MULTIPLIER = 1_000


class Refused(Exception):
    def __init__(self, name):
        super().__init__(name)
        self.name = name


class Pool:
    """SubnetTAO / SubnetAlphaIn / SwapBalancer / FeeRate of one dynamic subnet."""

    def __init__(self, tao, alpha, quote, fee_rate, minimum_reserve=1_000_000):
        self.tao = tao
        self.alpha = alpha
        self.bal = Balancer(quote)
        self.fee_rate = fee_rate
        self.minimum_reserve = minimum_reserve

    def current_price(self):
        if self.alpha == 0:
            return 0
        return self.bal.calculate_price(self.alpha, self.tao)

    def fee_amount(self, amount, drop_fees):
        if drop_fees:
            return 0
        rate = u64f64_div(u64f64_from_int(self.fee_rate), u64f64_from_int(U16_MAX))
        return u64f64_to_u64(u64f64_mul(u64f64_from_int(amount), rate))

    # convert_deltas / price_target / delta_in for both orders
    def _convert(self, buy, delta_in):
        if buy:
            e = self.bal.exp_quote_base(self.tao, delta_in)
            return u64f64_to_u64(u64f64_mul(u64f64_from_int(self.alpha), u64f64_sub(ONE_U64F64, e)))
        e = self.bal.exp_base_quote(self.alpha, delta_in)
        return u64f64_to_u64(u64f64_mul(u64f64_from_int(self.tao), u64f64_sub(ONE_U64F64, e)))

    def _price_target(self, buy, delta_in):
        out = self._convert(buy, delta_in)
        if buy:
            return self.bal.calculate_price(sat_sub_u64(self.alpha, out), sat_add_u64(self.tao, delta_in))
        return self.bal.calculate_price(sat_add_u64(self.alpha, delta_in), sat_sub_u64(self.tao, out))

    def _limit_delta_in(self, buy, current, limit):
        if buy:
            return self.bal.calculate_quote_delta_in(current, limit, self.tao)
        return self.bal.calculate_base_delta_in(current, limit, self.alpha)

    def _step(self, buy, amount, limit, drop_fees):
        fee = self.fee_amount(amount, drop_fees)
        requested = sat_sub_u64(amount, fee)
        target = self._price_target(buy, requested)
        current = self.current_price()
        closer = target <= limit if buy else target >= limit
        if closer:
            delta_in = requested
        else:
            delta_in = self._limit_delta_in(buy, current, limit)
            rate = 0 if drop_fees else u64f64_from_int(self.fee_rate)
            ratio = u64f64_div(rate, u64f64_sub(u64f64_from_int(U16_MAX), rate))
            fee = u64f64_to_u64(u64f64_mul(u64f64_from_int(delta_in), ratio))
        out = self._convert(buy, delta_in)
        if delta_in != 0 and out == 0:
            raise Refused("ReservesTooLow")
        return {"paid_in": delta_in, "out": out, "fee": fee}

    def swap(self, buy, amount, limit_rao, drop_fees, simulate):
        """SwapEngine::swap -> do_swap (never writes; the caller applies the deltas)."""
        limit = u64f64_div(u64f64_from_int(limit_rao), u64f64_from_int(1_000_000_000))
        reserve_out = self.alpha if buy else self.tao
        reserve_in = self.tao if buy else self.alpha
        # ensure_swap_input_within_reserve_limit
        net = sat_sub_u64(amount, self.fee_amount(amount, drop_fees))
        if net > sat_mul_u64(reserve_in, MAX_SWAP_INPUT_RESERVE_MULTIPLIER):
            raise Refused("SwapInputTooLarge")
        # swap_inner
        if reserve_out < self.minimum_reserve:
            raise Refused("ReservesTooLow")
        current = self.current_price()
        beyond = current < limit if buy else current > limit
        if not beyond:
            raise Refused("PriceLimitExceeded")
        r = self._step(buy, amount, limit, drop_fees)
        if not simulate and reserve_out < r["out"]:
            raise Refused("InsufficientLiquidity")
        return r

    def sim_swap(self, buy, amount):
        """SwapHandler::sim_swap for mechanism 1: default limit of the order, fees on, rolled back."""
        return self.swap(buy, amount, MAX_PRICE_RAO if buy else MIN_PRICE_RAO, False, True)

    def apply(self, buy, r):
        """What swap_tao_for_alpha / swap_alpha_for_tao do to SubnetTAO and SubnetAlphaIn."""
        # SwapResult::paid_in_reserve_delta_i64 / paid_out_reserve_delta_i64 clamp to i64 before unsigned_abs
        paid_in = min(r["paid_in"], (1 << 63) - 1)
        out = min(r["out"], 1 << 63)
        if buy:
            self.alpha = sat_sub_u64(self.alpha, out)
            self.tao = sat_add_u64(self.tao, paid_in)
        else:
            self.alpha = sat_add_u64(self.alpha, paid_in)
            self.tao = sat_sub_u64(self.tao, out)


# ---------------------------------------------------------------------------------------------------------
# pallets/subtensor/src/staking/{add_stake.rs, remove_stake.rs, stake_utils.rs} around the pool
# Assumed: subnet exists, subtoken enabled, the coldkey has the balance, the hotkey is registered and its
# share pool is empty (buys), no locks, and for sells the coldkey holds `stake_held` alpha on the hotkey.
# ---------------------------------------------------------------------------------------------------------
DEFAULT_MIN_STAKE = 2_000_000


def add_stake(pool, amount, limit_rao, allow_partial, min_stake=DEFAULT_MIN_STAKE):
    # ensure_add_stake_input_within_swap_limit
    if amount > sat_mul_u64(pool.tao, 1_000):
        raise Refused("InsufficientLiquidity")
    if limit_rao is None:
        max_amount = amount
        allow_partial = False
        swap_limit = MAX_PRICE_RAO
    else:
        # get_max_amount_add: simulated buy of 1000 x SubnetTAO under the limit; errors propagate
        r = pool.swap(True, sat_mul_u64(pool.tao, 1_000), limit_rao, False, True)
        max_amount = sat_add_u64(r["paid_in"], r["fee"])
        swap_limit = limit_rao
    possible = min(amount, max_amount)
    # validate_add_stake
    try:
        min_fee = pool.sim_swap(True, min_stake)["fee"]
    except Refused:
        min_fee = pool.fee_amount(min_stake, False)
    if amount < sat_add_u64(min_stake, min_fee):
        raise Refused("AmountTooLow")
    stake = amount
    if not allow_partial:
        if stake > max_amount:
            raise Refused("SlippageTooHigh")
    else:
        stake = min(max_amount, stake)
    try:
        sim = pool.sim_swap(True, stake)
    except Refused:
        raise Refused("InsufficientLiquidity")
    if sim["paid_in"] < min_stake:
        raise Refused("AmountTooLow")
    if sim["out"] == 0:
        raise Refused("InsufficientLiquidity")
    # stake_into_subnet (full transfer assumed)
    r = pool.swap(True, possible, swap_limit, False, False)
    pool.apply(True, r)
    if r["out"] == 0:
        raise Refused("AmountTooLow")
    return r


def remove_stake(pool, amount, limit_rao, allow_partial, stake_held, min_stake=DEFAULT_MIN_STAKE):
    if limit_rao is None:
        # do_remove_stake caps the request at the stake held
        alpha = min(amount, stake_held)
        if alpha > sat_mul_u64(pool.alpha, 1_000):
            raise Refused("InsufficientLiquidity")
        max_amount = alpha
        allow_partial = False
        swap_limit = MIN_PRICE_RAO
        possible = alpha
    else:
        alpha = amount
        if alpha > sat_mul_u64(pool.alpha, 1_000):
            raise Refused("InsufficientLiquidity")
        r = pool.swap(False, sat_mul_u64(pool.alpha, 1_000), limit_rao, False, True)
        max_amount = sat_add_u64(r["paid_in"], r["fee"])
        possible = min(alpha, max_amount)
        swap_limit = limit_rao
    # validate_remove_stake
    if alpha == 0:
        raise Refused("AmountTooLow")
    if stake_held < alpha:
        raise Refused("NotEnoughStakeToWithdraw")
    remaining = stake_held - alpha
    try:
        sim = pool.sim_swap(False, alpha)
    except Refused:
        raise Refused("InsufficientLiquidity")
    if remaining != 0 and sim["out"] < min_stake:
        raise Refused("AmountTooLow")
    if not allow_partial and alpha > max_amount:
        raise Refused("SlippageTooHigh")
    # unstake_from_subnet
    r = pool.swap(False, possible, swap_limit, False, False)
    pool.apply(False, r)
    return r


# ---------------------------------------------------------------------------------------------------------
# Launch design (spec-dtao §3.2), as at e2b8367b8 (2025-02-13): constant product in I110F18
# ---------------------------------------------------------------------------------------------------------
F18 = 18
LAUNCH_MIN_POOL_LIQUIDITY = 10_000_000
LAUNCH_MIN_STAKE = 500_000


def _i110_from_int(n):
    return min(n << F18, I128_MAX)


def _i110_mul(a, b):
    return min((a * b) >> F18, I128_MAX)


def _i110_div(a, b):
    """checked_div: None on /0 or overflow (values here are never negative)."""
    if b == 0:
        return None
    q = (a << F18) // b
    return None if q > I128_MAX else q


def _i110_to_u64(a):
    if a <= 0:
        return 0
    return min(a >> F18, U64_MAX)


def launch_sim_buy(tao, alpha, dtao):
    k = _i110_mul(_i110_from_int(alpha), _i110_from_int(tao))
    den = min(_i110_from_int(tao) + _i110_from_int(dtao), I128_MAX)
    new_alpha = _i110_div(k, den)
    new_alpha = 0 if new_alpha is None else new_alpha  # safe_div
    if new_alpha >= LAUNCH_MIN_POOL_LIQUIDITY << F18:
        return _i110_to_u64(max(_i110_from_int(alpha) - new_alpha, 0))
    return None


def launch_sim_sell(tao, alpha, dalpha):
    k = _i110_mul(_i110_from_int(alpha), _i110_from_int(tao))
    den = min(_i110_from_int(alpha) + _i110_from_int(dalpha), I128_MAX)
    new_tao = _i110_div(k, den)
    new_tao = 0 if new_tao is None else new_tao  # checked_div ... unwrap_or(0)
    if new_tao >= LAUNCH_MIN_POOL_LIQUIDITY << F18:
        return _i110_to_u64(max(_i110_from_int(tao) - new_tao, 0))
    return None


def _launch_price_i96(tao, alpha):
    """get_alpha_price: I96F32 SubnetTAO / SubnetAlphaIn (0 if alpha is 0)."""
    if alpha == 0:
        return 0
    return ((tao << 32) << 32) // (alpha << 32)


def launch_max_add(tao, alpha, limit):
    if alpha == 0 or tao == 0:
        return 0
    price_int = _launch_price_i96(tao, alpha) >> 32  # saturating_to_num::<u128>() truncates
    if limit < price_int * 1_000_000_000 or limit == 0:
        return 0
    result = sat_sub_u128(limit * alpha // 1_000_000_000, tao)
    return result if result < U64_MAX else U64_MAX


def launch_max_remove(tao, alpha, limit):
    if alpha == 0 or tao == 0:
        return 0
    if limit == 0:
        return U64_MAX
    if limit >= tao * 1_000_000_000 // alpha:
        return 0
    result = sat_sub_u128(tao * 1_000_000_000 // limit, alpha)
    return result if result < U64_MAX else U64_MAX


def sat_sub_u128(a, b):
    return a - b if a > b else 0


# ---------------------------------------------------------------------------------------------------------
# The case file of `tao sim swap` (issue #5 §9) and its answer
# ---------------------------------------------------------------------------------------------------------
def parse_limit(text):
    """TAO per alpha (decimal text, exponent allowed) -> whole RAO per alpha, sub-RAO digits dropped."""
    if text is None:
        return None
    from fractions import Fraction
    return int(Fraction(str(text)) * 1_000_000_000)  # int() of a non-negative Fraction floors


def run_case(c):
    """Returns ("ok", {...}) or ("error", name)."""
    model = c["model"]
    tao = int(c["tao_reserve"])
    alpha = int(c["alpha_reserve"])
    fee_rate = int(c["fee_rate_u16"])
    quote = int(c.get("quote_weight") or ACCURACY // 2)
    buy = c["direction"] == "buy"
    amount = int(c["amount"])
    limit = parse_limit(c.get("limit_price"))
    allow_partial = bool(c.get("allow_partial") or False)
    stake_held = int(c["stake_held"]) if c.get("stake_held") is not None else amount
    try:
        if model == "weighted":
            kw = {}
            if c.get("min_stake") is not None:
                kw["min_stake"] = int(c["min_stake"])
            pool = Pool(tao, alpha, quote, fee_rate,
                        int(c["minimum_reserve"]) if c.get("minimum_reserve") is not None else 1_000_000)
            if buy:
                r = add_stake(pool, amount, limit, allow_partial, **kw)
            else:
                r = remove_stake(pool, amount, limit, allow_partial, stake_held, **kw)
            return "ok", {"amount_paid_in": r["paid_in"], "fee": r["fee"], "amount_out": r["out"],
                          "tao_reserve": pool.tao, "alpha_reserve": pool.alpha}
        return launch_case(tao, alpha, buy, amount, limit, allow_partial, stake_held,
                           int(c["min_stake"]) if c.get("min_stake") is not None else LAUNCH_MIN_STAKE,
                           int(c.get("staking_fee") or 0))
    except Refused as e:
        return "error", e.name


def launch_case(tao, alpha, buy, amount, limit, allow_partial, stake_held, min_stake, staking_fee):
    """do_add_stake[_limit] / do_remove_stake[_limit] at the launch commit."""
    if buy:
        max_amount = amount if limit is None else launch_max_add(tao, alpha, limit)
        partial = allow_partial if limit is not None else False
        possible = min(amount, max_amount)
        if amount < sat_add_u64(min_stake, staking_fee):
            raise Refused("AmountTooLow")
        if not partial and amount > max_amount:
            raise Refused("SlippageTooHigh")
        if launch_sim_buy(tao, alpha, amount) is None:
            raise Refused("InsufficientLiquidity")
        staked = sat_sub_u64(possible, staking_fee)
        fee = possible - staked
        out = launch_sim_buy(tao, alpha, staked)
        if out is None:
            out = 0
        else:
            alpha = sat_sub_u64(alpha, out)
            tao = sat_add_u64(tao, staked)
        tao = sat_add_u64(tao, fee)
        return "ok", {"amount_paid_in": staked, "fee": fee, "amount_out": out,
                      "tao_reserve": tao, "alpha_reserve": alpha}
    max_amount = amount if limit is None else launch_max_remove(tao, alpha, limit)
    partial = allow_partial if limit is not None else False
    possible = min(amount, max_amount)
    got = launch_sim_sell(tao, alpha, amount)
    if got is None:
        raise Refused("InsufficientLiquidity")
    if not got > min_stake:
        raise Refused("AmountTooLow")
    if not partial and amount > max_amount:
        raise Refused("SlippageTooHigh")
    if stake_held < amount:
        raise Refused("NotEnoughStakeToWithdraw")
    out = launch_sim_sell(tao, alpha, possible)
    if out is None:
        out = 0
    else:
        alpha = sat_add_u64(alpha, possible)
        tao = sat_sub_u64(tao, out)
    unstaked = sat_sub_u64(out, staking_fee)
    fee = out - unstaked
    tao = sat_add_u64(tao, fee)
    return "ok", {"amount_paid_in": possible, "fee": fee, "amount_out": unstaked,
                  "tao_reserve": tao, "alpha_reserve": alpha}


# ---------------------------------------------------------------------------------------------------------
# pallets/subtensor/src/coinbase/block_emission.rs (I96F32, substrate-fixed transcendental::log2)
# ---------------------------------------------------------------------------------------------------------
TOTAL_SUPPLY = 21_000_000_000_000_000
DEFAULT_BLOCK_EMISSION = 1_000_000_000
F32 = 32
I96_ONE = 1 << F32


def _i96_div(a, b):
    if b == 0:
        return None
    q = abs(a << F32) // abs(b)
    if (a < 0) != (b < 0):
        q = -q
    return None if q > I128_MAX or q < -(1 << 127) else q


def _log2_int_part(bits):
    """Integer part of substrate-fixed log2 for a value >= 1: halve with round-half-up while >= 2."""
    k = 0
    while bits >= 2 * I96_ONE:
        k += 1
        bits = (bits >> 1) + (bits & 1)
    return k


def block_emission(issuance):
    total = issuance << F32
    if total >= TOTAL_SUPPLY << F32:
        return 0
    q = _i96_div(total, (2 * 10_500_000_000_000_000) << F32)
    d = I96_ONE - q
    r = _i96_div(I96_ONE, d)
    if r is None or r <= 0:
        raise ValueError("Logarithm calculation failed")
    if r < I96_ONE:
        # log2 of a value below 1 is negative; floor() then saturating_to_num::<u64>() gives 0
        k = 0
    else:
        k = _log2_int_part(r)
    multiplier = I96_ONE
    for _ in range(k):
        multiplier = min(multiplier * 2, I128_MAX)  # saturating_mul by 2.0
    pct = _i96_div(I96_ONE, multiplier) or 0  # safe_div
    em = (pct * (DEFAULT_BLOCK_EMISSION << F32)) >> F32
    return min(max(em, 0) >> F32, U64_MAX)


def main(argv):
    if len(argv) >= 3 and argv[1] == "case":
        with open(argv[2]) as f:
            kind, value = run_case(json.load(f))
        if kind == "ok":
            print(json.dumps(value, separators=(", ", ": ")))
            return 0
        print(value)
        return 1
    if len(argv) >= 3 and argv[1] == "emission":
        print(block_emission(int(argv[2])))
        return 0
    if len(argv) >= 3 and argv[1] == "jsonl":
        with open(argv[2]) as f:
            for line in f:
                if line.strip():
                    kind, value = run_case(json.loads(line))
                    print(json.dumps({kind: value}))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
