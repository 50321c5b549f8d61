using TaoSharp.Primitives.Scale;

namespace TaoSharp.Runtime.Balances;

/// <summary>
/// An account's record under System.Account, laid out like frame_system's AccountInfo with subtensor's u64
/// balance type: nonce, consumers, providers, sufficients, then AccountData (free, reserved, frozen, flags).
/// Keeping the reference layout means state_getStorage answers decode with Substrate tooling.
/// </summary>
public readonly record struct AccountInfo(uint Nonce, uint Consumers, uint Providers, uint Sufficients,
    ulong Free, ulong Reserved, ulong Frozen, UInt128 Flags)
{
    public static readonly AccountInfo Empty = default;

    public bool IsEmpty => this == Empty;
}

public sealed class AccountInfoCodec : IScaleCodec<AccountInfo>
{
    public static readonly AccountInfoCodec Instance = new();

    public void Encode(ScaleWriter w, in AccountInfo v)
    {
        w.WriteU32(v.Nonce);
        w.WriteU32(v.Consumers);
        w.WriteU32(v.Providers);
        w.WriteU32(v.Sufficients);
        w.WriteU64(v.Free);
        w.WriteU64(v.Reserved);
        w.WriteU64(v.Frozen);
        w.WriteU128(v.Flags);
    }

    public AccountInfo Decode(ref ScaleReader r) =>
        new(r.ReadU32(), r.ReadU32(), r.ReadU32(), r.ReadU32(), r.ReadU64(), r.ReadU64(), r.ReadU64(), r.ReadU128());
}
