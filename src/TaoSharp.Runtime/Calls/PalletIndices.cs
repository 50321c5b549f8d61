namespace TaoSharp.Runtime.Calls;

/// <summary>Pallet indices of the reference runtime's construct_runtime!, so call bytes match subtensor's.</summary>
public static class PalletIndices
{
    public const byte System = 0;
    public const byte Balances = 5;
    public const byte SubtensorModule = 7;
    public const byte Sudo = 12;
    public const byte AdminUtils = 19;
}
