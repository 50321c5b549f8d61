using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Admin-utils guards: the freeze window before each epoch and the subnet owner's hyperparameter rate limit.</summary>
public static partial class SubtensorStorage
{
    /// <summary>Blocks at the end of each tempo in which hyperparameter setters are refused (reference default 10).</summary>
    public static readonly StorageValue<ushort> AdminFreezeWindow = new(Pallet, "AdminFreezeWindow", ScaleCodecs.U16, 10);

    /// <summary>Tempos a subnet owner waits between two changes of one hyperparameter (reference default 2).</summary>
    public static readonly StorageValue<ushort> OwnerHyperparamRateLimit = new(Pallet, "OwnerHyperparamRateLimit", ScaleCodecs.U16, 2);

    /// <summary>Tempos between two weights-version-key changes by the owner (reference default 5).</summary>
    public static readonly StorageValue<ulong> WeightsVersionKeyRateLimit = new(Pallet, "WeightsVersionKeyRateLimit", ScaleCodecs.U64, 5);

    /// <summary>
    /// Block of the owner's last change per (subnet, hyperparameter code). The reference keeps this in
    /// <c>RateLimitedLastBlock</c> under an enum key; here it is a plain StorageDoubleMap (codes: <c>AdminUtilsCalls</c>).
    /// </summary>
    public static readonly StorageDoubleMap<NetUid, ushort, ulong> OwnerHyperparamLastBlock =
        new(Pallet, "OwnerHyperparamLastBlock", StorageHasher.Identity, StorageHasher.Identity, ScaleCodecs.NetUid, ScaleCodecs.U16, ScaleCodecs.U64, 0);

    /// <summary>A served TLS certificate: algorithm byte then public key (at most 64 bytes), as the reference's NeuronCertificate.</summary>
    public static readonly StorageDoubleMap<NetUid, AccountId, byte[]> NeuronCertificates =
        new(Pallet, "NeuronCertificates", StorageHasher.Identity, StorageHasher.Blake2_128Concat, ScaleCodecs.NetUid, ScaleCodecs.AccountId,
            ScaleCodecs.BoundedBytes(65), []);
}
