namespace TaoSharp.Crypto.Wallet;

/// <summary>The "0x" + lowercase hex form keyfiles and CLI output use for bytes.</summary>
public static class HexBytes
{
    public static string Format(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Parses hex with or without 0x; null when it is not hex or has the wrong length (when one is required).</summary>
    public static byte[]? TryParse(string? text, int? expectedLength = null)
    {
        if (text is null) return null;
        var hex = text.Trim();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex[2..];
        if (hex.Length % 2 != 0 || (expectedLength is int n && hex.Length != n * 2)) return null;
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
