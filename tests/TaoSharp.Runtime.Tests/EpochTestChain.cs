using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Epoch;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;
using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Runtime.Tests;

/// <summary>A storage-backed <see cref="IStakeView"/> for tests: stake written to two test-only maps.</summary>
public sealed class TestStakeView : IStakeView
{
    public static readonly TestStakeView Instance = new();

    private static readonly StorageDoubleMap<NetUid, AccountId, ulong> Alpha =
        new("TestStaking", "Alpha", StorageHasher.Identity, StorageHasher.Blake2_128Concat, ScaleCodecs.NetUid, ScaleCodecs.AccountId, ScaleCodecs.U64, 0);

    private static readonly StorageMap<AccountId, ulong> Root =
        new("TestStaking", "Root", StorageHasher.Blake2_128Concat, ScaleCodecs.AccountId, ScaleCodecs.U64, 0);

    public ulong AlphaStake(IStateReader state, NetUid netuid, AccountId hotkey) => Alpha.Get(state, netuid, hotkey);

    public ulong RootStake(IStateReader state, AccountId hotkey) => Root.Get(state, hotkey);

    public static void SetAlpha(IStateAccess state, NetUid netuid, AccountId hotkey, ulong amount) => Alpha.Set(state, netuid, hotkey, amount);

    public static void SetRoot(IStateAccess state, AccountId hotkey, ulong amount) => Root.Set(state, hotkey, amount);
}

/// <summary>An in-memory chain state with helpers to lay out a subnet as an epoch case describes it.</summary>
public sealed class EpochTestChain
{
    public StateOverlay State { get; } = new(new ColumnStateReader(new InMemoryKeyValueStore()));

    public static AccountId Hotkey(int uid, int generation = 0)
    {
        var bytes = new byte[32];
        bytes[0] = 0x11;
        BitConverter.TryWriteBytes(bytes.AsSpan(1), uid);
        BitConverter.TryWriteBytes(bytes.AsSpan(5), generation);
        return AccountId.FromBytes(bytes);
    }

    public static AccountId Coldkey(int id)
    {
        var bytes = new byte[32];
        bytes[0] = 0xC0;
        BitConverter.TryWriteBytes(bytes.AsSpan(1), id);
        return AccountId.FromBytes(bytes);
    }

    /// <summary>Writes a subnet holding exactly the epoch inputs of <paramref name="input"/>.</summary>
    public void LoadCase(NetUid netuid, EpochInput input)
    {
        var s = State;
        ushort idx = SubtensorStorage.MainIndex(netuid);
        SubtensorStorage.NetworksAdded.Set(s, netuid, true);
        SubtensorStorage.SubnetworkN.Set(s, netuid, (ushort)input.N);
        for (int uid = 0; uid < input.N; uid++)
        {
            var hk = Hotkey(uid);
            SubtensorStorage.Keys.Set(s, netuid, (ushort)uid, hk);
            SubtensorStorage.Uids.Set(s, netuid, hk, (ushort)uid);
            SubtensorStorage.BlockAtRegistration.Set(s, netuid, (ushort)uid, input.BlockAtRegistration[uid]);
            TestStakeView.SetAlpha(s, netuid, hk, input.AlphaStake[uid]);
            if (input.TaoStake is { } tao) TestStakeView.SetRoot(s, hk, tao[uid]);
            if (uid < input.Weights.Length) SubtensorStorage.Weights.Set(s, idx, (ushort)uid, input.Weights[uid]);
            if (uid < input.Bonds.Length) SubtensorStorage.Bonds.Set(s, idx, (ushort)uid, input.Bonds[uid]);
        }
        SubtensorStorage.LastUpdate.Set(s, idx, input.LastUpdate);
        SubtensorStorage.ValidatorPermit.Set(s, netuid, input.ValidatorPermit);
        SubtensorStorage.Tempo.Set(s, netuid, input.Tempo);
        SubtensorStorage.ActivityCutoffFactorMilli.Set(s, netuid, input.ActivityCutoffFactorMilli);
        SubtensorStorage.Kappa.Set(s, netuid, input.Kappa);
        SubtensorStorage.BondsPenalty.Set(s, netuid, input.BondsPenalty);
        SubtensorStorage.BondsMovingAverage.Set(s, netuid, input.BondsMovingAverage);
        SubtensorStorage.Yuma3On.Set(s, netuid, input.Yuma3);
        SubtensorStorage.LiquidAlphaOn.Set(s, netuid, input.LiquidAlpha);
        SubtensorStorage.AlphaValues.Set(s, netuid, (input.AlphaLow, input.AlphaHigh));
        SubtensorStorage.AlphaSigmoidSteepness.Set(s, netuid, input.AlphaSigmoidSteepness);
        SubtensorStorage.MaxAllowedValidators.Set(s, netuid, input.MaxAllowedValidators);
        SubtensorStorage.LastMechansimStepBlock.Set(s, netuid, input.LastMechanismStepBlock);
        SubtensorStorage.TaoWeight.Set(s, input.TaoWeight);
        SubtensorStorage.StakeThreshold.Set(s, input.StakeThreshold);
        if (input.OwnerUid is { } owner) SubtensorStorage.SubnetOwnerHotkey.Set(s, netuid, Hotkey(owner));
        SubtensorStorage.CommitRevealWeightsEnabled.Set(s, netuid, input.CommitBlocks is not null);
        if (input.CommitBlocks is { } commits)
        {
            for (int uid = 0; uid < input.N; uid++)
                if (commits[uid] != ulong.MaxValue)
                    SubtensorStorage.WeightCommits.Set(s, idx, Hotkey(uid), [new WeightCommit(default, 0, commits[uid])]);
        }
    }

    /// <summary>The epoch outputs as they now sit in storage (server/validator emission are not stored; taken from <paramref name="returned"/>).</summary>
    public EpochOutput ReadStoredOutput(NetUid netuid, EpochOutput returned)
    {
        var s = State;
        ushort idx = SubtensorStorage.MainIndex(netuid);
        int n = SubtensorStorage.SubnetworkN.Get(s, netuid);
        return new EpochOutput
        {
            Active = SubtensorStorage.Active.Get(s, netuid),
            StakeWeight = SubtensorStorage.StakeWeight.Get(s, netuid),
            Consensus = SubtensorStorage.Consensus.Get(s, netuid),
            Incentive = SubtensorStorage.Incentive.Get(s, idx),
            Dividends = SubtensorStorage.Dividends.Get(s, netuid),
            ValidatorTrust = SubtensorStorage.ValidatorTrust.Get(s, netuid),
            Emission = SubtensorStorage.Emission.Get(s, netuid),
            ServerEmission = returned.ServerEmission,
            ValidatorEmission = returned.ValidatorEmission,
            ValidatorPermit = SubtensorStorage.ValidatorPermit.Get(s, netuid),
            Bonds = Enumerable.Range(0, n).Select(uid => SubtensorStorage.Bonds.Get(s, idx, (ushort)uid)).ToArray(),
            Stake = returned.Stake,
        };
    }
}
