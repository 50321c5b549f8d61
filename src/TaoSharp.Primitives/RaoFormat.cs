using System.Globalization;

namespace TaoSharp.Primitives;

/// <summary>
/// Exact decimal rendering and parsing of 9-decimal token amounts (1 TAO = 10^9 RAO; alpha likewise).
/// Pure integer work: no floating point ever touches an amount.
/// </summary>
internal static class RaoFormat
{
    internal const ulong UnitsPerToken = 1_000_000_000UL;
    internal const int Decimals = 9;

    /// <summary>"12.345000000": whole part, a dot, always nine decimals.</summary>
    internal static string Format(ulong units) =>
        string.Create(CultureInfo.InvariantCulture, $"{units / UnitsPerToken}.{units % UnitsPerToken:D9}");

    /// <summary>
    /// Parses "12", "12.5", "0.000000001" (at most nine decimals, no sign, no exponent, no separators)
    /// into base units. Fails on anything else or on overflow of u64.
    /// </summary>
    internal static bool TryParse(ReadOnlySpan<char> text, out ulong units)
    {
        units = 0;
        text = text.Trim();
        int dot = text.IndexOf('.');
        ReadOnlySpan<char> whole = dot < 0 ? text : text[..dot];
        ReadOnlySpan<char> fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.IsEmpty && fraction.IsEmpty || fraction.Length > Decimals || (dot >= 0 && fraction.IsEmpty))
        {
            return false;
        }

        if (!AllDigits(whole) || !AllDigits(fraction))
        {
            return false;
        }

        ulong wholeValue = 0;
        if (!whole.IsEmpty && !ulong.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out wholeValue))
        {
            return false;
        }

        ulong fractionValue = 0;
        for (int i = 0; i < Decimals; i++)
        {
            fractionValue = (fractionValue * 10) + (i < fraction.Length ? (ulong)(fraction[i] - '0') : 0);
        }

        try
        {
            units = checked((wholeValue * UnitsPerToken) + fractionValue);
            return true;
        }
        catch (OverflowException)
        {
            units = 0;
            return false;
        }
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
