using TaoSharp.Primitives.Scale;

namespace TaoSharp.Storage;

/// <summary>
/// A single typed value at key twox128(pallet) ++ twox128(item). Reading an absent value yields the
/// declared default (Substrate's ValueQuery); declare each item once as a static readonly field.
/// </summary>
public sealed class StorageValue<T> : StorageItem
{
    private readonly IScaleCodec<T> _codec;
    private readonly T _default;
    private readonly byte[] _key;

    public StorageValue(string pallet, string item, IScaleCodec<T> codec, T defaultValue)
        : base(pallet, item)
    {
        ArgumentNullException.ThrowIfNull(codec);
        _codec = codec;
        _default = defaultValue;
        _key = PrefixArray();
    }

    public T DefaultValue => _default;

    /// <summary>The full storage key (equal to the prefix for a plain value).</summary>
    public byte[] Key() => (byte[])_key.Clone();

    public T Get(IStateReader state) => TryGet(state, out var value) ? value : _default;

    public bool TryGet(IStateReader state, out T value)
    {
        ArgumentNullException.ThrowIfNull(state);
        var raw = state.Get(_key);
        value = raw is null ? _default : DecodeValue(_codec, raw);
        return raw is not null;
    }

    public void Set(IStateAccess state, T value)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Set(_key, Encode(_codec, value));
    }

    public void Remove(IStateAccess state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Remove(_key);
    }

    public bool Exists(IStateReader state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Get(_key) is not null;
    }

    /// <summary>Reads, transforms and writes back; returns the new value.</summary>
    public T Mutate(IStateAccess state, Func<T, T> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var next = update(Get(state));
        Set(state, next);
        return next;
    }
}
