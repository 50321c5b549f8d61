using System.ComponentModel;
using System.Text.Json;
using Spectre.Console.Cli;
using TaoSharp.Runtime.Amm;

namespace TaoSharp.Cli.Commands.Sim;

/// <summary>
/// `tao sim swap CASE.json`: runs one stake (buy) or unstake (sell) through a subnet pool along the path of
/// <c>add_stake[_limit]</c> / <c>remove_stake[_limit]</c> and prints the pool step as JSON. A refusal by the chain
/// prints its error name and exits 1; a malformed case exits 2.
/// </summary>
public sealed class SimSwapCommand : Command<SimSwapCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<CASE>")]
        [Description("Swap case (JSON): model, tao_reserve, alpha_reserve, quote_weight?, fee_rate_u16, direction, amount, limit_price?, allow_partial?; optional stake_held, minimum_reserve, min_stake, staking_fee.")]
        public string CasePath { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        SimSwap.Run(settings.CasePath, Console.Out, Console.Error);
}

/// <summary>The work behind <see cref="SimSwapCommand"/>, with its output streams passed in so tests can call it.</summary>
public static class SimSwap
{
    public const int ExitOk = 0;
    public const int ExitRefused = 1;
    public const int ExitMalformed = 2;

    /// <summary>A case is a handful of numbers; anything bigger is not a case file.</summary>
    public const long MaxCaseBytes = 64 * 1024;

    public static int Run(string path, TextWriter stdout, TextWriter stderr)
    {
        string json;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Malformed(stderr, $"case file not found: {path}");
            }

            if (info.Length > MaxCaseBytes)
            {
                return Malformed(stderr, $"case file is larger than {MaxCaseBytes} bytes: {path}");
            }

            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Malformed(stderr, $"cannot read case file {path}: {e.Message}");
        }

        SimSwapCase swapCase;
        try
        {
            swapCase = SimSwapCase.Parse(json);
        }
        catch (SimSwapCaseException e)
        {
            return Malformed(stderr, $"malformed swap case {path}: {e.Message}");
        }

        var outcome = Execute(swapCase);
        if (outcome.Swap.Error is { } error)
        {
            stdout.WriteLine(error.ToString());
            stderr.WriteLine($"refused by the chain: {error}");
            return ExitRefused;
        }

        var r = outcome.Swap.Result;
        stdout.WriteLine(JsonSerializer.Serialize(new Dictionary<string, ulong>
        {
            ["amount_paid_in"] = r.AmountPaidIn,
            ["fee"] = r.FeePaid,
            ["amount_out"] = r.AmountPaidOut,
            ["tao_reserve"] = outcome.PoolAfter.TaoReserve.Rao,
            ["alpha_reserve"] = outcome.PoolAfter.AlphaReserve.Raw,
        }));
        return ExitOk;
    }

    /// <summary>
    /// Runs the case through the Runtime's stake swap path under the matching economics profile. The fee rate is pool
    /// state, taken as given for any u16 (as the reference's swap computes with whatever <c>FeeRate</c> holds); only
    /// <c>set_fee_rate</c> caps it at <see cref="PoolState.MaxFeeRate"/>, and that call is not part of a swap.
    /// </summary>
    public static StakeSwapOutcome Execute(SimSwapCase c)
    {
        var baseProfile = c.Model == PoolModelKind.Weighted ? EconomicsProfile.Current : EconomicsProfile.Launch;
        var profile = baseProfile with
        {
            Swap = c.MinimumReserve is { } min ? new SwapConfig(min) : baseProfile.Swap,
            DefaultMinStake = c.MinStake ?? baseProfile.DefaultMinStake,
            FlatStakingFee = c.StakingFee,
        };
        var request = new StakeSwapRequest(c.Direction, c.Amount, c.LimitRaoPerAlpha, c.AllowPartial, c.StakeHeld);
        return StakeSwap.ForDynamicSubnet(profile).Execute(c.Pool, request);
    }

    private static int Malformed(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitMalformed;
    }
}
