using TaoSharp.Runtime.Calls;

namespace TaoSharp.Chain.Execution;

/// <summary>Per-block Runtime work that runs before the extrinsics (subtensor's on_initialize: coinbase, epochs).</summary>
public interface IBlockHooks
{
    void OnInitialize(CallContext ctx);
}

/// <summary>No per-block work (balances-only chains and tests).</summary>
public sealed class NoBlockHooks : IBlockHooks
{
    public static readonly NoBlockHooks Instance = new();

    public void OnInitialize(CallContext ctx) { }
}
