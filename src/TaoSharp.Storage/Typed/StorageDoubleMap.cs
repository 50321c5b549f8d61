using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Storage;

/// <summary>
/// A typed map with two keys: key = twox128(pallet) ++ twox128(item) ++ hasher1(SCALE(k1)) ++
/// hasher2(SCALE(k2)). All entries of one k1 share a prefix, so they can be listed or removed together.
/// </summary>
public sealed class StorageDoubleMap<TKey1, TKey2, TValue> : StorageItem
{
    private readonly StorageHasher _hasher1;
    private readonly StorageHasher _hasher2;
    private readonly IScaleCodec<TKey1> _key1Codec;
    private readonly IScaleCodec<TKey2> _key2Codec;
    private readonly IScaleCodec<TValue> _valueCodec;
    private readonly TValue _default;

    public StorageDoubleMap(
        string pallet, string item,
        StorageHasher hasher1, StorageHasher hasher2,
        IScaleCodec<TKey1> key1Codec, IScaleCodec<TKey2> key2Codec, IScaleCodec<TValue> valueCodec,
        TValue defaultValue)
        : base(pallet, item)
    {
        ArgumentNullException.ThrowIfNull(key1Codec);
        ArgumentNullException.ThrowIfNull(key2Codec);
        ArgumentNullException.ThrowIfNull(valueCodec);
        StorageKeys.HashedLength(hasher1, 0); // rejects undefined hasher values at declaration time
        StorageKeys.HashedLength(hasher2, 0);
        _hasher1 = hasher1;
        _hasher2 = hasher2;
        _key1Codec = key1Codec;
        _key2Codec = key2Codec;
        _valueCodec = valueCodec;
        _default = defaultValue;
    }

    public TValue DefaultValue => _default;

    /// <summary>The full storage key of (<paramref name="key1"/>, <paramref name="key2"/>).</summary>
    public byte[] Key(TKey1 key1, TKey2 key2) =>
        BuildKey(_hasher1, Encode(_key1Codec, key1), _hasher2, Encode(_key2Codec, key2));

    /// <summary>The key prefix shared by every entry with first key <paramref name="key1"/>.</summary>
    public byte[] PrefixOf(TKey1 key1) => BuildKey(_hasher1, Encode(_key1Codec, key1));

    public TValue Get(IStateReader state, TKey1 key1, TKey2 key2) => TryGet(state, key1, key2, out var value) ? value : _default;

    public bool TryGet(IStateReader state, TKey1 key1, TKey2 key2, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(state);
        var raw = state.Get(Key(key1, key2));
        value = raw is null ? _default : DecodeValue(_valueCodec, raw);
        return raw is not null;
    }

    public void Set(IStateAccess state, TKey1 key1, TKey2 key2, TValue value)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Set(Key(key1, key2), Encode(_valueCodec, value));
    }

    public void Remove(IStateAccess state, TKey1 key1, TKey2 key2)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Remove(Key(key1, key2));
    }

    public bool Contains(IStateReader state, TKey1 key1, TKey2 key2)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Get(Key(key1, key2)) is not null;
    }

    /// <summary>Reads, transforms and writes back; returns the new value.</summary>
    public TValue Mutate(IStateAccess state, TKey1 key1, TKey2 key2, Func<TValue, TValue> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var next = update(Get(state, key1, key2));
        Set(state, key1, key2, next);
        return next;
    }

    /// <summary>Every (k2, value) stored under <paramref name="key1"/>, in stored-key order.</summary>
    public IEnumerable<(TKey2 Key2, TValue Value)> IteratePrefix(IStateReader state, TKey1 key1)
    {
        ArgumentNullException.ThrowIfNull(state);
        var prefix = PrefixOf(key1);
        int skip = prefix.Length + StorageKeys.ConcatPrefixLength(_hasher2);
        return IteratePrefixCore(state, prefix, skip);
    }

    /// <summary>Every (k1, k2, value), in stored-key order.</summary>
    public IEnumerable<(TKey1 Key1, TKey2 Key2, TValue Value)> Iterate(IStateReader state)
    {
        ArgumentNullException.ThrowIfNull(state);
        int skip1 = Prefix.Length + StorageKeys.ConcatPrefixLength(_hasher1);
        int skip2 = StorageKeys.ConcatPrefixLength(_hasher2);
        return IterateCore(state, skip1, skip2);
    }

    /// <summary>Removes every entry with first key <paramref name="key1"/>.</summary>
    public void RemovePrefix(IStateAccess state, TKey1 key1)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.RemovePrefix(PrefixOf(key1));
    }

    /// <summary>Removes every entry of the map.</summary>
    public void Clear(IStateAccess state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.RemovePrefix(PrefixArray());
    }

    private IEnumerable<(TKey2, TValue)> IteratePrefixCore(IStateReader state, byte[] prefix, int skip)
    {
        foreach (var (storedKey, raw) in state.IteratePrefix(prefix))
        {
            if (storedKey.Length < skip)
                throw new ScaleDecodeException($"stored key of {this} is shorter than its hasher prefixes");
            var key2 = DecodeKey(_key2Codec, storedKey.AsSpan(skip), toEnd: true, out _);
            yield return (key2, DecodeValue(_valueCodec, raw));
        }
    }

    private IEnumerable<(TKey1, TKey2, TValue)> IterateCore(IStateReader state, int skip1, int skip2)
    {
        foreach (var (storedKey, raw) in state.IteratePrefix(PrefixArray()))
        {
            if (storedKey.Length < skip1)
                throw new ScaleDecodeException($"stored key of {this} is shorter than its hasher prefixes");
            var key1 = DecodeKey(_key1Codec, storedKey.AsSpan(skip1), toEnd: false, out int consumed);
            int start2 = skip1 + consumed + skip2;
            if (storedKey.Length < start2)
                throw new ScaleDecodeException($"stored key of {this} is shorter than its hasher prefixes");
            var key2 = DecodeKey(_key2Codec, storedKey.AsSpan(start2), toEnd: true, out _);
            yield return (key1, key2, DecodeValue(_valueCodec, raw));
        }
    }
}
