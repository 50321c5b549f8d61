using System.Collections.Concurrent;
using TaoSharp.Crypto.Ss58;

namespace TaoSharp.Sdk;

/// <summary>
/// SS58 hotkey → 32-byte public key, memoised. Decoding an address (Base58 plus a blake2b-512 checksum) costs a
/// few µs and every request of a caller carries the same hotkey. Only well-formed addresses are stored; when more
/// than <c>capacity</c> distinct callers have been seen the table is emptied and refills (callers are re-decoded,
/// nothing else changes), so a flood of distinct hotkeys cannot grow it without bound.
/// </summary>
internal sealed class CallerKeys(int capacity)
{
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public bool TryGet(string ss58, out byte[] publicKey)
    {
        if (_keys.TryGetValue(ss58, out byte[]? known))
        {
            publicKey = known;
            return true;
        }
        if (!Ss58Address.TryDecode(ss58, out Ss58Decoded decoded, out _))
        {
            publicKey = [];
            return false;
        }
        publicKey = decoded.PublicKey;
        if (_keys.Count >= capacity) _keys.Clear();
        _keys[ss58] = publicKey;
        return true;
    }
}
