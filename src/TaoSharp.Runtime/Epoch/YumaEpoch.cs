using TaoSharp.Math;
using TaoSharp.Math.Epoch;

namespace TaoSharp.Runtime.Epoch;

/// <summary>
/// The production (sparse) Yuma Consensus epoch of one subnet mechanism, integer for integer as the reference
/// chain computes it (spec-yuma §3.1–3.16). A pure function: storage access lives in <see cref="EpochRunner"/>.
/// </summary>
public static class YumaEpoch
{
    /// <summary>Runs the epoch on <paramref name="input"/>.</summary>
    /// <param name="input">The subnet's epoch inputs.</param>
    /// <param name="workspace">
    /// Scratch arrays kept by a caller that runs epochs one after another (same outputs, fewer large allocations);
    /// null allocates everything for this run. Arrays from an earlier run of the workspace are reused.
    /// </param>
    public static EpochOutput Run(EpochInput input, EpochWorkspace? workspace = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Validate();
        workspace?.BeginRun();
        int n = input.N;
        ulong block = input.CurrentBlock;

        // §3.2 activity
        ulong cutoff = System.Math.Max((ulong)input.ActivityCutoffFactorMilli * input.Tempo / 1000, 1);
        var lastUpdate = new ulong[n];
        input.LastUpdate.CopyTo(lastUpdate, 0);
        var active = new bool[n];
        for (int i = 0; i < n; i++) active[i] = !(SafeMath.SaturatingAdd(lastUpdate[i], cutoff) < block);

        // §3.3 stake
        int owner = input.OwnerUid is { } o ? o : -1;
        var (stake, rawStake) = ComputeStake(input, owner);

        // §3.4 permits: this epoch uses last epoch's; the new ones are written for the next epoch.
        var forbidden = new bool[n];
        for (int i = 0; i < n; i++) forbidden[i] = !(i < input.ValidatorPermit.Length && input.ValidatorPermit[i]);
        if (owner >= 0 && owner < input.ValidatorPermit.Length) forbidden[owner] = false;
        bool[] newPermit = EpochVector.IsTopKNonZero(stake, input.MaxAllowedValidators);
        if (owner >= 0 && owner < n) newPermit[owner] = true;

        // §3.5 active stake
        var activeStake = (long[])stake.Clone();
        for (int i = 0; i < n; i++)
            if (!active[i] || forbidden[i]) activeStake[i] = 0;
        EpochVector.NormalizeInPlace(activeStake);

        // §3.6 weights and masks
        SparseMatrix weights = LoadWeights(input.Weights, n, workspace);
        weights.RemoveWhere(new EpochMasks.MaskedRows(forbidden));
        weights.RemoveWhere(new EpochMasks.Diagonal(owner));
        weights.RemoveWhere(new EpochMasks.AtOrBefore(lastUpdate, input.BlockAtRegistration));
        if (input.CommitBlocks is { } commitBlocks)
            weights.RemoveWhere(new EpochMasks.StrictlyBefore(commitBlocks, input.BlockAtRegistration));
        weights.RowNormalize();

        // §3.7 consensus
        long kappa = Fx32.SafeDiv(Fx32.FromInt(input.Kappa), Fx32.U16MaxBits);
        long[] consensus = WeightedMedian.OfColumns(activeStake, weights, n, kappa, workspace);

        // §3.8 clipping and validator trust. After this point the unclipped weights are read only by the §3.10
        // interpolation, and not at all when the bonds penalty is 1 (the default): then they are clipped in place
        // instead of copied (each copy of a 4096-UID matrix is ~10 MB).
        long bondsPenalty = Fx32.SafeDiv(Fx32.FromInt(input.BondsPenalty), Fx32.U16MaxBits);
        SparseMatrix clipped = bondsPenalty == Fx32.One ? weights
            : workspace is null ? weights.Clone() : weights.Clone(workspace);
        clipped.ColClip(consensus);
        long[] validatorTrust = clipped.RowSums();

        // §3.9 ranks and incentive
        long[] incentive = clipped.MatMul(activeStake, n);
        EpochVector.NormalizeInPlace(incentive);

        // §3.10 weights for bonds. interpolate_sparse returns a copy of one input for ratio 0 or 1; neither input is
        // used after this step, so that input itself is taken (the original-Yuma path then scales it in place).
        SparseMatrix bondWeights = bondsPenalty == Fx32.One ? clipped
            : bondsPenalty == 0 ? weights
            : SparseMatrix.Interpolate(weights, clipped, n, bondsPenalty, workspace);

        // §3.11 / §3.12 bonds and dividends
        ulong lastTempo = input.LastMechanismStepBlock == 0
            ? (block >= input.Tempo ? block - input.Tempo : 0)
            : SafeMath.SaturatingAdd(input.LastMechanismStepBlock, 1);
        long emaAlpha = EmaAlpha(input.BondsMovingAverage);
        var (dividends, storedBonds) = input.Yuma3
            ? Yuma3Bonds(input, n, lastTempo, emaAlpha, bondWeights, consensus, incentive, activeStake, workspace)
            : OriginalBonds(input, n, lastTempo, emaAlpha, bondWeights, incentive, activeStake, workspace);

        // §3.14 emission
        var combined = new long[n];
        for (int i = 0; i < n; i++) combined[i] = Fx32.SatAdd(incentive[i], dividends[i]);
        long emissionSum = EpochVector.Sum(combined);
        var serverShare = (long[])incentive.Clone();
        var validatorShare = (long[])dividends.Clone();
        EpochVector.NormalizeUsingSumInPlace(serverShare, emissionSum);
        EpochVector.NormalizeUsingSumInPlace(validatorShare, emissionSum);
        EpochVector.NormalizeInPlace(combined);
        if (emissionSum == 0)
        {
            // No usable weights: emission follows active stake, or all stake when nobody is active.
            long[] fallback = EpochVector.Sum(activeStake) == 0 ? stake : activeStake;
            validatorShare = (long[])fallback.Clone();
            combined = (long[])fallback.Clone();
        }

        var bondRows = new (ushort, ushort)[n][];
        for (int i = 0; i < n; i++)
        {
            if (!newPermit[i]) { bondRows[i] = []; continue; }
            var cols = storedBonds.RowColumns(i);
            var vals = storedBonds.RowValues(i);
            var row = new (ushort, ushort)[cols.Length];
            for (int k = 0; k < cols.Length; k++) row[k] = (cols[k], Fx32.ProportionToU16(vals[k]));
            bondRows[i] = row;
        }

        return new EpochOutput
        {
            Active = active,
            StakeWeight = EpochVector.ProportionsToU16(stake),
            Consensus = EpochVector.ProportionsToU16(consensus),
            Incentive = EpochVector.ProportionsToU16(incentive),
            Dividends = EpochVector.ProportionsToU16(dividends),
            ValidatorTrust = EpochVector.ProportionsToU16(validatorTrust),
            Emission = ToRao(combined, input.RaoEmission),
            ServerEmission = ToRao(serverShare, input.RaoEmission),
            ValidatorEmission = ToRao(validatorShare, input.RaoEmission),
            ValidatorPermit = newPermit,
            Bonds = bondRows,
            Stake = rawStake,
        };
    }

