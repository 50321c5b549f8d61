namespace TaoSharp.Runtime.Staking;

/// <summary>Staking constants of the reference runtime (spec-dtao Appendix A).</summary>
public static class StakingConstants
{
    /// <summary>Default (and maximum) delegate take: 11 796 / 65 535 ≈ 18 %.</summary>
    public const ushort DefaultDelegateTake = 11_796;

    public const ushort MaxDelegateTake = 11_796;

    public const ushort MinDelegateTake = 0;

    /// <summary>Blocks between two take increases.</summary>
    public const ulong TxDelegateTakeRateLimit = 216_000;
}
