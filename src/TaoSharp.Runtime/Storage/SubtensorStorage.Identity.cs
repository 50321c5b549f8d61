using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Identities (subnet and coldkey), token symbols and the owner-hotkey rate limit (spec-dtao §6.6).</summary>
public static partial class SubtensorStorage
{
    private static readonly SubnetIdentity NoSubnetIdentity = new([], [], [], [], [], [], [], []);
    private static readonly ChainIdentity NoChainIdentity = new([], [], [], [], [], [], []);

    /// <summary>A subnet's identity (OptionQuery in the reference: read it with TryGet).</summary>
    public static readonly StorageMap<NetUid, SubnetIdentity> SubnetIdentitiesV3 =
        new(Pallet, "SubnetIdentitiesV3", StorageHasher.Blake2_128Concat, ScaleCodecs.NetUid, SubnetIdentity.Codec, NoSubnetIdentity);

    /// <summary>A coldkey's identity (OptionQuery in the reference: read it with TryGet).</summary>
    public static readonly StorageMap<AccountId, ChainIdentity> IdentitiesV2 =
        new(Pallet, "IdentitiesV2", StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId, ChainIdentity.Codec, NoChainIdentity);

    /// <summary>A subnet's token symbol, UTF-8 bytes (ValueQuery; default the mathematical tau U+1D70F as the reference's).</summary>
    public static readonly StorageMap<NetUid, byte[]> TokenSymbol =
        new(Pallet, "TokenSymbol", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.Bytes,
            System.Text.Encoding.UTF8.GetBytes(SubnetSymbols.StorageDefault));

    /// <summary>
    /// Block of the last owner-hotkey change per subnet. The reference keeps it in <c>LastRateLimitedBlock</c> under
    /// <c>RateLimitKey::SetSNOwnerHotkey(netuid)</c>; here it is a plain map (like <see cref="OwnerHyperparamLastBlock"/>).
    /// Dissolution leaves it, as the reference does.
    /// </summary>
    public static readonly StorageMap<NetUid, ulong> SubnetOwnerHotkeyLastBlock =
        new(Pallet, "SubnetOwnerHotkeyLastBlock", StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U64, 0);
}
