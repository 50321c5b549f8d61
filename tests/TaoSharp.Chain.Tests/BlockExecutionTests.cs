using TaoSharp.Chain.Blocks;
using TaoSharp.Chain.Execution;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Runtime.Balances;

namespace TaoSharp.Chain.Tests;

public class BlockExecutionTests
{
    [Fact]
    public void Transfer_moves_funds_charges_the_fee_and_bumps_the_nonce()
    {
        using var t = new TestChain();
        var dest = TestChain.Stranger(9);
        var issuance = TaoBalances.TotalIssuance(t.Chain.HeadState).Rao;
        var x = t.Transfer(0, dest, 5_000_000_000, 0, tip: 7);
        var valid = t.Chain.Submit(x.Encoded);
        var block = t.Author();

        Assert.Equal([x.Hash], block.Block.Extrinsics.Select(e => e.Hash));
        var receipt = Assert.Single(block.Events.Receipts);
        Assert.True(receipt.Success);
        // Fee = (base 125M + transfer 190M weight) * 0.0005 + 1 RAO/byte, plus the tip.
        var expectedFee = (125_000_000UL + 190_000_000UL) / 2000 + (ulong)x.Encoded.Length + 7;
        Assert.Equal(expectedFee, receipt.Fee);
        Assert.Equal(expectedFee, valid.Fee);
        var s = t.Chain.HeadState;
        Assert.Equal(5_000_000_000UL, TaoBalances.Free(s, dest).Rao);
        Assert.Equal(TestChain.Endowment - 5_000_000_000 - expectedFee, TaoBalances.Free(s, t.Account(0)).Rao);
        Assert.Equal(1u, TaoBalances.Nonce(s, t.Account(0)));
        Assert.Equal(issuance - expectedFee, TaoBalances.TotalIssuance(s).Rao);
        Assert.Contains(receipt.Events, e => e.Pallet == "Balances" && e.Name == "Transfer" && e["amount"] == "5000000000");
        Assert.Equal("ExtrinsicSuccess", receipt.Events[^1].Name);
    }

    [Fact]
    public void Failed_call_pays_the_fee_changes_nothing_else_and_records_the_error()
    {
        using var t = new TestChain();
        var dest = TestChain.Stranger(9);
        var before = TaoBalances.Free(t.Chain.HeadState, t.Account(1)).Rao;
        // More than the balance: the call fails with InsufficientBalance.
        var x = t.Transfer(1, dest, TestChain.Endowment * 2, 0);
        t.Chain.Submit(x.Encoded);
        var block = t.Author();

        var receipt = Assert.Single(block.Events.Receipts);
        Assert.False(receipt.Success);
        Assert.Equal("InsufficientBalance", receipt.Error);
        var failed = receipt.Events[^1];
        Assert.Equal(("System", "ExtrinsicFailed", "InsufficientBalance"), (failed.Pallet, failed.Name, failed["error"]));
        Assert.DoesNotContain(receipt.Events, e => e.Name == "Transfer");
        var s = t.Chain.HeadState;
        Assert.Equal(0UL, TaoBalances.Free(s, dest).Rao);
        Assert.Equal(before - receipt.Fee, TaoBalances.Free(s, t.Account(1)).Rao);
        Assert.Equal(1u, TaoBalances.Nonce(s, t.Account(1)));
    }

    [Fact]
    public void Keep_alive_refuses_to_kill_the_sender_but_allow_death_reaps_with_dust_burned()
    {
        using var t = new TestChain();
        var dest = TestChain.Stranger(3);
        var free = TaoBalances.Free(t.Chain.HeadState, t.Account(2)).Rao;
        var fee = t.Chain.Executor.Validator.Fees.Fee(t.Chain.Calls.Decode(CallBuilder.TransferKeepAlive(dest, 1)), t.Transfer(2, dest, 1, 0).Encoded.Length);
        // Leaves 100 RAO (< ED 500) after the fee.
        var amount = free - fee - 100;
        t.Chain.Submit(t.Transfer(2, dest, amount, 0).Encoded);
        var r1 = Assert.Single(t.Author().Events.Receipts);
        Assert.Equal("KeepAlive", r1.Error);

        var issuance = TaoBalances.TotalIssuance(t.Chain.HeadState).Rao;
        var free2 = TaoBalances.Free(t.Chain.HeadState, t.Account(2)).Rao;
        // Fee ≈ 157.6k RAO; leaving ~100 RAO after fee and transfer makes the sender dust.
        var amount2 = free2 - 157_800 - 100;
        var y = t.Signer.Sign(t.Keys[2], CallBuilder.TransferAllowDeath(dest, amount2), 1);
        t.Chain.Submit(y.Encoded);
        var r2 = Assert.Single(t.Author().Events.Receipts);
        Assert.True(r2.Success, r2.Error);
        var dust = free2 - r2.Fee - amount2;
        Assert.InRange(dust, 1UL, 499UL);
        Assert.Contains(r2.Events, e => e.Name == "DustLost" && e["amount"] == dust.ToString());
        var s = t.Chain.HeadState;
        Assert.Equal(0UL, TaoBalances.Free(s, t.Account(2)).Rao);
        // The reaped account keeps its nonce so old transactions stay unreplayable.
        Assert.Equal(2u, TaoBalances.Nonce(s, t.Account(2)));
        Assert.Equal(issuance - r2.Fee - dust, TaoBalances.TotalIssuance(s).Rao);
    }

