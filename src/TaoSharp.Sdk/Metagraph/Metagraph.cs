using System.Text.Json;
using System.Text.Json.Serialization;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;
using TaoSharp.Sdk.Queries;

namespace TaoSharp.Sdk;

/// <summary>
/// A subnet's metagraph on the client (spec-client §5): the per-UID vectors, axons, pool and hyperparameters, and in
/// full mode the weight (row-normalised) and bond (raw u16) matrices. Balances keep their integer types
/// (<see cref="TaoBalance"/>, <see cref="AlphaBalance"/>); the §5.4 display units are decimal views over them;
/// u16-normalised values are float views (client-side display only, never fed back to the chain).
/// One sync is one RPC call (<c>subnetInfo_getMetagraph</c>); <see cref="ResyncAsync"/> fetches only when the head moved.
/// </summary>
public sealed class Metagraph
{
    /// <summary>The SDK's <c>ROOT_TAO_STAKE_WEIGHT</c>: root TAO counts at 18 % in the displayed <c>tao_stake</c>.</summary>
    public const decimal RootTaoStakeWeight = 0.18m;

    private const int FileFormatVersion = 1;
    private const decimal UnitsPerToken = 1_000_000_000m;

    private float[][]? _weights;
    private ushort[][]? _bonds;

    private Metagraph(ushort netuid, bool lite, MetagraphInfo info)
    {
        Netuid = netuid;
        Lite = lite;
        Info = info;
        Apply(info);
    }

    public ushort Netuid { get; }

    /// <summary>Lite omits the weight and bond matrices (spec-client §5.3).</summary>
    public bool Lite { get; }

    /// <summary>The node's answer this metagraph was built from (every key of docs/rpc-domain.md's Metagraph).</summary>
    public MetagraphInfo Info { get; private set; }

    public ulong Block => Info.Block;
    public int N => Info.N ?? 0;
    public string Name => Info.Name ?? "";
    public string Symbol => Info.Symbol ?? "";
    public ushort[] Uids => Info.Uids ?? [];
    public string[] Hotkeys => Info.Hotkeys ?? [];
    public string[] Coldkeys => Info.Coldkeys ?? [];
    public bool[] Active => Info.Active ?? [];
    public ulong[] LastUpdate => Info.LastUpdate ?? [];
    public bool[] ValidatorPermit => Info.ValidatorPermit ?? [];
    public ulong[] BlockAtRegistration => Info.BlockAtRegistration ?? [];
    public AxonInfo[] Axons => Info.Axons ?? [];

    /// <summary>The subnet's identity, null when none is set.</summary>
    public SubnetIdentity? Identity => Info.Identity;

    /// <summary>Per uid, its coldkey's chain identity (null where none is set); empty from nodes that predate identities.</summary>
    public ChainIdentity?[] Identities => Info.Identities ?? [];
    public SubnetHyperparams? Hparams => Info.Hparams;
    public MetagraphPool? Pool => Info.Pool;
    public MetagraphEmissions? Emissions => Info.Emissions;

    /// <summary>Raw epoch emission per UID (alpha units per tempo).</summary>
    public AlphaBalance[] EmissionRaw => Info.Emission ?? [];
    public AlphaBalance[] AlphaStakeRaw => Info.AlphaStake ?? [];
    public TaoBalance[] TaoStakeRaw => Info.TaoStake ?? [];
    public TaoBalance[] TotalStakeRaw => Info.TotalStake ?? [];

    // §5.4 display units.
    public float[] Consensus { get; private set; } = [];
    public float[] Incentive { get; private set; } = [];
    public float[] Dividends { get; private set; } = [];
    public float[] ValidatorTrust { get; private set; } = [];
    public float[] Rank { get; private set; } = [];
    public float[] Trust { get; private set; } = [];
    public float[] PruningScore { get; private set; } = [];
    /// <summary>Emission in alpha (rao / 10^9).</summary>
    public decimal[] Emission { get; private set; } = [];
    /// <summary>Alpha stake in alpha (rao / 10^9).</summary>
    public decimal[] AlphaStake { get; private set; } = [];
    /// <summary>Root stake in TAO × <see cref="RootTaoStakeWeight"/> (as the Python SDK shows it).</summary>
    public decimal[] TaoStake { get; private set; } = [];
    /// <summary>The chain's total stake (alpha + tao × TaoWeight) in units of 10^9; on root all stake arrays are the TAO stake.</summary>
    public decimal[] TotalStake { get; private set; } = [];
    /// <summary>Alias of <see cref="TotalStake"/> (the SDK's <c>S</c>).</summary>
    public decimal[] Stake => TotalStake;

    /// <summary>Row-normalised weights, n × n (full only; a row without weights is zeros).</summary>
    public float[][]? Weights => _weights;

    /// <summary>Raw u16 bonds, n × n (full only).</summary>
    public ushort[][]? Bonds => _bonds;

    /// <summary>Syncs a subnet's metagraph from the node; null when the subnet does not exist.</summary>
    public static async Task<Metagraph?> SyncAsync(TaoClient client, ushort netuid, bool lite = true, CancellationToken ct = default)
    {
        var info = await new SubnetQueries(client).MetagraphAsync(netuid, full: !lite, ct).ConfigureAwait(false);
        return info is null ? null : new Metagraph(netuid, lite, info);
    }

