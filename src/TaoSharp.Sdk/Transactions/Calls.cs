using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Sdk.Transactions;

/// <summary>
/// Call bytes (pallet index ++ call index ++ SCALE args) with the reference runtime's indices
/// (System 0, Balances 5, SubtensorModule 7, Sudo 12, AdminUtils 19; docs/calls.md), so they match what the node's
/// call table decodes. SubtensorModule calls live in Calls.Subtensor.cs and Calls.Weights.cs, AdminUtils in Calls.Admin.cs.
/// </summary>
public static partial class Calls
{
    private const byte System = 0;
    private const byte Balances = 5;
    private const byte SubtensorModule = 7;
    private const byte Sudo = 12;
    private const byte AdminUtils = 19;

    public static byte[] Remark(ReadOnlySpan<byte> data)
    {
        var w = Begin(System, 0);
        w.WriteBytes(data);
        return w.ToArray();
    }

    public static byte[] TransferKeepAlive(AccountId dest, TaoBalance amount) => Transfer(3, dest, amount);

    public static byte[] TransferAllowDeath(AccountId dest, TaoBalance amount) => Transfer(0, dest, amount);

    public static byte[] ForceSetBalance(AccountId who, TaoBalance free)
    {
        var w = Begin(Balances, 8);
        WriteId(w, who);
        w.WriteCompact(free.Rao);
        return w.ToArray();
    }

    /// <summary>Sudo.sudo(call): the boxed inner call is encoded inline.</summary>
    public static byte[] SudoCall(ReadOnlySpan<byte> inner)
    {
        var w = Begin(Sudo, 0);
        w.WriteFixed(inner);
        return w.ToArray();
    }

    private static byte[] Transfer(byte index, AccountId dest, TaoBalance amount)
    {
        var w = Begin(Balances, index);
        WriteId(w, dest);
        w.WriteCompact(amount.Rao);
        return w.ToArray();
    }

    private static void WriteId(ScaleWriter w, AccountId who)
    {
        w.WriteU8(0);
        w.WriteFixed(who.AsSpan());
    }

    private static ScaleWriter Begin(byte pallet, byte call)
    {
        var w = new ScaleWriter();
        w.WriteU8(pallet);
        w.WriteU8(call);
        return w;
    }
}
