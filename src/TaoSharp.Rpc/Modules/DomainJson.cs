using System.Globalization;
using System.Net;
using System.Text.Json;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Queries;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Rpc.Modules;

/// <summary>
/// The JSON shapes of docs/rpc-domain.md, written straight from the Runtime's read models: snake_case keys, accounts
/// as SS58 (prefix 42), balances as integer RAO, u16-normalised values raw, fixed-point prices as exact decimal
/// strings plus an integer RAO form. Every key of a shape is always written.
/// </summary>
public static class DomainJson
{
    /// <summary>The keys a metagraph may contain (selective metagraph requests name these).</summary>
    public static readonly IReadOnlySet<string> MetagraphKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "netuid", "block", "name", "symbol", "owner_hotkey", "owner_coldkey", "network_registered_at", "tempo", "last_step",
        "blocks_since_last_step", "n", "max_uids", "hparams", "pool", "emissions", "uids", "hotkeys", "coldkeys", "active",
        "validator_permit", "last_update", "block_at_registration", "rank", "trust", "consensus", "validator_trust", "incentive",
        "dividends", "emission", "pruning_score", "alpha_stake", "tao_stake", "total_stake", "axons", "weights", "bonds",
        "identity", "identities",
    };

    public static string Ss58(AccountId id) => Ss58Address.Encode(id.AsSpan());

    public static void Axon(Utf8JsonWriter w, in AxonInfo a)
    {
        w.WriteStartObject();
        w.WriteNumber("block", a.Block);
        w.WriteNumber("version", a.Version);
        w.WriteString("ip", IpText(a.Ip, a.IpType));
        w.WriteString("ip_int", a.Ip.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("port", a.Port);
        w.WriteNumber("ip_type", a.IpType);
        w.WriteNumber("protocol", a.Protocol);
        w.WriteNumber("placeholder1", a.Placeholder1);
        w.WriteNumber("placeholder2", a.Placeholder2);
        w.WriteEndObject();
    }

    /// <summary>A served Prometheus endpoint (subtensor's <c>PrometheusInfo</c>), in the axon's address forms.</summary>
    public static void Prometheus(Utf8JsonWriter w, in PrometheusInfo p)
    {
        w.WriteStartObject();
        w.WriteNumber("block", p.Block);
        w.WriteNumber("version", p.Version);
        w.WriteString("ip", IpText(p.Ip, p.IpType));
        w.WriteString("ip_int", p.Ip.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("port", p.Port);
        w.WriteNumber("ip_type", p.IpType);
        w.WriteEndObject();
    }

    /// <summary>Dotted IPv4 (low 32 bits) for type 4 and unserved axons, RFC 5952 text for type 6.</summary>
    public static string IpText(UInt128 ip, byte ipType)
    {
        if (ipType == 6)
        {
            Span<byte> b = stackalloc byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(b, ip);
            return new IPAddress(b).ToString();
        }
        var v4 = (uint)(ip & uint.MaxValue);
        return string.Create(CultureInfo.InvariantCulture, $"{v4 >> 24}.{(v4 >> 16) & 255}.{(v4 >> 8) & 255}.{v4 & 255}");
    }

    public static void SubnetInfo(Utf8JsonWriter w, SubnetInfo i)
    {
        w.WriteStartObject();
        w.WriteNumber("netuid", i.Netuid);
        w.WriteString("name", i.Name);
        w.WriteString("symbol", i.Symbol);
        w.WriteString("owner_coldkey", Ss58(i.OwnerColdkey));
        w.WriteString("owner_hotkey", Ss58(i.OwnerHotkey));
        w.WriteNumber("tempo", i.Tempo);
        w.WriteNumber("subnetwork_n", i.SubnetworkN);
        w.WriteNumber("max_allowed_uids", i.MaxAllowedUids);
        w.WriteNumber("max_allowed_validators", i.MaxAllowedValidators);
        w.WriteNumber("burn", i.Burn);
        w.WriteNumber("min_allowed_weights", i.MinAllowedWeights);
        w.WriteNumber("immunity_period", i.ImmunityPeriod);
        w.WriteNumber("network_registered_at", i.NetworkRegisteredAt);
        w.WriteBoolean("registration_allowed", i.RegistrationAllowed);
        w.WriteBoolean("subtoken_enabled", i.SubtokenEnabled);
        w.WriteBoolean("emission_enabled", i.EmissionEnabled);
        w.WriteNumber("kappa", i.Kappa);
        w.WriteNumber("difficulty", i.Difficulty);
        w.WritePropertyName("identity");
        SubnetIdentity(w, i.Identity);
        w.WriteEndObject();
    }

    public static void Hyperparams(Utf8JsonWriter w, SubnetHyperparams h)
    {
        w.WriteStartObject();
        w.WriteNumber("rho", h.Rho);
        w.WriteNumber("kappa", h.Kappa);
        w.WriteNumber("immunity_period", h.ImmunityPeriod);
        w.WriteNumber("min_allowed_weights", h.MinAllowedWeights);
        w.WriteNumber("max_weights_limit", h.MaxWeightsLimit);
        w.WriteNumber("tempo", h.Tempo);
        w.WriteNumber("min_difficulty", h.MinDifficulty);
        w.WriteNumber("max_difficulty", h.MaxDifficulty);
        w.WriteNumber("weights_version", h.WeightsVersion);
        w.WriteNumber("weights_rate_limit", h.WeightsRateLimit);
        w.WriteNumber("adjustment_interval", h.AdjustmentInterval);
        w.WriteNumber("activity_cutoff", h.ActivityCutoff);
        w.WriteBoolean("registration_allowed", h.RegistrationAllowed);
        w.WriteNumber("target_regs_per_interval", h.TargetRegsPerInterval);
        w.WriteNumber("min_burn", h.MinBurn);
        w.WriteNumber("max_burn", h.MaxBurn);
        w.WriteNumber("bonds_moving_avg", h.BondsMovingAvg);
        w.WriteNumber("max_regs_per_block", h.MaxRegsPerBlock);
        w.WriteNumber("serving_rate_limit", h.ServingRateLimit);
        w.WriteNumber("max_validators", h.MaxValidators);
        w.WriteNumber("adjustment_alpha", h.AdjustmentAlpha);
        w.WriteNumber("difficulty", h.Difficulty);
        w.WriteNumber("commit_reveal_period", h.CommitRevealPeriod);
        w.WriteBoolean("commit_reveal_weights_enabled", h.CommitRevealWeightsEnabled);
        w.WriteNumber("alpha_high", h.AlphaHigh);
        w.WriteNumber("alpha_low", h.AlphaLow);
        w.WriteBoolean("liquid_alpha_enabled", h.LiquidAlphaEnabled);
        w.WriteNumber("alpha_sigmoid_steepness", h.AlphaSigmoidSteepness);
        w.WriteBoolean("yuma3_enabled", h.Yuma3Enabled);
        w.WriteBoolean("bonds_reset_enabled", h.BondsResetEnabled);
        w.WriteBoolean("subnet_is_active", h.SubnetIsActive);
        w.WriteBoolean("transfers_enabled", h.TransfersEnabled);
        w.WriteNumber("bonds_penalty", h.BondsPenalty);
        w.WriteBoolean("user_liquidity_enabled", false);
        w.WriteNumber("burn_half_life", h.BurnHalfLife);
        w.WriteString("burn_increase_mult", Math.U64F64.FromBits(h.BurnIncreaseMultBits).ToString());
        w.WriteNumber("min_non_immune_uids", h.MinNonImmuneUids);
        w.WriteNumber("owner_immune_neuron_limit", h.OwnerImmuneNeuronLimit);
        w.WriteNumber("max_allowed_uids", h.MaxAllowedUids);
        w.WriteEndObject();
    }

    public static void Dynamic(Utf8JsonWriter w, DynamicInfo d)
    {
        w.WriteStartObject();
        w.WriteNumber("netuid", d.Netuid);
        w.WriteString("owner_hotkey", Ss58(d.OwnerHotkey));
        w.WriteString("owner_coldkey", Ss58(d.OwnerColdkey));
        w.WriteString("subnet_name", d.SubnetName);
        w.WriteString("token_symbol", d.TokenSymbol);
        w.WriteNumber("tempo", d.Tempo);
        w.WriteNumber("last_step", d.LastStep);
        w.WriteNumber("blocks_since_last_step", d.BlocksSinceLastStep);
        w.WriteNumber("emission", d.Emission);
        w.WriteNumber("alpha_in", d.AlphaIn);
        w.WriteNumber("alpha_out", d.AlphaOut);
        w.WriteNumber("tao_in", d.TaoIn);
        w.WriteNumber("alpha_out_emission", d.AlphaOutEmission);
        w.WriteNumber("alpha_in_emission", d.AlphaInEmission);
        w.WriteNumber("tao_in_emission", d.TaoInEmission);
        w.WriteNumber("pending_alpha_emission", d.PendingAlphaEmission);
        w.WriteNumber("pending_root_emission", d.PendingRootEmission);
        WriteU128(w, "subnet_volume", d.SubnetVolume);
        w.WriteNumber("network_registered_at", d.NetworkRegisteredAt);
        w.WriteString("price", d.Price.ToString());
        w.WriteNumber("price_rao", d.PriceRao);
        w.WriteString("moving_price", d.MovingPrice.ToString());
        if (d.QuoteWeight is { } q) w.WriteString("quote_weight", q.Parts.ToString(CultureInfo.InvariantCulture));
        else w.WriteNull("quote_weight");
        w.WriteString("pool_model", d.PoolModel);
        w.WriteBoolean("subtoken_enabled", d.SubtokenEnabled);
        w.WritePropertyName("subnet_identity");
        SubnetIdentity(w, d.SubnetIdentity);
        w.WriteEndObject();
    }

    public static void Neuron(Utf8JsonWriter w, NeuronInfo n)
    {
        w.WriteStartObject();
        w.WriteString("hotkey", Ss58(n.Hotkey));
        w.WriteString("coldkey", Ss58(n.Coldkey));
        w.WriteNumber("uid", n.Uid);
        w.WriteNumber("netuid", n.Netuid);
        w.WriteBoolean("active", n.Active);
        w.WritePropertyName("axon_info");
        Axon(w, n.AxonInfo);
        w.WritePropertyName("prometheus_info");
        Prometheus(w, n.PrometheusInfo);
        w.WriteStartArray("stake");
        w.WriteStartObject();
        w.WriteString("hotkey_or_coldkey", Ss58(n.Coldkey));
        w.WriteNumber("amount", n.AlphaStake);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteNumber("alpha_stake", n.AlphaStake);
        w.WriteNumber("tao_stake", n.TaoStake);
        w.WriteNumber("total_stake", n.TotalStake);
        w.WriteNumber("rank", n.Rank);
        w.WriteNumber("emission", n.Emission);
        w.WriteNumber("incentive", n.Incentive);
        w.WriteNumber("consensus", n.Consensus);
        w.WriteNumber("trust", n.Trust);
        w.WriteNumber("validator_trust", n.ValidatorTrust);
        w.WriteNumber("dividends", n.Dividends);
        w.WriteNumber("last_update", n.LastUpdate);
        w.WriteBoolean("validator_permit", n.ValidatorPermit);
        w.WriteNumber("pruning_score", n.PruningScore);
        w.WriteNumber("block_at_registration", n.BlockAtRegistration);
        if (n.Weights is { } weights)
        {
            w.WritePropertyName("weights");
            Row(w, weights);
        }
        if (n.Bonds is { } bonds)
        {
            w.WritePropertyName("bonds");
            Row(w, bonds);
        }
        w.WriteEndObject();
    }

    public static void SubnetState(Utf8JsonWriter w, SubnetState s)
    {
        w.WriteStartObject();
        w.WriteNumber("netuid", s.Netuid);
        StateVectors(w, s, _ => true, "incentives");
        w.WriteEndObject();
    }

    /// <summary>A metagraph with only the keys <paramref name="include"/> accepts (plus <c>netuid</c> and <c>block</c>).</summary>
    public static void Metagraph(Utf8JsonWriter w, MetagraphInfo m, Func<string, bool> include)
    {
        w.WriteStartObject();
        w.WriteNumber("netuid", m.Netuid);
        w.WriteNumber("block", m.Block);
        if (include("name")) w.WriteString("name", m.Name);
        if (include("symbol")) w.WriteString("symbol", m.Symbol);
        if (include("owner_hotkey")) w.WriteString("owner_hotkey", Ss58(m.Subnet.OwnerHotkey));
        if (include("owner_coldkey")) w.WriteString("owner_coldkey", Ss58(m.Subnet.OwnerColdkey));
        if (include("network_registered_at")) w.WriteNumber("network_registered_at", m.Subnet.NetworkRegisteredAt);
        if (include("tempo")) w.WriteNumber("tempo", m.Subnet.Tempo);
        if (include("last_step")) w.WriteNumber("last_step", m.LastStep);
        if (include("blocks_since_last_step")) w.WriteNumber("blocks_since_last_step", m.BlocksSinceLastStep);
        if (include("n")) w.WriteNumber("n", m.N);
        if (include("max_uids")) w.WriteNumber("max_uids", m.Subnet.MaxAllowedUids);
        if (include("hparams"))
        {
            w.WritePropertyName("hparams");
            Hyperparams(w, m.Hparams);
        }
        if (include("pool"))
        {
            w.WriteStartObject("pool");
            w.WriteNumber("alpha_in", m.Pool.AlphaIn);
            w.WriteNumber("alpha_out", m.Pool.AlphaOut);
            w.WriteNumber("tao_in", m.Pool.TaoIn);
            WriteU128(w, "subnet_volume", m.Pool.SubnetVolume);
            w.WriteString("moving_price", m.Pool.MovingPrice.ToString());
            w.WriteString("price", m.Pool.Price.ToString());
            w.WriteNumber("price_rao", m.Pool.PriceRao);
            w.WriteEndObject();
        }
        if (include("emissions"))
        {
            w.WriteStartObject("emissions");
            w.WriteNumber("alpha_out_emission", m.Emissions.AlphaOutEmission);
            w.WriteNumber("alpha_in_emission", m.Emissions.AlphaInEmission);
            w.WriteNumber("tao_in_emission", m.Emissions.TaoInEmission);
            w.WriteNumber("pending_alpha_emission", m.Emissions.PendingAlphaEmission);
            w.WriteNumber("pending_root_emission", m.Emissions.PendingRootEmission);
            w.WriteNumber("subnet_emission", m.Emissions.SubnetEmission);
            w.WriteEndObject();
        }
        if (include("uids"))
        {
            w.WriteStartArray("uids");
            for (int i = 0; i < m.N; i++) w.WriteNumberValue(i);
            w.WriteEndArray();
        }
        StateVectors(w, m.State, include, "incentive");
        if (include("axons"))
        {
            w.WriteStartArray("axons");
            foreach (var a in m.Axons) Axon(w, a);
            w.WriteEndArray();
        }
        if (m.Weights is { } weights && include("weights")) Rows(w, "weights", weights);
        if (m.Bonds is { } bonds && include("bonds")) Rows(w, "bonds", bonds);
        if (include("identity"))
        {
            w.WritePropertyName("identity");
            SubnetIdentity(w, m.Identity);
        }
        if (include("identities"))
        {
            w.WriteStartArray("identities");
            foreach (var identity in m.Identities) ChainIdentity(w, identity);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>A SubnetIdentityV3 as text fields (UTF-8, invalid bytes as U+FFFD), or null.</summary>
    public static void SubnetIdentity(Utf8JsonWriter w, SubnetIdentity? i) =>
        TextObject(w, i is null ? null :
        [
            ("subnet_name", i.SubnetName), ("github_repo", i.GithubRepo), ("subnet_contact", i.SubnetContact), ("subnet_url", i.SubnetUrl),
            ("discord", i.Discord), ("description", i.Description), ("logo_url", i.LogoUrl), ("additional", i.Additional),
        ]);

    /// <summary>A ChainIdentityV2 (a coldkey's identity) as text fields, or null.</summary>
    public static void ChainIdentity(Utf8JsonWriter w, ChainIdentity? i) =>
        TextObject(w, i is null ? null :
        [
            ("name", i.Name), ("url", i.Url), ("github_repo", i.GithubRepo), ("image", i.Image),
            ("discord", i.Discord), ("description", i.Description), ("additional", i.Additional),
        ]);

    /// <summary>An object of byte fields written as text (identities), or JSON null when <paramref name="fields"/> is null.</summary>
    private static void TextObject(Utf8JsonWriter w, (string Name, byte[] Value)[]? fields)
    {
        if (fields is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        foreach (var (name, value) in fields) w.WriteString(name, SubnetNaming.Text(value));
        w.WriteEndObject();
    }

    public static void StakeInfo(Utf8JsonWriter w, StakeInfo s)
    {
        w.WriteStartObject();
        w.WriteString("hotkey", Ss58(s.Hotkey));
        w.WriteString("coldkey", Ss58(s.Coldkey));
        w.WriteNumber("netuid", s.Netuid);
        w.WriteNumber("stake", s.Stake);
        w.WriteNumber("value_in_tao", s.ValueInTao);
        w.WriteNumber("locked", s.Locked);
        w.WriteNumber("emission", s.Emission);
        w.WriteNumber("tao_emission", s.TaoEmission);
        w.WriteNumber("drain", s.Drain);
        w.WriteBoolean("is_registered", s.IsRegistered);
        w.WriteEndObject();
    }

    public static void Delegate(Utf8JsonWriter w, DelegateInfo d)
    {
        w.WriteStartObject();
        w.WriteString("delegate_ss58", Ss58(d.Delegate));
        w.WriteString("owner_ss58", Ss58(d.Owner));
        w.WriteNumber("take", d.Take);
        w.WriteStartArray("nominators");
        foreach (var nom in d.Nominators)
        {
            w.WriteStartObject();
            w.WriteString("coldkey", Ss58(nom.Coldkey));
            Amounts(w, "stakes", nom.Stakes);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("registrations");
        foreach (var n in d.Registrations) w.WriteNumberValue(n);
        w.WriteEndArray();
        w.WriteStartArray("validator_permits");
        foreach (var n in d.ValidatorPermits) w.WriteNumberValue(n);
        w.WriteEndArray();
        Amounts(w, "total_stake", d.TotalStake);
        w.WriteEndObject();
    }

    public static void SwapQuote(Utf8JsonWriter w, SwapQuote q)
    {
        w.WriteStartObject();
        w.WriteNumber("amount_in", q.AmountIn);
        w.WriteNumber("amount_out", q.AmountOut);
        w.WriteNumber("fee", q.Fee);
        w.WriteNumber("tao_reserve_after", q.TaoReserveAfter);
        w.WriteNumber("alpha_reserve_after", q.AlphaReserveAfter);
        w.WriteString("price_after", q.PriceAfter.ToString());
        w.WriteNumber("price_after_rao", q.PriceAfterRao);
        w.WriteEndObject();
    }

    /// <param name="incentiveKey">SubnetState calls the vector "incentives" (as the reference), the metagraph "incentive".</param>
    private static void StateVectors(Utf8JsonWriter w, SubnetState s, Func<string, bool> include, string incentiveKey)
    {
        if (include("hotkeys")) Accounts(w, "hotkeys", s.Hotkeys);
        if (include("coldkeys")) Accounts(w, "coldkeys", s.Coldkeys);
        if (include("active")) Bools(w, "active", s.Active);
        if (include("validator_permit")) Bools(w, "validator_permit", s.ValidatorPermit);
        if (include("pruning_score")) U16s(w, "pruning_score", s.PruningScore);
        if (include("last_update")) U64s(w, "last_update", s.LastUpdate);
        if (include("emission")) U64s(w, "emission", s.Emission);
        if (include("dividends")) U16s(w, "dividends", s.Dividends);
        if (include(incentiveKey)) U16s(w, incentiveKey, s.Incentives);
        if (include("consensus")) U16s(w, "consensus", s.Consensus);
        if (include("trust")) U16s(w, "trust", s.Trust);
        if (include("rank")) U16s(w, "rank", s.Rank);
        if (include("validator_trust")) U16s(w, "validator_trust", s.ValidatorTrust);
        if (include("block_at_registration")) U64s(w, "block_at_registration", s.BlockAtRegistration);
        if (include("alpha_stake")) U64s(w, "alpha_stake", s.AlphaStake);
        if (include("tao_stake")) U64s(w, "tao_stake", s.TaoStake);
        if (include("total_stake")) U64s(w, "total_stake", s.TotalStake);
    }

    private static void Rows(Utf8JsonWriter w, string name, (ushort Uid, ushort Value)[][] rows)
    {
        w.WriteStartArray(name);
        foreach (var row in rows) Row(w, row);
        w.WriteEndArray();
    }

    private static void Row(Utf8JsonWriter w, (ushort Uid, ushort Value)[] row)
    {
        w.WriteStartArray();
        foreach (var (uid, value) in row)
        {
            w.WriteStartArray();
            w.WriteNumberValue(uid);
            w.WriteNumberValue(value);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void Amounts(Utf8JsonWriter w, string name, IReadOnlyList<NetuidAmount> amounts)
    {
        w.WriteStartArray(name);
        foreach (var a in amounts)
        {
            w.WriteStartObject();
            w.WriteNumber("netuid", a.Netuid);
            w.WriteNumber("amount", a.Amount);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Accounts(Utf8JsonWriter w, string name, AccountId[] ids)
    {
        w.WriteStartArray(name);
        foreach (var id in ids) w.WriteStringValue(Ss58(id));
        w.WriteEndArray();
    }

    private static void Bools(Utf8JsonWriter w, string name, bool[] v)
    {
        w.WriteStartArray(name);
        foreach (var x in v) w.WriteBooleanValue(x);
        w.WriteEndArray();
    }

    private static void U16s(Utf8JsonWriter w, string name, ushort[] v)
    {
        w.WriteStartArray(name);
        foreach (var x in v) w.WriteNumberValue(x);
        w.WriteEndArray();
    }

    private static void U64s(Utf8JsonWriter w, string name, ulong[] v)
    {
        w.WriteStartArray(name);
        foreach (var x in v) w.WriteNumberValue(x);
        w.WriteEndArray();
    }

    /// <summary>u128 as a JSON number when it fits a u64 (always, in practice), otherwise exact digits as a raw number.</summary>
    private static void WriteU128(Utf8JsonWriter w, string name, UInt128 v)
    {
        w.WritePropertyName(name);
        if (v <= ulong.MaxValue) w.WriteNumberValue((ulong)v);
        else w.WriteRawValue(v.ToString(CultureInfo.InvariantCulture));
    }
}
