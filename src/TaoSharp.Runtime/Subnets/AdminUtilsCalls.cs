using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// pallet_admin_utils (19): the <c>sudo_set_*</c> setters for the hyperparameters this Runtime has, with the
/// reference's origin rules. "Root" is the Root origin (reached through <c>Sudo.sudo</c>); a signed call by the sudo key
/// itself is refused like any other non-owner. Subnet-owner calls are rate limited per (subnet, hyperparameter) to one
/// change every <c>OwnerHyperparamRateLimit</c> tempos and, like most root calls, refused during the admin freeze
/// window (the last <c>AdminFreezeWindow</c> blocks before the subnet's next epoch). Also the owner's
/// SubtensorModule <c>set_tempo</c> (139) and <c>set_activity_cutoff_factor</c> (140), which share these guards.
/// </summary>
public static class AdminUtilsCalls
{
    private const byte P = PalletIndices.AdminUtils;
    private const string Name = "AdminUtils";

    /// <summary>Decision: one ref-time weight for every setter (the reference's are 10–30 M plus a few reads/writes).</summary>
    private const ulong SetterWeight = 50_000_000;

    /// <summary>Reference bounds (runtime constants).</summary>
    private const ushort DefaultMaxAllowedUids = 256;
    private const ulong MinBurnUpperBound = 1_000_000_000;
    private const ulong MaxBurnLowerBound = 100_000_000;
    private const ushort MaxBurnHalfLife = 36_100;
    private const ushort MinTempo = 360;
    private const ushort MaxTempo = 50_400;

    /// <summary>Rate-limit code of the owner's weights-version-key changes (its limit counts in WeightsVersionKeyRateLimit tempos).</summary>
    private const ushort WeightsVersionKeyCode = 6;

    /// <summary>Rate-limit code of the owner's set_tempo (limit: MIN_TEMPO blocks).</summary>
    private const ushort TempoCode = 1139;

    private enum Access
    {
        /// <summary>ensure_root.</summary>
        Root,
        /// <summary>Root, or the subnet owner's coldkey under the owner rate limit.</summary>
        OwnerOrRoot,
        /// <summary>The subnet owner only (ensure_subnet_owner).</summary>
        Owner,
    }

    /// <param name="Window">Refused inside the admin freeze window (for everyone, or only for the owner when <paramref name="WindowOwnerOnly"/>).</param>
    /// <param name="CheckSubnet">Refuses an unknown netuid with SubnetDoesNotExist.</param>
    private sealed record Guard(Access Access, bool Window, bool CheckSubnet, bool WindowOwnerOnly = false);

    private static readonly Guard Owner = new(Access.OwnerOrRoot, Window: true, CheckSubnet: true);
    private static readonly Guard RootWindow = new(Access.Root, Window: true, CheckSubnet: true);
    private static readonly Guard RootOnly = new(Access.Root, Window: false, CheckSubnet: true);

