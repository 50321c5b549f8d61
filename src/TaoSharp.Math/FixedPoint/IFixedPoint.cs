using System.Numerics;

namespace TaoSharp.Math;

/// <summary>
/// The members every fixed-point type shares, so generic code (vector helpers, tests) can be written
/// once for I32F32, I64F64, … The raw <c>Bits</c> differ in type (long, Int128, UInt128) and are therefore
/// not part of this interface.
/// </summary>
public interface IFixedPoint<TSelf> :
    IEquatable<TSelf>, IComparable<TSelf>,
    IComparisonOperators<TSelf, TSelf, bool>,
    IAdditionOperators<TSelf, TSelf, TSelf>, ISubtractionOperators<TSelf, TSelf, TSelf>,
    IMultiplyOperators<TSelf, TSelf, TSelf>, IDivisionOperators<TSelf, TSelf, TSelf>
    where TSelf : struct, IFixedPoint<TSelf>
{
    static abstract TSelf Zero { get; }
    static abstract TSelf One { get; }
    static abstract TSelf MaxValue { get; }
    static abstract TSelf MinValue { get; }
    static abstract TSelf Delta { get; }

    bool IsZero { get; }

    static abstract TSelf FromInt(long value);
    static abstract TSelf FromUInt(ulong value);
    static abstract TSelf FromInt(Int128 value);
    static abstract TSelf FromUInt(UInt128 value);
    static abstract TSelf Parse(string text);
    static abstract bool TryParse(string? text, out TSelf value);
    static abstract TSelf Min(TSelf a, TSelf b);
    static abstract TSelf Max(TSelf a, TSelf b);

    TSelf SaturatingAdd(TSelf other);
    TSelf SaturatingSub(TSelf other);
    TSelf SaturatingMul(TSelf other);
    TSelf SaturatingDiv(TSelf other);
    TSelf? CheckedAdd(TSelf other);
    TSelf? CheckedSub(TSelf other);
    TSelf? CheckedMul(TSelf other);
    TSelf? CheckedDiv(TSelf other);
    TSelf SafeDiv(TSelf other);
    TSelf SafeDivOr(TSelf divisor, TSelf fallback);

    ushort SaturatingToU16();
    ulong SaturatingToU64();
    long SaturatingToI64();
    UInt128 SaturatingToU128();

    TSelf Round();
    TSelf Floor();
    TSelf Clamp(TSelf lo, TSelf hi);

    I32F32 ToI32F32();
    I64F64 ToI64F64();
    I96F32 ToI96F32();
    U64F64 ToU64F64();
    U96F32 ToU96F32();
    I110F18 ToI110F18();
}

/// <summary>Members only the signed fixed-point types have.</summary>
public interface ISignedFixedPoint<TSelf> : IFixedPoint<TSelf>, IUnaryNegationOperators<TSelf, TSelf>
    where TSelf : struct, ISignedFixedPoint<TSelf>
{
    bool IsNegative { get; }

    TSelf Abs();
}
