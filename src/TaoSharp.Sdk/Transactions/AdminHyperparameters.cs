using System.Collections.Frozen;
using System.Globalization;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Math;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Sdk.Transactions;

/// <summary>The SCALE type of a <c>sudo_set_*</c> call's value argument.</summary>
public enum AdminValueKind
{
    U8,
    U16,
    U32,
    U64,
    I16,
    Bool,
    /// <summary>Two u16 (sudo_set_alpha_values: low, high), typed as "low,high".</summary>
    U16Pair,
    U64F64,
    I64F64,
    I96F32,
    /// <summary>A 32-byte account id, typed as SS58.</summary>
    AccountId,
}

/// <summary>
/// One AdminUtils setter. <see cref="Name"/> is the hyperparameter's name as <c>subnetInfo_getSubnetHyperparams</c> and
/// btcli spell it (null when the call sets something that is not a subnet hyperparameter); <see cref="RootOnly"/> says
/// whether only sudo may call it (then the CLI wraps it in Sudo.sudo), as far as the runtime and btcli agree.
/// </summary>
public sealed record AdminHyperparameter(string CallName, byte CallIndex, bool PerSubnet, AdminValueKind Kind, string? Name, bool RootOnly)
{
    /// <summary>How a value is typed on the command line.</summary>
    public string ValueHint => Kind switch
    {
        AdminValueKind.Bool => "true or false",
        AdminValueKind.U16Pair => "low,high (two integers 0..65535)",
        AdminValueKind.AccountId => "an SS58 address",
        AdminValueKind.U64F64 or AdminValueKind.I64F64 or AdminValueKind.I96F32 => "a decimal number such as 1.26",
        AdminValueKind.U8 => "an integer 0..255",
        AdminValueKind.U16 => "an integer 0..65535",
        AdminValueKind.U32 => "an integer 0..4294967295",
        AdminValueKind.I16 => "an integer -32768..32767",
        _ => "a non-negative integer (RAO for balances)",
    };

    internal void WriteValue(ScaleWriter w, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        try
        {
            switch (Kind)
            {
                case AdminValueKind.U8: w.WriteU8(byte.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture)); break;
                case AdminValueKind.U16: w.WriteU16(ushort.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture)); break;
                case AdminValueKind.U32: w.WriteU32(uint.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture)); break;
                case AdminValueKind.U64: w.WriteU64(ulong.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture)); break;
                case AdminValueKind.I16: w.WriteI16(short.Parse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)); break;
                case AdminValueKind.Bool: w.WriteBool(ParseBool(t)); break;
                case AdminValueKind.U16Pair:
                    var parts = t.Split(',');
                    if (parts.Length != 2) throw new FormatException();
                    w.WriteU16(ushort.Parse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture));
                    w.WriteU16(ushort.Parse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture));
                    break;
                case AdminValueKind.U64F64: w.WriteU128(U64F64.Parse(t).Bits); break;
                case AdminValueKind.I64F64: w.WriteI128(I64F64.Parse(t).Bits); break;
                case AdminValueKind.I96F32: w.WriteI128(I96F32.Parse(t).Bits); break;
                case AdminValueKind.AccountId: w.WriteFixed(Ss58Address.Decode(t).PublicKey); break;
                default: throw new InvalidOperationException($"unknown value kind {Kind}");
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException($"'{text}' is not a valid value for {Name ?? CallName}: expected {ValueHint}", e);
        }
    }

    private static bool ParseBool(string t) => t.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new FormatException(),
    };
}

