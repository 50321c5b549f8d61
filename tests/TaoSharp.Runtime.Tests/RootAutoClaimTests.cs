using TaoSharp.Primitives;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;

namespace TaoSharp.Runtime.Tests;

/// <summary>
/// Automatic root claims (spec-dtao §4.8): the coldkey sample drawn from the parent hash, the staking-coldkey index the
/// sample is drawn from, and the claims themselves.
/// </summary>
public class RootAutoClaimTests
{
    private static readonly AccountId Owner = DtaoTestChain.Key(1);
    private static readonly AccountId OwnerHot = DtaoTestChain.Key(1, 0xA0);

    private const string Sequence = "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private const string AllOnes = "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    private const string Mixed = "0x9c4e2f1a77b3d0e58812aa034f6b9e2d10cc5a7e3b91f4d2086e7a5c3d2b1f09";
    private const string Zero = "0x0000000000000000000000000000000000000000000000000000000000000000";

    // Expected values computed by hand from the reference algorithm (big-endian u64 slices, saturating add, mod n), e.g.
    // Sequence, k = 1, n = 10: start = step = 0x0001020304050607 = 283 686 952 306 183; 2·start mod 10 = 6.
    // AllOnes saturates at u64::MAX every step: (2^64 − 1) mod 10 = 5 (a wrapping add would give 4).
    [Theory]
    [InlineData(Sequence, 0UL, 10UL, new ulong[] { })]
    [InlineData(Sequence, 1UL, 10UL, new ulong[] { 6 })]
    [InlineData(Sequence, 5UL, 0UL, new ulong[] { 0 })]
    [InlineData(Sequence, 5UL, 1UL, new ulong[] { 0 })]
    [InlineData(Sequence, 5UL, 7UL, new ulong[] { 2, 3, 4, 5 })]
    [InlineData(Sequence, 5UL, 1000UL, new ulong[] { 219, 366, 402, 884, 933 })]
    [InlineData(Sequence, 50UL, 7UL, new ulong[] { 0, 1, 2, 3, 4, 5, 6 })]
    [InlineData(Sequence, 50UL, 1000UL, new ulong[] { 5, 28, 41, 64, 77, 100, 113, 136, 149, 172, 185, 208, 219, 221, 244, 255, 257, 280, 291, 293, 327, 329, 363, 365, 366, 399, 402, 435, 438, 471, 474, 507, 510, 543, 546, 579, 582, 615, 618, 654, 690, 726, 762, 798, 884, 920, 933, 956, 969, 992 })]
    [InlineData(Sequence, 12UL, 1_099_511_627_779UL, new ulong[] { 25_904_678_402, 73_349_921_011, 155_288_067_028, 271_719_116_453, 284_671_455_654, 332_116_698_263, 414_054_844_280, 530_485_893_705, 543_438_232_906, 590_883_475_515, 672_821_621_532, 789_252_670_957 })]
    [InlineData(AllOnes, 1UL, 10UL, new ulong[] { 5 })]
    [InlineData(AllOnes, 5UL, 7UL, new ulong[] { 1 })]
    [InlineData(AllOnes, 50UL, 1000UL, new ulong[] { 615 })]
    [InlineData(AllOnes, 12UL, 1_099_511_627_779UL, new ulong[] { 1_099_461_296_130 })]
    [InlineData(Mixed, 1UL, 10UL, new ulong[] { 5 })]
    [InlineData(Mixed, 5UL, 7UL, new ulong[] { 1, 2, 4 })]
    [InlineData(Mixed, 5UL, 1000UL, new ulong[] { 231, 436, 510, 615, 708 })]
    [InlineData(Mixed, 50UL, 3UL, new ulong[] { 0, 1, 2 })]
    [InlineData(Mixed, 50UL, 100UL, new ulong[] { 1, 3, 8, 10, 15, 17, 22, 24, 29, 31, 33, 36, 38, 40, 45, 47, 52, 54, 59, 61, 66, 68, 73, 75, 80, 82, 87, 89, 94, 96 })]
    [InlineData(Mixed, 50UL, 1000UL, new ulong[] { 68, 80, 87, 161, 173, 180, 231, 254, 266, 273, 324, 347, 359, 366, 417, 436, 440, 452, 459, 510, 529, 533, 545, 552, 603, 615, 622, 638, 696, 708, 715, 731, 789, 801, 808, 882, 894, 901, 975, 987, 994 })]
    [InlineData(Mixed, 12UL, 1_099_511_627_779UL, new ulong[] { 14_140_270_126, 489_600_734_648, 522_951_501_269, 556_302_267_890, 885_762_304_339, 919_113_070_960, 952_463_837_581, 1_032_759_762_888, 1_046_950_364_663, 1_066_110_529_509, 1_080_301_131_284, 1_099_461_296_130 })]
    [InlineData(Zero, 50UL, 1000UL, new ulong[] { 0 })]
    public void BlockHashToIndices_MatchesTheReferenceDerivation(string hash, ulong k, ulong n, ulong[] expected) =>
        Assert.Equal(expected, RootClaims.BlockHashToIndices(Hash256.ParseHex(hash), k, n));

