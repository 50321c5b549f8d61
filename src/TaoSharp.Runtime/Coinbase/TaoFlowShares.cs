using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>
/// The TAO-flow emission shares that were live from 2025-11-04 to 2026-06-22 (spec-dtao §2.7, the reference's
/// <c>get_shares_flow</c>): per subnet an EMA of user TAO flow (stake in, unstake out, registration burns) and, with
/// <c>NetTaoFlowEnabled</c>, an EMA of protocol flow (injections and chain buys in, root-claim sells out) normalised so
/// its positive total never exceeds the users'. Net flows are clipped at L = max(TaoFlowCutoff, min(min_i net_i, 0)),
/// offset by L and normalised with exponent p (<see cref="PowNormalize"/>). Selectable with
/// <see cref="EmissionShareRule.TaoFlow"/> so the simulator can compare it with the current rule.
/// </summary>
public static class TaoFlowShares
{
    /// <summary><c>FlowEmaSmoothingFactor</c> default: α = 29 597 889 189 277 / i64::MAX ≈ 3.2e-6 (30-day half-life).</summary>
    public const ulong DefaultSmoothingFactor = 29_597_889_189_277;

    /// <summary>Shares for the emission set (same order), updating both flow EMAs for <paramref name="block"/>.</summary>
    public static U64F64[] Compute(IStateAccess s, IReadOnlyList<NetUid> emitSet, ulong block)
    {
        var netFlowEnabled = SubtensorStorage.NetTaoFlowEnabled.Get(s);
        var user = new I64F64[emitSet.Count];
        var protocol = new I64F64[emitSet.Count];
        for (var i = 0; i < emitSet.Count; i++)
        {
            user[i] = UpdateEma(s, SubtensorStorage.SubnetTaoFlow, SubtensorStorage.SubnetEmaTaoFlow, emitSet[i], block);
            protocol[i] = UpdateEma(s, SubtensorStorage.SubnetProtocolFlow, SubtensorStorage.SubnetEmaProtocolFlow, emitSet[i], block);
        }

        return SharesFromEmas(user, protocol, netFlowEnabled, SubtensorStorage.TaoFlowCutoff.Get(s), SubtensorStorage.FlowNormExponent.Get(s));
    }

    /// <summary>The pure part: net flows, the lower limit, the offset and the power normalisation.</summary>
    public static U64F64[] SharesFromEmas(I64F64[] user, I64F64[] protocol, bool netFlowEnabled, I64F64 cutoff, U64F64 exponent)
    {
        var zero = I64F64.Zero;
        var norm = zero;
        if (netFlowEnabled)
        {
            I64F64 userPositive = zero, protocolPositive = zero;
            for (var i = 0; i < user.Length; i++)
            {
                userPositive = userPositive.SaturatingAdd(I64F64.Max(user[i], zero));
                protocolPositive = protocolPositive.SaturatingAdd(I64F64.Max(protocol[i], zero));
            }

            norm = protocolPositive > zero ? I64F64.Min(userPositive.SafeDiv(protocolPositive), I64F64.One) : zero;
        }

        var net = new I64F64[user.Length];
        for (var i = 0; i < user.Length; i++)
        {
            var scaledProtocol = protocol[i] > zero ? norm.SaturatingMul(protocol[i]) : protocol[i];
            net[i] = netFlowEnabled ? user[i].SaturatingSub(scaledProtocol) : user[i];
        }

        var lowest = zero;
        foreach (var f in net) lowest = I64F64.Min(lowest, I64F64.Min(f, zero));
        var limit = I64F64.Max(cutoff, lowest);
        var offset = net.Select(f => f > limit ? f.SaturatingSub(limit).ToU64F64() : U64F64.Zero).ToArray();
        PowNormalize(offset, exponent);
        return offset;
    }

    /// <summary>
    /// <c>inplace_pow_normalize</c>: scale so the maximum is 1, rescale by √(i32::MAX / (n·max²)) (bisection square
    /// root, ε = 1/1000) so the powers use I32F32's range, raise each to p through exp(p·ln v) in I32F32 and divide by
    /// the sum. When every value is too small for I32F32 the values are left scaled to max 1 (as the reference does).
    /// </summary>
    public static void PowNormalize(U64F64[] values, U64F64 p)
    {
        var max = values.Length == 0 ? U64F64.Zero : values.Max();
        var factor = U64F64.One.SafeDiv(max);
        for (var i = 0; i < values.Length; i++) values[i] = factor.SaturatingMul(values[i]);

        max = values.Length == 0 ? U64F64.Zero : values.Max();
        var maxTimesCount = U64F64.FromUInt((ulong)values.Length).SaturatingMul(max.SaturatingMul(max));
        var i32Max = U64F64.FromUInt(int.MaxValue);
        var precisionMin = i32Max.SafeDiv(U64F64.FromUInt(ulong.MaxValue));
        if (maxTimesCount < precisionMin) return;

        var epsilon = U64F64.One.SafeDiv(U64F64.FromUInt(1_000));
        var scale = CheckedSqrt(i32Max.SafeDiv(maxTimesCount), epsilon);
        var sum = U64F64.Zero;
        foreach (var v in values) sum += SafePow(scale.SaturatingMul(v), p);
        for (var i = 0; i < values.Length; i++) values[i] = SafePow(scale.SaturatingMul(values[i]), p).SafeDiv(sum);
    }

