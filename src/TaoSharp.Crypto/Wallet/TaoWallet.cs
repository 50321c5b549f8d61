using TaoSharp.Crypto.Keyfiles;

namespace TaoSharp.Crypto.Wallet;

/// <summary>
/// One wallet folder in btwallet's layout (spec-client §2.1):
/// <c>&lt;path&gt;/&lt;name&gt;/coldkey</c>, <c>coldkeypub.txt</c>, <c>hotkeys/&lt;hotkey&gt;</c>, <c>hotkeys/&lt;hotkey&gt;pub.txt</c>.
/// Writes check every target first, so a refused overwrite leaves all files as they were.
/// </summary>
public sealed class TaoWallet
{
    public const string DefaultWalletsPath = "~/.bittensor/wallets";
    public const string DefaultName = "default";
    public const string DefaultHotkey = "default";

    public TaoWallet(string name, string path, string hotkey)
    {
        ValidateName(name, "wallet name");
        ValidateName(hotkey, "hotkey name");
        Name = name;
        HotkeyName = hotkey;
        WalletsPath = KeyfilePaths.Expand(path);
        Folder = System.IO.Path.Combine(WalletsPath, name);
        Coldkey = new Keyfile(System.IO.Path.Combine(Folder, "coldkey"));
        ColdkeyPub = new Keyfile(System.IO.Path.Combine(Folder, "coldkeypub.txt"));
        Hotkey = new Keyfile(System.IO.Path.Combine(Folder, "hotkeys", hotkey));
        HotkeyPub = new Keyfile(System.IO.Path.Combine(Folder, "hotkeys", hotkey + "pub.txt"));
    }

    public string Name { get; }
    public string HotkeyName { get; }

    /// <summary>The folder holding all wallets (the --wallet-path).</summary>
    public string WalletsPath { get; }

    /// <summary>This wallet's own folder.</summary>
    public string Folder { get; }

    public Keyfile Coldkey { get; }
    public Keyfile ColdkeyPub { get; }
    public Keyfile Hotkey { get; }
    public Keyfile HotkeyPub { get; }

    /// <summary>The wallets folder from BT_WALLET_PATH, else ~/.bittensor/wallets (btwallet's defaults).</summary>
    public static string EnvironmentWalletsPath => NonEmpty(Environment.GetEnvironmentVariable("BT_WALLET_PATH")) ?? DefaultWalletsPath;
    public static string EnvironmentName => NonEmpty(Environment.GetEnvironmentVariable("BT_WALLET_NAME")) ?? DefaultName;
    public static string EnvironmentHotkey => NonEmpty(Environment.GetEnvironmentVariable("BT_WALLET_HOTKEY")) ?? DefaultHotkey;

    /// <summary>coldkey (plaintext or $NACL) + coldkeypub.txt. Refuses, before writing anything, if either exists and !overwrite.</summary>
    public void WriteColdkey(WalletKeypair keypair, string? password, bool overwrite)
    {
        RequireSecret(keypair, "coldkey");
        EnsureWritable(overwrite, Coldkey, ColdkeyPub);
        Coldkey.Write(keypair.ToKeyfileContent(), password, overwrite);
        ColdkeyPub.Write(keypair.ToKeyfileContent().PublicOnly(), null, overwrite);
    }

    /// <summary>Only coldkeypub.txt (watch-only wallets, miner boxes).</summary>
    public void WriteColdkeyPub(WalletKeypair keypair, bool overwrite)
    {
        EnsureWritable(overwrite, ColdkeyPub);
        ColdkeyPub.Write(keypair.ToKeyfileContent().PublicOnly(), null, overwrite);
    }

    /// <summary>hotkeys/&lt;name&gt; + hotkeys/&lt;name&gt;pub.txt (btwallet ≥ 3.1 writes the pub file too).</summary>
    public void WriteHotkey(WalletKeypair keypair, string? password, bool overwrite)
    {
        RequireSecret(keypair, "hotkey");
        EnsureWritable(overwrite, Hotkey, HotkeyPub);
        Hotkey.Write(keypair.ToKeyfileContent(), password, overwrite);
        HotkeyPub.Write(keypair.ToKeyfileContent().PublicOnly(), null, overwrite);
    }

    public void WriteHotkeyPub(WalletKeypair keypair, bool overwrite)
    {
        EnsureWritable(overwrite, HotkeyPub);
        HotkeyPub.Write(keypair.ToKeyfileContent().PublicOnly(), null, overwrite);
    }

    public WalletKeypair LoadColdkey(IKeyfilePasswordProvider? passwords) => Load(Coldkey, passwords);

    public WalletKeypair LoadColdkeyPub() => Load(ColdkeyPub, null);

    public WalletKeypair LoadHotkey(IKeyfilePasswordProvider? passwords) => Load(Hotkey, passwords);

    /// <summary>The hotkey's public part: from hotkeys/&lt;name&gt;pub.txt, else from the (plaintext) hotkey itself.</summary>
    public WalletKeypair LoadHotkeyPub() => HotkeyPub.Exists ? Load(HotkeyPub, null) : Load(Hotkey, null);

    private static WalletKeypair Load(Keyfile file, IKeyfilePasswordProvider? passwords) =>
        WalletKeypair.FromKeyfileContent(file.Read(passwords));

    private static void RequireSecret(WalletKeypair keypair, string what)
    {
        if (!keypair.CanSign) throw new WalletException($"a {what} needs a secret key; this keypair is public only");
    }

    private static void EnsureWritable(bool overwrite, params Keyfile[] files)
    {
        if (overwrite) return;
        foreach (var file in files)
            if (file.Exists) throw new KeyfileExistsException(file.Path);
    }

    /// <summary>Names become path segments: refuse anything that could escape the wallet folder.</summary>
    private static void ValidateName(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name) || name is "." or ".." || name.IndexOfAny(['/', '\\', '\0']) >= 0)
            throw new WalletException($"invalid {what} '{name}': it must be a plain file name");
    }

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