    [Fact]
    public void Index_JoinsOnRootStake_LeavesWhenRootStakeIsGone_AndStaysDense()
    {
        var (a, b, c) = (DtaoTestChain.Key(20), DtaoTestChain.Key(21), DtaoTestChain.Key(22));
        var chain = new DtaoTestChain(Owner, a, b, c);
        var n = chain.OpenSubnet(Owner, OwnerHot);

        chain.Staking.AddStake(chain.State, a, OwnerHot, n, 5_000_000_000, null, false, chain.Events);
        Assert.Empty(StakingColdkeyIndex.Coldkeys(chain.State)); // subnet stake does not index
        foreach (var who in new[] { a, b, c, a })
            chain.Staking.AddStake(chain.State, who, OwnerHot, NetUid.Root, 2_000_000_000, null, false, chain.Events);
        Assert.Equal([a, b, c], StakingColdkeyIndex.Coldkeys(chain.State));
        Assert.Empty(StakingColdkeyIndex.Check(chain.State));

        // A partial unstake keeps a in the index; the full one moves the last slot (c) into a's slot 0.
        chain.Staking.RemoveStake(chain.State, a, OwnerHot, NetUid.Root, 1_000_000_000, null, false, chain.Events);
        Assert.Equal([a, b, c], StakingColdkeyIndex.Coldkeys(chain.State));
        chain.Staking.RemoveStake(chain.State, a, OwnerHot, NetUid.Root, ulong.MaxValue, null, false, chain.Events);
        Assert.Equal([c, b], StakingColdkeyIndex.Coldkeys(chain.State));
        Assert.False(SubtensorStorage.StakingColdkeys.Contains(chain.State, a));
        Assert.False(SubtensorStorage.StakingColdkeysByIndex.Contains(chain.State, 2));
        Assert.Equal(0UL, SubtensorStorage.StakingColdkeys.Get(chain.State, c));
        Assert.Empty(StakingColdkeyIndex.Check(chain.State));

        // Removing the last slot's coldkey just shrinks the index; claim_root and set_root_claim_type index the caller.
        chain.Staking.RemoveStake(chain.State, b, OwnerHot, NetUid.Root, ulong.MaxValue, null, false, chain.Events);
        Assert.Equal([c], StakingColdkeyIndex.Coldkeys(chain.State));
        RootClaims.Claim(chain.State, chain.Staking.Pools, a, [n], chain.Events);
        RootClaims.SetClaimType(chain.State, b, RootClaimType.Keep, chain.Events);
        Assert.Equal([c, a, b], StakingColdkeyIndex.Coldkeys(chain.State));
        Assert.Empty(StakingColdkeyIndex.Check(chain.State));

        // A refused claim_root (no subnets) indexes nobody.
        var d = DtaoTestChain.Key(23);
        Assert.Equal(DispatchError.InvalidSubnetNumber, chain.Try(() => RootClaims.Claim(chain.State, chain.Staking.Pools, d, [], chain.Events)));
        Assert.False(SubtensorStorage.StakingColdkeys.Contains(chain.State, d));
    }

    [Fact]
    public void RootTransferWithinRoot_IndexesTheReceiver()
    {
        var (a, b) = (DtaoTestChain.Key(20), DtaoTestChain.Key(21));
        var chain = new DtaoTestChain(Owner, a, b);
        chain.OpenSubnet(Owner, OwnerHot);
        chain.Staking.AddStake(chain.State, a, OwnerHot, NetUid.Root, 5_000_000_000, null, false, chain.Events);
        chain.Staking.TransferStake(chain.State, a, b, OwnerHot, NetUid.Root, NetUid.Root, 1_000_000_000, chain.Events);
        Assert.Equal([a, b], StakingColdkeyIndex.Coldkeys(chain.State));
    }

