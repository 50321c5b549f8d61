using System.Collections.Frozen;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Runtime.Calls;

/// <summary>
/// The dispatch table: (pallet index, call index) → descriptor. Built once at startup and then read-only, so one
/// table is shared by the pool, the executor and the RPC layer.
/// </summary>
public sealed class CallTable
{
    private readonly FrozenDictionary<ushort, CallDescriptor> _calls;

    public CallTable(IEnumerable<CallDescriptor> calls)
    {
        var map = new Dictionary<ushort, CallDescriptor>();
        foreach (var c in calls)
            if (!map.TryAdd(Key(c.PalletIndex, c.CallIndex), c))
                throw new ArgumentException($"duplicate call index {c.PalletIndex}/{c.CallIndex} ({c.FullName})");
        _calls = map.ToFrozenDictionary();
    }

    public IEnumerable<CallDescriptor> All => _calls.Values.OrderBy(c => c.PalletIndex).ThenBy(c => c.CallIndex);

    public CallDescriptor? Find(string pallet, string call) =>
        _calls.Values.FirstOrDefault(c => c.PalletName == pallet && c.CallName == call);

    /// <summary>Decodes a complete call (all bytes must be consumed). Malformed bytes throw ScaleDecodeException.</summary>
    public DecodedCall Decode(ReadOnlySpan<byte> call)
    {
        var r = new ScaleReader(call);
        var decoded = DecodeNested(ref r);
        r.EnsureEnd();
        return decoded;
    }

    /// <summary>Decodes one call from a reader, leaving what follows (sudo's inner call uses this).</summary>
    public DecodedCall DecodeNested(ref ScaleReader r)
    {
        var pallet = r.ReadU8();
        var index = r.ReadU8();
        if (!_calls.TryGetValue(Key(pallet, index), out var d))
            throw new ScaleDecodeException($"unknown call: pallet {pallet}, call {index}");
        return new DecodedCall(d, d.Decode(ref r, this));
    }

    private static ushort Key(byte pallet, byte call) => (ushort)(pallet << 8 | call);
}
