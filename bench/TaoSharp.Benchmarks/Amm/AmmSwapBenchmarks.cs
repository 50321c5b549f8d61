using BenchmarkDotNet.Attributes;
using TaoSharp.Math;
using TaoSharp.Runtime.Amm;

namespace TaoSharp.Benchmarks.Amm;

/// <summary>
/// One pool swap (price, limit check, step) per operation, single-threaded. "NonTrivialWeights" uses the weight a
/// pool has after a disproportionate injection (w2 = 0.6153…), which forces the big-integer ln/exp exponent path;
/// "EqualWeights" is a fresh pool (exact path); "ConstantProduct" is the launch model. Each operation swaps a
/// different amount (cycling through 1 024 values) so nothing is cached between calls.
/// </summary>
[MemoryDiagnoser]
public class AmmSwapBenchmarks
{
    private const int Amounts = 1024;
    private readonly ulong[] _amounts = new ulong[Amounts];
    private readonly WeightedPoolModel _weighted = new(SwapConfig.Mainnet);
    private readonly U64F64 _maxPrice = SwapConfig.LimitPrice(SwapConfig.MaxPriceRao);
    private readonly U64F64 _minPrice = SwapConfig.LimitPrice(SwapConfig.MinPriceRao);
    private PoolState _skewed;
    private PoolState _even;
    private int _i;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        for (var k = 0; k < Amounts; k++)
        {
            _amounts[k] = (ulong)rng.NextInt64(2_000_000, 50_000_000_000);
        }

        _even = PoolState.Create(1_000_000_000_000, 4_000_000_000_000);
        _skewed = _even with { QuoteWeight = Perquintill.FromParts(615_384_615_384_615_384) };
    }

    private ulong NextAmount() => _amounts[_i++ & (Amounts - 1)];

    [Benchmark(Description = "weighted buy, non-trivial weights")]
    public ulong BuyNonTrivialWeights() =>
        _weighted.Swap(_skewed, SwapDirection.Buy, NextAmount(), _maxPrice, false, false).Result.AmountPaidOut;

    [Benchmark(Description = "weighted sell, non-trivial weights")]
    public ulong SellNonTrivialWeights() =>
        _weighted.Swap(_skewed, SwapDirection.Sell, NextAmount(), _minPrice, false, false).Result.AmountPaidOut;

    [Benchmark(Description = "weighted buy, equal weights")]
    public ulong BuyEqualWeights() =>
        _weighted.Swap(_even, SwapDirection.Buy, NextAmount(), _maxPrice, false, false).Result.AmountPaidOut;

    [Benchmark(Description = "constant-product buy (launch)")]
    public ulong BuyConstantProduct() =>
        ConstantProductPoolModel.Instance.Swap(_even, SwapDirection.Buy, NextAmount(), _maxPrice, false, false).Result.AmountPaidOut;
}
