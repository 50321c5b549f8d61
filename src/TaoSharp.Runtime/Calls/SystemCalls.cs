using TaoSharp.Primitives.Scale;

namespace TaoSharp.Runtime.Calls;

/// <summary>frame_system calls: remark (0) and remark_with_event (7).</summary>
public static class SystemCalls
{
    /// <summary>Bound on a remark; the extrinsic size limit bounds it too, this keeps decoding cheap.</summary>
    public const int MaxRemark = 64 * 1024;

    public static IEnumerable<CallDescriptor> Descriptors()
    {
        yield return new(PalletIndices.System, 0, "System", "remark", 10_000_000, Pays.Yes,
            (ref ScaleReader r, CallTable _) => new Remark(r.ReadBytes(MaxRemark), WithEvent: false));
        yield return new(PalletIndices.System, 7, "System", "remark_with_event", 10_000_000, Pays.Yes,
            (ref ScaleReader r, CallTable _) => new Remark(r.ReadBytes(MaxRemark), WithEvent: true));
    }

    public sealed record Remark(byte[] Data, bool WithEvent) : IRuntimeCall
    {
        public void Dispatch(CallContext ctx)
        {
            var who = ctx.Origin.IsRoot ? null : ctx.Origin.EnsureSigned().ToHex();
            if (WithEvent)
                ctx.Events.Deposit("System", "Remarked", ("sender", who ?? "root"),
                    ("hash", TaoSharp.Primitives.Hashing.Blake2b.Hash256(Data).ToHex()));
        }
    }
}
