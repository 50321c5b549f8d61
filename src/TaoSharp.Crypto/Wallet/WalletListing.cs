using TaoSharp.Crypto.Keyfiles;

namespace TaoSharp.Crypto.Wallet;

/// <summary>One hotkey of a listed wallet; the address is null when it cannot be read without a password.</summary>
public sealed record HotkeyEntry(string Name, string? Ss58Address);

/// <summary>One wallet folder; the coldkey address comes from coldkeypub.txt (null when missing or unreadable).</summary>
public sealed record WalletEntry(string Name, string? ColdkeySs58Address, IReadOnlyList<HotkeyEntry> Hotkeys);

/// <summary>
/// btcli's <c>wallet list</c> view of a wallets folder: every subfolder is a wallet; hotkeys are the files in hotkeys/,
/// where <c>Xpub.txt</c> is shown only when the private file X is absent. Unreadable files are listed without an address.
/// </summary>
public static class WalletListing
{
    public static IReadOnlyList<WalletEntry> List(string walletsPath)
    {
        var root = KeyfilePaths.Expand(walletsPath);
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateDirectories(root)
            .Select(dir => Path.GetFileName(dir))
            .Where(name => !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(name => ReadWallet(root, name))
            .ToList();
    }

    private static WalletEntry ReadWallet(string root, string name)
    {
        var folder = Path.Combine(root, name);
        var cold = TryAddress(new Keyfile(Path.Combine(folder, "coldkeypub.txt")));
        var hotkeysDir = Path.Combine(folder, "hotkeys");
        var hotkeys = new List<HotkeyEntry>();
        if (Directory.Exists(hotkeysDir))
        {
            var files = Directory.EnumerateFiles(hotkeysDir).Select(Path.GetFileName).OfType<string>()
                .Where(f => !f.StartsWith('.')).ToHashSet(StringComparer.Ordinal);
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                bool isPub = file.EndsWith("pub.txt", StringComparison.Ordinal);
                string hotkeyName = isPub ? file[..^"pub.txt".Length] : file;
                if (isPub && files.Contains(hotkeyName)) continue; // shown under the private file's entry
                var pubFile = new Keyfile(Path.Combine(hotkeysDir, hotkeyName + "pub.txt"));
                var address = TryAddress(pubFile) ?? (isPub ? null : TryAddress(new Keyfile(Path.Combine(hotkeysDir, file))));
                hotkeys.Add(new HotkeyEntry(hotkeyName, address));
            }
        }
        return new WalletEntry(name, cold, hotkeys);
    }

    /// <summary>The address of a plaintext keyfile, or null (missing, encrypted, corrupt: listing never fails on one bad file).</summary>
    private static string? TryAddress(Keyfile file)
    {
        try
        {
            if (!file.Exists) return null;
            var content = file.Read(passwords: null);
            if (content.Ss58Address is { } address && Ss58.Ss58Address.IsValid(address)) return address;
            using var keypair = WalletKeypair.FromKeyfileContent(content);
            return keypair.Ss58Address;
        }
        catch (KeyfileException)
        {
            return null;
        }
    }
}
