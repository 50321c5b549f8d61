namespace TaoSharp.Runtime.Staking;

/// <summary>Pallet name under which subtensor's events are deposited.</summary>
public static class SubtensorEvents
{
    public const string Pallet = "SubtensorModule";
}
