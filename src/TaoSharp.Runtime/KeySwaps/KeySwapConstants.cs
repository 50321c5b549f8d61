namespace TaoSharp.Runtime.KeySwaps;

/// <summary>The reference runtime's key-swap constants (runtime/src/lib.rs, production values).</summary>
public static class KeySwapConstants
{
    /// <summary><c>KeySwapCost</c>: 0.1 TAO, recycled, for a hotkey swap on all subnets and for announcing a coldkey swap.</summary>
    public const ulong KeySwapCost = 100_000_000;

    /// <summary><c>KeySwapOnSubnetCost</c>: 0.001 TAO, recycled, for a hotkey swap on one subnet.</summary>
    public const ulong KeySwapOnSubnetCost = 1_000_000;

    /// <summary><c>HotkeySwapOnSubnetInterval</c>: one day of blocks between two hotkey swaps of a coldkey on one subnet.</summary>
    public const ulong HotkeySwapOnSubnetInterval = 7_200;

    /// <summary><c>InitialColdkeySwapAnnouncementDelay</c>: five days of blocks.</summary>
    public const uint DefaultAnnouncementDelay = 36_000;

    /// <summary><c>InitialColdkeySwapReannouncementDelay</c>: one day of blocks.</summary>
    public const uint DefaultReannouncementDelay = 7_200;
}
