using System.Globalization;
using TaoSharp.Primitives.Hashing;
using System.Buffers.Binary;
using System.Text;

namespace TaoSharp.Crypto.SecretUri;

/// <summary>
/// One step of a derivation path: <c>//name</c> (hard) or <c>/name</c> (soft), reduced to a 32-byte chain code (spec-client §1.6):
/// a number that fits u64 → its 8 bytes little-endian; otherwise the SCALE-encoded string; an encoding longer than 32 bytes is
/// replaced by its blake2b-256 hash, a shorter one is zero-padded on the right.
/// </summary>
public sealed class DeriveJunction
{
    public const int ChainCodeLength = 32;

    private readonly byte[] _chainCode;

    private DeriveJunction(string text, bool isHard, byte[] chainCode)
    {
        Text = text;
        IsHard = isHard;
        _chainCode = chainCode;
    }

    /// <summary>The junction text without its slashes.</summary>
    public string Text { get; }

    public bool IsHard { get; }

    public ReadOnlySpan<byte> ChainCode => _chainCode;

    public byte[] ChainCodeBytes() => (byte[])_chainCode.Clone();

    public static DeriveJunction Hard(string text) => new(text, true, ComputeChainCode(text));

    public static DeriveJunction Soft(string text) => new(text, false, ComputeChainCode(text));

    public override string ToString() => (IsHard ? "//" : "/") + Text;

    private static byte[] ComputeChainCode(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var encoded = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong number)
            ? U64LittleEndian(number)
            : ScaleString(text);
        if (encoded.Length > ChainCodeLength)
            return Blake2b.Hash256(encoded).ToArray();
        var code = new byte[ChainCodeLength];
        encoded.CopyTo(code, 0);
        return code;
    }

    private static byte[] U64LittleEndian(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    /// <summary>SCALE string: compact length prefix, then UTF-8 bytes (SecretKeyUri.MaxLength keeps this under 2^30).</summary>
    private static byte[] ScaleString(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        uint n = (uint)utf8.Length;
        byte[] prefix = n switch
        {
            < 1u << 6 => [(byte)(n << 2)],
            < 1u << 14 => [(byte)((n << 2) | 1), (byte)(n >> 6)],
            _ => [(byte)((n << 2) | 2), (byte)(n >> 6), (byte)(n >> 14), (byte)(n >> 22)],
        };
        return [.. prefix, .. utf8];
    }
}