    private static (long[] Stake, ulong[] Raw) ComputeStake(EpochInput input, int owner)
    {
        int n = input.N;
        Int128 taoWeight = StakeWeights.TaoWeightBits(input.TaoWeight);
        var total = new Int128[n];
        var raw = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            ulong tao = input.TaoStake is { } t ? t[i] : 0;
            Int128 s = StakeWeights.TotalStake(input.AlphaStake[i], tao, taoWeight);
            raw[i] = StakeWeights.ToU64(s);
            // Min-stake filter; the subnet owner is exempt.
            total[i] = i != owner && raw[i] < input.StakeThreshold ? 0 : s;
        }
        return (StakeWeights.NormalizeToI32F32(total), raw);
    }

    /// <summary>α = 1 − I32F32(I64F64(bma) / I64F64(1e6)) (bma 900000 → bits 429496730).</summary>
    internal static long EmaAlpha(ulong bondsMovingAverage)
    {
        Int128 ratio = StakeWeights.SafeDiv(StakeWeights.FromU64(bondsMovingAverage), StakeWeights.FromU64(1_000_000));
        return Fx32.SatSub(Fx32.One, StakeWeights.ToI32F32(ratio));
    }

    private static SparseMatrix LoadWeights((ushort Uid, ushort Value)[][] rows, int n, EpochWorkspace? workspace)
    {
        int capacity = 0;
        foreach (var r in rows) capacity += r.Length;
        var b = new SparseMatrix.Builder(n, capacity, workspace);
        for (int i = 0; i < System.Math.Min(rows.Length, n); i++)
        {
            foreach (var (uid, value) in rows[i])
                if (uid < n) b.Add(uid, (long)value << Fx32.FracBits);
            b.EndRow();
        }
        return b.Build();
    }

    /// <summary>Stored bonds as I32F32: raw integers (original Yuma) or u16 proportions (Yuma3); columns are not bounded by n.</summary>
    private static SparseMatrix LoadBonds((ushort Uid, ushort Value)[][] rows, int n, bool asProportion, EpochWorkspace? workspace)
    {
        int capacity = 0;
        foreach (var r in rows) capacity += r.Length;
        var b = new SparseMatrix.Builder(n, capacity, workspace);
        for (int i = 0; i < System.Math.Min(rows.Length, n); i++)
        {
            foreach (var (uid, value) in rows[i])
                b.Add(uid, asProportion ? Fx32.U16Proportion(value) : (long)value << Fx32.FracBits);
            b.EndRow();
        }
        return b.Build();
    }

    private static (long[] Dividends, SparseMatrix Stored) OriginalBonds(
        EpochInput input, int n, ulong lastTempo, long emaAlpha, SparseMatrix bondWeights, long[] incentive, long[] activeStake,
        EpochWorkspace? workspace)
    {
        SparseMatrix bonds = LoadBonds(input.Bonds, n, asProportion: false, workspace);
        bonds.RemoveWhere(new EpochMasks.ScalarAtOrBefore(lastTempo, input.BlockAtRegistration));
        bonds.ColNormalize(n);
        SparseMatrix delta = bondWeights; // not used afterwards, so scaled in place
        delta.RowHadamard(activeStake);
        delta.ColNormalize(n);
        SparseMatrix ema = SparseMatrix.Ema(delta, bonds, emaAlpha, workspace);
        ema.ColNormalize(n);
        long[] dividends = ema.MatMulTranspose(incentive);
        EpochVector.NormalizeInPlace(dividends);
        ema.ColMaxUpscale(n);
        return (dividends, ema);
    }

    private static (long[] Dividends, SparseMatrix Stored) Yuma3Bonds(
        EpochInput input, int n, ulong lastTempo, long emaAlpha, SparseMatrix bondWeights, long[] consensus,
        long[] incentive, long[] activeStake, EpochWorkspace? workspace)
    {
        SparseMatrix bonds = LoadBonds(input.Bonds, n, asProportion: true, workspace);
        bonds.RemoveWhere(new EpochMasks.ScalarAtOrBefore(lastTempo, input.BlockAtRegistration));
        bool anyConsensus = false;
        foreach (long c in consensus) anyConsensus |= c != 0;
        SparseMatrix ema = input.LiquidAlpha && anyConsensus
            ? new LiquidAlpha(input.AlphaLow, input.AlphaHigh, input.AlphaSigmoidSteepness).Ema(bondWeights, bonds, consensus, workspace)
            : SparseMatrix.Ema(bondWeights, bonds, emaAlpha, workspace);
        // row_sum(mat_vec_mul(col_normalize(ema), incentive)), without a normalized copy of the matrix.
        long[] bondedIncentive = ema.ColNormalizedRowSumsOfProducts(n, incentive);
        long[] dividends = EpochVector.Mul(bondedIncentive, activeStake);
        EpochVector.NormalizeInPlace(dividends);
        return (dividends, ema);
    }

    /// <summary>⌊I96F32(x)·I96F32(E)⌋ per entry: x_bits·E / 2^32 floored (negative → 0).</summary>
    private static ulong[] ToRao(long[] shares, ulong emission)
    {
        var r = new ulong[shares.Length];
        for (int i = 0; i < shares.Length; i++)
        {
            if (shares[i] <= 0) continue;
            UInt128 product = (UInt128)(ulong)shares[i] * emission;
            UInt128 whole = product >> 32;
            r[i] = whole > ulong.MaxValue ? ulong.MaxValue : (ulong)whole;
        }
        return r;
    }
}
