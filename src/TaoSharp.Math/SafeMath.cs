namespace TaoSharp.Math;

/// <summary>
/// Integer helpers matching subtensor's safe-math crate and Rust's saturating integer methods:
/// division by zero yields 0 (or the given fallback) instead of panicking, and arithmetic clamps
/// instead of wrapping.
/// </summary>
public static class SafeMath
{
    // ---- safe_div: 0 on division by zero (and on the one signed overflow, MIN / -1) ----

    public static ulong SafeDiv(ulong a, ulong b) => b == 0 ? 0 : a / b;
    public static uint SafeDiv(uint a, uint b) => b == 0 ? 0 : a / b;
    public static ushort SafeDiv(ushort a, ushort b) => b == 0 ? (ushort)0 : (ushort)(a / b);
    public static UInt128 SafeDiv(UInt128 a, UInt128 b) => b == UInt128.Zero ? UInt128.Zero : a / b;
    public static long SafeDiv(long a, long b) => SafeDivOr(a, b, 0);
    public static Int128 SafeDiv(Int128 a, Int128 b) => SafeDivOr(a, b, Int128.Zero);

    // ---- safe_div_or: the fallback on division by zero ----

    public static ulong SafeDivOr(ulong a, ulong b, ulong fallback) => b == 0 ? fallback : a / b;
    public static UInt128 SafeDivOr(UInt128 a, UInt128 b, UInt128 fallback) => b == UInt128.Zero ? fallback : a / b;
    public static long SafeDivOr(long a, long b, long fallback) => b == 0 || (a == long.MinValue && b == -1) ? fallback : a / b;
    public static Int128 SafeDivOr(Int128 a, Int128 b, Int128 fallback) =>
        b == Int128.Zero || (a == Int128.MinValue && b == Int128.NegativeOne) ? fallback : a / b;

    // ---- saturating arithmetic (Rust's saturating_add/sub/mul) ----

    public static ulong SaturatingAdd(ulong a, ulong b)
    {
        ulong r = unchecked(a + b);
        return r < a ? ulong.MaxValue : r;
    }

    public static ulong SaturatingSub(ulong a, ulong b) => a < b ? 0 : a - b;

    public static ulong SaturatingMul(ulong a, ulong b)
    {
        ulong high = System.Math.BigMul(a, b, out ulong low);
        return high != 0 ? ulong.MaxValue : low;
    }

    public static ushort SaturatingAdd(ushort a, ushort b) => (ushort)System.Math.Min(a + b, ushort.MaxValue);
    public static ushort SaturatingSub(ushort a, ushort b) => a < b ? (ushort)0 : (ushort)(a - b);
    public static ushort SaturatingMul(ushort a, ushort b) => (ushort)System.Math.Min((uint)a * b, ushort.MaxValue);

    public static long SaturatingAdd(long a, long b)
    {
        long r = unchecked(a + b);
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : r;
    }

    public static long SaturatingSub(long a, long b)
    {
        long r = unchecked(a - b);
        return ((a ^ b) & (a ^ r)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : r;
    }

    public static UInt128 SaturatingAdd(UInt128 a, UInt128 b)
    {
        UInt128 r = unchecked(a + b);
        return r < a ? UInt128.MaxValue : r;
    }

    public static UInt128 SaturatingSub(UInt128 a, UInt128 b) => a < b ? UInt128.Zero : a - b;

    public static UInt128 SaturatingMul(UInt128 a, UInt128 b)
    {
        UInt128 high = WideArithmetic.Multiply(a, b, out UInt128 low);
        return high != UInt128.Zero ? UInt128.MaxValue : low;
    }

    /// <summary>u128 → u64 clamping at u64::MAX (Rust's <c>u64::try_from(x).unwrap_or(u64::MAX)</c> idiom).</summary>
    public static ulong SaturatingToU64(UInt128 value) => value > ulong.MaxValue ? ulong.MaxValue : (ulong)value;

    /// <summary>⌊a·b / divisor⌋ with an exact 128-bit product, clamped to u64::MAX; 0 when the divisor is 0.</summary>
    public static ulong MulDivFloor(ulong a, ulong b, ulong divisor) =>
        divisor == 0 ? 0 : SaturatingToU64(((UInt128)a * b) / divisor);
}