    [Fact]
    public void RunAutoClaims_ClaimsForTheSampledColdkeysOnEverySubnet_AndNobodyWhenDisabled()
    {
        var stakers = Enumerable.Range(30, 3).Select(i => DtaoTestChain.Key(i)).ToArray();
        var chain = new DtaoTestChain([Owner, .. stakers]);
        var n1 = chain.OpenSubnet(Owner, OwnerHot);
        var n2 = chain.OpenSubnet(Owner, DtaoTestChain.Key(1, 0xA1));
        foreach (var s in stakers) chain.Staking.AddStake(chain.State, s, OwnerHot, NetUid.Root, 2_000_000_000, null, false, chain.Events);
        RootClaims.SetClaimType(chain.State, stakers[1], RootClaimType.Keep, chain.Events);
        foreach (var n in new[] { n1, n2 })
        {
            // Root dividends as the distribution credits them: alpha issued and kept aside as unclaimed.
            SubtensorStorage.SubnetAlphaOut.Mutate(chain.State, n, v => v + 600_000_000);
            RootClaims.Accrue(chain.State, OwnerHot, Owner, n, 600_000_000);
        }
        chain.AssertInvariants();
        var owed = stakers.Select(s => RootClaims.Owed(chain.State, OwnerHot, s, n1)).ToArray();
        Assert.All(owed, o => Assert.InRange(o, 199_000_000UL, 200_000_000UL));

        // Disabled: nothing happens.
        SubtensorStorage.NumRootClaim.Set(chain.State, 0);
        Assert.Equal(0, RootClaims.RunAutoClaims(chain.State, chain.Staking.Pools, Hash256.ParseHex(Sequence), chain.Events));
        Assert.Equal(owed, stakers.Select(s => RootClaims.Owed(chain.State, OwnerHot, s, n1)));

        // k = 1 with the Sequence hash and n = 3 picks slot (2·0x0001020304050607) mod 3 = 2 only.
        SubtensorStorage.NumRootClaim.Set(chain.State, 1);
        Assert.Equal([2UL], RootClaims.BlockHashToIndices(Hash256.ParseHex(Sequence), 1, 3));
        var rootBefore = StakeLedger.Stake(chain.State, OwnerHot, stakers[2], NetUid.Root);
        Assert.Equal(1, RootClaims.RunAutoClaims(chain.State, chain.Staking.Pools, Hash256.ParseHex(Sequence), chain.Events));
        // What is left is rounding dust: each Swap claim's new root stake moves every watermark by ⌊rate·Δ⌋.
        Assert.InRange(RootClaims.Owed(chain.State, OwnerHot, stakers[2], n1), 0UL, 2UL);
        Assert.InRange(RootClaims.Owed(chain.State, OwnerHot, stakers[2], n2), 0UL, 2UL);
        Assert.True(StakeLedger.Stake(chain.State, OwnerHot, stakers[2], NetUid.Root) > rootBefore); // Swap: sold into root stake
        Assert.Equal(owed[0], RootClaims.Owed(chain.State, OwnerHot, stakers[0], n1));
        Assert.Equal(owed[1], RootClaims.Owed(chain.State, OwnerHot, stakers[1], n1));
        chain.AssertInvariants();

        // k = 50 reaches every slot: the Keep staker now holds the alpha on both subnets.
        SubtensorStorage.NumRootClaim.Set(chain.State, 50);
        var checkpoint = chain.Events.Checkpoint();
        Assert.Equal(3, RootClaims.RunAutoClaims(chain.State, chain.Staking.Pools, Hash256.ParseHex(Sequence), chain.Events));
        Assert.Equal(3, chain.Events.Events.Skip(checkpoint).Count(e => e.Name == "RootClaimed"));
        Assert.Equal(owed[1], StakeLedger.Stake(chain.State, OwnerHot, stakers[1], n1));
        Assert.Equal(owed[1], StakeLedger.Stake(chain.State, OwnerHot, stakers[1], n2));
        Assert.All(stakers, s => Assert.InRange(RootClaims.Owed(chain.State, OwnerHot, s, n2), 0UL, 2UL));
        Assert.Equal(0UL, RootClaims.Owed(chain.State, OwnerHot, stakers[1], n1)); // Keep adds no root stake: no dust
        chain.AssertInvariants();
    }
}
