namespace TaoSharp.Runtime.Calls;

/// <summary>A call decoded from its SCALE bytes together with its table entry.</summary>
public sealed record DecodedCall(CallDescriptor Descriptor, IRuntimeCall Call)
{
    public ulong Weight => Call.Weight ?? Descriptor.Weight;

    public void Dispatch(CallContext ctx) => Call.Dispatch(ctx);
}
