using System.Buffers.Binary;
using System.IO.Hashing;

namespace TaoSharp.Primitives.Hashing;

/// <summary>
/// Substrate's "twox" hashers: xxHash64 with seeds 0, 1, 2, 3, each 64-bit result written
/// little-endian and concatenated (8, 16 or 32 bytes). Fast but not collision resistant:
/// only for keys that users cannot choose (pallet and item names, sequential ids).
/// </summary>
public static class Twox
{
    public static byte[] Hash64(ReadOnlySpan<byte> data) => Hash(data, 1);

    public static byte[] Hash128(ReadOnlySpan<byte> data) => Hash(data, 2);

    public static byte[] Hash256(ReadOnlySpan<byte> data) => Hash(data, 4);

    /// <summary>Writes <c>output.Length / 8</c> lanes (seeds 0..n-1); the length must be 8, 16 or 32.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length is not (8 or 16 or 32))
        {
            throw new ArgumentException($"twox digest length must be 8, 16 or 32 bytes, got {output.Length}.", nameof(output));
        }

        for (int seed = 0; seed < output.Length / 8; seed++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output[(seed * 8)..], XxHash64.HashToUInt64(data, seed));
        }
    }

    private static byte[] Hash(ReadOnlySpan<byte> data, int lanes)
    {
        var digest = new byte[lanes * 8];
        Hash(data, digest);
        return digest;
    }
}
