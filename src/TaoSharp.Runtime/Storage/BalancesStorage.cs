using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Balances;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Storage items of accounts and TAO balances, under the reference chain's pallet and item names.</summary>
public static class BalancesStorage
{
    /// <summary>frame_system's account record (nonce + balances), keyed blake2_128_concat(AccountId).</summary>
    public static readonly StorageMap<AccountId, AccountInfo> Account =
        new("System", "Account", StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId, AccountInfoCodec.Instance, AccountInfo.Empty);

    /// <summary>Sum of every account's free + reserved TAO (pallet_balances' TotalIssuance).</summary>
    public static readonly StorageValue<TaoBalance> TotalIssuance =
        new("Balances", "TotalIssuance", ScaleCodecs.TaoBalance, default);

    /// <summary>The sudo key (pallet_sudo's Key); absent means no account may use sudo.</summary>
    public static readonly StorageValue<AccountId?> SudoKey =
        new("Sudo", "Key", ScaleCodecs.Option(ScaleCodecs.AccountId), null);
}
