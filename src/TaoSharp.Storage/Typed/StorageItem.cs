using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Storage;

/// <summary>
/// What every typed storage item shares: its name and its 32-byte key prefix
/// twox128(pallet) ++ twox128(item). Values are SCALE; a stored value that does not decode is
/// reported with the item's name, since it means the database or a migration is broken.
/// </summary>
public abstract class StorageItem
{
    private readonly byte[] _prefix;

    protected StorageItem(string pallet, string item)
    {
        ArgumentException.ThrowIfNullOrEmpty(pallet);
        ArgumentException.ThrowIfNullOrEmpty(item);
        Pallet = pallet;
        Item = item;
        _prefix = StorageKeys.Prefix(pallet, item);
    }

    public string Pallet { get; }

    public string Item { get; }

    /// <summary>twox128(pallet) ++ twox128(item): every key of this item starts with it.</summary>
    public ReadOnlySpan<byte> Prefix => _prefix;

    /// <summary>A fresh copy of <see cref="Prefix"/>, for APIs that take arrays.</summary>
    public byte[] PrefixArray() => (byte[])_prefix.Clone();

    public override string ToString() => $"{Pallet}.{Item}";

    protected static byte[] Encode<T>(IScaleCodec<T> codec, in T value)
    {
        var writer = new ScaleWriter();
        codec.Encode(writer, value);
        return writer.ToArray();
    }

    /// <summary>Decodes a whole stored value, naming this item in any error.</summary>
    protected T DecodeValue<T>(IScaleCodec<T> codec, ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new ScaleReader(bytes);
            var value = codec.Decode(ref reader);
            reader.EnsureEnd();
            return value;
        }
        catch (ScaleDecodeException ex)
        {
            throw new ScaleDecodeException($"stored value of {this} does not decode: {ex.Message}", ex);
        }
    }

    /// <summary>Decodes a key recovered from a stored key, naming this item in any error; returns the bytes consumed.</summary>
    protected T DecodeKey<T>(IScaleCodec<T> codec, ReadOnlySpan<byte> bytes, bool toEnd, out int consumed)
    {
        try
        {
            var reader = new ScaleReader(bytes);
            var key = codec.Decode(ref reader);
            if (toEnd) reader.EnsureEnd();
            consumed = bytes.Length - reader.Remaining;
            return key;
        }
        catch (ScaleDecodeException ex)
        {
            throw new ScaleDecodeException($"stored key of {this} does not decode: {ex.Message}", ex);
        }
    }

    /// <summary>prefix ++ hasher(encoded key) [++ hasher2(encoded key 2)].</summary>
    protected byte[] BuildKey(StorageHasher hasher, ReadOnlySpan<byte> encodedKey) =>
        BuildKey(hasher, encodedKey, null, default);

    protected byte[] BuildKey(StorageHasher hasher1, ReadOnlySpan<byte> encodedKey1, StorageHasher? hasher2, ReadOnlySpan<byte> encodedKey2)
    {
        int length1 = StorageKeys.HashedLength(hasher1, encodedKey1.Length);
        int length2 = hasher2 is { } h2 ? StorageKeys.HashedLength(h2, encodedKey2.Length) : 0;
        var key = new byte[_prefix.Length + length1 + length2];
        _prefix.CopyTo(key, 0);
        StorageKeys.WriteHashedKey(hasher1, encodedKey1, key.AsSpan(_prefix.Length, length1));
        if (hasher2 is { } second)
            StorageKeys.WriteHashedKey(second, encodedKey2, key.AsSpan(_prefix.Length + length1, length2));
        return key;
    }
}
