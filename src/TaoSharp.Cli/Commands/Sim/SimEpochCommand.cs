using System.ComponentModel;
using Spectre.Console.Cli;
using TaoSharp.Runtime.Epoch;

namespace TaoSharp.Cli.Commands.Sim;

/// <summary>
/// `tao sim epoch CASE.json`: runs the Runtime's Yuma epoch on one case in the shared epoch-case format and
/// prints one JSON object with the keys of the case's <c>expected</c> part. Exit code 2 for a malformed case.
/// </summary>
public sealed class SimEpochCommand : Command<SimEpochCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<CASE>")]
        [Description("Epoch case file (JSON; an object with an 'input' member, as in shared/vectors/epoch-cases).")]
        public string CasePath { get; init; } = "";

        [CommandOption("--indent")]
        [Description("Pretty-print the JSON output.")]
        public bool Indent { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        SimEpoch.Run(settings.CasePath, settings.Indent, Console.Out, Console.Error);
}

/// <summary>The work behind <see cref="SimEpochCommand"/>, with its output streams passed in so tests can call it.</summary>
public static class SimEpoch
{
    public const int ExitOk = 0;
    public const int ExitMalformed = 2;

    /// <summary>Largest case file accepted; bigger files are refused before reading (n ≤ 65536 fits easily).</summary>
    public const long MaxCaseBytes = 512L * 1024 * 1024;

    public static int Run(string path, bool indent, TextWriter stdout, TextWriter stderr)
    {
        string json;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Fail(stderr, $"case file not found: {path}");
            if (info.Length > MaxCaseBytes) return Fail(stderr, $"case file is larger than {MaxCaseBytes} bytes: {path}");
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(stderr, $"cannot read case file {path}: {e.Message}");
        }

        EpochInput input;
        try
        {
            input = EpochCaseFormat.ParseCase(json);
        }
        catch (EpochCaseFormatException e)
        {
            return Fail(stderr, $"malformed epoch case {path}: {e.Message}");
        }

        stdout.WriteLine(EpochCaseFormat.WriteOutput(YumaEpoch.Run(input), indent));
        return ExitOk;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return ExitMalformed;
    }
}
