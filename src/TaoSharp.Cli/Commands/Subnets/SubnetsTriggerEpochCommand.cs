using System.Globalization;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;

namespace TaoSharp.Cli.Commands.Subnets;

/// <summary>
/// <c>tao subnets trigger-epoch --netuid N</c> (TaoSharp's; btcli has no such command): the owner's trigger_epoch — the
/// subnet's next epoch runs AdminFreezeWindow blocks later instead of at the end of its tempo. JSON data adds netuid,
/// fires_at (the block it is scheduled for).
/// </summary>
public sealed class SubnetsTriggerEpochCommand : ChainCommand<SubnetSettings>
{
    private static string? Advice(string error) => error switch
    {
        _ when error.Contains("DynamicTempoBlockedByCommitReveal", StringComparison.Ordinal) =>
            "Epochs cannot be moved while commit-reveal is on (it would break reveals); switch it off with `tao sudo set --param commit_reveal_weights_enabled --value false`.",
        _ when error.Contains("EpochTriggerAlreadyPending", StringComparison.Ordinal) => "An epoch is already scheduled; wait for it to run.",
        _ when error.Contains("AutoEpochAlreadyImminent", StringComparison.Ordinal) => "The automatic epoch is less than the freeze window away; it runs soon anyway.",
        _ when error.Contains("TxRateLimitExceeded", StringComparison.Ordinal) => "One trigger per owner_hparam_rate_limit tempos; try again later.",
        _ when error.Contains("BadOrigin", StringComparison.Ordinal) => "Only the subnet owner's coldkey can trigger its epoch.",
        _ => null,
    };

    protected override int Run(SubnetSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        Confirm(settings, $"Trigger an epoch on subnet {netuid} (it runs after the admin freeze window)?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.TriggerEpoch(netuid), "trigger_epoch", Advice);
        var firesAt = result.Events.FirstOrDefault(e => e.Name == "EpochTriggered")?.Fields.GetValueOrDefault("fires_at");
        WriteTransaction(settings, result, $"Epoch on subnet {netuid} scheduled for block {firesAt ?? "?"}", w =>
        {
            w.WriteNumber("netuid", netuid.Value);
            if (firesAt is not null) w.WriteNumber("fires_at", ulong.Parse(firesAt, CultureInfo.InvariantCulture)); else w.WriteNull("fires_at");
        });
        return 0;
    }
}
