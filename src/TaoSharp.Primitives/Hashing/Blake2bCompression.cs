using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace TaoSharp.Primitives.Hashing;

/// <summary>
/// The BLAKE2b compression function F of RFC 7693 §3.2, with all twelve rounds written out
/// (round r uses SIGMA[r mod 10]) so the JIT keeps the sixteen working words in registers.
/// The body is generated; edit the generator's output only as a whole.
/// </summary>
internal static class Blake2bCompression
{
    internal const int BlockSize = 128;

    // The initialisation vector is SHA-512's, as RFC 7693 §2.6 prescribes.
    internal const ulong IV0 = 0x6A09E667F3BCC908UL;
    internal const ulong IV1 = 0xBB67AE8584CAA73BUL;
    internal const ulong IV2 = 0x3C6EF372FE94F82BUL;
    internal const ulong IV3 = 0xA54FF53A5F1D36F1UL;
    internal const ulong IV4 = 0x510E527FADE682D1UL;
    internal const ulong IV5 = 0x9B05688C2B3E6C1FUL;
    internal const ulong IV6 = 0x1F83D9ABFB41BD6BUL;
    internal const ulong IV7 = 0x5BE0CD19137E2179UL;

    /// <summary>Mixes one 128-byte block into <paramref name="h"/>.</summary>
    /// <param name="h">The eight chaining words.</param>
    /// <param name="block">Exactly 128 bytes.</param>
    /// <param name="bytesSoFar">Total bytes hashed including this block (the counter t; inputs never reach 2^64 bytes).</param>
    /// <param name="isLast">Whether this is the final block (inverts v14).</param>
    [SkipLocalsInit]
    internal static void Compress(Span<ulong> h, ReadOnlySpan<byte> block, ulong bytesSoFar, bool isLast)
    {
        if (block.Length != BlockSize || h.Length != 8)
        {
            throw new ArgumentException("BLAKE2b compresses exactly one 128-byte block into 8 state words.");
        }

        ulong m0 = BinaryPrimitives.ReadUInt64LittleEndian(block);
        ulong m1 = BinaryPrimitives.ReadUInt64LittleEndian(block[8..]);
        ulong m2 = BinaryPrimitives.ReadUInt64LittleEndian(block[16..]);
        ulong m3 = BinaryPrimitives.ReadUInt64LittleEndian(block[24..]);
        ulong m4 = BinaryPrimitives.ReadUInt64LittleEndian(block[32..]);
        ulong m5 = BinaryPrimitives.ReadUInt64LittleEndian(block[40..]);
        ulong m6 = BinaryPrimitives.ReadUInt64LittleEndian(block[48..]);
        ulong m7 = BinaryPrimitives.ReadUInt64LittleEndian(block[56..]);
        ulong m8 = BinaryPrimitives.ReadUInt64LittleEndian(block[64..]);
        ulong m9 = BinaryPrimitives.ReadUInt64LittleEndian(block[72..]);
        ulong m10 = BinaryPrimitives.ReadUInt64LittleEndian(block[80..]);
        ulong m11 = BinaryPrimitives.ReadUInt64LittleEndian(block[88..]);
        ulong m12 = BinaryPrimitives.ReadUInt64LittleEndian(block[96..]);
        ulong m13 = BinaryPrimitives.ReadUInt64LittleEndian(block[104..]);
        ulong m14 = BinaryPrimitives.ReadUInt64LittleEndian(block[112..]);
        ulong m15 = BinaryPrimitives.ReadUInt64LittleEndian(block[120..]);

        ulong v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        ulong v8 = IV0, v9 = IV1, v10 = IV2, v11 = IV3;
        ulong v12 = IV4 ^ bytesSoFar;
        ulong v13 = IV5; // high half of the 128-bit counter: always zero for span inputs
        ulong v14 = isLast ? ~IV6 : IV6;
        ulong v15 = IV7;

        // round 0
        v0 += v4 + m0; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m1; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m2; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m3; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m4; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m5; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m6; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m7; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m8; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m9; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m10; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m11; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m12; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m13; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m14; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m15; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // round 1
        v0 += v4 + m14; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m10; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m4; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m8; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m9; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m15; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m13; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m6; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m1; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m12; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m0; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m2; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m11; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m7; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m5; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m3; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // round 2
        v0 += v4 + m11; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m8; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m12; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m0; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m5; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m2; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m15; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m13; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m10; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m14; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m3; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m6; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m7; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m1; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m9; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m4; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // round 3
        v0 += v4 + m7; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m9; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m3; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m1; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m13; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m12; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m11; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m14; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m2; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m6; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m5; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m10; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m4; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m0; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m15; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m8; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // round 4
        v0 += v4 + m9; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m0; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m5; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m7; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m2; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m4; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m10; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m15; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m14; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m1; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m11; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m12; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m6; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m8; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m3; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m13; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // round 5
        v0 += v4 + m2; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m12; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m6; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m10; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m0; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m11; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m8; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m3; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m4; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m13; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m7; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m5; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m15; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m14; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m1; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m9; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // round 6
        v0 += v4 + m12; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m5; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m1; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m15; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m14; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m13; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m4; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m10; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m0; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m7; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m6; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m3; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m9; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m2; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m8; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m11; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // round 7
        v0 += v4 + m13; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m11; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m7; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m14; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m12; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m1; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m3; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m9; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m5; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m0; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m15; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m4; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m8; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m6; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m2; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m10; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // round 8
        v0 += v4 + m6; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m15; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m14; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m9; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m11; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m3; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m0; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m8; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m12; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m2; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m13; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m7; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m1; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m4; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m10; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m5; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // round 9
        v0 += v4 + m10; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m2; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m8; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m4; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m7; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m6; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m1; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m5; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m15; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m11; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m9; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m14; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m3; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m12; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m13; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m0; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // round 10
        v0 += v4 + m0; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m1; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m2; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m3; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m4; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m5; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m6; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m7; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m8; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m9; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m10; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m11; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m12; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m13; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m14; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m15; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // round 11
        v0 += v4 + m14; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m10; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m4; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m8; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m9; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m15; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m13; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m6; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m1; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m12; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m0; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m2; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m11; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m7; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m5; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m3; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);

        h[0] ^= v0 ^ v8;
        h[1] ^= v1 ^ v9;
        h[2] ^= v2 ^ v10;
        h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12;
        h[5] ^= v5 ^ v13;
        h[6] ^= v6 ^ v14;
        h[7] ^= v7 ^ v15;
    }
}
