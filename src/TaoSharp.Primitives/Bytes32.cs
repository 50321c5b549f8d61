using System.Buffers;
using System.Runtime.CompilerServices;

namespace TaoSharp.Primitives;

/// <summary>Inline storage for 32 bytes, so the identifier structs hold no array reference.</summary>
[InlineArray(Length)]
internal struct Bytes32
{
    internal const int Length = 32;

    private byte _element0;

    internal static Bytes32 From(ReadOnlySpan<byte> bytes, string typeName)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"{typeName} needs exactly {Length} bytes, got {bytes.Length}.", nameof(bytes));
        }

        var value = default(Bytes32);
        bytes.CopyTo(value);
        return value;
    }

    /// <summary>Lower-case hex with a "0x" prefix, the Substrate convention.</summary>
    internal static string ToHex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Parses 64 hex digits, with or without a "0x" prefix; either case.</summary>
    internal static bool TryParseHex(ReadOnlySpan<char> text, out Bytes32 value)
    {
        value = default;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        if (text.Length != Length * 2)
        {
            return false;
        }

        Span<byte> bytes = value;
        return Convert.FromHexString(text, bytes, out int consumed, out int written) == OperationStatus.Done
            && consumed == text.Length
            && written == Length;
    }
}
