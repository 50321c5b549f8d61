namespace TaoSharp.Crypto.Ss58;

/// <summary>Base58 with the Bitcoin alphabet, as SS58 uses it. Inputs are small (addresses), so the quadratic big-number loop is fine.</summary>
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] DigitOf = BuildDigits();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        int zeros = 0;
        while (zeros < data.Length && data[zeros] == 0) zeros++;
        // log(256)/log(58) ≈ 1.366, so this many base58 digits always suffice.
        var digits = new byte[data.Length * 138 / 100 + 1];
        int length = 0;
        for (int i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            for (int j = 0; j < length; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }
            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }
        var chars = new char[zeros + length];
        for (int i = 0; i < zeros; i++) chars[i] = '1';
        for (int i = 0; i < length; i++) chars[zeros + i] = Alphabet[digits[length - 1 - i]];
        return new string(chars);
    }

    /// <summary>Decodes, or returns null with the offending position when a character is outside the alphabet.</summary>
    public static byte[]? TryDecode(string text, out int badIndex)
    {
        badIndex = -1;
        int zeros = 0;
        while (zeros < text.Length && text[zeros] == '1') zeros++;
        var bytes = new byte[text.Length * 733 / 1000 + 1]; // log(58)/log(256) ≈ 0.733
        int length = 0;
        for (int i = zeros; i < text.Length; i++)
        {
            char c = text[i];
            int digit = c < 128 ? DigitOf[c] : -1;
            if (digit < 0)
            {
                badIndex = i;
                return null;
            }
            int carry = digit;
            for (int j = 0; j < length; j++)
            {
                carry += bytes[j] * 58;
                bytes[j] = (byte)carry;
                carry >>= 8;
            }
            while (carry > 0)
            {
                bytes[length++] = (byte)carry;
                carry >>= 8;
            }
        }
        var result = new byte[zeros + length];
        for (int i = 0; i < length; i++) result[zeros + i] = bytes[length - 1 - i];
        return result;
    }

    private static sbyte[] BuildDigits()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (int i = 0; i < Alphabet.Length; i++) table[Alphabet[i]] = (sbyte)i;
        return table;
    }
}
