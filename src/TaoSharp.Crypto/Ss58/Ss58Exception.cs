namespace TaoSharp.Crypto.Ss58;

/// <summary>A string that is not a valid SS58 address (bad character, length, prefix or checksum).</summary>
public sealed class Ss58Exception(string message) : FormatException(message);
