using System.Numerics;
using System.Runtime.InteropServices;

namespace TaoSharp.Crypto.Merlin;

/// <summary>
/// The Keccak-f[1600] permutation (FIPS 202 §3) over a 200-byte state viewed as 25 little-endian 64-bit lanes.
/// STROBE-128 is the only user; it needs the bare permutation, not a sponge. The round is written out lane by
/// lane (lanes in locals, ρ offsets and π positions as constants) because it dominates Merlin's cost.
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

    private static void Permute(Span<ulong> lanes)
    {
        // a{x + 5y} holds lane A[x, y].
        ulong a00 = lanes[0];
        ulong a01 = lanes[1];
        ulong a02 = lanes[2];
        ulong a03 = lanes[3];
        ulong a04 = lanes[4];
        ulong a05 = lanes[5];
        ulong a06 = lanes[6];
        ulong a07 = lanes[7];
        ulong a08 = lanes[8];
        ulong a09 = lanes[9];
        ulong a10 = lanes[10];
        ulong a11 = lanes[11];
        ulong a12 = lanes[12];
        ulong a13 = lanes[13];
        ulong a14 = lanes[14];
        ulong a15 = lanes[15];
        ulong a16 = lanes[16];
        ulong a17 = lanes[17];
        ulong a18 = lanes[18];
        ulong a19 = lanes[19];
        ulong a20 = lanes[20];
        ulong a21 = lanes[21];
        ulong a22 = lanes[22];
        ulong a23 = lanes[23];
        ulong a24 = lanes[24];

        for (int round = 0; round < Rounds; round++)
        {
            // θ
            ulong c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
            ulong c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
            ulong c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
            ulong c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
            ulong c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
            ulong d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            ulong d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            ulong d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            ulong d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            ulong d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            // ρ and π: B[y, 2x+3y] = rot(A[x, y] ^ D[x], r[x, y])
            ulong b00 = a00 ^ d0;
            ulong b10 = BitOperations.RotateLeft(a01 ^ d1, 1);
            ulong b20 = BitOperations.RotateLeft(a02 ^ d2, 62);
            ulong b05 = BitOperations.RotateLeft(a03 ^ d3, 28);
            ulong b15 = BitOperations.RotateLeft(a04 ^ d4, 27);
            ulong b16 = BitOperations.RotateLeft(a05 ^ d0, 36);
            ulong b01 = BitOperations.RotateLeft(a06 ^ d1, 44);
            ulong b11 = BitOperations.RotateLeft(a07 ^ d2, 6);
            ulong b21 = BitOperations.RotateLeft(a08 ^ d3, 55);
            ulong b06 = BitOperations.RotateLeft(a09 ^ d4, 20);
            ulong b07 = BitOperations.RotateLeft(a10 ^ d0, 3);
            ulong b17 = BitOperations.RotateLeft(a11 ^ d1, 10);
            ulong b02 = BitOperations.RotateLeft(a12 ^ d2, 43);
            ulong b12 = BitOperations.RotateLeft(a13 ^ d3, 25);
            ulong b22 = BitOperations.RotateLeft(a14 ^ d4, 39);
            ulong b23 = BitOperations.RotateLeft(a15 ^ d0, 41);
            ulong b08 = BitOperations.RotateLeft(a16 ^ d1, 45);
            ulong b18 = BitOperations.RotateLeft(a17 ^ d2, 15);
            ulong b03 = BitOperations.RotateLeft(a18 ^ d3, 21);
            ulong b13 = BitOperations.RotateLeft(a19 ^ d4, 8);
            ulong b14 = BitOperations.RotateLeft(a20 ^ d0, 18);
            ulong b24 = BitOperations.RotateLeft(a21 ^ d1, 2);
            ulong b09 = BitOperations.RotateLeft(a22 ^ d2, 61);
            ulong b19 = BitOperations.RotateLeft(a23 ^ d3, 56);
            ulong b04 = BitOperations.RotateLeft(a24 ^ d4, 14);
            // χ
            a00 = b00 ^ (~b01 & b02);
            a01 = b01 ^ (~b02 & b03);
            a02 = b02 ^ (~b03 & b04);
            a03 = b03 ^ (~b04 & b00);
            a04 = b04 ^ (~b00 & b01);
            a05 = b05 ^ (~b06 & b07);
            a06 = b06 ^ (~b07 & b08);
            a07 = b07 ^ (~b08 & b09);
            a08 = b08 ^ (~b09 & b05);
            a09 = b09 ^ (~b05 & b06);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
            // ι
            a00 ^= RoundConstants[round];
        }

        lanes[0] = a00;
        lanes[1] = a01;
        lanes[2] = a02;
        lanes[3] = a03;
        lanes[4] = a04;
        lanes[5] = a05;
        lanes[6] = a06;
        lanes[7] = a07;
        lanes[8] = a08;
        lanes[9] = a09;
        lanes[10] = a10;
        lanes[11] = a11;
        lanes[12] = a12;
        lanes[13] = a13;
        lanes[14] = a14;
        lanes[15] = a15;
        lanes[16] = a16;
        lanes[17] = a17;
        lanes[18] = a18;
        lanes[19] = a19;
        lanes[20] = a20;
        lanes[21] = a21;
        lanes[22] = a22;
        lanes[23] = a23;
        lanes[24] = a24;
    }
}
