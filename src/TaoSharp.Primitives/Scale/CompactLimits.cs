namespace TaoSharp.Primitives.Scale;

/// <summary>Boundaries of SCALE's four compact-integer modes (the low two bits of the first byte).</summary>
internal static class CompactLimits
{
    internal const int SingleByteMode = 0b00;
    internal const int TwoByteMode = 0b01;
    internal const int FourByteMode = 0b10;
    internal const int BigIntegerMode = 0b11;

    /// <summary>Largest value of single-byte mode (6 bits).</summary>
    internal const ulong SingleByteMax = (1UL << 6) - 1;

    /// <summary>Largest value of two-byte mode (14 bits).</summary>
    internal const ulong TwoByteMax = (1UL << 14) - 1;

    /// <summary>Largest value of four-byte mode (30 bits).</summary>
    internal const ulong FourByteMax = (1UL << 30) - 1;
}
