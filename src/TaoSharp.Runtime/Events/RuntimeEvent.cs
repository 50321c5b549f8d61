using TaoSharp.Primitives.Scale;

namespace TaoSharp.Runtime.Events;

/// <summary>
/// One event deposited by the Runtime, named like the reference chain's events (pallet + variant) with its
/// fields rendered as (name, value) text pairs. Text keeps the event log self-describing for RPC clients
/// without every area needing its own event codec; the values are exact (integers in RAO, hex for keys).
/// </summary>
public sealed record RuntimeEvent(string Pallet, string Name, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public static RuntimeEvent Of(string pallet, string name, params (string Key, string Value)[] fields) =>
        new(pallet, name, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToArray());

    public string? this[string field] => Fields.FirstOrDefault(f => f.Key == field).Value;

    public override string ToString() => $"{Pallet}.{Name}({string.Join(", ", Fields.Select(f => $"{f.Key}={f.Value}"))})";
}

/// <summary>SCALE codec for <see cref="RuntimeEvent"/>: pallet, name, then a vector of (key, value) strings.</summary>
public sealed class RuntimeEventCodec : IScaleCodec<RuntimeEvent>
{
    public static readonly RuntimeEventCodec Instance = new();

    // Bounds keep a corrupted or hostile record from asking for huge allocations.
    private const int MaxText = 4096;
    private const int MaxFields = 64;

    public void Encode(ScaleWriter w, in RuntimeEvent value)
    {
        w.WriteString(value.Pallet);
        w.WriteString(value.Name);
        w.WriteCompact((ulong)value.Fields.Count);
        foreach (var f in value.Fields)
        {
            w.WriteString(f.Key);
            w.WriteString(f.Value);
        }
    }

    public RuntimeEvent Decode(ref ScaleReader r)
    {
        var pallet = r.ReadString(MaxText);
        var name = r.ReadString(MaxText);
        var count = r.ReadCompactU64();
        if (count > MaxFields) throw new ScaleDecodeException($"event has {count} fields, at most {MaxFields} allowed");
        var fields = new KeyValuePair<string, string>[(int)count];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = new(r.ReadString(MaxText), r.ReadString(MaxText));
        return new RuntimeEvent(pallet, name, fields);
    }
}
