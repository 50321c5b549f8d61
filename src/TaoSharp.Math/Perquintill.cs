using System.Numerics;

namespace TaoSharp.Math;

/// <summary>
/// A fraction in [0, 1] stored as parts per 10^18 (Substrate's <c>Perquintill</c>).
/// The balancer pool stores its quote (TAO) weight in this type (spec-dtao §3.4.1).
/// </summary>
public readonly record struct Perquintill : IComparable<Perquintill>
{
    /// <summary>Parts that make up one whole.</summary>
    public const ulong Accuracy = 1_000_000_000_000_000_000UL;

    /// <summary>Creates a value from raw parts; parts above <see cref="Accuracy"/> are clamped to one (as Substrate does).</summary>
    public Perquintill(ulong parts) => Parts = System.Math.Min(parts, Accuracy);

    /// <summary>Raw parts per 10^18 (Substrate's <c>deconstruct()</c>).</summary>
    public ulong Parts { get; }

    public static Perquintill Zero => default;
    public static Perquintill One => new(Accuracy);
    public static Perquintill Half => FromRational(1, 2);

    public static Perquintill FromParts(ulong parts) => new(parts);

    /// <summary>
    /// <c>p/q</c> rounded down; one when <c>p ≥ q</c> or <c>q = 0</c> (Substrate saturates the same way:
    /// its rounding helper fails only for p &gt; q or q = 0 and the caller falls back to one).
    /// </summary>
    public static Perquintill FromRational(UInt128 p, UInt128 q)
    {
        if (q == UInt128.Zero || p >= q)
        {
            return One;
        }

        // p < q so the quotient is below Accuracy; the 256-bit product needs BigInteger.
        var parts = (BigInteger)p * Accuracy / (BigInteger)q;
        return new Perquintill((ulong)parts);
    }

    /// <summary>
    /// <c>value · this</c> rounded to the nearest integer, halves up, saturating at <see cref="UInt128.MaxValue"/>
    /// (the balancer's <c>mul_perquintill_round</c>, computed in 256 bits).
    /// </summary>
    public UInt128 MulRoundHalfUp(UInt128 value)
    {
        var rounded = ((BigInteger)value * Parts + Accuracy / 2) / Accuracy;
        return rounded > (BigInteger)UInt128.MaxValue ? UInt128.MaxValue : (UInt128)rounded;
    }

    public Perquintill SaturatingSub(Perquintill other) => new(Parts > other.Parts ? Parts - other.Parts : 0);

    public Perquintill SaturatingAdd(Perquintill other) => new(Parts + System.Math.Min(other.Parts, Accuracy - Parts));

    /// <summary>One minus this value (the other weight of a two-asset pool).</summary>
    public Perquintill Complement => new(Accuracy - Parts);

    public int CompareTo(Perquintill other) => Parts.CompareTo(other.Parts);

    public static bool operator <(Perquintill a, Perquintill b) => a.Parts < b.Parts;
    public static bool operator >(Perquintill a, Perquintill b) => a.Parts > b.Parts;
    public static bool operator <=(Perquintill a, Perquintill b) => a.Parts <= b.Parts;
    public static bool operator >=(Perquintill a, Perquintill b) => a.Parts >= b.Parts;

    /// <summary>Exact decimal rendering, e.g. "0.615384615384615384".</summary>
    public override string ToString() =>
        Parts == Accuracy ? "1" : "0." + Parts.ToString("D18", System.Globalization.CultureInfo.InvariantCulture);
}
