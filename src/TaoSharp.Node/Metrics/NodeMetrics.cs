using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace TaoSharp.Node.Metrics;

/// <summary>
/// The node's Prometheus metrics, rendered in the text exposition format at GET /metrics. A handful of counters,
/// gauges and summaries kept in-process (no dependency): block time, extrinsics, pool size, RPC latency.
/// </summary>
public sealed class NodeMetrics
{
    private long _blocks;
    private long _extrinsics;
    private long _failedExtrinsics;
    private long _headNumber;
    private long _poolSize;
    private readonly Summary _blockAuthoring = new();
    private readonly Summary _blockInterval = new();
    private readonly ConcurrentDictionary<string, Summary> _rpc = new();

    public void BlockAuthored(ulong number, int extrinsics, int failed, TimeSpan authoring, TimeSpan sinceLast)
    {
        Interlocked.Increment(ref _blocks);
        Interlocked.Add(ref _extrinsics, extrinsics);
        Interlocked.Add(ref _failedExtrinsics, failed);
        Interlocked.Exchange(ref _headNumber, (long)number);
        _blockAuthoring.Observe(authoring.TotalSeconds);
        _blockInterval.Observe(sinceLast.TotalSeconds);
    }

    public void PoolSize(int size) => Interlocked.Exchange(ref _poolSize, size);

    public void RpcCall(string method, TimeSpan elapsed, bool ok) =>
        _rpc.GetOrAdd(method, _ => new Summary()).Observe(elapsed.TotalSeconds, ok);

    public string Render()
    {
        var sb = new StringBuilder();
        Counter(sb, "taosharp_blocks_authored_total", "Blocks authored by this node.", _blocks);
        Counter(sb, "taosharp_extrinsics_included_total", "Extrinsics included in authored blocks.", _extrinsics);
        Counter(sb, "taosharp_extrinsics_failed_total", "Included extrinsics whose call failed.", _failedExtrinsics);
        Gauge(sb, "taosharp_head_number", "Number of the head block.", _headNumber);
        Gauge(sb, "taosharp_txpool_size", "Transactions in the pool.", _poolSize);
        _blockAuthoring.Render(sb, "taosharp_block_authoring_seconds", "Time to execute and commit a block.", "");
        _blockInterval.Render(sb, "taosharp_block_interval_seconds", "Time between consecutive blocks.", "");
        sb.Append("# HELP taosharp_rpc_seconds RPC call latency by method.\n# TYPE taosharp_rpc_seconds summary\n");
        foreach (var (method, s) in _rpc.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            s.RenderSeries(sb, "taosharp_rpc_seconds", $"method=\"{method}\"");
        return sb.ToString();
    }

    private static void Counter(StringBuilder sb, string name, string help, long v) =>
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {v}\n");

    private static void Gauge(StringBuilder sb, string name, string help, long v) =>
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}\n");

    /// <summary>Count, sum, errors and max of observations (a Prometheus summary without quantiles).</summary>
    private sealed class Summary
    {
        private readonly Lock _lock = new();
        private long _count;
        private long _errors;
        private double _sum;
        private double _max;

        public void Observe(double seconds, bool ok = true)
        {
            lock (_lock)
            {
                _count++;
                if (!ok) _errors++;
                _sum += seconds;
                _max = System.Math.Max(_max, seconds);
            }
        }

        public void Render(StringBuilder sb, string name, string help, string labels)
        {
            sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} summary\n");
            RenderSeries(sb, name, labels);
        }

        public void RenderSeries(StringBuilder sb, string name, string labels)
        {
            lock (_lock)
            {
                var l = labels.Length == 0 ? "" : "{" + labels + "}";
                sb.Append(CultureInfo.InvariantCulture, $"{name}_count{l} {_count}\n{name}_sum{l} {_sum:R}\n{name}_max{l} {_max:R}\n");
                if (labels.Length > 0) sb.Append(CultureInfo.InvariantCulture, $"{name}_errors{l} {_errors}\n");
            }
        }
    }
}