    public static IEnumerable<CallDescriptor> Descriptors()
    {
        // ---- subnet owner or root, owner rate limit, freeze window ----
        yield return Subnet(3, "sudo_set_serving_rate_limit", U64, Owner, (s, n, v, _) => SubtensorStorage.ServingRateLimit.Set(s, n, v));
        yield return Subnet(6, "sudo_set_weights_version_key", U64, Owner, (s, n, v, _) => SubtensorStorage.WeightsVersionKey.Set(s, n, v));
        yield return Subnet(13, "sudo_set_immunity_period", U16, Owner, (s, n, v, _) => SubtensorStorage.ImmunityPeriod.Set(s, n, v));
        yield return Subnet(14, "sudo_set_min_allowed_weights", U16, Owner, (s, n, v, _) => SubtensorStorage.MinAllowedWeights.Set(s, n, v));
        yield return Subnet(15, "sudo_set_max_allowed_uids", U16, Owner, (s, n, v, _) =>
        {
            Ensure(v >= SubtensorStorage.MinAllowedUids.Get(s, n), DispatchError.MaxAllowedUidsLessThanMinAllowedUids);
            Ensure(SubtensorStorage.SubnetworkN.Get(s, n) <= v, DispatchError.MaxAllowedUIdsLessThanCurrentUIds);
            Ensure(v <= DefaultMaxAllowedUids, DispatchError.MaxAllowedUidsGreaterThanDefaultMaxAllowedUids);
            SubtensorStorage.MaxAllowedUids.Set(s, n, v);
        });
        yield return Subnet(17, "sudo_set_rho", U16, Owner, (s, n, v, _) => SubtensorStorage.Rho.Set(s, n, v));
        yield return Subnet(22, "sudo_set_min_burn", U64, Owner, (s, n, v, _) =>
        {
            Ensure(v < MinBurnUpperBound && v < SubtensorStorage.MaxBurn.Get(s, n), DispatchError.ValueNotInBounds);
            SubtensorStorage.MinBurn.Set(s, n, v);
        });
        yield return Subnet(23, "sudo_set_max_burn", U64, Owner, (s, n, v, _) =>
        {
            Ensure(v > MaxBurnLowerBound && v > SubtensorStorage.MinBurn.Get(s, n), DispatchError.ValueNotInBounds);
            SubtensorStorage.MaxBurn.Set(s, n, v);
        });
        yield return Subnet(26, "sudo_set_bonds_moving_average", U64, Owner, (s, n, v, isRoot) =>
        {
            Ensure(isRoot || v <= 975_000, DispatchError.BondsMovingAverageMaxReached);
            SubtensorStorage.BondsMovingAverage.Set(s, n, v);
        });
        yield return Subnet(60, "sudo_set_bonds_penalty", U16, Owner, (s, n, v, _) => SubtensorStorage.BondsPenalty.Set(s, n, v));
        yield return Subnet(49, "sudo_set_commit_reveal_weights_enabled", Bool, Owner, (s, n, v, _) => SubtensorStorage.CommitRevealWeightsEnabled.Set(s, n, v));
        yield return Subnet(50, "sudo_set_liquid_alpha_enabled", Bool, Owner, (s, n, v, _) => SubtensorStorage.LiquidAlphaOn.Set(s, n, v));
        yield return Subnet(51, "sudo_set_alpha_values", static (ref ScaleReader r) => (r.ReadU16(), r.ReadU16()), Owner, (s, n, v, _) =>
        {
            const ushort minimum = ushort.MaxValue / 40; // 1638
            Ensure(SubtensorStorage.LiquidAlphaOn.Get(s, n), DispatchError.LiquidAlphaDisabled);
            Ensure(v.Item2 >= minimum, DispatchError.AlphaHighTooLow);
            Ensure(v.Item1 >= minimum && v.Item1 <= v.Item2, DispatchError.AlphaLowOutOfRange);
            SubtensorStorage.AlphaValues.Set(s, n, v);
        });
        yield return Subnet(57, "sudo_set_commit_reveal_weights_interval", U64, Owner, (s, n, v, _) =>
        {
            Ensure(v <= 100, DispatchError.RevealPeriodTooLarge);
            Ensure(v >= 1, DispatchError.RevealPeriodTooSmall);
            SubtensorStorage.RevealPeriodEpochs.Set(s, n, v);
        });
        yield return Subnet(68, "sudo_set_alpha_sigmoid_steepness", static (ref ScaleReader r) => r.ReadI16(), Owner, (s, n, v, isRoot) =>
        {
            Ensure(isRoot || v >= 0, DispatchError.NegativeSigmoidSteepness);
            SubtensorStorage.AlphaSigmoidSteepness.Set(s, n, v);
        });
        yield return Subnet(69, "sudo_set_yuma3_enabled", Bool, Owner, (s, n, v, _) => SubtensorStorage.Yuma3On.Set(s, n, v));
        yield return Subnet(70, "sudo_set_bonds_reset_enabled", Bool, Owner, (s, n, v, _) => SubtensorStorage.BondsResetOn.Set(s, n, v));
        yield return Subnet(72, "sudo_set_owner_immune_neuron_limit", U16, Owner, (s, n, v, _) =>
        {
            Ensure(v is >= 1 and <= 10, DispatchError.InvalidValue);
            SubtensorStorage.ImmuneOwnerUidsLimit.Set(s, n, v);
        });
        yield return Subnet(89, "sudo_set_burn_half_life", U16, Owner, (s, n, v, _) =>
        {
            Ensure(!n.IsRoot, DispatchError.NotPermittedOnRootSubnet);
            Ensure(v is > 0 and <= MaxBurnHalfLife, DispatchError.InvalidValue);
            SubtensorStorage.BurnHalfLife.Set(s, n, v);
        });
        yield return Subnet(90, "sudo_set_burn_increase_mult", static (ref ScaleReader r) => r.ReadU128(), Owner, (s, n, bits, _) =>
        {
            // U64F64 raw bits; the reference accepts 1.0 ..= 3.0.
            Ensure(!n.IsRoot, DispatchError.NotPermittedOnRootSubnet);
            Ensure(bits >= (UInt128)1 << 64 && bits <= (UInt128)3 << 64, DispatchError.InvalidValue);
            SubtensorStorage.BurnIncreaseMult.Set(s, n, bits);
        });

        // ---- root only, per subnet ----
        yield return Subnet(7, "sudo_set_weights_set_rate_limit", U64, RootOnly, (s, n, v, _) => SubtensorStorage.WeightsSetRateLimit.Set(s, n, v));
        yield return Subnet(16, "sudo_set_kappa", U16, RootOnly, (s, n, v, _) => SubtensorStorage.Kappa.Set(s, n, v));
        yield return Subnet(19, "sudo_set_network_registration_allowed", Bool, RootOnly with { CheckSubnet = false },
            (s, n, v, _) => SubtensorStorage.NetworkRegistrationAllowed.Set(s, n, v));
        yield return Subnet(25, "sudo_set_max_allowed_validators", U16, RootWindow, (s, n, v, _) =>
        {
            Ensure(v <= SubtensorStorage.MaxAllowedUids.Get(s, n), DispatchError.MaxValidatorsLargerThanMaxUIds);
            SubtensorStorage.MaxAllowedValidators.Set(s, n, v);
        });
        yield return SubnetAtBlock(30, "sudo_set_tempo", U16, RootWindow, ApplyTempo);
        yield return Subnet(66, "sudo_set_subtoken_enabled", Bool, RootWindow with { CheckSubnet = false },
            (s, n, v, _) => SubtensorStorage.SubtokenEnabled.Set(s, n, v));
        yield return Subnet(84, "sudo_set_min_non_immune_uids", U16, RootOnly with { CheckSubnet = false },
            (s, n, v, _) => SubtensorStorage.MinNonImmuneUids.Set(s, n, v));
        yield return Subnet(94, "sudo_set_subnet_emission_enabled", Bool, RootOnly, (s, n, v, _) =>
        {
            Ensure(!n.IsRoot, DispatchError.NotPermittedOnRootSubnet);
            SubtensorStorage.SubnetEmissionEnabled.Set(s, n, v);
        });

        // ---- root only, global ----
        yield return Global(29, "sudo_set_network_rate_limit", U64, (s, v) => SubtensorStorage.NetworkRateLimit.Set(s, v));
        yield return Global(36, "sudo_set_network_min_lock_cost", U64, (s, v) => SubtensorStorage.NetworkMinLockCost.Set(s, v));
        yield return Global(37, "sudo_set_subnet_limit", U16, (s, v) => SubtensorStorage.SubnetLimit.Set(s, v));
        yield return Global(38, "sudo_set_lock_reduction_interval", U64, (s, v) => SubtensorStorage.NetworkLockReductionInterval.Set(s, v));
        yield return Global(42, "sudo_set_stake_threshold", U64, (s, v) => SubtensorStorage.StakeThreshold.Set(s, v));
        yield return Global(74, "sudo_set_admin_freeze_window", U16, (s, v) => SubtensorStorage.AdminFreezeWindow.Set(s, v));
        yield return Global(75, "sudo_set_owner_hparam_rate_limit", U16, (s, v) => SubtensorStorage.OwnerHyperparamRateLimit.Set(s, v));
        yield return Global(85, "sudo_set_start_call_delay", U64, (s, v) => SubtensorStorage.StartCallDelay.Set(s, v));
        yield return Global(96, "sudo_set_max_epochs_per_block", static (ref ScaleReader r) => r.ReadU8(), (s, v) =>
        {
            Ensure(v >= 1, DispatchError.ValueNotInBounds);
            SubtensorStorage.MaxEpochsPerBlock.Set(s, v);
        });

        // ---- SubtensorModule owner calls that share the guards ----
        yield return new(PalletIndices.SubtensorModule, 139, "SubtensorModule", "set_tempo", SetterWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (n, tempo) = (new NetUid(r.ReadU16()), r.ReadU16());
            return new Call(c =>
            {
                var who = EnsureOwner(c, n);
                Ensure(tempo is >= MinTempo and <= MaxTempo, DispatchError.TempoOutOfBounds);
                EnsureWindowOpen(c.State, n, c.Block.Value);
                EnsureOwnerRateLimit(c.State, n, TempoCode, MinTempo, c.Block.Value);
                ApplyTempo(c.State, n, tempo, c.Block.Value);
                SubtensorStorage.OwnerHyperparamLastBlock.Set(c.State, n, TempoCode, c.Block.Value);
                Deposit(c, "set_tempo", n, tempo, who);
            });
        });
        yield return new(PalletIndices.SubtensorModule, 140, "SubtensorModule", "set_activity_cutoff_factor", SetterWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var (n, factor) = (new NetUid(r.ReadU16()), r.ReadU32());
            return new Call(c =>
            {
                const ushort code = 1140;
                bool isRoot = c.Origin.IsRoot;
                if (!isRoot) EnsureOwner(c, n);
                Ensure(factor is >= 1_000 and <= 50_000, DispatchError.ActivityCutoffFactorMilliOutOfBounds);
                if (!isRoot)
                {
                    EnsureWindowOpen(c.State, n, c.Block.Value);
                    EnsureOwnerRateLimit(c.State, n, code, OwnerLimit(c.State, n), c.Block.Value);
                    SubtensorStorage.OwnerHyperparamLastBlock.Set(c.State, n, code, c.Block.Value);
                }
                SubtensorStorage.ActivityCutoffFactorMilli.Set(c.State, n, factor);
                Deposit(c, "set_activity_cutoff_factor", n, factor, isRoot ? null : c.Origin.EnsureSigned());
            });
        });
    }

    /// <summary>
    /// The freeze window: true during a pending manual epoch trigger, or when fewer than AdminFreezeWindow blocks remain
    /// until the next automatic epoch (LastEpochBlock + tempo).
    /// </summary>
    public static bool InFreezeWindow(IStateReader s, NetUid n, ulong block)
    {
        var tempo = SubtensorStorage.Tempo.Get(s, n);
        if (tempo == 0) return false;
        var pending = SubtensorStorage.PendingEpochAt.Get(s, n);
        if (pending > 0 && pending > block) return true;
        var next = SafeMath.SaturatingAdd(SubtensorStorage.LastEpochBlock.Get(s, n), tempo);
        var remaining = next - System.Math.Min(next, block);
        return remaining < SubtensorStorage.AdminFreezeWindow.Get(s);
    }

    // ---- building blocks ----

    private delegate T ArgReader<T>(ref ScaleReader r);

    private static readonly ArgReader<ulong> U64 = static (ref ScaleReader r) => r.ReadU64();
    private static readonly ArgReader<ushort> U16 = static (ref ScaleReader r) => r.ReadU16();
    private static readonly ArgReader<bool> Bool = static (ref ScaleReader r) => r.ReadBool();

    /// <summary>A subnet setter <c>(netuid, value)</c>. The apply action gets (state, netuid, value, isRoot); <see cref="SubnetAtBlock"/> passes the block instead.</summary>
    private static CallDescriptor Subnet<T>(byte index, string name, ArgReader<T> read, Guard guard, Action<IStateAccess, NetUid, T, bool> apply) =>
        SubnetCore(index, name, read, guard, (c, n, v, isRoot) => apply(c.State, n, v, isRoot));

    private static CallDescriptor SubnetAtBlock<T>(byte index, string name, ArgReader<T> read, Guard guard, Action<IStateAccess, NetUid, T, ulong> apply) =>
        SubnetCore(index, name, read, guard, (c, n, v, _) => apply(c.State, n, v, c.Block.Value));

    private static CallDescriptor SubnetCore<T>(byte index, string name, ArgReader<T> read, Guard guard, Action<CallContext, NetUid, T, bool> apply) =>
        new(P, index, Name, name, SetterWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var n = new NetUid(r.ReadU16());
            var value = read(ref r);
            return new Call(c =>
            {
                var block = c.Block.Value;
                AccountId? owner = null;
                if (c.Origin.IsRoot) { }
                else if (guard.Access == Access.Root) c.Origin.EnsureRoot();
                else
                {
                    owner = EnsureOwner(c, n);
                    EnsureOwnerRateLimit(c.State, n, index, index == WeightsVersionKeyCode ? VersionKeyLimit(c.State, n) : OwnerLimit(c.State, n), block);
                }
                if (guard.Window && (!guard.WindowOwnerOnly || owner is not null)) EnsureWindowOpen(c.State, n, block);
                if (guard.CheckSubnet) Ensure(SubtensorStorage.NetworksAdded.Get(c.State, n), DispatchError.SubnetDoesNotExist);
                apply(c, n, value, owner is null);
                if (owner is not null) SubtensorStorage.OwnerHyperparamLastBlock.Set(c.State, n, index, block);
                Deposit(c, name, n, value, owner);
            });
        });

    private static CallDescriptor Global<T>(byte index, string name, ArgReader<T> read, Action<IStateAccess, T> apply) =>
        new(P, index, Name, name, SetterWeight, Pays.Yes, (ref ScaleReader r, CallTable _) =>
        {
            var value = read(ref r);
            return new Call(c =>
            {
                c.Origin.EnsureRoot();
                apply(c.State, value);
                c.Events.Deposit(Name, "ParameterSet", ("call", name), ("value", value?.ToString() ?? ""));
            });
        });

    /// <summary>ensure_subnet_owner: a signed origin equal to the subnet's owner coldkey (an unknown subnet has no owner).</summary>
    private static AccountId EnsureOwner(CallContext c, NetUid n)
    {
        var who = c.Origin.EnsureSigned();
        if (!SubtensorStorage.SubnetOwner.TryGet(c.State, n, out var owner) || owner != who)
            throw new DispatchException(DispatchError.BadOrigin, "only the subnet owner (or root through sudo) may set this");
        return who;
    }

    private static void EnsureOwnerRateLimit(IStateReader s, NetUid n, ushort code, ulong limit, ulong block)
    {
        var last = SubtensorStorage.OwnerHyperparamLastBlock.Get(s, n, code);
        if (last != 0 && block - System.Math.Min(block, last) < limit)
            throw new DispatchException(DispatchError.TxRateLimitExceeded, $"last change at block {last}, limit {limit} blocks");
    }

    private static void EnsureWindowOpen(IStateReader s, NetUid n, ulong block)
    {
        if (InFreezeWindow(s, n, block)) throw new DispatchException(DispatchError.AdminActionProhibitedDuringWeightsWindow);
    }

    private static ulong OwnerLimit(IStateReader s, NetUid n) =>
        (ulong)SubtensorStorage.Tempo.Get(s, n) * SubtensorStorage.OwnerHyperparamRateLimit.Get(s);

    private static ulong VersionKeyLimit(IStateReader s, NetUid n)
    {
        var tempos = SubtensorStorage.WeightsVersionKeyRateLimit.Get(s);
        var tempo = (ulong)SubtensorStorage.Tempo.Get(s, n);
        return tempos != 0 && tempo > ulong.MaxValue / tempos ? ulong.MaxValue : tempo * tempos;
    }

    /// <summary><c>apply_tempo_with_cycle_reset</c>: the new tempo counts from this block.</summary>
    private static void ApplyTempo(IStateAccess s, NetUid n, ushort tempo, ulong block)
    {
        SubtensorStorage.Tempo.Set(s, n, tempo);
        SubtensorStorage.LastEpochBlock.Set(s, n, block);
    }

    private static void Ensure(bool condition, DispatchError error)
    {
        if (!condition) throw new DispatchException(error);
    }

    private static void Deposit<T>(CallContext c, string call, NetUid n, T value, AccountId? owner) =>
        c.Events.Deposit(Name, "HyperparameterSet", ("call", call), ("netuid", n.Value.ToString()), ("value", value?.ToString() ?? ""),
            ("by", owner?.ToHex() ?? "root"));

    private sealed class Call(Action<CallContext> run) : IRuntimeCall
    {
        public void Dispatch(CallContext ctx) => run(ctx);
    }
}
