using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Storage;

/// <summary>
/// A typed map: key = twox128(pallet) ++ twox128(item) ++ hasher(SCALE(k)), value = SCALE(v).
/// Absent keys read as the declared default. Iteration needs a hasher that keeps the key
/// (Blake2_128Concat, Twox64Concat, Identity) and yields entries in stored-key order.
/// </summary>
public sealed class StorageMap<TKey, TValue> : StorageItem
{
    private readonly StorageHasher _hasher;
    private readonly IScaleCodec<TKey> _keyCodec;
    private readonly IScaleCodec<TValue> _valueCodec;
    private readonly TValue _default;

    public StorageMap(string pallet, string item, StorageHasher hasher, IScaleCodec<TKey> keyCodec, IScaleCodec<TValue> valueCodec, TValue defaultValue)
        : base(pallet, item)
    {
        ArgumentNullException.ThrowIfNull(keyCodec);
        ArgumentNullException.ThrowIfNull(valueCodec);
        StorageKeys.HashedLength(hasher, 0); // rejects an undefined hasher value at declaration time
        _hasher = hasher;
        _keyCodec = keyCodec;
        _valueCodec = valueCodec;
        _default = defaultValue;
    }

    public StorageHasher Hasher => _hasher;

    public TValue DefaultValue => _default;

    /// <summary>The full storage key of <paramref name="key"/>.</summary>
    public byte[] Key(TKey key) => BuildKey(_hasher, Encode(_keyCodec, key));

    public TValue Get(IStateReader state, TKey key) => TryGet(state, key, out var value) ? value : _default;

    public bool TryGet(IStateReader state, TKey key, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(state);
        var raw = state.Get(Key(key));
        value = raw is null ? _default : DecodeValue(_valueCodec, raw);
        return raw is not null;
    }

    public void Set(IStateAccess state, TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Set(Key(key), Encode(_valueCodec, value));
    }

    public void Remove(IStateAccess state, TKey key)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Remove(Key(key));
    }

    public bool Contains(IStateReader state, TKey key)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Get(Key(key)) is not null;
    }

    /// <summary>Reads, transforms and writes back; returns the new value.</summary>
    public TValue Mutate(IStateAccess state, TKey key, Func<TValue, TValue> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var next = update(Get(state, key));
        Set(state, key, next);
        return next;
    }

    /// <summary>Every entry, in stored-key order (hash order for hashed keys, not key order).</summary>
    public IEnumerable<(TKey Key, TValue Value)> Iterate(IStateReader state)
    {
        ArgumentNullException.ThrowIfNull(state);
        int skip = Prefix.Length + StorageKeys.ConcatPrefixLength(_hasher);
        return IterateCore(state, skip);
    }

    /// <summary>Every key, in stored-key order.</summary>
    public IEnumerable<TKey> Keys(IStateReader state) => Iterate(state).Select(entry => entry.Key);

    /// <summary>Removes every entry of the map.</summary>
    public void Clear(IStateAccess state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.RemovePrefix(PrefixArray());
    }

    private IEnumerable<(TKey, TValue)> IterateCore(IStateReader state, int skip)
    {
        foreach (var (storedKey, raw) in state.IteratePrefix(PrefixArray()))
        {
            if (storedKey.Length < skip)
                throw new ScaleDecodeException($"stored key of {this} is shorter than its hasher prefix");
            var key = DecodeKey(_keyCodec, storedKey.AsSpan(skip), toEnd: true, out _);
            yield return (key, DecodeValue(_valueCodec, raw));
        }
    }
}