    [Fact]
    public void Sudo_dispatches_as_root_and_others_get_RequireSudo()
    {
        using var t = new TestChain();
        var who = TestChain.Stranger(4);
        var inner = CallBuilder.ForceSetBalance(who, 42_000);
        t.Chain.Submit(t.Signer.Sign(t.Keys[0], CallBuilder.Sudo(inner), 0).Encoded);   // account 0 is sudo
        t.Chain.Submit(t.Signer.Sign(t.Keys[1], CallBuilder.Sudo(inner), 0).Encoded);
        t.Chain.Submit(t.Signer.Sign(t.Keys[2], inner, 0).Encoded);                      // not root
        var receipts = t.Author().Events.Receipts.OrderBy(r => r.Index).ToList();
        Assert.Equal(3, receipts.Count);
        var byHashOk = receipts.Where(r => r.Success).ToList();
        Assert.Single(byHashOk);
        Assert.Contains(byHashOk[0].Events, e => e.Name == "Sudid" && e["sudo_result"] == "Ok");
        Assert.Contains(receipts, r => r.Error == "RequireSudo");
        Assert.Contains(receipts, r => r.Error == "BadOrigin");
        Assert.Equal(42_000UL, TaoBalances.Free(t.Chain.HeadState, who).Rao);
    }

    [Fact]
    public void Header_commits_to_parent_state_root_and_extrinsics()
    {
        using var t = new TestChain();
        var genesis = t.Chain.Head;
        t.Chain.Submit(t.Transfer(0, TestChain.Stranger(1), 1_000_000, 0).Encoded);
        var b = t.Author().Block;
        Assert.Equal(genesis.Hash, b.Header.ParentHash);
        Assert.Equal(1UL, b.Header.Number);
        Assert.Equal(Block.ExtrinsicsRoot(b.Extrinsics), b.Header.ExtrinsicsRoot);
        Assert.Equal(t.Chain.Db.TreeRoot, b.Header.StateRoot);
        Assert.NotEqual(genesis.StateRoot, b.Header.StateRoot);
        Assert.Equal(b.Header, BlockHeader.Decode(b.Header.Encode()));
        var stored = t.Chain.Db.GetBlock(b.Hash)!;
        Assert.Equal(b.Extrinsics.Select(x => x.Hash), stored.Extrinsics.Select(x => x.Hash));
        Assert.Equal((b.Hash, 0u), t.Chain.Db.FindExtrinsic(b.Extrinsics[0].Hash));
    }

    [Fact]
    public void Reopening_the_store_resumes_at_the_head_and_replay_reproduces_every_state_root()
    {
        var store = new TaoSharp.Storage.KeyValue.InMemoryKeyValueStore();
        using var t = new TestChain(store: store);
        for (uint n = 0; n < 3; n++)
        {
            t.Chain.Submit(t.Transfer(0, TestChain.Stranger(5), 1_000_000, n).Encoded);
            t.Chain.Submit(t.Transfer(1, TestChain.Stranger(6), 2_000_000, n).Encoded);
            t.Author();
        }
        var head = t.Chain.Head;
        var reopened = Blockchain.Open(store, t.Genesis, TestChain.Options());
        Assert.Equal(head.Hash, reopened.Head.Hash);
        Assert.Equal(head.StateRoot, reopened.Db.TreeRoot);

        var replay = ChainReplay.Replay(reopened.Db, t.Genesis, TestChain.Options());
        Assert.Equal(head.Number, replay.Number);
        Assert.Equal(head.StateRoot, replay.StateRoot);
    }

    [Fact]
    public void Different_genesis_is_refused()
    {
        var store = new TaoSharp.Storage.KeyValue.InMemoryKeyValueStore();
        using var t = new TestChain(store: store);
        var other = t.Genesis with { ChainName = "x", Timestamp = 1 };
        Assert.Throws<InvalidOperationException>(() => Blockchain.Open(store, other, TestChain.Options()));
    }
}