    /// <summary>
    /// Re-syncs when the chain head has moved since <see cref="Block"/>: returns false without fetching the metagraph
    /// when it has not. When n is unchanged the weight and bond matrices are refilled in place.
    /// Throws <see cref="InvalidOperationException"/> if the subnet no longer exists.
    /// </summary>
    public async Task<bool> ResyncAsync(TaoClient client, CancellationToken ct = default)
    {
        var head = await new ChainQueries(client).BestBlockNumberAsync(ct).ConfigureAwait(false);
        if (head == Block) return false;
        var info = await new SubnetQueries(client).MetagraphAsync(Netuid, full: !Lite, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"subnet {Netuid} no longer exists");
        Info = info;
        Apply(info);
        return true;
    }

    /// <summary>Writes the metagraph as JSON (the node's answer plus mode), atomically (temp file then rename).</summary>
    public void Save(string path)
    {
        var file = new MetagraphFile(FileFormatVersion, Netuid, Lite, Info);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllBytes(tmp, JsonSerializer.SerializeToUtf8Bytes(file, DomainJson.Options));
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Reads a file written by <see cref="Save"/>; a malformed file raises <see cref="InvalidDataException"/>.</summary>
    public static Metagraph Load(string path)
    {
        MetagraphFile? file;
        try
        {
            file = JsonSerializer.Deserialize<MetagraphFile>(File.ReadAllBytes(path), DomainJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a metagraph file: {e.Message}", e);
        }
        if (file is null || file.Info is null) throw new InvalidDataException($"{path} is not a metagraph file");
        if (file.FormatVersion != FileFormatVersion) throw new InvalidDataException($"{path}: unsupported metagraph file version {file.FormatVersion}");
        if (file.Info.N is not { } n || file.Info.Hotkeys?.Length != n) throw new InvalidDataException($"{path}: metagraph vectors do not match n");
        return new Metagraph(file.Netuid, file.Lite, file.Info);
    }

    private void Apply(MetagraphInfo info)
    {
        var n = info.N ?? 0;
        Consensus = Normalize(info.Consensus, n);
        Incentive = Normalize(info.Incentive, n);
        Dividends = Normalize(info.Dividends, n);
        ValidatorTrust = Normalize(info.ValidatorTrust, n);
        Rank = Normalize(info.Rank, n);
        Trust = Normalize(info.Trust, n);
        PruningScore = Normalize(info.PruningScore, n);
        Emission = Units(info.Emission?.Select(e => e.Raw), n, 1m);
        var tao = Units(info.TaoStake?.Select(e => e.Rao), n, 1m);
        if (Netuid == 0)
        {
            // Root: every stake view is the TAO stake (spec-client §5.2).
            AlphaStake = tao;
            TaoStake = tao;
            TotalStake = tao;
        }
        else
        {
            AlphaStake = Units(info.AlphaStake?.Select(e => e.Raw), n, 1m);
            TaoStake = Units(info.TaoStake?.Select(e => e.Rao), n, RootTaoStakeWeight);
            TotalStake = Units(info.TotalStake?.Select(e => e.Rao), n, 1m);
        }

        if (Lite || info.Weights is null || info.Bonds is null)
        {
            _weights = null;
            _bonds = null;
            return;
        }

        _weights = Dense(_weights, n, (float)0);
        _bonds = Dense(_bonds, n, (ushort)0);
        for (int i = 0; i < n && i < info.Weights.Length; i++)
        {
            float sum = 0;
            foreach (var e in info.Weights[i]) if (e.Uid < n) sum += e.Value;
            if (sum > 0)
                foreach (var e in info.Weights[i]) if (e.Uid < n) _weights[i][e.Uid] = e.Value / sum;
        }
        for (int i = 0; i < n && i < info.Bonds.Length; i++)
            foreach (var e in info.Bonds[i]) if (e.Uid < n) _bonds[i][e.Uid] = e.Value;
    }

    /// <summary>An n × n matrix of zeros, reusing <paramref name="previous"/> when its size matches.</summary>
    private static T[][] Dense<T>(T[][]? previous, int n, T zero)
    {
        if (previous is not null && previous.Length == n)
        {
            foreach (var row in previous) Array.Fill(row, zero);
            return previous;
        }
        var m = new T[n][];
        for (int i = 0; i < n; i++) m[i] = new T[n];
        return m;
    }

    private static float[] Normalize(ushort[]? raw, int n)
    {
        var r = new float[n];
        if (raw is null) return r;
        for (int i = 0; i < n && i < raw.Length; i++) r[i] = raw[i] / 65535f;
        return r;
    }

    private static decimal[] Units(IEnumerable<ulong>? raw, int n, decimal factor)
    {
        var r = new decimal[n];
        if (raw is null) return r;
        int i = 0;
        foreach (var v in raw)
        {
            if (i >= n) break;
            r[i++] = v / UnitsPerToken * factor;
        }
        return r;
    }

    private sealed record MetagraphFile(
        [property: JsonPropertyName("format_version")] int FormatVersion,
        ushort Netuid,
        bool Lite,
        MetagraphInfo Info);
}
