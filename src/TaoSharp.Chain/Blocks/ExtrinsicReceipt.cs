using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Events;

namespace TaoSharp.Chain.Blocks;

/// <summary>
/// The outcome of one extrinsic in a block: its events (ending with System.ExtrinsicSuccess or
/// System.ExtrinsicFailed), the fee charged and, on failure, the DispatchError name.
/// </summary>
public sealed record ExtrinsicReceipt(uint Index, Hash256 ExtrinsicHash, bool Success, string? Error, ulong Fee, IReadOnlyList<RuntimeEvent> Events);

/// <summary>Events of a whole block: those of the per-block hooks (initialization) and one receipt per extrinsic.</summary>
public sealed record BlockEvents(IReadOnlyList<RuntimeEvent> Initialization, IReadOnlyList<ExtrinsicReceipt> Receipts)
{
    public static readonly BlockEvents Empty = new([], []);

    private const int MaxItems = 1_000_000;

    public byte[] Encode()
    {
        var w = new ScaleWriter();
        WriteEvents(w, Initialization);
        w.WriteCompact((ulong)Receipts.Count);
        foreach (var rc in Receipts)
        {
            w.WriteU32(rc.Index);
            w.WriteFixed(rc.ExtrinsicHash.AsSpan());
            w.WriteBool(rc.Success);
            w.WriteString(rc.Error ?? "");
            w.WriteU64(rc.Fee);
            WriteEvents(w, rc.Events);
        }
        return w.ToArray();
    }

    public static BlockEvents Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new ScaleReader(bytes);
        var init = ReadEvents(ref r);
        var count = ReadCount(ref r);
        var receipts = new ExtrinsicReceipt[count];
        for (var i = 0; i < count; i++)
        {
            var index = r.ReadU32();
            var hash = Hash256.FromBytes(r.ReadFixed(32));
            var ok = r.ReadBool();
            var error = r.ReadString(1024);
            var fee = r.ReadU64();
            receipts[i] = new ExtrinsicReceipt(index, hash, ok, error.Length == 0 ? null : error, fee, ReadEvents(ref r));
        }
        r.EnsureEnd();
        return new BlockEvents(init, receipts);
    }

    private static void WriteEvents(ScaleWriter w, IReadOnlyList<RuntimeEvent> events)
    {
        w.WriteCompact((ulong)events.Count);
        foreach (var e in events) RuntimeEventCodec.Instance.Encode(w, e);
    }

    private static RuntimeEvent[] ReadEvents(ref ScaleReader r)
    {
        var n = ReadCount(ref r);
        var events = new RuntimeEvent[n];
        for (var i = 0; i < n; i++) events[i] = RuntimeEventCodec.Instance.Decode(ref r);
        return events;
    }

    private static int ReadCount(ref ScaleReader r)
    {
        var n = r.ReadCompactU64();
        // Each item takes at least one byte, so a count above the bytes left is certainly corrupt.
        if (n > MaxItems || n > (ulong)r.Remaining) throw new ScaleDecodeException($"implausible item count {n}");
        return (int)n;
    }
}
