using TaoSharp.Chain.Extrinsics;
using TaoSharp.Chain.Pool;
using TaoSharp.Runtime.Balances;

namespace TaoSharp.Chain.Tests;

public class TransactionPoolTests
{
    private static readonly TaoSharp.Primitives.AccountId Dest = TestChain.Stranger(8);

    [Fact]
    public void Future_nonces_wait_until_the_gap_closes()
    {
        using var t = new TestChain();
        var v1 = t.Chain.Submit(t.Transfer(0, Dest, 1_000_000, 1).Encoded);
        Assert.True(v1.IsFuture);
        Assert.Empty(t.Author().Block.Extrinsics);
        Assert.Equal(1, t.Chain.Pool.Count);

        t.Chain.Submit(t.Transfer(0, Dest, 1_000_000, 0).Encoded);
        var b = t.Author().Block;
        Assert.Equal([0u, 1u], b.Extrinsics.Select(x => x.Nonce));
        Assert.Equal(0, t.Chain.Pool.Count);
        Assert.Equal(2u, TaoBalances.Nonce(t.Chain.HeadState, t.Account(0)));
    }

    [Fact]
    public void Ordering_is_by_tip_then_nonce_per_signer()
    {
        using var t = new TestChain();
        t.Chain.Submit(t.Transfer(0, Dest, 1_000_000, 0, tip: 1).Encoded);
        t.Chain.Submit(t.Transfer(1, Dest, 1_000_000, 0, tip: 50).Encoded);
        t.Chain.Submit(t.Transfer(2, Dest, 1_000_000, 0, tip: 10).Encoded);
        t.Chain.Submit(t.Transfer(1, Dest, 1_000_000, 1, tip: 0).Encoded);
        var picked = t.Chain.Pool.SelectReady(t.Chain.HeadState, 10);
        Assert.Equal([(1, 0u), (2, 0u), (0, 0u), (1, 1u)],
            picked.Select(x => (t.Keys.FindIndex(k => k.PublicKey.AsSpan().SequenceEqual(x.Signer.AsSpan())), x.Nonce)));
    }

    [Fact]
    public void Same_nonce_is_replaced_only_by_a_higher_tip()
    {
        using var t = new TestChain();
        var first = t.Transfer(0, Dest, 1_000_000, 0, tip: 5);
        t.Chain.Submit(first.Encoded);
        var same = Assert.Throws<InvalidExtrinsicException>(() => t.Chain.Submit(t.Transfer(0, Dest, 2_000_000, 0, tip: 5).Encoded));
        Assert.Equal(InvalidReason.TooLowPriority, same.Reason);
        var statuses = new List<TransactionStatus>();
        t.Chain.Pool.StatusChanged += statuses.Add;
        var better = t.Transfer(0, Dest, 3_000_000, 0, tip: 6);
        t.Chain.Submit(better.Encoded);
        Assert.Equal(1, t.Chain.Pool.Count);
        Assert.Contains(statuses, s => s.TransactionHash == first.Hash && s.Kind == TransactionStatusKind.Usurped);
        Assert.Equal(better.Hash, Assert.Single(t.Author().Block.Extrinsics).Hash);
    }

    [Fact]
    public void Full_pool_evicts_the_lowest_tip_or_refuses()
    {
        using var t = new TestChain(new PoolOptions { MaxTransactions = 2 });
        var low = t.Transfer(0, Dest, 1_000_000, 0, tip: 1);
        t.Chain.Submit(low.Encoded);
        t.Chain.Submit(t.Transfer(1, Dest, 1_000_000, 0, tip: 5).Encoded);
        var refused = Assert.Throws<InvalidExtrinsicException>(() => t.Chain.Submit(t.Transfer(2, Dest, 1_000_000, 0, tip: 1).Encoded));
        Assert.Equal(InvalidReason.PoolFull, refused.Reason);
        t.Chain.Submit(t.Transfer(2, Dest, 1_000_000, 0, tip: 9).Encoded);
        Assert.Equal(2, t.Chain.Pool.Count);
        Assert.False(t.Chain.Pool.Contains(low.Hash));
    }

