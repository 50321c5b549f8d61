using System.Text;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Sdk.Queries;

namespace TaoSharp.Sdk.Transactions;

/// <summary>
/// Identity, symbol and owner-hotkey calls (spec-dtao §6.6). Text fields go on chain as UTF-8 <c>Vec&lt;u8&gt;</c>;
/// <see cref="IdentityLimits"/> checks the chain's length rules before a fee is spent.
/// </summary>
public static partial class Calls
{
    /// <summary>set_identity(name, url, github_repo, image, discord, description, additional) (68), signed by the coldkey.</summary>
    public static byte[] SetIdentity(ChainIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var w = Begin(SubtensorModule, 68);
        WriteTexts(w, identity.Name, identity.Url, identity.GithubRepo, identity.Image, identity.Discord, identity.Description, identity.Additional);
        return w.ToArray();
    }

    /// <summary>set_subnet_identity(netuid, subnet_name, github_repo, subnet_contact, subnet_url, discord, description, logo_url, additional) (78), by the owner.</summary>
    public static byte[] SetSubnetIdentity(NetUid netuid, SubnetIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var w = Begin(SubtensorModule, 78);
        w.WriteU16(netuid.Value);
        WriteSubnetIdentity(w, identity);
        return w.ToArray();
    }

    /// <summary>register_network_with_identity(hotkey, identity: Option&lt;SubnetIdentityV3&gt;) (79).</summary>
    public static byte[] RegisterNetworkWithIdentity(AccountId hotkey, SubnetIdentity? identity)
    {
        var w = Begin(SubtensorModule, 79);
        w.WriteFixed(hotkey.AsSpan());
        if (identity is null)
        {
            w.WriteU8(0);
        }
        else
        {
            w.WriteU8(1);
            WriteSubnetIdentity(w, identity);
        }
        return w.ToArray();
    }

    /// <summary>update_symbol(netuid, symbol) (112), by the owner or root; the symbol must be one of the chain's table.</summary>
    public static byte[] UpdateSymbol(NetUid netuid, string symbol)
    {
        var w = Begin(SubtensorModule, 112);
        w.WriteU16(netuid.Value);
        w.WriteBytes(Encoding.UTF8.GetBytes(symbol));
        return w.ToArray();
    }

    /// <summary>AdminUtils sudo_set_subnet_owner_hotkey(netuid, hotkey) (64), by the owner or root; once per 50 400 blocks.</summary>
    public static byte[] SetSubnetOwnerHotkey(NetUid netuid, AccountId hotkey)
    {
        var w = Begin(AdminUtils, 64);
        w.WriteU16(netuid.Value);
        w.WriteFixed(hotkey.AsSpan());
        return w.ToArray();
    }

    private static void WriteSubnetIdentity(ScaleWriter w, SubnetIdentity i) =>
        WriteTexts(w, i.SubnetName, i.GithubRepo, i.SubnetContact, i.SubnetUrl, i.Discord, i.Description, i.LogoUrl, i.Additional);

    private static void WriteTexts(ScaleWriter w, params string[] texts)
    {
        foreach (var t in texts) w.WriteBytes(Encoding.UTF8.GetBytes(t));
    }
}

/// <summary>The chain's identity length rules (bytes of UTF-8), so a client can refuse before paying a fee.</summary>
public static class IdentityLimits
{
    /// <summary>The first field over its limit as "name (N bytes, at most M)", or null when the identity is valid.</summary>
    public static string? Check(SubnetIdentity i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return First(("subnet_name", i.SubnetName, 256), ("github_repo", i.GithubRepo, 1024), ("subnet_contact", i.SubnetContact, 1024),
            ("subnet_url", i.SubnetUrl, 1024), ("discord", i.Discord, 256), ("description", i.Description, 1024), ("logo_url", i.LogoUrl, 1024),
            ("additional", i.Additional, 1024));
    }

    /// <inheritdoc cref="Check(SubnetIdentity)"/>
    public static string? Check(ChainIdentity i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return First(("name", i.Name, 256), ("url", i.Url, 256), ("github_repo", i.GithubRepo, 256), ("image", i.Image, 1024),
            ("discord", i.Discord, 256), ("description", i.Description, 1024), ("additional", i.Additional, 1024));
    }

    private static string? First(params (string Name, string Text, int Max)[] fields)
    {
        foreach (var (name, text, max) in fields)
        {
            var n = Encoding.UTF8.GetByteCount(text);
            if (n > max) return $"{name} ({n} bytes, at most {max})";
        }
        return null;
    }
}
