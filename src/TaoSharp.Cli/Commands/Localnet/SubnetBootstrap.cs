using System.Globalization;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Cli.Commands.Localnet;

/// <summary>Hyperparameters a localnet sets on its subnet through sudo (AdminUtils) so epochs come quickly.</summary>
public sealed record LocalnetSubnetSettings(ushort Tempo, ulong WeightsRateLimit, TaoBalance ValidatorStake);

/// <summary>A chain step of the bootstrap failed; the message names the step and the chain's error.</summary>
public sealed class LocalnetSetupException(string message) : Exception(message);

/// <summary>
/// Creates the forecast subnet the way a user would, with ordinary signed extrinsics over RPC: the owner registers the
/// network, sudo sets fast hyperparameters, the owner starts emissions (start_call), every validator and miner
/// coldkey burns to register its hotkey, and validators stake. Extrinsics of different signers go into the same block.
/// </summary>
public sealed class SubnetBootstrap(TaoClient client, LocalnetPlan plan, Action<string> progress)
{
    private readonly TransactionSubmitter _submitter = new(client);

    /// <summary>Registers the network and returns its netuid.</summary>
    public async Task<ushort> CreateSubnetAsync(CancellationToken ct)
    {
        var result = await RequireAsync("register_network", plan.Owner.Coldkey.Signer, Calls.RegisterNetwork(plan.Owner.Hotkey.Account), ct).ConfigureAwait(false);
        var added = result.Events.FirstOrDefault(e => e.Name == "NetworkAdded")
            ?? throw new LocalnetSetupException("register_network succeeded but emitted no NetworkAdded event");
        var netuid = ushort.Parse(added.Fields["netuid"], CultureInfo.InvariantCulture);
        progress($"subnet {netuid} registered by {plan.Owner.Coldkey.Uri} (owner hotkey {plan.Owner.Hotkey.Uri})");
        return netuid;
    }

    /// <summary>Sudo hyperparameters (one block), then start_call.</summary>
    public async Task ConfigureAsync(ushort netuid, LocalnetSubnetSettings settings, CancellationToken ct)
    {
        var n = new NetUid(netuid);
        // The admin freeze window (no hyperparameter changes in the blocks just before an epoch) goes first, so the
        // per-subnet settings after it are accepted whatever block they land in; the same signer's nonces keep the order.
        var values = new (string Name, NetUid? NetUid, string Value)[]
        {
            ("sudo_set_admin_freeze_window", null, "0"),
            ("sudo_set_tempo", n, settings.Tempo.ToString(CultureInfo.InvariantCulture)),
            ("sudo_set_weights_set_rate_limit", n, settings.WeightsRateLimit.ToString(CultureInfo.InvariantCulture)),
            ("sudo_set_commit_reveal_weights_enabled", n, "false"),
            ("sudo_set_serving_rate_limit", n, "0"),
        };
        var sudo = plan.Owner.Coldkey.Signer; // //Alice is the dev chain's sudo key and the subnet owner
        var calls = values.Select(v =>
        {
            var p = AdminHyperparameters.Find(v.Name) ?? throw new LocalnetSetupException($"the SDK has no encoder for {v.Name}");
            return (v.Name + "=" + v.Value, Calls.SudoCall(Calls.AdminSet(p, v.NetUid, v.Value)));
        }).ToList();
        calls.Add(("start_call", Calls.StartCall(n)));
        await RequireAllAsync(calls.Select(c => (c.Item1, sudo, c.Item2)).ToArray(), ct).ConfigureAwait(false);
        progress($"subnet {netuid}: tempo {settings.Tempo}, weights rate limit {settings.WeightsRateLimit}, commit-reveal off, emissions started");
    }

    /// <summary>burned_register for every validator and miner (each signed by its own coldkey).</summary>
    public async Task RegisterNeuronsAsync(ushort netuid, CancellationToken ct)
    {
        var n = new NetUid(netuid);
        var jobs = plan.Validators.Concat(plan.Miners)
            .Select(x => ($"burned_register {x.Hotkey.Uri}", x.Coldkey.Signer, Calls.BurnedRegister(n, x.Hotkey.Account)))
            .ToArray();
        await RequireAllAsync(jobs, ct).ConfigureAwait(false);
        progress($"registered {plan.Validators.Count} validators and {plan.Miners.Count} miners");
    }

    /// <summary>add_stake from each validator's coldkey to its hotkey.</summary>
    public async Task StakeValidatorsAsync(ushort netuid, TaoBalance amount, CancellationToken ct)
    {
        var n = new NetUid(netuid);
        var jobs = plan.Validators
            .Select(v => ($"add_stake {v.Hotkey.Uri}", v.Coldkey.Signer, Calls.AddStake(v.Hotkey.Account, n, amount)))
            .ToArray();
        await RequireAllAsync(jobs, ct).ConfigureAwait(false);
        progress($"each validator staked {amount} TAO");
    }

    private async Task<TransactionResult> RequireAsync(string what, ITransactionSigner signer, byte[] call, CancellationToken ct)
    {
        TransactionResult result;
        try
        {
            result = await _submitter.SubmitAsync(signer, call, WaitFor.InBlock, ct: ct).ConfigureAwait(false);
        }
        catch (TransactionRejectedException e)
        {
            throw new LocalnetSetupException($"{what}: rejected by the node: {e.Reason}");
        }
        return result.Success ? result : throw new LocalnetSetupException($"{what} failed on chain: {result.Error}");
    }

    /// <summary>
    /// Signs every call first (one signer's calls get consecutive nonces because the node counts its pool), submits them
    /// all, then waits for each: they land in the same block when the signers differ or the nonces are in order.
    /// </summary>
    private async Task RequireAllAsync(IReadOnlyList<(string What, ITransactionSigner Signer, byte[] Call)> jobs, CancellationToken ct)
    {
        var submitted = new List<(string What, SignedExtrinsic Xt)>();
        foreach (var (what, signer, call) in jobs)
        {
            var xt = await _submitter.SignAsync(signer, call, ct: ct).ConfigureAwait(false);
            try
            {
                await _submitter.SubmitAsync(xt, WaitFor.Submission, ct).ConfigureAwait(false);
            }
            catch (TransactionRejectedException e)
            {
                throw new LocalnetSetupException($"{what}: rejected by the node: {e.Reason}");
            }
            submitted.Add((what, xt));
        }
        var queries = new Sdk.Queries.ChainQueries(client);
        foreach (var (what, xt) in submitted)
        {
            (Hash256 Block, uint Index)? found;
            while ((found = await queries.FindExtrinsicAsync(xt.Hash, ct).ConfigureAwait(false)) is null)
                await Task.Delay(50, ct).ConfigureAwait(false);
            var outcome = (await queries.BlockOutcomesAsync(found.Value.Block, ct).ConfigureAwait(false))?.FirstOrDefault(o => o.Hash == xt.Hash);
            if (outcome is { Success: false })
                throw new LocalnetSetupException($"{what} failed on chain: {outcome.Error}");
            // A sudo extrinsic succeeds even when its inner call fails; the Sudid event carries the inner result.
            if (outcome?.Events.FirstOrDefault(e => e.Name == "Sudid") is { } sudid
                && sudid.Fields.GetValueOrDefault("sudo_result") is { } r && r != "Ok")
                throw new LocalnetSetupException($"{what} failed on chain: {r}");
        }
    }
}
