using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// The registration burn price (spec-yuma §6.2): halves every BurnHalfLife blocks (per-block Q32 factor),
/// ×BurnIncreaseMult after each registration, clamped to [MinBurn, MaxBurn]. Integer arithmetic only.
/// </summary>
public static class RegistrationPrice
{
    private const ulong Q32One = 1UL << 32;

    /// <summary>
    /// Per-block update for every subnet (<c>on_initialize</c>): decay when BurnHalfLife &gt; 0 and block &gt; 1,
    /// clamp, and reset the per-block registration counter.
    /// </summary>
    public static void OnInitialize(IStateAccess state, ulong block)
    {
        foreach (var (netuid, added) in SubtensorStorage.NetworksAdded.Iterate(state).ToList())
        {
            if (!added) continue;
            ushort halfLife = SubtensorStorage.BurnHalfLife.Get(state, netuid);
            if (halfLife > 0 && block > 1)
            {
                ulong burn = SubtensorStorage.Burn.Get(state, netuid);
                ulong factor = DecayFactorQ32(halfLife);
                ulong decayed = (ulong)(((UInt128)burn * factor) >> 32);
                SubtensorStorage.Burn.Set(state, netuid, Clamp(state, netuid, decayed));
            }
            SubtensorStorage.RegistrationsThisBlock.Set(state, netuid, 0);
        }
    }

    /// <summary>
    /// The per-block factor f (Q32): the largest integer in [0, 2^32) with pow_q32(f, halfLife) ≤ 2^31, found by
    /// binary search (the monotone pow makes the search exact). For 360 blocks f = 4286705684.
    /// </summary>
    public static ulong DecayFactorQ32(ushort halfLife)
    {
        ulong lo = 0, hi = Q32One - 1;
        while (lo < hi)
        {
            ulong mid = lo + (hi - lo + 1) / 2;
            if (PowQ32(mid, halfLife) <= Q32One / 2) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>Square-and-multiply in Q32 with <c>mul_q32(x, y) = min(⌊x·y/2^32⌋, u64::MAX)</c>.</summary>
    public static ulong PowQ32(ulong baseQ32, uint exponent)
    {
        ulong result = Q32One;
        ulong b = baseQ32;
        uint e = exponent;
        while (e > 0)
        {
            if ((e & 1) != 0) result = MulQ32(result, b);
            e >>= 1;
            if (e > 0) b = MulQ32(b, b);
        }
        return result;
    }

    private static ulong MulQ32(ulong x, ulong y)
    {
        UInt128 p = ((UInt128)x * y) >> 32;
        return p > ulong.MaxValue ? ulong.MaxValue : (ulong)p;
    }

    /// <summary>After a registration: burn ← clamp(⌊U64F64(burn)·max(BurnIncreaseMult, 1)⌋).</summary>
    public static void BumpAfterRegistration(IStateAccess state, NetUid netuid)
    {
        ulong burn = SubtensorStorage.Burn.Get(state, netuid);
        UInt128 mult = SubtensorStorage.BurnIncreaseMult.Get(state, netuid);
        UInt128 one = (UInt128)1 << 64;
        if (mult < one) mult = one;
        // U64F64 product floored: (burn·2^64)·mult / 2^64 / 2^64 = burn·mult / 2^64; saturate beyond u64.
        UInt128 whole = MulHigh(burn, mult);
        ulong bumped = whole > ulong.MaxValue ? ulong.MaxValue : (ulong)whole;
        SubtensorStorage.Burn.Set(state, netuid, Clamp(state, netuid, bumped));
    }

    /// <summary>⌊a·m / 2^64⌋ for a u64 and a U64F64 multiplier, without overflow.</summary>
    private static UInt128 MulHigh(ulong a, UInt128 m)
    {
        ulong mHi = (ulong)(m >> 64);
        ulong mLo = (ulong)m;
        UInt128 high = (UInt128)a * mHi;
        UInt128 low = ((UInt128)a * mLo) >> 64;
        return high + low;
    }

    private static ulong Clamp(IStateReader state, NetUid netuid, ulong burn)
    {
        ulong min = SubtensorStorage.MinBurn.Get(state, netuid);
        ulong max = SubtensorStorage.MaxBurn.Get(state, netuid);
        return System.Math.Max(System.Math.Min(burn, max), min);
    }
}
