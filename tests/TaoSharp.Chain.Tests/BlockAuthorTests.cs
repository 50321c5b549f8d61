using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Storage;
using static TaoSharp.Chain.Tests.SubtensorCalls;

namespace TaoSharp.Chain.Tests;

/// <summary>The block's author is what the Runtime sees as Authorship.Author: swap fees of the block reach it.</summary>
public class BlockAuthorTests
{
    [Fact]
    public void Add_stake_swap_fee_goes_to_the_author_of_the_block_and_the_books_still_balance()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        var author = c.Cold(5);
        c.BlockAuthor = author;
        c.Author();
        var before = TaoBalances.Free(c.State, author).Rao;

        c.RunOk(c.Coldkeys[3], AddStake(c.Hot(1), 1, 100 * RuntimeChain.Tao));

        Assert.Equal(author, SubtensorStorage.BlockAuthor.Get(c.State));
        var fee = TaoBalances.Free(c.State, author).Rao - before;
        Assert.InRange(fee, 1UL, RuntimeChain.Tao); // a fraction of a percent of 100 TAO
        Assert.Empty(Runtime.Staking.DtaoInvariants.Check(c.State));
    }

    [Fact]
    public void Without_an_author_the_same_block_pays_no_one()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        var x = c.Sign(c.Coldkeys[3], AddStake(c.Hot(1), 1, 100 * RuntimeChain.Tao));
        var number = c.Head + 1;
        var withAuthor = c.Chain.Executor.Execute(c.State, number, c.Chain.HashAt, [x], dropInvalid: true, checkSignatures: true, c.Cold(5));
        var without = c.Chain.Executor.Execute(c.State, number, c.Chain.HashAt, [x], dropInvalid: true, checkSignatures: true);

        Assert.True(TaoBalances.Free(withAuthor.State, c.Cold(5)).Rao > TaoBalances.Free(without.State, c.Cold(5)).Rao);
        Assert.Equal(TaoBalances.Free(c.State, c.Cold(5)), TaoBalances.Free(without.State, c.Cold(5)));
    }
}
