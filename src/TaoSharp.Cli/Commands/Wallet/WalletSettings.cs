using System.ComponentModel;
using Spectre.Console.Cli;
using TaoSharp.Crypto.Wallet;

namespace TaoSharp.Cli.Commands.Wallet;

/// <summary>Options every wallet command takes, with btcli's names and aliases (spec-client §6.1).</summary>
public class WalletSettings : CommandSettings
{
    [CommandOption("-w|--wallet-name|--name")]
    [Description("Wallet name (default: BT_WALLET_NAME or 'default').")]
    public string? WalletName { get; init; }

    [CommandOption("-p|--wallet-path")]
    [Description("Folder holding the wallets (default: BT_WALLET_PATH or ~/.bittensor/wallets).")]
    public string? WalletPath { get; init; }

    [CommandOption("-H|--hotkey|--wallet-hotkey")]
    [Description("Hotkey name (default: BT_WALLET_HOTKEY or 'default').")]
    public string? Hotkey { get; init; }

    [CommandOption("-y|--no-prompt|--yes")]
    [Description("Never prompt: missing passwords or confirmations become errors (passwords then come from BT_PW_<PATH> or --password-file).")]
    public bool NoPrompt { get; init; }

    [CommandOption("--json-output|--json-out")]
    [Description("Print exactly one JSON document on stdout (implies --no-prompt).")]
    public bool JsonOutput { get; init; }

    [CommandOption("--password-file")]
    [Description("Read the keyfile password from the first line of this file instead of prompting.")]
    public string? PasswordFile { get; init; }

    /// <summary>Prompts are allowed only on an interactive terminal, without --no-prompt and without --json-output.</summary>
    public bool CanPrompt => !NoPrompt && !JsonOutput && !Console.IsInputRedirected;

    public TaoWallet OpenWallet() => new(
        WalletName ?? TaoWallet.EnvironmentName,
        WalletPath ?? TaoWallet.EnvironmentWalletsPath,
        Hotkey ?? TaoWallet.EnvironmentHotkey);
}

/// <summary>Options of the commands that write keys.</summary>
public class WalletWriteSettings : WalletSettings
{
    [CommandOption("--use-password")]
    [Description("Encrypt the new key with a password ($NACL).")]
    public bool UsePassword { get; init; }

    [CommandOption("--no-use-password")]
    [Description("Store the new key unencrypted.")]
    public bool NoUsePassword { get; init; }

    [CommandOption("--overwrite")]
    [Description("Replace existing keyfiles without asking.")]
    public bool Overwrite { get; init; }

    /// <summary>--use-password / --no-use-password, else the key kind's default (coldkey: encrypted, hotkey: plain).</summary>
    public bool EncryptOr(bool defaultValue)
    {
        if (UsePassword && NoUsePassword) throw new Keys.UsageException("give only one of --use-password and --no-use-password");
        return NoUsePassword ? false : UsePassword || defaultValue;
    }
}
