using TaoSharp.Chain;
using TaoSharp.Runtime.Staking;

namespace TaoSharp.Cli.Commands.Localnet;

/// <summary>
/// Runs the runtime's money-book invariants (<see cref="DtaoInvariants"/>: issuance = free balances + pool TAO, every
/// subnet's alpha out fully accounted for, share pools consistent) on the state of every block the embedded node
/// imports. The node is in this process, so the check reads the committed head state directly.
/// </summary>
public sealed class InvariantMonitor : IDisposable
{
    private readonly Blockchain _chain;
    private readonly Lock _lock = new();
    private readonly List<string> _violations = [];
    private long _blocksChecked;

    public InvariantMonitor(Blockchain chain)
    {
        _chain = chain;
        _chain.BlockImported += OnBlock;
    }

    public long BlocksChecked => Interlocked.Read(ref _blocksChecked);

    /// <summary>First violations seen (block number and message), at most 20 kept.</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_lock)
                return [.. _violations];
        }
    }

    public long ViolationCount { get; private set; }

    private void OnBlock(ImportedBlock block)
    {
        // Raised on the authoring thread right after the commit, before the next block starts: HeadState is this block's.
        IReadOnlyList<string> errors;
        try
        {
            errors = DtaoInvariants.Check(_chain.HeadState);
        }
        catch (Exception e)
        {
            errors = ["invariant check failed to run: " + e.Message];
        }
        Interlocked.Increment(ref _blocksChecked);
        if (errors.Count == 0)
            return;
        lock (_lock)
        {
            ViolationCount += errors.Count;
            foreach (var e in errors)
            {
                if (_violations.Count < 20)
                    _violations.Add($"#{block.Block.Header.Number}: {e}");
            }
        }
    }

    public void Dispose() => _chain.BlockImported -= OnBlock;
}
