using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Transactions;
using TaoSharp.Subnets.Forecast.Neurons;

namespace TaoSharp.Subnets.Forecast.Validator;

/// <summary>
/// One weight vector committed as a hash and not yet revealed: what the reveal must repeat (uids, values, salt, version)
/// and how many of the subnet's epochs have run since the commit's block.
/// </summary>
public sealed record PendingCommit(
    string Hash, ushort[] Uids, ushort[] Values, ushort[] Salt, ulong VersionKey, ulong CommitBlock, ulong CommitLastStep, int EpochsSeen);

/// <summary>
/// Hash commit-reveal as a validator runs it (spec-client §5.4; the chain's commit-reveal v2): commit
/// <c>blake2b(hotkey, netuid, uids, values, salt, version)</c> with a fresh random salt, then reveal the same vector in
/// the epoch <c>RevealPeriodEpochs</c> after the commit's. The chain counts epochs by an index clients cannot read, so
/// this counts the epochs it sees run (the metagraph's last_step moving past the commit block); a reveal sent too early
/// is simply kept for the next epoch, one whose window passed is dropped. At most one commit per epoch.
/// Not thread-safe: the validator's loop owns it.
/// </summary>
public sealed class CommitRevealState
{
    /// <summary>Words of salt per commit (bittensor's validators use 8 u16).</summary>
    public const int SaltWords = 8;

    private readonly List<PendingCommit> _pending = [];
    private readonly string? _path;
    private ulong? _lastStepSeen;

    /// <param name="path">A JSON file that keeps pending commits across restarts; null keeps them in memory only.</param>
    public CommitRevealState(string? path = null)
    {
        _path = path;
        if (path is not null && File.Exists(path))
            _pending.AddRange(JsonSerializer.Deserialize(File.ReadAllText(path), CommitJson.Default.PendingCommitArray) ?? []);
    }

    public IReadOnlyList<PendingCommit> Pending => _pending;

    /// <summary>Counts an epoch for every pending commit older than the epoch the snapshot reports as the last one run.</summary>
    public void Observe(SubnetSnapshot snapshot)
    {
        if (_lastStepSeen is { } seen && snapshot.LastStep == seen) return;
        _lastStepSeen = snapshot.LastStep;
        var changed = false;
        for (var i = 0; i < _pending.Count; i++)
        {
            var c = _pending[i];
            // An epoch in the commit's own block ran before the commit (epochs run before extrinsics): it does not count.
            if (snapshot.LastStep > c.CommitBlock && snapshot.LastStep > c.CommitLastStep)
            {
                _pending[i] = c with { EpochsSeen = c.EpochsSeen + 1, CommitLastStep = snapshot.LastStep };
                changed = true;
            }
        }
        if (changed) Save();
    }

    /// <summary>True unless a commit was already made in the epoch the snapshot is in.</summary>
    public bool MayCommit(SubnetSnapshot snapshot) => !_pending.Any(c => c.EpochsSeen == 0);

    /// <summary>The commits whose reveal epoch has come, oldest first (a reveal also drops every older commit on chain).</summary>
    public IReadOnlyList<PendingCommit> DueReveals(SubnetSnapshot snapshot) =>
        [.. _pending.Where(c => (ulong)c.EpochsSeen >= System.Math.Max(1, snapshot.CommitRevealPeriod)).OrderBy(c => c.CommitBlock)];

    /// <summary>A commit of <paramref name="weights"/> with a fresh salt (not yet recorded: call <see cref="Committed"/> once it is in a block).</summary>
    public static PendingCommit Prepare(AccountId hotkey, ushort netuid, IReadOnlyList<(ushort Uid, ushort Weight)> weights, ulong versionKey,
        SubnetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(snapshot);
        var uids = weights.Select(w => w.Uid).ToArray();
        var values = weights.Select(w => w.Weight).ToArray();
        var salt = new ushort[SaltWords];
        Span<byte> random = stackalloc byte[SaltWords * 2];
        RandomNumberGenerator.Fill(random);
        for (var i = 0; i < SaltWords; i++) salt[i] = (ushort)(random[2 * i] | (random[2 * i + 1] << 8));
        var hash = Calls.WeightCommitHash(hotkey, netuid, uids, values, salt, versionKey);
        return new PendingCommit(hash.ToHex(), uids, values, salt, versionKey, snapshot.Block, snapshot.LastStep, 0);
    }

    /// <summary>Records a commit the chain accepted at (or after) <paramref name="block"/>.</summary>
    public void Committed(PendingCommit commit, ulong block)
    {
        _pending.Add(commit with { CommitBlock = System.Math.Max(block, commit.CommitBlock) });
        Save();
    }

    /// <summary>Forgets a commit: revealed, or refused for good (expired, unknown to the chain, commit-reveal switched off).</summary>
    public void Remove(PendingCommit commit)
    {
        // The chain removes every older commit with a revealed one, so this does too.
        _pending.RemoveAll(c => c.Hash == commit.Hash || c.CommitBlock < commit.CommitBlock);
        Save();
    }

    public void Clear()
    {
        if (_pending.Count == 0) return;
        _pending.Clear();
        Save();
    }

    /// <summary>
    /// True when a failed reveal will never succeed later, so the commit should be forgotten: any chain error (a single
    /// error name such as ExpiredWeightCommit) except RevealTooEarly. Transport failures and pool refusals are retried.
    /// </summary>
    public static bool IsFinal(string? error) =>
        !string.IsNullOrEmpty(error) && error != "RevealTooEarly" && !error.Any(char.IsWhiteSpace);

    private void Save()
    {
        if (_path is null) return;
        var tmp = _path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(_pending.ToArray(), CommitJson.Default.PendingCommitArray));
        File.Move(tmp, _path, overwrite: true);
    }
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(PendingCommit[]))]
internal sealed partial class CommitJson : JsonSerializerContext;
