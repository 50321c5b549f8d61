namespace TaoSharp.Chain.Execution;

/// <summary>
/// The Runtime's per-block hooks as the node runs them. The coinbase / epoch block step is wired here once the
/// Runtime exposes it; until then blocks carry only extrinsics (see docs/node.md, "not yet implemented").
/// </summary>
public static class RuntimeHooks
{
    public static IBlockHooks Create() => NoBlockHooks.Instance;
}
