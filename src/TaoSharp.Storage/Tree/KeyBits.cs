using System.Numerics;

namespace TaoSharp.Storage.Tree;

/// <summary>Bit addressing of 256-bit tree paths, most significant bit first so bit order matches byte order.</summary>
internal static class KeyBits
{
    public const int PathBits = 256;

    public static int Get(ReadOnlySpan<byte> path, int bit) => (path[bit >> 3] >> (7 - (bit & 7))) & 1;

    /// <summary>Index of the first bit where the two paths differ, or <see cref="PathBits"/> when equal.</summary>
    public static int FirstDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int i = a.CommonPrefixLength(b);
        if (i >= a.Length) return PathBits;
        return (i << 3) + BitOperations.LeadingZeroCount((uint)(a[i] ^ b[i])) - 24;
    }
}
