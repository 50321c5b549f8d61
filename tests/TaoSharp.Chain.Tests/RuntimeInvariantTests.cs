using TaoSharp.Chain.Execution;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Crypto;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using static TaoSharp.Chain.Tests.SubtensorCalls;

namespace TaoSharp.Chain.Tests;

/// <summary>Many blocks of mixed traffic through the full Runtime wiring; the money books must balance after every block.</summary>
public class RuntimeInvariantTests
{
    [Theory]
    [InlineData("current")]
    [InlineData("launch")]
    public void Books_balance_after_every_block_of_registrations_stakes_weights_and_epochs(string profile)
    {
        using var c = new RuntimeChain(profile: profile);
        const ushort net = 1;
        var n = new NetUid(net);
        c.RunOk(c.Coldkeys[1], RegisterNetwork(c.Hot(0)));
        c.RunOk(c.Coldkeys[1], StartCall(net));
        c.Sudo(AdminGlobalU16(74, 0));
        c.Sudo(AdminU64(7, net, 0));
        c.Sudo(AdminBool(49, net, false));
        c.Sudo(AdminU16(30, net, 7));
        c.Sudo(AdminBool(94, net, true));
        Assert.Empty(DtaoInvariants.Check(c.State));
        // An author that never transacts: every fee of the run (transaction and swap fees) lands on it.
        var author = AccountId.FromBytes(Enumerable.Repeat((byte)0xAB, 32).ToArray());
        c.BlockAuthor = author;

        var random = new Random(42);
        var registered = new List<int> { 0 };
        var epochsRan = 0;
        for (var block = 0; block < 60; block++)
        {
            var batch = new List<Extrinsic>();
            // Coldkeys 2..5 each do one thing; the owner hotkey sets weights; a registered hotkey re-serves its axon.
            for (var k = 2; k <= 5; k++)
            {
                var key = c.Coldkeys[k];
                // Stake goes mostly to the owner hotkey (the only weight setter) so that consensus follows its weights.
                var hot = random.Next(4) == 0 ? registered[random.Next(registered.Count)] : 0;
                var next = registered.Count < c.Hotkeys.Count ? registered.Count : -1;
                byte[] call = random.Next(5) switch
                {
                    0 when next > 0 => BurnedRegister(net, c.Hot(next)),
                    1 => RemoveStake(c.Hot(hot), net, (ulong)random.Next(1, 50) * RuntimeChain.Tao / 10),
                    2 => CallBuilder.TransferKeepAlive(c.Cold(random.Next(6)), (ulong)random.Next(1, 1000) * RuntimeChain.Tao),
                    _ => AddStake(c.Hot(hot), (ushort)random.Next(2), (ulong)random.Next(1, 200) * RuntimeChain.Tao),
                };
                if (call[0] == 7 && call[1] == 7) registered.Add(next);
                batch.Add(c.Sign(key, call));
            }
            if (registered.Count > 1)
            {
                var targets = registered.Where(u => u != 0).Select(u => SubtensorStorage.Uids.Get(c.State, n, c.Hot(u))).Distinct().ToArray();
                var weights = targets.Select(_ => (ushort)random.Next(1, 1000)).ToArray();
                batch.Add(c.Sign(c.Hotkeys[0], SetWeights(net, targets, weights)));
            }
            foreach (var x in batch) c.Chain.Submit(x.Encoded);
            var authorBefore = TaoBalances.Free(c.State, author).Rao;
            var imported = c.Author();
            Assert.Equal(batch.Count, imported.Block.Extrinsics.Count);
            var fees = imported.Events.Receipts.Aggregate(0UL, (sum, r) => sum + r.Fee);
            Assert.True(TaoBalances.Free(c.State, author).Rao >= authorBefore + fees, $"block #{c.Head}: the author did not receive the {fees} RAO of fees");
            epochsRan += imported.Events.Initialization.Count(e => e.Name == "EpochRun" && e["netuid"] == "1");

            var errors = DtaoInvariants.Check(c.State);
            Assert.True(errors.Count == 0, $"block #{c.Head}: {string.Join("; ", errors)}");
        }

        Assert.True(epochsRan >= 7, $"only {epochsRan} epochs ran");
        Assert.Contains(SubtensorStorage.Dividends.Get(c.State, n), v => v > 0);
        Assert.Contains(SubtensorStorage.Emission.Get(c.State, n), v => v > 0);
        Assert.Contains(SubtensorStorage.Incentive.Get(c.State, net), v => v > 0);
        Assert.True(SubtensorStorage.SubnetTAO.Get(c.State, n) > 0);
    }

    [Fact]
    public void Authoring_defers_what_does_not_fit_the_block_weight_and_import_refuses_an_overweight_block()
    {
        // Room for exactly three transfers (base 125 M + 190 M each).
        var limits = new BlockLimits(MaxNormalWeight: 3 * 315_000_000, MaxNormalLength: 1 << 20);
        using var c = new RuntimeChain(limits: limits);
        var xs = Enumerable.Range(0, 5).Select(i => c.Signer.Sign(c.Coldkeys[1], CallBuilder.TransferKeepAlive(c.Cold(2), RuntimeChain.Tao), (uint)i)).ToList();
        foreach (var x in xs) c.Chain.Submit(x.Encoded);

        var first = c.Author();
        Assert.Equal(xs.Take(3).Select(x => x.Hash), first.Block.Extrinsics.Select(x => x.Hash));
        Assert.Equal(2, c.Chain.Pool.Count);
        var second = c.Author();
        Assert.Equal(xs.Skip(3).Select(x => x.Hash), second.Block.Extrinsics.Select(x => x.Hash));

        // The same five in one block, authored by a chain without the limit, cannot be imported here.
        using var unlimited = new RuntimeChain();
        foreach (var x in xs) unlimited.Chain.Submit(x.Encoded);
        var big = unlimited.Author();
        Assert.Equal(5, big.Block.Extrinsics.Count);
        using var limited = new RuntimeChain(limits: limits);
        var e = Assert.Throws<InvalidBlockException>(() => limited.Chain.ImportBlock(big.Block));
        Assert.Contains("weight or length limit", e.Message);
    }

    [Fact]
    public void A_transaction_heavier_than_a_whole_block_is_refused_as_exhausting_resources()
    {
        using var c = new RuntimeChain(limits: new BlockLimits(MaxNormalWeight: 200_000_000, MaxNormalLength: 1 << 20));
        var x = c.Sign(c.Coldkeys[1], CallBuilder.TransferKeepAlive(c.Cold(2), RuntimeChain.Tao));
        c.Chain.Submit(x.Encoded);
        var block = c.Author();
        Assert.Empty(block.Block.Extrinsics);
        Assert.Equal(0, c.Chain.Pool.Count);
        Assert.Equal(0u, TaoBalances.Nonce(c.State, c.Cold(1)));
    }
}
