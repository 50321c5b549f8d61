using System.Text;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Queries;

/// <summary>
/// What the read models show of a subnet's and a coldkey's identity: the name (identity's <c>subnet_name</c>, else the
/// reference's fallback table; <see cref="SubnetNames"/>), the stored <c>TokenSymbol</c> (<see cref="SubnetSymbols"/>
/// assigns it), and the stored identities. On-chain bytes become text as UTF-8, invalid sequences as U+FFFD.
/// </summary>
public static class SubnetNaming
{
    public static string Name(IStateReader s, NetUid netuid) => Text(SubnetNames.For(s, netuid));

    /// <summary>The stored symbol (the storage default, U+1D70F, for a subnet that never stored one).</summary>
    public static string Symbol(IStateReader s, NetUid netuid) => Text(SubtensorStorage.TokenSymbol.Get(s, netuid));

    public static SubnetIdentity? Identity(IStateReader s, NetUid netuid) =>
        SubtensorStorage.SubnetIdentitiesV3.TryGet(s, netuid, out var identity) ? identity : null;

    public static ChainIdentity? ColdkeyIdentity(IStateReader s, AccountId coldkey) =>
        SubtensorStorage.IdentitiesV2.TryGet(s, coldkey, out var identity) ? identity : null;

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
