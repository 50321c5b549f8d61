namespace TaoSharp.Primitives;

/// <summary>
/// An amount of a subnet's alpha token in its base unit (1 α = 10^9 units), subtensor's <c>AlphaBalance(u64)</c>.
/// Deliberately a different type from <see cref="TaoBalance"/> so the two cannot be mixed up.
/// Arithmetic is explicit: saturating or checked, never silently wrapping.
/// </summary>
public readonly record struct AlphaBalance(ulong Raw) : IComparable<AlphaBalance>
{
    public const ulong RawPerAlpha = RaoFormat.UnitsPerToken;

    public static AlphaBalance Zero => default;

    public static AlphaBalance MaxValue => new(ulong.MaxValue);

    /// <summary>Whole TAO to RAO; throws <see cref="OverflowException"/> above ~1.8e10 alpha (for constants and input, not state transitions).</summary>
    public static AlphaBalance FromAlpha(ulong alpha) => new(checked(alpha * RawPerAlpha));

    public bool IsZero => Raw == 0;

    public AlphaBalance SaturatingAdd(AlphaBalance other) =>
        new(Raw > ulong.MaxValue - other.Raw ? ulong.MaxValue : Raw + other.Raw);

    public AlphaBalance SaturatingSub(AlphaBalance other) => new(Raw > other.Raw ? Raw - other.Raw : 0);

    /// <summary>The sum, or null when it exceeds u64.</summary>
    public AlphaBalance? CheckedAdd(AlphaBalance other) =>
        Raw > ulong.MaxValue - other.Raw ? null : new AlphaBalance(Raw + other.Raw);

    /// <summary>The difference, or null when it would go below zero.</summary>
    public AlphaBalance? CheckedSub(AlphaBalance other) => Raw >= other.Raw ? new AlphaBalance(Raw - other.Raw) : null;

    public static AlphaBalance Min(AlphaBalance a, AlphaBalance b) => a.Raw <= b.Raw ? a : b;

    public static AlphaBalance Max(AlphaBalance a, AlphaBalance b) => a.Raw >= b.Raw ? a : b;

    public int CompareTo(AlphaBalance other) => Raw.CompareTo(other.Raw);

    public static bool operator <(AlphaBalance left, AlphaBalance right) => left.Raw < right.Raw;
    public static bool operator >(AlphaBalance left, AlphaBalance right) => left.Raw > right.Raw;
    public static bool operator <=(AlphaBalance left, AlphaBalance right) => left.Raw <= right.Raw;
    public static bool operator >=(AlphaBalance left, AlphaBalance right) => left.Raw >= right.Raw;

    /// <summary>Exact amount in alpha with nine decimals, e.g. "1.500000000".</summary>
    public override string ToString() => RaoFormat.Format(Raw);

    /// <summary>Parses a decimal alpha amount ("1.5", at most nine decimals) exactly; for CLI input and tests.</summary>
    public static AlphaBalance ParseAlpha(string text) =>
        TryParseAlpha(text, out var value) ? value : throw new FormatException($"Not an alpha amount (up to 9 decimals): '{text}'.");

    public static bool TryParseAlpha(ReadOnlySpan<char> text, out AlphaBalance value)
    {
        bool ok = RaoFormat.TryParse(text, out ulong raw);
        value = new AlphaBalance(raw);
        return ok;
    }
}