/// <summary>
/// Every AdminUtils <c>sudo_set_*</c> call of docs/calls.md whose argument is a plain value (swap_authorities, grandpa
/// changes, enum-valued and optional-vector setters are left out). Looked up by hyperparameter name, by call name, or
/// by the call name without its <c>sudo_set_</c> prefix.
/// </summary>
public static class AdminHyperparameters
{
    private static readonly AdminHyperparameter[] Table =
    [
        new("sudo_set_default_take", 1, false, AdminValueKind.U16, null, true),
        new("sudo_set_tx_rate_limit", 2, false, AdminValueKind.U64, null, true),
        new("sudo_set_serving_rate_limit", 3, true, AdminValueKind.U64, "serving_rate_limit", false),
        new("sudo_set_min_difficulty", 4, true, AdminValueKind.U64, "min_difficulty", true),
        new("sudo_set_max_difficulty", 5, true, AdminValueKind.U64, "max_difficulty", false),
        new("sudo_set_weights_version_key", 6, true, AdminValueKind.U64, "weights_version", false),
        new("sudo_set_weights_set_rate_limit", 7, true, AdminValueKind.U64, "weights_rate_limit", true),
        new("sudo_set_adjustment_interval", 8, true, AdminValueKind.U16, "adjustment_interval", true),
        new("sudo_set_adjustment_alpha", 9, true, AdminValueKind.U64, "adjustment_alpha", false),
        new("sudo_set_immunity_period", 13, true, AdminValueKind.U16, "immunity_period", false),
        new("sudo_set_min_allowed_weights", 14, true, AdminValueKind.U16, "min_allowed_weights", false),
        new("sudo_set_max_allowed_uids", 15, true, AdminValueKind.U16, "max_allowed_uids", true),
        new("sudo_set_kappa", 16, true, AdminValueKind.U16, "kappa", true),
        new("sudo_set_rho", 17, true, AdminValueKind.U16, "rho", false),
        new("sudo_set_activity_cutoff", 18, true, AdminValueKind.U16, "activity_cutoff", false),
        new("sudo_set_network_registration_allowed", 19, true, AdminValueKind.Bool, "registration_allowed", true),
        new("sudo_set_network_pow_registration_allowed", 20, true, AdminValueKind.Bool, null, false),
        new("sudo_set_target_registrations_per_interval", 21, true, AdminValueKind.U16, "target_regs_per_interval", true),
        new("sudo_set_min_burn", 22, true, AdminValueKind.U64, "min_burn", false),
        new("sudo_set_max_burn", 23, true, AdminValueKind.U64, "max_burn", false),
        new("sudo_set_difficulty", 24, true, AdminValueKind.U64, "difficulty", true),
        new("sudo_set_max_allowed_validators", 25, true, AdminValueKind.U16, "max_validators", true),
        new("sudo_set_bonds_moving_average", 26, true, AdminValueKind.U64, "bonds_moving_avg", false),
        new("sudo_set_max_registrations_per_block", 27, true, AdminValueKind.U16, "max_regs_per_block", true),
        new("sudo_set_subnet_owner_cut", 28, false, AdminValueKind.U16, null, true),
        new("sudo_set_network_rate_limit", 29, false, AdminValueKind.U64, null, true),
        new("sudo_set_tempo", 30, true, AdminValueKind.U16, "tempo", false),
        new("sudo_set_total_issuance", 33, false, AdminValueKind.U64, null, true),
        new("sudo_set_network_immunity_period", 35, false, AdminValueKind.U64, null, true),
        new("sudo_set_network_min_lock_cost", 36, false, AdminValueKind.U64, null, true),
        new("sudo_set_subnet_limit", 37, false, AdminValueKind.U16, null, true),
        new("sudo_set_lock_reduction_interval", 38, false, AdminValueKind.U64, null, true),
        new("sudo_set_rao_recycled", 39, true, AdminValueKind.U64, null, true),
        new("sudo_set_stake_threshold", 42, false, AdminValueKind.U64, null, true),
        new("sudo_set_nominator_min_required_stake", 43, false, AdminValueKind.U64, null, true),
        new("sudo_set_tx_delegate_take_rate_limit", 45, false, AdminValueKind.U64, null, true),
        new("sudo_set_min_delegate_take", 46, false, AdminValueKind.U16, null, true),
        new("sudo_set_commit_reveal_weights_enabled", 49, true, AdminValueKind.Bool, "commit_reveal_weights_enabled", false),
        new("sudo_set_liquid_alpha_enabled", 50, true, AdminValueKind.Bool, "liquid_alpha_enabled", false),
        new("sudo_set_alpha_values", 51, true, AdminValueKind.U16Pair, "alpha_values", false),
        new("sudo_set_dissolve_network_schedule_duration", 55, false, AdminValueKind.U32, null, true),
        new("sudo_set_commit_reveal_weights_interval", 57, true, AdminValueKind.U64, "commit_reveal_period", false),
        new("sudo_set_evm_chain_id", 58, false, AdminValueKind.U64, null, true),
        new("sudo_set_bonds_penalty", 60, true, AdminValueKind.U16, "bonds_penalty", false),
        new("sudo_set_toggle_transfer", 61, true, AdminValueKind.Bool, "transfers_enabled", false),
        new("sudo_set_subnet_moving_alpha", 63, false, AdminValueKind.I96F32, null, true),
        new("sudo_set_subnet_owner_hotkey", 64, true, AdminValueKind.AccountId, null, false),
        new("sudo_set_ema_price_halving_period", 65, true, AdminValueKind.U64, null, true),
        new("sudo_set_subtoken_enabled", 66, true, AdminValueKind.Bool, "subnet_is_active", true),
        new("sudo_set_sn_owner_hotkey", 67, true, AdminValueKind.AccountId, null, false),
        new("sudo_set_alpha_sigmoid_steepness", 68, true, AdminValueKind.I16, "alpha_sigmoid_steepness", false),
        new("sudo_set_yuma3_enabled", 69, true, AdminValueKind.Bool, "yuma3_enabled", false),
        new("sudo_set_bonds_reset_enabled", 70, true, AdminValueKind.Bool, "bonds_reset_enabled", false),
        new("sudo_set_commit_reveal_version", 71, false, AdminValueKind.U16, null, true),
        new("sudo_set_owner_immune_neuron_limit", 72, true, AdminValueKind.U16, "owner_immune_neuron_limit", false),
        new("sudo_set_ck_burn", 73, false, AdminValueKind.U64, null, true),
        new("sudo_set_admin_freeze_window", 74, false, AdminValueKind.U16, null, true),
        new("sudo_set_owner_hparam_rate_limit", 75, false, AdminValueKind.U16, null, true),
        new("sudo_set_mechanism_count", 76, true, AdminValueKind.U8, null, false),
        new("sudo_set_min_allowed_uids", 79, true, AdminValueKind.U16, null, true),
        new("sudo_set_tao_flow_cutoff", 81, false, AdminValueKind.I64F64, null, true),
        new("sudo_set_tao_flow_normalization_exponent", 82, false, AdminValueKind.U64F64, null, true),
        new("sudo_set_tao_flow_smoothing_factor", 83, false, AdminValueKind.U64, null, true),
        new("sudo_set_min_non_immune_uids", 84, true, AdminValueKind.U16, "min_non_immune_uids", true),
        new("sudo_set_start_call_delay", 85, false, AdminValueKind.U64, null, true),
        new("sudo_set_coldkey_swap_announcement_delay", 86, false, AdminValueKind.U32, null, true),
        new("sudo_set_coldkey_swap_reannouncement_delay", 87, false, AdminValueKind.U32, null, true),
        new("sudo_set_max_mechanism_count", 88, false, AdminValueKind.U8, null, true),
        new("sudo_set_burn_half_life", 89, true, AdminValueKind.U16, "burn_half_life", false),
        new("sudo_set_burn_increase_mult", 90, true, AdminValueKind.U64F64, "burn_increase_mult", false),
        new("sudo_set_net_tao_flow_enabled", 91, false, AdminValueKind.Bool, null, true),
        new("sudo_set_owner_cut_enabled", 92, true, AdminValueKind.Bool, null, true),
        new("sudo_set_min_childkey_take_per_subnet", 93, true, AdminValueKind.U16, null, true),
        new("sudo_set_subnet_emission_enabled", 94, true, AdminValueKind.Bool, null, true),
        new("sudo_set_owner_cut_auto_lock_enabled", 95, true, AdminValueKind.Bool, null, false),
        new("sudo_set_max_epochs_per_block", 96, false, AdminValueKind.U8, null, true),
    ];

    private static readonly FrozenDictionary<string, AdminHyperparameter> ByAnyName = BuildIndex();

    public static IReadOnlyList<AdminHyperparameter> All => Table;

    /// <summary>The setter for a hyperparameter name ("tempo"), a call name ("sudo_set_tempo") or "set_tempo"/"tempo" forms.</summary>
    public static AdminHyperparameter? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant().Replace('-', '_');
        return ByAnyName.GetValueOrDefault(key);
    }

    private static FrozenDictionary<string, AdminHyperparameter> BuildIndex()
    {
        var map = new Dictionary<string, AdminHyperparameter>();
        foreach (var p in Table)
        {
            map[p.CallName] = p;
            map.TryAdd(p.CallName["sudo_".Length..], p);
            map.TryAdd(p.CallName["sudo_set_".Length..], p);
        }
        // Hyperparameter names win over call-name suffixes (they are what `sudo get` prints).
        foreach (var p in Table.Where(p => p.Name is not null)) map[p.Name!] = p;
        return map.ToFrozenDictionary();
    }
}