    /// <summary><c>safe_pow</c>: exp(p·ln v) in I32F32; 0 when ln fails (v truncates to 0), i32::MAX when exp overflows.</summary>
    public static U64F64 SafePow(U64F64 value, U64F64 p)
    {
        var ln = Ln(value.ToI32F32());
        if (ln is not { } l) return U64F64.Zero;
        var result = FixedMath.Exp(p.ToI32F32().SaturatingMul(l)) ?? I32F32.FromInt(int.MaxValue);
        return result.ToU64F64();
    }

    /// <summary>log2(e) as substrate-fixed stores it (I9F23: ⌊log2(e)·2^23⌋), used by its <c>ln</c>.</summary>
    private static readonly I32F32 Log2E = I32F32.FromBits(12_102_203L << 9);

    /// <summary><c>substrate_fixed::transcendental::ln</c> for I32F32: log2(v) / log2(e); null for v ≤ 0.</summary>
    public static I32F32? Ln(I32F32 value)
    {
        if (value <= I32F32.Zero) return null;
        var log2 = value < I32F32.One ? -Log2AtLeastOne(I32F32.One / value) : Log2AtLeastOne(value);
        return log2 / Log2E;
    }

    /// <summary>
    /// <c>log2_inner</c>: the integer part by halving with round-half-up until below 2, then one fraction bit per
    /// squaring (32 of them), each square truncated.
    /// </summary>
    private static I32F32 Log2AtLeastOne(I32F32 x)
    {
        var two = I32F32.FromInt(2);
        long result = 0;
        while (x >= two)
        {
            result += 1;
            x = HalveRoundingUp(x);
        }

        if (x == I32F32.One) return I32F32.FromInt(result);
        for (var i = 0; i < I32F32.FractionBits; i++)
        {
            x *= x;
            result <<= 1;
            if (x >= two)
            {
                result |= 1;
                x = HalveRoundingUp(x);
            }
        }

        return I32F32.FromBits(result);
    }

    private static I32F32 HalveRoundingUp(I32F32 x) => I32F32.FromBits((x.Bits >> 1) + (x.Bits & 1));

    /// <summary>safe-math's <c>checked_sqrt</c>: bisection until |v/m − m| ≤ ε (at most 129 steps).</summary>
    public static U64F64 CheckedSqrt(U64F64 value, U64F64 epsilon)
    {
        var two = U64F64.FromUInt(2);
        U64F64 high, low;
        if (value > U64F64.One)
        {
            high = value;
            low = U64F64.Zero;
        }
        else
        {
            high = U64F64.One;
            low = value;
        }

        var middle = high.SaturatingAdd(low).SafeDiv(two);
        var check = value.SafeDiv(middle);
        for (var iteration = 0; AbsDiff(check, middle) > epsilon; )
        {
            if (check < middle) high = middle;
            else low = middle;
            middle = high.SaturatingAdd(low).SafeDiv(two);
            check = value.SafeDiv(middle);
            if (++iteration > 128) break;
        }

        return middle;
    }

    private static U64F64 AbsDiff(U64F64 a, U64F64 b) => a > b ? a - b : b - a;

    /// <summary>
    /// EMA' = (1 − α)·EMA + α·flow for the first call in a block (then the block's accumulator is cleared), stored
    /// with the block number; later calls in the same block return the stored value.
    /// </summary>
    private static I64F64 UpdateEma(IStateAccess s, StorageMap<NetUid, long> flow, StorageMap<NetUid, (ulong Block, I64F64 Ema)> ema, NetUid n, ulong block)
    {
        var (last, value) = ema.Get(s, n);
        if (last == block && ema.Contains(s, n)) return value;
        var alpha = I64F64.FromUInt(SubtensorStorage.FlowEmaSmoothingFactor.Get(s)).SafeDiv(I64F64.FromInt(long.MaxValue));
        var next = I64F64.One.SaturatingSub(alpha).SaturatingMul(value).SaturatingAdd(alpha.SaturatingMul(I64F64.FromInt(flow.Get(s, n))));
        ema.Set(s, n, (block, next));
        flow.Remove(s, n);
        return next;
    }

    /// <summary>Adds signed TAO to a subnet's per-block flow accumulator (saturating, as the reference's i64).</summary>
    public static void Record(IStateAccess s, StorageMap<NetUid, long> flow, NetUid n, ulong tao, bool inflow)
    {
        if (tao == 0) return;
        var amount = (long)System.Math.Min(tao, (ulong)long.MaxValue);
        flow.Mutate(s, n, v => inflow
            ? (v > long.MaxValue - amount ? long.MaxValue : v + amount)
            : (v < long.MinValue + amount ? long.MinValue : v - amount));
    }
}
