using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;

namespace TaoSharp.Math;

/// <summary>
/// Exact decimal text for fixed-point values. Formatting is exact because 2^-F has exactly F decimal
/// digits; parsing rounds to nearest, ties to even. Parsing uses BigInteger and is meant for tests and
/// CLI input only, never for a state transition.
/// </summary>
internal static class FixedDecimal
{
    /// <summary>Longest accepted input; bounds the BigInteger work an attacker-supplied string can cause.</summary>
    public const int MaxInputLength = 256;

    public static string Format(bool negative, UInt128 magnitude, int frac)
    {
        UInt128 integer = magnitude >> frac;
        UInt128 fraction = magnitude & ((UInt128.One << frac) - 1);
        var sb = new StringBuilder(64);
        if (negative && magnitude != UInt128.Zero)
        {
            sb.Append('-');
        }

        sb.Append(integer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (fraction != UInt128.Zero)
        {
            sb.Append('.');
            UInt128 mask = (UInt128.One << frac) - 1;
            while (fraction != UInt128.Zero)
            {
                // fraction < 2^frac ≤ 2^64, so ×10 cannot overflow 128 bits.
                fraction *= 10;
                sb.Append((char)('0' + (int)(fraction >> frac)));
                fraction &= mask;
            }
        }

        return sb.ToString();
    }

    public static BigInteger Parse(string? text, int frac, BigInteger min, BigInteger max, string typeName)
    {
        if (!TryParse(text, frac, out BigInteger bits, out string? error))
        {
            throw new FormatException($"{typeName}: {error}");
        }

        if (bits < min || bits > max)
        {
            throw new OverflowException($"{typeName}: '{text}' is outside the representable range.");
        }

        return bits;
    }

    public static bool TryParse(string? text, int frac, BigInteger min, BigInteger max, out BigInteger bits)
    {
        if (!TryParse(text, frac, out bits, out _) || bits < min || bits > max)
        {
            bits = BigInteger.Zero;
            return false;
        }

        return true;
    }

    private static bool TryParse(string? text, int frac, out BigInteger bits, [NotNullWhen(false)] out string? error)
    {
        bits = BigInteger.Zero;
        if (string.IsNullOrEmpty(text))
        {
            error = "empty input is not a decimal number.";
            return false;
        }

        if (text.Length > MaxInputLength)
        {
            error = $"input longer than {MaxInputLength} characters.";
            return false;
        }

        ReadOnlySpan<char> s = text.AsSpan();
        bool negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        BigInteger numerator = BigInteger.Zero;
        int decimals = 0, digits = 0;
        bool seenPoint = false;
        foreach (char c in s)
        {
            if (c == '.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }

            if (c is < '0' or > '9')
            {
                error = $"'{text}' is not a plain decimal number (digits, optional sign and one '.').";
                return false;
            }

            numerator = numerator * 10 + (c - '0');
            digits++;
            if (seenPoint)
            {
                decimals++;
            }
        }

        if (digits == 0)
        {
            error = $"'{text}' has no digits.";
            return false;
        }

        BigInteger denominator = BigInteger.Pow(10, decimals);
        BigInteger scaled = numerator << frac;
        BigInteger quotient = BigInteger.DivRem(scaled, denominator, out BigInteger remainder);
        BigInteger twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven))
        {
            quotient += 1;
        }

        bits = negative ? -quotient : quotient;
        error = null;
        return true;
    }
}
