using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Calls;

namespace TaoSharp.Chain.Extrinsics;

/// <summary>Encodes the calls that tooling needs most (call = pallet index ++ call index ++ SCALE args).</summary>
public static class CallBuilder
{
    public static byte[] TransferKeepAlive(AccountId dest, ulong rao) => Transfer(3, dest, rao);

    public static byte[] TransferAllowDeath(AccountId dest, ulong rao) => Transfer(0, dest, rao);

    public static byte[] Remark(ReadOnlySpan<byte> data)
    {
        var w = Begin(PalletIndices.System, 0);
        w.WriteBytes(data);
        return w.ToArray();
    }

    /// <summary>Sudo.sudo(inner): the inner call's bytes follow directly (a boxed call is encoded inline).</summary>
    public static byte[] Sudo(ReadOnlySpan<byte> inner)
    {
        var w = Begin(PalletIndices.Sudo, 0);
        w.WriteFixed(inner);
        return w.ToArray();
    }

    public static byte[] ForceSetBalance(AccountId who, ulong rao)
    {
        var w = Begin(PalletIndices.Balances, 8);
        MultiAddress.WriteId(w, who);
        w.WriteCompact(rao);
        return w.ToArray();
    }

    public static ScaleWriter Begin(byte pallet, byte call)
    {
        var w = new ScaleWriter();
        w.WriteU8(pallet);
        w.WriteU8(call);
        return w;
    }

    private static byte[] Transfer(byte index, AccountId dest, ulong rao)
    {
        var w = Begin(PalletIndices.Balances, index);
        MultiAddress.WriteId(w, dest);
        w.WriteCompact(rao);
        return w.ToArray();
    }
}
