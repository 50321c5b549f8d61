using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Subnets;

namespace TaoSharp.Cli.Commands.Stake;

/// <summary>
/// btcli's safe-staking options (spec-client §6.1): safe by default, tolerance 0.005 (0.5 %), no partial fills unless asked.
/// A safe trade sends the *_limit call with limit = current price × (1 ± tolerance).
/// </summary>
public class SafeTradeSettings : SubnetSettings
{
    public const decimal DefaultTolerance = 0.005m;

    [CommandOption("--safe|--safe-staking")]
    [Description("Use a price limit (the default).")]
    public bool Safe { get; init; }

    [CommandOption("--unsafe|--no-safe-staking")]
    [Description("No price limit: accept whatever price the pool gives.")]
    public bool Unsafe { get; init; }

    [CommandOption("--tolerance|--rate-tolerance")]
    [Description("Largest accepted price move as a fraction (default 0.005 = 0.5%).")]
    public string? Tolerance { get; init; }

    [CommandOption("--allow-partial-stake|--allow-partial|--partial")]
    [Description("Fill as much as the limit allows instead of failing.")]
    public bool AllowPartial { get; init; }

    [CommandOption("--no-allow-partial-stake|--no-allow-partial|--no-partial")]
    [Description("All or nothing (the default).")]
    public bool NoAllowPartial { get; init; }

    public bool IsSafe => Safe && Unsafe ? throw new UsageException("give only one of --safe and --unsafe") : !Unsafe;

    public bool Partial => AllowPartial && NoAllowPartial
        ? throw new UsageException("give only one of --allow-partial-stake and --no-allow-partial-stake")
        : AllowPartial;

    /// <summary>Checks the safe-trade options before anything is read from the chain (usage errors first, exit 2).</summary>
    public void CheckSafeOptions()
    {
        _ = IsSafe;
        _ = Partial;
        _ = ToleranceValue;
    }

    public decimal ToleranceValue
    {
        get
        {
            if (Tolerance is null) return DefaultTolerance;
            if (!decimal.TryParse(Tolerance, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var t) || t < 0 || t >= 1)
                throw new UsageException("--tolerance must be a fraction in [0, 1), e.g. 0.005 for 0.5%");
            return t;
        }
    }
}

/// <summary>Limit prices in RAO per alpha from the node's price (TAO per alpha, decimal text) and a tolerance.</summary>
public static class LimitPrice
{
    /// <summary>Highest price a buyer accepts: ⌊price × (1 + tolerance) × 10^9⌋, at least 1 RAO.</summary>
    public static ulong ForBuy(decimal price, decimal tolerance) => ToRao(price * (1 + tolerance));

    /// <summary>Lowest price a seller accepts: ⌊price × (1 − tolerance) × 10^9⌋.</summary>
    public static ulong ForSell(decimal price, decimal tolerance) => ToRao(price * (1 - tolerance));

    public static decimal ParsePrice(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p)
            ? p
            : throw new CommandFailedException($"the node sent an unreadable price '{text}'");

    private static ulong ToRao(decimal tao)
    {
        var rao = decimal.Floor(tao * 1_000_000_000m);
        return rao >= ulong.MaxValue ? ulong.MaxValue : (ulong)rao;
    }
}
