using Spectre.Console;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Crypto.Keyfiles;

namespace TaoSharp.Cli.Commands.Wallet;

/// <summary>
/// Where wallet passwords and confirmations come from: --password-file, then btwallet's BT_PW_&lt;PATH&gt; variable, then an
/// interactive prompt (when allowed). Without any of them the command stops with a message saying how to supply one.
/// </summary>
public sealed class WalletPrompts(WalletSettings settings)
{
    /// <summary>btwallet asks for at least this many characters for a new password.</summary>
    public const int MinimumPasswordLength = 6;
    private const int UnlockAttempts = 3;

    /// <summary>The password to encrypt a new keyfile with (confirmed twice when prompted).</summary>
    public string NewPassword(Keyfile target)
    {
        if (ReadPasswordFile() is { } fromFile) return fromFile;
        if (KeyfilePasswordEnvironment.TryGet(target.Path) is { } fromEnv) return fromEnv;
        if (!settings.CanPrompt)
            throw new UsageException(
                $"encrypting {target.Path} needs a password: set {KeyfilePasswordEnvironment.VariableName(target.Path)} (see docs/wallet.md), " +
                "pass --password-file, or use --no-use-password");
        while (true)
        {
            var password = AnsiConsole.Prompt(new TextPrompt<string>("Enter your password:").Secret());
            if (password.Length < MinimumPasswordLength)
            {
                AnsiConsole.MarkupLine($"[red]Password not strong enough: use at least {MinimumPasswordLength} characters.[/]");
                continue;
            }
            var again = AnsiConsole.Prompt(new TextPrompt<string>("Retype your password:").Secret());
            if (password == again) return password;
            AnsiConsole.MarkupLine("[red]Passwords do not match.[/]");
        }
    }

    /// <summary>Reads (and decrypts if needed) a keyfile; a prompted password is asked again when wrong, up to 3 times.</summary>
    public KeyfileContent Unlock(Keyfile keyfile)
    {
        if (!keyfile.Exists) throw new CommandFailedException($"{keyfile.Path} does not exist");
        if (!keyfile.IsEncrypted()) return keyfile.Read();
        if (ReadPasswordFile() is { } fromFile) return keyfile.Read(new FixedPasswordProvider(fromFile));
        if (KeyfilePasswordEnvironment.TryGet(keyfile.Path) is { } fromEnv) return keyfile.Read(new FixedPasswordProvider(fromEnv));
        if (!settings.CanPrompt)
            throw new UsageException(
                $"{keyfile.Path} is encrypted: set {KeyfilePasswordEnvironment.VariableName(keyfile.Path)} (see docs/wallet.md) or pass --password-file");
        for (int attempt = 1; ; attempt++)
        {
            var password = AnsiConsole.Prompt(new TextPrompt<string>("Enter your password:").Secret());
            AnsiConsole.WriteLine("Decrypting...");
            try
            {
                return keyfile.Read(new FixedPasswordProvider(password));
            }
            catch (KeyfilePasswordException) when (attempt < UnlockAttempts)
            {
                AnsiConsole.MarkupLine("[red]The password used to decrypt your keyfile is invalid.[/]");
            }
        }
    }

    /// <summary>
    /// Before anything is written: every existing target must be confirmed (prompt, default No) or covered by --overwrite.
    /// </summary>
    public void ConfirmOverwrite(bool overwrite, params Keyfile[] targets)
    {
        if (overwrite) return;
        foreach (var target in targets.Where(t => t.Exists))
        {
            if (!settings.CanPrompt) throw new KeyfileExistsException(target.Path);
            if (!AnsiConsole.Confirm($"File {target.Path} already exists. Overwrite?", defaultValue: false))
                throw new CommandFailedException($"{target.Path} already exists and was kept; nothing was written");
        }
    }

    /// <summary>Asks for a value when prompting is allowed, else fails with the option name to use.</summary>
    public string Ask(string question, string optionHint)
    {
        if (!settings.CanPrompt) throw new UsageException($"{optionHint} is required with --no-prompt/--json-output");
        return AnsiConsole.Prompt(new TextPrompt<string>(question));
    }

    private string? ReadPasswordFile()
    {
        if (settings.PasswordFile is null) return null;
        try
        {
            var info = new FileInfo(settings.PasswordFile);
            if (!info.Exists) throw new UsageException($"--password-file {settings.PasswordFile} does not exist");
            if (info.Length > 4096) throw new UsageException($"--password-file {settings.PasswordFile} is too large for a password file");
            using var reader = new StreamReader(info.FullName);
            return reader.ReadLine() ?? throw new UsageException($"--password-file {settings.PasswordFile} is empty");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read --password-file {settings.PasswordFile}: {e.Message}");
        }
    }
}
