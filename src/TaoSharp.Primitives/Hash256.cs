using System.Diagnostics.CodeAnalysis;

namespace TaoSharp.Primitives;

/// <summary>
/// A 32-byte hash (blake2b-256 for blocks, extrinsics and state roots).
/// Ordering is lexicographic by bytes.
/// </summary>
public readonly struct Hash256 : IEquatable<Hash256>, IComparable<Hash256>
{
    public const int Length = Bytes32.Length;

    private readonly Bytes32 _bytes;

    private Hash256(Bytes32 bytes) => _bytes = bytes;

    public static Hash256 FromBytes(ReadOnlySpan<byte> bytes) => new(Bytes32.From(bytes, nameof(Hash256)));

    public static Hash256 Zero => default;

    /// <summary>Parses 64 hex digits with an optional "0x" prefix.</summary>
    public static Hash256 ParseHex(string hex) =>
        TryParseHex(hex, out var id) ? id : throw new FormatException($"Not a 32-byte hex hash: '{hex}'.");

    public static bool TryParseHex(ReadOnlySpan<char> hex, out Hash256 id)
    {
        bool ok = Bytes32.TryParseHex(hex, out var bytes);
        id = new Hash256(bytes);
        return ok;
    }

    /// <summary>The bytes, in place (no copy); the span lives as long as this value.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> AsSpan() => _bytes;

    public byte[] ToArray() => AsSpan().ToArray();

    public string ToHex() => Bytes32.ToHex(AsSpan());

    public override string ToString() => ToHex();

    public bool Equals(Hash256 other) => AsSpan().SequenceEqual(other.AsSpan());

    public override bool Equals(object? obj) => obj is Hash256 other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(AsSpan());
        return hash.ToHashCode();
    }

    public int CompareTo(Hash256 other) => AsSpan().SequenceCompareTo(other.AsSpan());

    public static bool operator ==(Hash256 left, Hash256 right) => left.Equals(right);
    public static bool operator !=(Hash256 left, Hash256 right) => !left.Equals(right);
    public static bool operator <(Hash256 left, Hash256 right) => left.CompareTo(right) < 0;
    public static bool operator >(Hash256 left, Hash256 right) => left.CompareTo(right) > 0;
    public static bool operator <=(Hash256 left, Hash256 right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Hash256 left, Hash256 right) => left.CompareTo(right) >= 0;
}
