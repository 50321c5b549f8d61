using CsCheck;
using TaoSharp.Math;
using TaoSharp.Runtime.Amm;

namespace TaoSharp.Runtime.Tests;

/// <summary>Pool invariants over random pools and orders (weighted with random weights, and constant product).</summary>
public class AmmPropertyTests
{
    private static readonly WeightedPoolModel Weighted = new(SwapConfig.Mainnet);
    private static readonly U64F64 MaxPrice = SwapConfig.LimitPrice(SwapConfig.MaxPriceRao);
    private static readonly U64F64 MinPrice = SwapConfig.LimitPrice(SwapConfig.MinPriceRao);

    private static readonly Gen<PoolState> Pools =
        Gen.Select(Gen.ULong[1_000_000, 1UL << 50], Gen.ULong[1_000_000, 1UL << 50], Gen.ULong[20_000_000_000_000_000, 980_000_000_000_000_000], Gen.UShort[0, 10_000])
            .Select((tao, alpha, w, fee) => new PoolState(new Primitives.TaoBalance(tao), new Primitives.AlphaBalance(alpha), Perquintill.FromParts(w), fee));

    private static readonly Gen<PoolState> EvenPools =
        Gen.Select(Gen.ULong[1_000_000, 1UL << 50], Gen.ULong[1_000_000, 1UL << 50], Gen.UShort[0, 10_000])
            .Select((tao, alpha, fee) => PoolState.Create(tao, alpha, fee));

    [Fact]
    public void Reserves_never_go_negative_or_wrap()
    {
        Gen.Select(Pools, Gen.ULong[0, 1UL << 52], Gen.Bool).Sample((pool, amount, buy) =>
        {
            var dir = buy ? SwapDirection.Buy : SwapDirection.Sell;
            var o = Weighted.Swap(pool, dir, amount, buy ? MaxPrice : MinPrice, false, false);
            if (!o.IsOk)
            {
                return true;
            }

            var after = Weighted.Apply(pool, dir, o.Result);
            var outReserve = pool.OutputReserve(dir);
            return o.Result.AmountPaidOut <= outReserve
                && o.Result.AmountPaidIn + o.Result.FeePaid <= amount
                && after.InputReserve(dir) == pool.InputReserve(dir) + o.Result.AmountPaidIn
                && after.OutputReserve(dir) == outReserve - o.Result.AmountPaidOut;
        }, iter: 150);
    }

    [Fact]
    public void Buy_then_sell_never_profits()
    {
        Gen.Select(Pools, Gen.ULong[2_000_000, 1UL << 45]).Sample((pool, tao) =>
        {
            var buy = Weighted.Swap(pool, SwapDirection.Buy, tao, MaxPrice, false, false);
            if (!buy.IsOk)
            {
                return true;
            }

            var mid = Weighted.Apply(pool, SwapDirection.Buy, buy.Result);
            var sell = Weighted.Swap(mid, SwapDirection.Sell, buy.Result.AmountPaidOut, MinPrice, false, false);
            return !sell.IsOk || sell.Result.AmountPaidOut <= tao;
        }, iter: 150);

        Gen.Select(EvenPools, Gen.ULong[2_000_000, 1UL << 45]).Sample((pool, tao) =>
        {
            var cp = ConstantProductPoolModel.Instance;
            var buy = cp.Swap(pool, SwapDirection.Buy, tao, MaxPrice, false, false);
            if (!buy.IsOk)
            {
                return true;
            }

            var sell = cp.Swap(cp.Apply(pool, SwapDirection.Buy, buy.Result), SwapDirection.Sell, buy.Result.AmountPaidOut, MinPrice, false, false);
            return !sell.IsOk || sell.Result.AmountPaidOut <= tao;
        }, iter: 150);
    }

    [Fact]
    public void Price_moves_in_the_direction_of_the_swap()
    {
        Gen.Select(Pools, Gen.ULong[1, 1UL << 45], Gen.Bool).Sample((pool, amount, buy) =>
        {
            var dir = buy ? SwapDirection.Buy : SwapDirection.Sell;
            var o = Weighted.Swap(pool, dir, amount, buy ? MaxPrice : MinPrice, false, false);
            if (!o.IsOk)
            {
                return true;
            }

            var before = Weighted.Price(pool);
            var after = Weighted.Price(Weighted.Apply(pool, dir, o.Result));
            return buy ? after >= before : after <= before;
        }, iter: 150);
    }

    [Fact]
    public void More_input_never_buys_less()
    {
        Gen.Select(Pools, Gen.ULong[1, 1UL << 44], Gen.ULong[0, 1UL << 40]).Sample((pool, a, extra) =>
        {
            var small = Weighted.Swap(pool, SwapDirection.Buy, a, MaxPrice, true, true);
            var large = Weighted.Swap(pool, SwapDirection.Buy, a + extra, MaxPrice, true, true);
            return !small.IsOk || !large.IsOk || large.Result.AmountPaidOut >= small.Result.AmountPaidOut;
        }, iter: 100);
    }

    [Fact]
    public void A_refused_stake_changes_nothing()
    {
        var path = StakeSwap.ForDynamicSubnet(EconomicsProfile.Current);
        Gen.Select(Pools, Gen.ULong[0, 1UL << 52], Gen.Bool, Gen.ULong[0, 2_000_000_000], Gen.Bool).Sample((pool, amount, buy, limit, partial) =>
        {
            var request = new StakeSwapRequest(buy ? SwapDirection.Buy : SwapDirection.Sell, amount, limit == 0 ? null : limit, partial, amount);
            var outcome = path.Execute(pool, request);
            return outcome.IsOk ? outcome.Swap.Result.AmountPaidIn + outcome.Swap.Result.FeePaid <= amount : outcome.PoolAfter == pool;
        }, iter: 60);
    }
}
