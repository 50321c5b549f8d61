using TaoSharp.Chain.Genesis;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Chain.Execution;

/// <summary>The Runtime's per-block hooks as the node runs them, for a genesis economics profile.</summary>
public static class RuntimeHooks
{
    public static IBlockHooks Create(string profile = ChainProfile.Current) => new SubtensorBlockHooks(ChainProfile.Coinbase(profile));
}

/// <summary>
/// subtensor's <c>on_initialize</c> / <c>block_step</c> in its order: registration burn prices first (decay and the
/// per-block counter reset), then the coinbase (mint, inject, pending emission, due epochs, EMA prices, pending children),
/// then the automatic root claims drawn from the parent hash. Events go to the block's initialisation events.
/// </summary>
public sealed class SubtensorBlockHooks(CoinbaseSettings settings) : IBlockHooks
{
    private readonly CoinbaseBlockStep _coinbase = new(settings);
    private readonly SubnetPools _pools = new(settings.Profile);

    public void OnInitialize(CallContext ctx)
    {
        var block = ctx.Block.Value;
        RegistrationPrice.OnInitialize(ctx.State, block);
        var ran = _coinbase.Run(ctx.State, block, ctx.Events);
        foreach (var netuid in ran)
            ctx.Events.Deposit("SubtensorModule", "EpochRun", ("netuid", netuid.Value.ToString()), ("block", block.ToString()));
        // block_step 8: auto root claims last, after emission, epochs, EMA prices and pending children.
        RootClaims.RunAutoClaims(ctx.State, _pools, SubtensorStorage.ParentHash.Get(ctx.State), ctx.Events);
    }
}
