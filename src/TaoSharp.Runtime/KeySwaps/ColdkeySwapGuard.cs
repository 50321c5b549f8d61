using TaoSharp.Primitives;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.KeySwaps;

/// <summary>
/// The reference's <c>CheckColdkeySwap</c> dispatch extension: when the signer has announced a coldkey swap, a disputed
/// swap blocks every call (<c>ColdkeySwapDisputed</c>) and otherwise only the four swap calls are allowed
/// (<c>ColdkeySwapAnnounced</c>), so a stolen coldkey cannot be drained while its owner races the thief. It runs when a
/// signed call is dispatched (the transaction is included and pays its fee, the call fails); root is never checked.
/// </summary>
public static class ColdkeySwapGuard
{
    /// <summary>Throws the reference's error when <paramref name="signer"/> may not dispatch <paramref name="call"/> now.</summary>
    public static void Check(IStateReader s, AccountId signer, CallDescriptor call)
    {
        if (!SubtensorStorage.ColdkeySwapAnnouncements.Contains(s, signer)) return;
        if (SubtensorStorage.ColdkeySwapDisputes.Contains(s, signer))
            throw new DispatchException(DispatchError.ColdkeySwapDisputed, "this coldkey's swap is disputed: every call is blocked until root resets it");
        if (!IsAllowedDuringSwap(call))
            throw new DispatchException(DispatchError.ColdkeySwapAnnounced, "this coldkey announced a swap: only the swap calls are allowed");
    }

    private static bool IsAllowedDuringSwap(CallDescriptor call) =>
        call.PalletIndex == PalletIndices.SubtensorModule && call.CallIndex is
            KeySwapCalls.AnnounceColdkeySwap or KeySwapCalls.SwapColdkeyAnnounced or
            KeySwapCalls.DisputeColdkeySwap or KeySwapCalls.ClearColdkeySwapAnnouncement;
}
