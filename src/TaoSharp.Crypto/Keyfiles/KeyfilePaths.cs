namespace TaoSharp.Crypto.Keyfiles;

/// <summary>Path helpers shared by keyfiles and wallets.</summary>
public static class KeyfilePaths
{
    /// <summary>Expands a leading <c>~</c> to the user's home folder and makes the path absolute.</summary>
    public static string Expand(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
            path = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..];
        return Path.GetFullPath(path);
    }
}
