namespace TaoSharp.Math;

/// <summary>A fraction in [0, 1] stored as parts per 10^9 (Substrate's <c>Perbill</c>).</summary>
public readonly record struct Perbill : IComparable<Perbill>
{
    /// <summary>Parts that make up one whole.</summary>
    public const uint Accuracy = 1_000_000_000;

    /// <summary>Creates a value from raw parts; parts above <see cref="Accuracy"/> are clamped to one.</summary>
    public Perbill(uint parts) => Parts = System.Math.Min(parts, Accuracy);

    public uint Parts { get; }

    public static Perbill Zero => default;
    public static Perbill One => new(Accuracy);

    public static Perbill FromParts(uint parts) => new(parts);

    /// <summary><c>p/q</c> rounded down; one when <c>p ≥ q</c> or <c>q = 0</c>.</summary>
    public static Perbill FromRational(ulong p, ulong q)
    {
        if (q == 0 || p >= q)
        {
            return One;
        }

        return new Perbill((uint)((UInt128)p * Accuracy / q));
    }

    /// <summary>
    /// <c>⌊value · parts / 10^9⌋</c> (rounding down; Substrate's <c>mul_floor</c>).
    /// </summary>
    public ulong MulFloor(ulong value) => (ulong)((UInt128)value * Parts / Accuracy);

    public int CompareTo(Perbill other) => Parts.CompareTo(other.Parts);

    public static bool operator <(Perbill a, Perbill b) => a.Parts < b.Parts;
    public static bool operator >(Perbill a, Perbill b) => a.Parts > b.Parts;
    public static bool operator <=(Perbill a, Perbill b) => a.Parts <= b.Parts;
    public static bool operator >=(Perbill a, Perbill b) => a.Parts >= b.Parts;

    public override string ToString() =>
        Parts == Accuracy ? "1" : "0." + Parts.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
}
