using System.Diagnostics.CodeAnalysis;

namespace TaoSharp.Primitives;

/// <summary>
/// A 32-byte account identifier (an sr25519/ed25519 public key, Substrate's <c>AccountId32</c>).
/// SS58 addresses belong to TaoSharp.Crypto; this type only knows bytes and hex.
/// Ordering is lexicographic by bytes, matching the order of SCALE-encoded keys in storage.
/// </summary>
public readonly struct AccountId : IEquatable<AccountId>, IComparable<AccountId>
{
    public const int Length = Bytes32.Length;

    private readonly Bytes32 _bytes;

    private AccountId(Bytes32 bytes) => _bytes = bytes;

    public static AccountId FromBytes(ReadOnlySpan<byte> bytes) => new(Bytes32.From(bytes, nameof(AccountId)));

    /// <summary>Parses 64 hex digits with an optional "0x" prefix.</summary>
    public static AccountId ParseHex(string hex) =>
        TryParseHex(hex, out var id) ? id : throw new FormatException($"Not a 32-byte hex account id: '{hex}'.");

    public static bool TryParseHex(ReadOnlySpan<char> hex, out AccountId id)
    {
        bool ok = Bytes32.TryParseHex(hex, out var bytes);
        id = new AccountId(bytes);
        return ok;
    }

    /// <summary>The bytes, in place (no copy); the span lives as long as this value.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> AsSpan() => _bytes;

    public byte[] ToArray() => AsSpan().ToArray();

    public string ToHex() => Bytes32.ToHex(AsSpan());

    public override string ToString() => ToHex();

    public bool Equals(AccountId other) => AsSpan().SequenceEqual(other.AsSpan());

    public override bool Equals(object? obj) => obj is AccountId other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(AsSpan());
        return hash.ToHashCode();
    }

    public int CompareTo(AccountId other) => AsSpan().SequenceCompareTo(other.AsSpan());

    public static bool operator ==(AccountId left, AccountId right) => left.Equals(right);
    public static bool operator !=(AccountId left, AccountId right) => !left.Equals(right);
    public static bool operator <(AccountId left, AccountId right) => left.CompareTo(right) < 0;
    public static bool operator >(AccountId left, AccountId right) => left.CompareTo(right) > 0;
    public static bool operator <=(AccountId left, AccountId right) => left.CompareTo(right) <= 0;
    public static bool operator >=(AccountId left, AccountId right) => left.CompareTo(right) >= 0;
}
