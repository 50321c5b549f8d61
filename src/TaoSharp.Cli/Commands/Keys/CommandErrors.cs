using TaoSharp.Crypto.Keyfiles;
using TaoSharp.Crypto.Wallet;

namespace TaoSharp.Cli.Commands.Keys;

/// <summary>Exit codes shared by the keys and wallet commands (scripts rely on them).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The operation ran and failed or said no: invalid signature, wrong password, refused overwrite, missing key.</summary>
    public const int Failed = 1;
    /// <summary>Malformed input or usage: bad hex, bad address, bad mnemonic, unknown option.</summary>
    public const int Usage = 2;
}

/// <summary>Input the user must fix (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>An operation that could not be completed as asked (exit code 1).</summary>
public sealed class CommandFailedException(string message) : Exception(message);

/// <summary>Maps the domain's exceptions to one clear line and an exit code, so no command ends with a stack trace.</summary>
public static class CommandErrors
{
    public static int ExitCodeFor(Exception e) => e switch
    {
        UsageException or FormatException or ArgumentException => ExitCodes.Usage,
        _ => ExitCodes.Failed,
    };

    /// <summary>True for the errors a command reports itself; anything else is a bug and keeps its stack trace.</summary>
    public static bool IsExpected(Exception e) =>
        e is UsageException or CommandFailedException or FormatException or ArgumentException
            or KeyfileException or WalletException or IOException or UnauthorizedAccessException;

    /// <summary>Runs a command body; expected errors become "error: …" on stderr and their exit code.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsExpected(e))
        {
            Console.Error.WriteLine("error: " + e.Message);
            return ExitCodeFor(e);
        }
    }
}

/// <summary>The application-wide handler for exceptions that escape a command (registered in CliSetup).</summary>
public static class CliExceptionHandler
{
    /// <summary>
    /// Spectre reports usage errors (unknown option, missing or unparsable value) with exit code -1; scripts expect 2 for
    /// usage errors, as most Unix tools give. Anything else escaped a command: print it and exit 1.
    /// </summary>
    public static int Handle(Exception exception)
    {
        if (exception is Spectre.Console.Cli.CommandAppException)
        {
            Console.Error.WriteLine("error: " + exception.Message);
            return ExitCodes.Usage;
        }
        if (CommandErrors.IsExpected(exception))
        {
            Console.Error.WriteLine("error: " + exception.Message);
            return CommandErrors.ExitCodeFor(exception);
        }
        Spectre.Console.AnsiConsole.WriteException(exception);
        return ExitCodes.Failed;
    }
}
