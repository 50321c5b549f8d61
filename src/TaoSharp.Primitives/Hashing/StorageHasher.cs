namespace TaoSharp.Primitives.Hashing;

/// <summary>How a storage map turns an encoded key into the key suffix (Substrate's <c>StorageHasher</c>).</summary>
public enum StorageHasher
{
    /// <summary>The encoded key itself.</summary>
    Identity,
    /// <summary>blake2b-128 of the key; not iterable (the key cannot be recovered).</summary>
    Blake2_128,
    /// <summary>blake2b-256 of the key; not iterable.</summary>
    Blake2_256,
    /// <summary>blake2b-128 of the key followed by the key: safe against chosen keys and iterable.</summary>
    Blake2_128Concat,
    /// <summary>twox128 of the key; not iterable.</summary>
    Twox128,
    /// <summary>twox256 of the key; not iterable.</summary>
    Twox256,
    /// <summary>twox64 of the key followed by the key: iterable, for keys users cannot choose.</summary>
    Twox64Concat,
}