    [Fact]
    public void Wrong_nonce_bad_signature_wrong_genesis_and_unpayable_fee_are_refused_without_state_change()
    {
        using var t = new TestChain();
        var root = t.Chain.Head.StateRoot;
        var included = t.Transfer(0, Dest, 1_000_000, 0);
        t.Chain.Submit(included.Encoded);
        t.Author();
        // What the next block leaves when it holds nothing (it still records System.ParentHash and runs the hooks).
        root = t.Chain.Db.Prepare(t.Chain.Executor.Execute(t.Chain.HeadState, t.Chain.Head.Number + 1, t.Chain.HashAt, [],
            dropInvalid: true, checkSignatures: true).State).StateRoot;

        var stale = Assert.Throws<InvalidExtrinsicException>(() => t.Chain.Submit(included.Encoded));
        Assert.Equal(InvalidReason.AlreadyImported, stale.Reason);
        var stale2 = Assert.Throws<InvalidExtrinsicException>(() => t.Chain.Submit(t.Transfer(0, Dest, 5, 0).Encoded));
        Assert.Equal(InvalidReason.Stale, stale2.Reason);

        var good = t.Transfer(1, Dest, 1_000_000, 0);
        var tampered = (byte[])good.Encoded.Clone();
        tampered[^1] ^= 1; // change the amount: signature no longer matches
        Assert.Equal(InvalidReason.BadProof, Assert.Throws<InvalidExtrinsicException>(() => t.Chain.Submit(tampered)).Reason);

        var otherChain = new ExtrinsicSigner(t.Chain.Identity with { GenesisHash = TaoSharp.Primitives.Hash256.Zero });
        var replayed = otherChain.Sign(t.Keys[1], CallBuilder.TransferKeepAlive(Dest, 1_000_000), 0);
        Assert.Equal(InvalidReason.BadProof, Assert.Throws<InvalidExtrinsicException>(() => t.Chain.Submit(replayed.Encoded)).Reason);

        using var poor = TestChain.Key(99);
        var broke = t.Signer.Sign(poor, CallBuilder.TransferKeepAlive(Dest, 1_000_000), 0);
        Assert.Equal(InvalidReason.Payment, Assert.Throws<InvalidExtrinsicException>(() => t.Chain.Submit(broke.Encoded)).Reason);

        var unknownCall = t.Signer.Sign(t.Keys[1], [0x63, 0x63, 0x00], 0);
        Assert.Equal(InvalidReason.UnknownCall, Assert.Throws<InvalidExtrinsicException>(() => t.Chain.Submit(unknownCall.Encoded)).Reason);

        Assert.Equal(0, t.Chain.Pool.Count);
        Assert.Empty(t.Author().Block.Extrinsics);
        Assert.Equal(root, t.Chain.Head.StateRoot);
    }

    [Fact]
    public void Mortal_transactions_expire_and_need_a_known_birth_block()
    {
        using var t = new TestChain();
        for (var i = 0; i < 3; i++) t.Author();
        var head = t.Chain.Head.Number; // 3
        var era = Era.Mortal(4, head);
        var birth = era.Birth(head + 1);
        var ok = t.Signer.Sign(t.Keys[0], CallBuilder.Remark([1]), 0, 0, era, t.Chain.HashAt(birth)!.Value);
        t.Chain.Submit(ok.Encoded);
        Assert.Single(t.Author().Block.Extrinsics);

        // Signed for a window that has closed: eras are cyclic, so the current window's birth block is another
        // block and the signature (which commits to the old birth hash) no longer verifies — as in Substrate.
        var oldEra = Era.Mortal(4, 0);
        var expired = t.Signer.Sign(t.Keys[1], CallBuilder.Remark([2]), 0, 0, oldEra, t.Chain.HashAt(0)!.Value);
        Assert.Equal(InvalidReason.BadProof, Assert.Throws<InvalidExtrinsicException>(() => t.Chain.Submit(expired.Encoded)).Reason);

        // A window whose birth block is not produced yet.
        var ahead = t.Signer.Sign(t.Keys[1], CallBuilder.Remark([3]), 0, 0, new Era(64, 40), t.Chain.HashAt(0)!.Value);
        Assert.Equal(InvalidReason.AncientBirthBlock, Assert.Throws<InvalidExtrinsicException>(() => t.Chain.Submit(ahead.Encoded)).Reason);
    }

    [Fact]
    public void Future_gap_is_measured_from_the_end_of_the_ready_run()
    {
        using var t = new TestChain(new PoolOptions { MaxFutureNonceGap = 8 });
        for (uint n = 0; n < 20; n++) t.Chain.Submit(t.Transfer(0, Dest, 1_000_000, n).Encoded);
        Assert.Equal(20, t.Chain.Pool.Count);
        Assert.Equal(20u, t.Chain.Pool.NextNonce(t.Chain.HeadState, t.Account(0)));
        t.Chain.Submit(t.Transfer(0, Dest, 1_000_000, 28).Encoded);
        var far = Assert.Throws<InvalidExtrinsicException>(() => t.Chain.Submit(t.Transfer(0, Dest, 1_000_000, 29).Encoded));
        Assert.Equal(InvalidReason.Future, far.Reason);
        Assert.Equal(20, t.Author().Block.Extrinsics.Count);
    }
}
