using TaoSharp.Chain.Execution;
using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Coinbase;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage.KeyValue;
using static TaoSharp.Chain.Tests.SubtensorCalls;

namespace TaoSharp.Chain.Tests;

/// <summary>
/// Automatic root claims through the whole chain: the executor records the parent hash, the block hooks draw coldkeys
/// from it after the coinbase and claim for them. Nobody here ever calls claim_root.
/// </summary>
public class AutoRootClaimTests
{
    private const ushort Net = 1;

    [Fact]
    public void Root_stakers_receive_their_root_dividends_without_claiming_and_import_reproduces_the_chain()
    {
        using var c = new RuntimeChain(hooks: new RootSellingHooks(RuntimeHooks.Create()));
        c.RunOk(c.Coldkeys[1], RegisterNetwork(c.Hot(0)));
        c.RunOk(c.Coldkeys[1], StartCall(Net));
        c.Sudo(AdminGlobalU16(74, 0));
        c.Sudo(AdminU64(7, Net, 0));
        c.Sudo(AdminBool(49, Net, false));
        c.Sudo(AdminU16(30, Net, 7));
        c.Sudo(AdminBool(94, Net, true));
        c.RunOk(c.Coldkeys[2], BurnedRegister(Net, c.Hot(1)));
        c.RunOk(c.Coldkeys[1], AddStake(c.Hot(0), Net, 1_000 * RuntimeChain.Tao));
        var stakers = new[] { 3, 4, 5 };
        foreach (var k in stakers) c.RunOk(c.Coldkeys[k], AddStake(c.Hot(0), 0, 100 * RuntimeChain.Tao));
        Assert.Equal(stakers.Select(c.Cold), StakingColdkeyIndex.Coldkeys(c.State));
        var rootBefore = stakers.ToDictionary(k => k, k => StakeLedger.Stake(c.State, c.Hot(0), c.Cold(k), NetUid.Root));

        var autoClaimed = new HashSet<string>();
        for (var block = 0; block < 70; block++)
        {
            var imported = block % 7 == 0 ? RunWeights(c) : c.Author();
            foreach (var e in imported.Events.Initialization.Where(e => e.Name == "RootClaimed")) autoClaimed.Add(e["coldkey"]!);
            var errors = DtaoInvariants.Check(c.State);
            Assert.True(errors.Count == 0, $"block #{c.Head}: {string.Join("; ", errors)}");
        }

        Assert.True(SubtensorStorage.RootClaimable.Get(c.State, c.Hot(0), new NetUid(Net)) > I96F32.Zero, "no root dividends accrued");
        foreach (var k in stakers)
        {
            Assert.Contains(c.Cold(k).ToHex(), autoClaimed);
            Assert.True(SubtensorStorage.RootClaimed.Get(c.State, c.Hot(0), (c.Cold(k), new NetUid(Net))) > UInt128.Zero);
            // Swap (the default type): the claimed alpha was sold and staked on root.
            Assert.True(StakeLedger.Stake(c.State, c.Hot(0), c.Cold(k), NetUid.Root) > rootBefore[k], $"coldkey {k} gained no root stake");
        }
        Assert.Empty(StakingColdkeyIndex.Check(c.State));

        // Import re-executes every block (parent hash, author, auto-claims) and must land on the same state roots.
        using var copy = Blockchain.Open(new InMemoryKeyValueStore(), c.Genesis, c.Options);
        for (var n = 1UL; n <= c.Head; n++) copy.ImportBlock(c.Chain.Db.GetBlock(c.Chain.HashAt(n)!.Value)!);
        Assert.Equal(c.Chain.Head.StateRoot, copy.Head.StateRoot);
    }

    private static ImportedBlock RunWeights(RuntimeChain c)
    {
        var x = c.Sign(c.Hotkeys[0], SetWeights(Net, [1], [ushort.MaxValue]));
        c.Chain.Submit(x.Encoded);
        return c.Author();
    }

    /// <summary>
    /// The real hooks, with every subnet's moving price held at 2 before they run: the sum of moving prices above 1 is
    /// the reference's condition for root dividends, which a fresh test subnet would only reach after very many blocks.
    /// </summary>
    private sealed class RootSellingHooks(IBlockHooks inner) : IBlockHooks
    {
        public void OnInitialize(CallContext ctx)
        {
            foreach (var n in CoinbaseBlockStep.AddedSubnets(ctx.State)) SubtensorStorage.SubnetMovingPrice.Set(ctx.State, n, I96F32.FromUInt(2));
            inner.OnInitialize(ctx);
        }
    }
}
