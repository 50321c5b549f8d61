namespace TaoSharp.Primitives;

/// <summary>
/// An amount of TAO in RAO (1 TAO = 10^9 RAO), subtensor's <c>TaoBalance(u64)</c>.
/// Arithmetic is explicit: saturating or checked, never silently wrapping.
/// </summary>
public readonly record struct TaoBalance(ulong Rao) : IComparable<TaoBalance>
{
    public const ulong RaoPerTao = RaoFormat.UnitsPerToken;

    public static TaoBalance Zero => default;

    public static TaoBalance MaxValue => new(ulong.MaxValue);

    /// <summary>Whole TAO to RAO; throws <see cref="OverflowException"/> above ~1.8e10 TAO (for constants and input, not state transitions).</summary>
    public static TaoBalance FromTao(ulong tao) => new(checked(tao * RaoPerTao));

    public bool IsZero => Rao == 0;

    public TaoBalance SaturatingAdd(TaoBalance other) =>
        new(Rao > ulong.MaxValue - other.Rao ? ulong.MaxValue : Rao + other.Rao);

    public TaoBalance SaturatingSub(TaoBalance other) => new(Rao > other.Rao ? Rao - other.Rao : 0);

    /// <summary>The sum, or null when it exceeds u64.</summary>
    public TaoBalance? CheckedAdd(TaoBalance other) =>
        Rao > ulong.MaxValue - other.Rao ? null : new TaoBalance(Rao + other.Rao);

    /// <summary>The difference, or null when it would go below zero.</summary>
    public TaoBalance? CheckedSub(TaoBalance other) => Rao >= other.Rao ? new TaoBalance(Rao - other.Rao) : null;

    public static TaoBalance Min(TaoBalance a, TaoBalance b) => a.Rao <= b.Rao ? a : b;

    public static TaoBalance Max(TaoBalance a, TaoBalance b) => a.Rao >= b.Rao ? a : b;

    public int CompareTo(TaoBalance other) => Rao.CompareTo(other.Rao);

    public static bool operator <(TaoBalance left, TaoBalance right) => left.Rao < right.Rao;
    public static bool operator >(TaoBalance left, TaoBalance right) => left.Rao > right.Rao;
    public static bool operator <=(TaoBalance left, TaoBalance right) => left.Rao <= right.Rao;
    public static bool operator >=(TaoBalance left, TaoBalance right) => left.Rao >= right.Rao;

    /// <summary>Exact amount in TAO with nine decimals, e.g. "1.500000000".</summary>
    public override string ToString() => RaoFormat.Format(Rao);

    /// <summary>Parses a decimal TAO amount ("1.5", at most nine decimals) exactly; for CLI input and tests.</summary>
    public static TaoBalance ParseTao(string text) =>
        TryParseTao(text, out var value) ? value : throw new FormatException($"Not a TAO amount (up to 9 decimals): '{text}'.");

    public static bool TryParseTao(ReadOnlySpan<char> text, out TaoBalance value)
    {
        bool ok = RaoFormat.TryParse(text, out ulong rao);
        value = new TaoBalance(rao);
        return ok;
    }
}
