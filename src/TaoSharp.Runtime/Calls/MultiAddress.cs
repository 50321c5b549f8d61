using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Runtime.Calls;

/// <summary>sp_runtime's MultiAddress as the reference runtime accepts it: only the Id variant (tag 0 + 32-byte account).</summary>
public static class MultiAddress
{
    public const byte IdTag = 0;

    public static void WriteId(ScaleWriter w, AccountId who)
    {
        w.WriteU8(IdTag);
        w.WriteFixed(who.AsSpan());
    }

    public static AccountId ReadId(ref ScaleReader r)
    {
        var tag = r.ReadU8();
        if (tag != IdTag) throw new ScaleDecodeException($"unsupported MultiAddress variant {tag} (only Id = 0 is accepted)");
        return AccountId.FromBytes(r.ReadFixed(32));
    }
}
