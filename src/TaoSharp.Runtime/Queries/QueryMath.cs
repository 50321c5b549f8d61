using TaoSharp.Math;

namespace TaoSharp.Runtime.Queries;

/// <summary>Unit conversions shared by the read models (fixed point only).</summary>
public static class QueryMath
{
    private static readonly U64F64 RaoPerTao = U64F64.FromUInt(1_000_000_000UL);

    /// <summary>A TAO-per-alpha price as RAO per 10^9 alpha units, floored.</summary>
    public static ulong RaoPerAlpha(U64F64 price) => price.SaturatingMul(RaoPerTao).SaturatingToU64();
}
