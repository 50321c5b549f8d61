namespace TaoSharp.Crypto.SecretUri;

/// <summary>Substrate's well-known development accounts: <c>//Alice</c> … <c>//Ferdie</c> derived from the public dev phrase.</summary>
public static class DevAccounts
{
    /// <summary>Substrate's DEV_PHRASE; an empty URI phrase stands for it. Never hold real value under these keys.</summary>
    public const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    public static IReadOnlyList<string> Names { get; } = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"];

    /// <summary>
    /// btcli's <c>--uri NAME</c> rule: an alphanumeric name (leading '/' ignored) is capitalized and prefixed with <c>//</c>,
    /// so <c>alice</c> → <c>//Alice</c>. Any such name works, not only the six dev accounts.
    /// </summary>
    public static string BtcliUri(string name)
    {
        var trimmed = name.Trim().TrimStart('/');
        if (trimmed.Length == 0 || !trimmed.All(char.IsAsciiLetterOrDigit))
            throw new SecretUriException($"--uri takes an alphanumeric name such as 'alice', got '{name}'");
        return "//" + char.ToUpperInvariant(trimmed[0]) + trimmed[1..].ToLowerInvariant();
    }
}
