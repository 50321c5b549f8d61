using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;

namespace TaoSharp.Runtime.Tests;

/// <summary>Swap fees go to the block author (spec-dtao §3.5), the reference's test_swap_fees_tao_correctness.</summary>
public sealed class SwapFeeAuthorTests
{
    [Fact]
    public void BuyThenSell_FeesReachTheAuthor_AndTaoIsConserved()
    {
        var owner = DtaoTestChain.Key(1);
        var user = DtaoTestChain.Key(2);
        var author = DtaoTestChain.Key(3);
        var chain = new DtaoTestChain(owner, user, author);
        var hot = DtaoTestChain.Key(1, 0xA0);
        var n = chain.OpenSubnet(owner, hot);
        SubtensorStorage.BlockAuthor.Set(chain.State, author);
        ulong Total() => TaoBalances.Free(chain.State, user).Rao + SubtensorStorage.SubnetTAO.Get(chain.State, n) + TaoBalances.Free(chain.State, author).Rao;
        var before = Total();
        var authorBefore = TaoBalances.Free(chain.State, author).Rao;

        chain.Staking.AddStake(chain.State, user, hot, n, 100_000_000_000, null, false, chain.Events);
        var afterBuy = TaoBalances.Free(chain.State, author).Rao;
        Assert.True(afterBuy > authorBefore, "buy fee paid to the author");
        var alpha = StakeLedger.Stake(chain.State, hot, user, n);
        chain.Staking.RemoveStake(chain.State, user, hot, n, alpha, null, false, chain.Events);
        Assert.True(TaoBalances.Free(chain.State, author).Rao > afterBuy, "sell fee (alpha sold for TAO) paid to the author");

        Assert.InRange(Total(), before - 2, before + 2);
        Assert.Equal(0UL, SubtensorStorage.AlphaBurned.Get(chain.State, n) - 0); // nothing left unowned: the fee alpha was sold
        chain.AssertInvariants();
    }

    [Fact]
    public void WithoutAnAuthor_TaoFeesAreBurned_AndAlphaFeesLeftUnowned()
    {
        var owner = DtaoTestChain.Key(1);
        var user = DtaoTestChain.Key(2);
        var chain = new DtaoTestChain(owner, user);
        var hot = DtaoTestChain.Key(1, 0xA0);
        var n = chain.OpenSubnet(owner, hot);
        chain.Staking.AddStake(chain.State, user, hot, n, 100_000_000_000, null, false, chain.Events);
        Assert.True(TaoBalances.Free(chain.State, StakingAccounts.BurnAccount).Rao > 0);
        chain.Staking.RemoveStake(chain.State, user, hot, n, StakeLedger.Stake(chain.State, hot, user, n), null, false, chain.Events);
        Assert.True(SubtensorStorage.AlphaBurned.Get(chain.State, n) > 0);
        chain.AssertInvariants();
    }
}
