using System.Numerics;
using System.Runtime.InteropServices;

namespace TaoSharp.Crypto.Merlin;

/// <summary>
/// The Keccak-f[1600] permutation (FIPS 202 §3) over a 200-byte state viewed as 25 little-endian 64-bit lanes.
/// STROBE-128 is the only user; it needs the bare permutation, not a sponge.
/// </summary>
internal static class KeccakF1600
{
    internal const int StateBytes = 200;
    private const int Rounds = 24;

    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    // ρ rotation amounts and π destinations, walked along the single cycle the π step forms starting at lane 1.
    private static ReadOnlySpan<byte> RhoOffsets =>
        [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];

    private static ReadOnlySpan<byte> PiLanes =>
        [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    internal static void Permute(Span<byte> state)
    {
        if (state.Length != StateBytes)
        {
            throw new ArgumentException($"Keccak-f[1600] state must be {StateBytes} bytes.", nameof(state));
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Keccak lanes are read in place and assume a little-endian CPU.");
        }

        Permute(MemoryMarshal.Cast<byte, ulong>(state));
    }

    private static void Permute(Span<ulong> a)
    {
        Span<ulong> c = stackalloc ulong[5];
        ReadOnlySpan<ulong> rc = RoundConstants;
        ReadOnlySpan<byte> rho = RhoOffsets;
        ReadOnlySpan<byte> pi = PiLanes;

        for (int round = 0; round < Rounds; round++)
        {
            // θ: xor each column's parity into its neighbours.
            for (int x = 0; x < 5; x++)
            {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }

            for (int x = 0; x < 5; x++)
            {
                ulong d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5)
                {
                    a[y + x] ^= d;
                }
            }

            // ρ and π together.
            ulong carried = a[1];
            for (int i = 0; i < 24; i++)
            {
                int lane = pi[i];
                ulong next = a[lane];
                a[lane] = BitOperations.RotateLeft(carried, rho[i]);
                carried = next;
            }

            // χ: the only non-linear step, row by row.
            for (int y = 0; y < 25; y += 5)
            {
                ulong a0 = a[y], a1 = a[y + 1], a2 = a[y + 2], a3 = a[y + 3], a4 = a[y + 4];
                a[y] = a0 ^ (~a1 & a2);
                a[y + 1] = a1 ^ (~a2 & a3);
                a[y + 2] = a2 ^ (~a3 & a4);
                a[y + 3] = a3 ^ (~a4 & a0);
                a[y + 4] = a4 ^ (~a0 & a1);
            }

            // ι
            a[0] ^= rc[round];
        }
    }
}
