using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaoSharp.Chain;
using TaoSharp.Chain.Pool;
using TaoSharp.Node.Configuration;
using TaoSharp.Node.Metrics;
using TaoSharp.Primitives;

namespace TaoSharp.Node.Services;

/// <summary>
/// The dev authority: authors a block every <see cref="NodeOptions.BlockTime"/> (interval sealing) or as soon as
/// the pool has transactions (instant sealing). Each block is committed atomically before the next starts.
/// </summary>
public sealed class BlockAuthoringService(Blockchain chain, NodeOptions options, AccountId author, NodeMetrics metrics,
    ILogger<BlockAuthoringService> log, TimeProvider time) : BackgroundService
{
    private readonly SemaphoreSlim _work = new(0);
    private long _lastBlockTicks;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        chain.Pool.StatusChanged += OnPoolStatus;
        _lastBlockTicks = time.GetTimestamp();
        log.LogInformation("Authoring blocks as {Author} ({Mode}{Interval})", author, options.Sealing,
            options.Sealing == SealingMode.Interval ? $", every {options.BlockTime.TotalMilliseconds} ms" : "");
        try
        {
            var next = time.GetUtcNow() + options.BlockTime;
            while (!ct.IsCancellationRequested)
            {
                if (options.Sealing == SealingMode.Interval)
                {
                    var wait = next - time.GetUtcNow();
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
                    next += options.BlockTime;
                    // After a stall, don't fire a burst of catch-up blocks.
                    if (next < time.GetUtcNow()) next = time.GetUtcNow() + options.BlockTime;
                }
                else
                {
                    await _work.WaitAsync(ct);
                    while (_work.CurrentCount > 0) await _work.WaitAsync(ct);
                    if (chain.Pool.Count == 0) continue;
                }
                Author();
                if (options.Sealing == SealingMode.Instant && chain.Pool.Count > 0) _work.Release();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        finally
        {
            chain.Pool.StatusChanged -= OnPoolStatus;
        }
    }

    private void Author()
    {
        var started = Stopwatch.GetTimestamp();
        var imported = chain.AuthorBlock((ulong)time.GetUtcNow().ToUnixTimeMilliseconds(), author, options.MaxExtrinsicsPerBlock);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var now = time.GetTimestamp();
        var sinceLast = time.GetElapsedTime(_lastBlockTicks, now);
        _lastBlockTicks = now;
        var header = imported.Block.Header;
        var failed = imported.Events.Receipts.Count(r => !r.Success);
        metrics.BlockAuthored(header.Number, imported.Block.Extrinsics.Count, failed, elapsed, sinceLast);
        metrics.PoolSize(chain.Pool.Count);
        log.LogInformation("Imported #{Number} ({Hash}) with {Count} extrinsics ({Failed} failed) in {Ms:F1} ms",
            header.Number, header.Hash, imported.Block.Extrinsics.Count, failed, elapsed.TotalMilliseconds);
        if (log.IsEnabled(LogLevel.Debug))
            foreach (var r in imported.Events.Receipts.Where(r => !r.Success))
                log.LogDebug("Extrinsic {Hash} failed: {Error}", r.ExtrinsicHash, r.Error);
    }

    private void OnPoolStatus(TransactionStatus status)
    {
        if (options.Sealing == SealingMode.Instant && status.Kind == TransactionStatusKind.Ready && _work.CurrentCount == 0)
            _work.Release();
    }
}
