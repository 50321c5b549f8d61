namespace TaoSharp.Math;

/// <summary>
/// Fixed→fixed and fixed→integer conversions with substrate-fixed's saturating_from_num rules:
/// fraction bits that are removed are truncated by an arithmetic shift (floor), and a value
/// outside the target range clamps to the target's MIN/MAX (negative → 0 for unsigned targets).
/// </summary>
internal static class FixedConvert
{
    public static Int128 SignedToSigned(Int128 bits, int srcFrac, int dstFrac, Int128 min, Int128 max)
    {
        if (dstFrac <= srcFrac)
        {
            Int128 shifted = bits >> (srcFrac - dstFrac);
            return shifted < min ? min : shifted > max ? max : shifted;
        }

        int k = dstFrac - srcFrac;
        // min is a multiple of 2^k for every pair of our types, so these bounds are exact.
        if (bits > (max >> k))
        {
            return max;
        }

        return bits < (min >> k) ? min : bits << k;
    }

    public static UInt128 SignedToUnsigned(Int128 bits, int srcFrac, int dstFrac, UInt128 max) =>
        bits < 0 ? UInt128.Zero : UnsignedToUnsigned((UInt128)bits, srcFrac, dstFrac, max);

    public static UInt128 UnsignedToUnsigned(UInt128 bits, int srcFrac, int dstFrac, UInt128 max)
    {
        if (dstFrac <= srcFrac)
        {
            UInt128 shifted = bits >> (srcFrac - dstFrac);
            return shifted > max ? max : shifted;
        }

        int k = dstFrac - srcFrac;
        return bits > (max >> k) ? max : bits << k;
    }

    public static Int128 UnsignedToSigned(UInt128 bits, int srcFrac, int dstFrac, Int128 max) =>
        (Int128)UnsignedToUnsigned(bits, srcFrac, dstFrac, (UInt128)max);

    // Fixed → integer: drop the fraction (floor), then clamp.
    public static ushort ToU16(Int128 bits, int frac) => (ushort)Clamp(bits >> frac, 0, ushort.MaxValue);

    public static ulong ToU64(Int128 bits, int frac) => (ulong)Clamp(bits >> frac, 0, ulong.MaxValue);

    public static long ToI64(Int128 bits, int frac) => (long)Clamp(bits >> frac, long.MinValue, long.MaxValue);

    public static UInt128 ToU128(Int128 bits, int frac) => bits < 0 ? UInt128.Zero : (UInt128)(bits >> frac);

    public static ushort ToU16(UInt128 bits, int frac)
    {
        UInt128 v = bits >> frac;
        return v > ushort.MaxValue ? ushort.MaxValue : (ushort)v;
    }

    public static ulong ToU64(UInt128 bits, int frac)
    {
        UInt128 v = bits >> frac;
        return v > ulong.MaxValue ? ulong.MaxValue : (ulong)v;
    }

    public static long ToI64(UInt128 bits, int frac)
    {
        UInt128 v = bits >> frac;
        return v > long.MaxValue ? long.MaxValue : (long)v;
    }

    // Integer → fixed: exact shift, clamped to the type's range.
    public static Int128 SignedFromInt(Int128 value, int frac, Int128 min, Int128 max) =>
        SignedToSigned(value, 0, frac, min, max);

    public static UInt128 UnsignedFromInt(Int128 value, int frac) =>
        SignedToUnsigned(value, 0, frac, UInt128.MaxValue);

    public static Int128 SignedFromUInt(UInt128 value, int frac, Int128 max) =>
        UnsignedToSigned(value, 0, frac, max);

    public static UInt128 UnsignedFromUInt(UInt128 value, int frac) =>
        UnsignedToUnsigned(value, 0, frac, UInt128.MaxValue);

    private static Int128 Clamp(Int128 v, Int128 lo, Int128 hi) => v < lo ? lo : v > hi ? hi : v;
}
