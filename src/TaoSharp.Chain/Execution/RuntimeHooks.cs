using TaoSharp.Chain.Genesis;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Chain.Execution;

/// <summary>The Runtime's per-block hooks as the node runs them, for a genesis economics profile.</summary>
public static class RuntimeHooks
{
    public static IBlockHooks Create(string profile = ChainProfile.Current) => new SubtensorBlockHooks(ChainProfile.Coinbase(profile));
}

/// <summary>
/// subtensor's <c>on_initialize</c> / <c>block_step</c> in its order: registration burn prices first (decay and the
/// per-block counter reset), then the coinbase (mint, inject, pending emission, due epochs, EMA prices). Events go to
/// the block's initialisation events.
/// </summary>
public sealed class SubtensorBlockHooks(CoinbaseSettings settings) : IBlockHooks
{
    private readonly CoinbaseBlockStep _coinbase = new(settings);

    public void OnInitialize(CallContext ctx)
    {
        var block = ctx.Block.Value;
        RegistrationPrice.OnInitialize(ctx.State, block);
        var ran = _coinbase.Run(ctx.State, block, ctx.Events);
        foreach (var netuid in ran)
            ctx.Events.Deposit("SubtensorModule", "EpochRun", ("netuid", netuid.Value.ToString()), ("block", block.ToString()));
    }
}
