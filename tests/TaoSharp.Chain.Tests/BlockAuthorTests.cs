using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Storage;
using static TaoSharp.Chain.Tests.SubtensorCalls;

namespace TaoSharp.Chain.Tests;

/// <summary>
/// The block's author is what the Runtime sees as Authorship.Author: swap fees and transaction fees of the block reach
/// it (the reference's TransactionFeeHandler); without an author both are burned.
/// </summary>
public class BlockAuthorTests
{
    [Fact]
    public void Add_stake_swap_fee_and_transaction_fee_go_to_the_author_of_the_block_and_the_books_still_balance()
    {
        using var c = SubtensorCallTests.WithSubnet(miners: 1);
        var author = c.Cold(5);
        c.BlockAuthor = author;
        c.Author();
        var before = TaoBalances.Free(c.State, author).Rao;

        var r = c.RunOk(c.Coldkeys[3], AddStake(c.Hot(1), 1, 100 * RuntimeChain.Tao));

        Assert.Equal(author, SubtensorStorage.BlockAuthor.Get(c.State));
        var swapFee = ulong.Parse(Assert.Single(r.Events, e => e.Name == "StakeAdded")["fee"]!);
        Assert.InRange(swapFee, 1UL, RuntimeChain.Tao); // a fraction of a percent of 100 TAO
        Assert.True(r.Fee > 0);
        Assert.Equal(before + r.Fee + swapFee, TaoBalances.Free(c.State, author).Rao);
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

    [Fact]
    public void A_transfer_fee_and_tip_are_credited_to_the_author_and_burned_without_one()
    {
        using var c = new RuntimeChain();
        var author = AccountId.FromBytes(Enumerable.Repeat((byte)0xAB, 32).ToArray()); // no account yet: the fee creates it
        var x = c.Signer.Sign(c.Coldkeys[1], CallBuilder.TransferKeepAlive(c.Cold(2), RuntimeChain.Tao),
            TaoBalances.Nonce(c.State, c.Cold(1)), tip: 1_000);
        var number = c.Head + 1;
        var empty = c.Chain.Executor.Execute(c.State, number, c.Chain.HashAt, [], dropInvalid: true, checkSignatures: true, author);
        var paid = c.Chain.Executor.Execute(c.State, number, c.Chain.HashAt, [x], dropInvalid: true, checkSignatures: true, author);
        var burned = c.Chain.Executor.Execute(c.State, number, c.Chain.HashAt, [x], dropInvalid: true, checkSignatures: true);
        var fee = Assert.Single(paid.Events.Receipts).Fee;
        Assert.True(fee > 1_000, "the fee includes the tip");

        // Paid: the author holds fee + tip; neither issuance counter moves relative to the same block without the transfer.
        Assert.Equal(fee, TaoBalances.Free(paid.State, author).Rao);
        Assert.Equal(TaoBalances.TotalIssuance(empty.State), TaoBalances.TotalIssuance(paid.State));
        Assert.Equal(SubtensorStorage.TotalIssuance.Get(empty.State), SubtensorStorage.TotalIssuance.Get(paid.State));
        Assert.Empty(Runtime.Staking.DtaoInvariants.Check(paid.State));

        // No author: the fee leaves both issuance counters.
        Assert.Equal(0UL, TaoBalances.Free(burned.State, author).Rao);
        Assert.Equal(TaoBalances.TotalIssuance(empty.State).Rao - fee, TaoBalances.TotalIssuance(burned.State).Rao);
        Assert.Equal(SubtensorStorage.TotalIssuance.Get(empty.State) - fee, SubtensorStorage.TotalIssuance.Get(burned.State));
        Assert.Empty(Runtime.Staking.DtaoInvariants.Check(burned.State));
    }
}
