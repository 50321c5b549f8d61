namespace TaoSharp.Primitives.Hashing;

/// <summary>Substrate-style storage keys: <c>twox128(pallet) ++ twox128(item) ++ hasher(encodedKey)</c>.</summary>
public static class StorageKeys
{
    /// <summary>The 32-byte prefix shared by every entry of one storage item.</summary>
    public static byte[] Prefix(string pallet, string item)
    {
        ArgumentNullException.ThrowIfNull(pallet);
        ArgumentNullException.ThrowIfNull(item);
        var prefix = new byte[32];
        Twox.Hash(System.Text.Encoding.UTF8.GetBytes(pallet), prefix.AsSpan(0, 16));
        Twox.Hash(System.Text.Encoding.UTF8.GetBytes(item), prefix.AsSpan(16, 16));
        return prefix;
    }

    /// <summary>The key suffix the hasher produces for one SCALE-encoded map key.</summary>
    public static byte[] HashKey(StorageHasher hasher, ReadOnlySpan<byte> encodedKey)
    {
        var result = new byte[HashedLength(hasher, encodedKey.Length)];
        WriteHashedKey(hasher, encodedKey, result);
        return result;
    }

    /// <summary>Length of <see cref="HashKey"/>'s result for a key of <paramref name="encodedKeyLength"/> bytes.</summary>
    public static int HashedLength(StorageHasher hasher, int encodedKeyLength) => hasher switch
    {
        StorageHasher.Identity => encodedKeyLength,
        StorageHasher.Blake2_128 => 16,
        StorageHasher.Blake2_256 => 32,
        StorageHasher.Blake2_128Concat => 16 + encodedKeyLength,
        StorageHasher.Twox128 => 16,
        StorageHasher.Twox256 => 32,
        StorageHasher.Twox64Concat => 8 + encodedKeyLength,
        _ => throw new ArgumentOutOfRangeException(nameof(hasher), hasher, "Unknown storage hasher."),
    };

    /// <summary>
    /// Length of the hash part that precedes the raw key for the iterable hashers (16, 8, 0 for Identity),
    /// so an iterator can recover the encoded key from a stored key suffix.
    /// </summary>
    public static int ConcatPrefixLength(StorageHasher hasher) => hasher switch
    {
        StorageHasher.Identity => 0,
        StorageHasher.Blake2_128Concat => 16,
        StorageHasher.Twox64Concat => 8,
        _ => throw new InvalidOperationException($"Storage hasher {hasher} does not keep the key, so entries cannot be iterated by key."),
    };

    /// <summary>Writes the hashed key into <paramref name="destination"/>, which must be exactly <see cref="HashedLength"/> long.</summary>
    public static void WriteHashedKey(StorageHasher hasher, ReadOnlySpan<byte> encodedKey, Span<byte> destination)
    {
        if (destination.Length != HashedLength(hasher, encodedKey.Length))
        {
            throw new ArgumentException("Destination length does not match the hashed key length.", nameof(destination));
        }

        switch (hasher)
        {
            case StorageHasher.Identity:
                encodedKey.CopyTo(destination);
                break;
            case StorageHasher.Blake2_128:
            case StorageHasher.Blake2_256:
                Blake2b.Hash(encodedKey, destination);
                break;
            case StorageHasher.Blake2_128Concat:
                Blake2b.Hash(encodedKey, destination[..16]);
                encodedKey.CopyTo(destination[16..]);
                break;
            case StorageHasher.Twox128:
            case StorageHasher.Twox256:
                Twox.Hash(encodedKey, destination);
                break;
            case StorageHasher.Twox64Concat:
                Twox.Hash(encodedKey, destination[..8]);
                encodedKey.CopyTo(destination[8..]);
                break;
        }
    }
}
