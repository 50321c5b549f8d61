using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace TaoSharp.Primitives.Hashing;

/// <summary>
/// Unkeyed BLAKE2b (RFC 7693) with any digest length from 1 to 64 bytes. Substrate uses the
/// 16-byte digest for <c>Blake2_128</c> storage keys and the 32-byte digest for block and
/// extrinsic hashes; NSec only offers 32..64, so the function is implemented here.
/// One-shot hashing allocates nothing besides the returned array.
/// </summary>
public static class Blake2b
{
    public const int MaxOutputLength = 64;

    /// <summary>The 32-byte digest as a <see cref="Primitives.Hash256"/>.</summary>
    public static Hash256 Hash256(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[32];
        Hash(data, digest);
        return Primitives.Hash256.FromBytes(digest);
    }

    public static byte[] Hash128(ReadOnlySpan<byte> data)
    {
        var digest = new byte[16];
        Hash(data, digest);
        return digest;
    }

    public static byte[] Hash512(ReadOnlySpan<byte> data)
    {
        var digest = new byte[64];
        Hash(data, digest);
        return digest;
    }

    /// <summary>Writes the digest of <paramref name="data"/>; the digest length is <c>output.Length</c> (1..64).</summary>
    [SkipLocalsInit]
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        int outLength = output.Length;
        if (outLength is < 1 or > MaxOutputLength)
        {
            throw new ArgumentException($"BLAKE2b digest length must be 1..{MaxOutputLength} bytes, got {outLength}.", nameof(output));
        }

        Span<ulong> h = stackalloc ulong[8];
        Initialize(h, outLength);

        const int block = Blake2bCompression.BlockSize;
        ulong counter = 0;
        int offset = 0;
        // Every full block except the final one; the final block (possibly full, possibly empty input)
        // must be compressed with the last-block flag.
        while (data.Length - offset > block)
        {
            counter += block;
            Blake2bCompression.Compress(h, data.Slice(offset, block), counter, isLast: false);
            offset += block;
        }

        Span<byte> last = stackalloc byte[block];
        last.Clear();
        ReadOnlySpan<byte> tail = data[offset..];
        tail.CopyTo(last);
        counter += (ulong)tail.Length;
        Blake2bCompression.Compress(h, last, counter, isLast: true);

        WriteDigest(h, output);
    }

    internal static void Initialize(Span<ulong> h, int outLength)
    {
        // Parameter block word 0: digest length, key length 0, fanout 1, depth 1 (RFC 7693 §2.5).
        h[0] = Blake2bCompression.IV0 ^ 0x01010000UL ^ (ulong)outLength;
        h[1] = Blake2bCompression.IV1;
        h[2] = Blake2bCompression.IV2;
        h[3] = Blake2bCompression.IV3;
        h[4] = Blake2bCompression.IV4;
        h[5] = Blake2bCompression.IV5;
        h[6] = Blake2bCompression.IV6;
        h[7] = Blake2bCompression.IV7;
    }

    /// <summary>The digest is the first output.Length bytes of the little-endian state words.</summary>
    internal static void WriteDigest(ReadOnlySpan<ulong> h, Span<byte> output)
    {
        Span<byte> full = stackalloc byte[MaxOutputLength];
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(full[(i * 8)..], h[i]);
        }
        full[..output.Length].CopyTo(output);
    }
}
