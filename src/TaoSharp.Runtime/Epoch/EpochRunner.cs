using TaoSharp.Math.Epoch;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Epoch;

/// <summary>
/// Runs a subnet's epoch on chain state: reads every input through <see cref="IStateAccess"/>, runs
/// <see cref="YumaEpoch"/>, and writes every output back as the reference persists it (spec-yuma §3.15).
/// Only the main mechanism exists, so the storage index is the netuid.
/// </summary>
/// <param name="stakes">Where the stakes of the epoch come from.</param>
/// <param name="workspace">
/// Scratch arrays reused from one epoch to the next (see <see cref="EpochWorkspace"/>); a caller that keeps one runner,
/// or one workspace for its runners, saves the large allocations of every epoch. Null allocates per epoch.
/// </param>
public sealed class EpochRunner(IStakeView stakes, EpochWorkspace? workspace = null)
{
    /// <summary>Runs the epoch of <paramref name="netuid"/> at <paramref name="block"/> distributing <paramref name="raoEmission"/> alpha rao.</summary>
    public EpochOutput Run(IStateAccess state, NetUid netuid, ulong block, ulong raoEmission)
    {
        var input = ReadInput(state, netuid, block, raoEmission);
        var output = YumaEpoch.Run(input, workspace);
        Persist(state, netuid, output);
        return output;
    }

    /// <summary>Collects the epoch inputs of a subnet from state.</summary>
    public EpochInput ReadInput(IStateReader state, NetUid netuid, ulong block, ulong raoEmission)
    {
        int n = SubtensorStorage.SubnetworkN.Get(state, netuid);
        ushort idx = SubtensorStorage.MainIndex(netuid);
        var hotkeys = new AccountId?[n];
        var alpha = new ulong[n];
        var tao = new ulong[n];
        var registeredAt = new ulong[n];
        var weights = new (ushort, ushort)[n][];
        var bonds = new (ushort, ushort)[n][];
        for (int uid = 0; uid < n; uid++)
        {
            ushort u = (ushort)uid;
            if (SubtensorStorage.Keys.TryGet(state, netuid, u, out var hotkey))
            {
                hotkeys[uid] = hotkey;
                alpha[uid] = stakes.AlphaStake(state, netuid, hotkey);
                tao[uid] = stakes.RootStake(state, hotkey);
                registeredAt[uid] = SubtensorStorage.BlockAtRegistration.Get(state, netuid, u);
            }
            weights[uid] = SubtensorStorage.Weights.Get(state, idx, u);
            bonds[uid] = SubtensorStorage.Bonds.Get(state, idx, u);
        }

        ushort? ownerUid = null;
        if (SubtensorStorage.SubnetOwnerHotkey.TryGet(state, netuid, out var ownerHotkey)
            && SubtensorStorage.Uids.TryGet(state, netuid, ownerHotkey, out ushort ou) && ou < n)
            ownerUid = ou;

        var (low, high) = SubtensorStorage.AlphaValues.Get(state, netuid);
        return new EpochInput
        {
            N = n,
            CurrentBlock = block,
            Tempo = SubtensorStorage.Tempo.Get(state, netuid),
            ActivityCutoffFactorMilli = SubtensorStorage.ActivityCutoffFactorMilli.Get(state, netuid),
            AlphaStake = alpha,
            TaoStake = tao,
            TaoWeight = SubtensorStorage.TaoWeight.Get(state),
            StakeThreshold = SubtensorStorage.StakeThreshold.Get(state),
            OwnerUid = ownerUid,
            MaxAllowedValidators = SubtensorStorage.MaxAllowedValidators.Get(state, netuid),
            BlockAtRegistration = registeredAt,
            LastUpdate = Fit(SubtensorStorage.LastUpdate.Get(state, idx), n),
            ValidatorPermit = Fit(SubtensorStorage.ValidatorPermit.Get(state, netuid), n),
            Weights = weights,
            Bonds = bonds,
            Kappa = SubtensorStorage.Kappa.Get(state, netuid),
            BondsPenalty = SubtensorStorage.BondsPenalty.Get(state, netuid),
            BondsMovingAverage = SubtensorStorage.BondsMovingAverage.Get(state, netuid),
            Yuma3 = SubtensorStorage.Yuma3On.Get(state, netuid),
            LiquidAlpha = SubtensorStorage.LiquidAlphaOn.Get(state, netuid),
            AlphaLow = low,
            AlphaHigh = high,
            AlphaSigmoidSteepness = SubtensorStorage.AlphaSigmoidSteepness.Get(state, netuid),
            LastMechanismStepBlock = SubtensorStorage.LastMechansimStepBlock.Get(state, netuid),
            RaoEmission = raoEmission,
            CommitBlocks = SubtensorStorage.CommitRevealWeightsEnabled.Get(state, netuid)
                ? PendingCommitBlocks(state, netuid, idx, hotkeys)
                : null,
        };
    }

    /// <summary>
    /// Per UID the block of its first unexpired hash commit (u64::MAX when none): a validator with a commit
    /// made before a target registered may not weight that target in this epoch (spec-yuma §3.6-5).
    /// </summary>
    private static ulong[] PendingCommitBlocks(IStateReader state, NetUid netuid, ushort idx, AccountId?[] hotkeys)
    {
        ulong currentEpoch = SubtensorStorage.SubnetEpochIndex.Get(state, netuid);
        ulong revealPeriod = SubtensorStorage.RevealPeriodEpochs.Get(state, netuid);
        var result = new ulong[hotkeys.Length];
        Array.Fill(result, ulong.MaxValue);
        for (int uid = 0; uid < hotkeys.Length; uid++)
        {
            if (hotkeys[uid] is not { } hotkey) continue;
            foreach (var commit in SubtensorStorage.WeightCommits.Get(state, idx, hotkey))
            {
                if (commit.IsExpired(currentEpoch, revealPeriod)) continue;
                result[uid] = commit.CommitBlock;
                break;
            }
        }
        return result;
    }

    /// <summary>Writes the epoch's outputs: per-mechanism incentive and bonds, per-subnet terms.</summary>
    public static void Persist(IStateAccess state, NetUid netuid, EpochOutput output)
    {
        ushort idx = SubtensorStorage.MainIndex(netuid);
        SubtensorStorage.Incentive.Set(state, idx, output.Incentive);
        // Every UID gets its row written: the EMA row if it holds a new permit, otherwise an empty row.
        for (int uid = 0; uid < output.Bonds.Length; uid++)
            SubtensorStorage.Bonds.Set(state, idx, (ushort)uid, output.Bonds[uid]);
        SubtensorStorage.Active.Set(state, netuid, output.Active);
        SubtensorStorage.Emission.Set(state, netuid, output.Emission);
        SubtensorStorage.Consensus.Set(state, netuid, output.Consensus);
        SubtensorStorage.Dividends.Set(state, netuid, output.Dividends);
        SubtensorStorage.ValidatorTrust.Set(state, netuid, output.ValidatorTrust);
        SubtensorStorage.ValidatorPermit.Set(state, netuid, output.ValidatorPermit);
        SubtensorStorage.StakeWeight.Set(state, netuid, output.StakeWeight);
    }

    private static T[] Fit<T>(T[] values, int n) => values.Length == n ? values : values.AsSpan(0, System.Math.Min(values.Length, n)).ToArray();
}
