using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using TaoSharp.Runtime.Coinbase;

namespace TaoSharp.Cli.Commands.Sim;

/// <summary>`tao sim block-emission --issuance RAO`: the per-block emission (RAO) the chain mints at that issuance.</summary>
public sealed class SimBlockEmissionCommand : Command<SimBlockEmissionCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--issuance <RAO>")]
        [Description("Total issuance in RAO (for a subnet's alpha: SubnetAlphaIn + SubnetAlphaOut).")]
        public string? Issuance { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        SimBlockEmission.Run(settings.Issuance, Console.Out, Console.Error);
}

/// <summary>The work behind <see cref="SimBlockEmissionCommand"/>.</summary>
public static class SimBlockEmission
{
    public static int Run(string? issuance, TextWriter stdout, TextWriter stderr)
    {
        if (issuance is null)
        {
            stderr.WriteLine("error: --issuance <RAO> is required");
            return 2;
        }

        if (issuance.Length == 0 || issuance.Length > 20 || !issuance.All(char.IsAsciiDigit)
            || !ulong.TryParse(issuance, NumberStyles.None, CultureInfo.InvariantCulture, out var rao))
        {
            stderr.WriteLine($"error: --issuance must be an integer number of RAO in 0..=18446744073709551615, not \"{issuance}\"");
            return 2;
        }

        stdout.WriteLine(BlockEmission.ForIssuance(rao).ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
