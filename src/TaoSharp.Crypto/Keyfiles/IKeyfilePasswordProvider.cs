namespace TaoSharp.Crypto.Keyfiles;

/// <summary>Supplies the password of an encrypted keyfile (an environment variable, a prompt, a test fixture…).</summary>
public interface IKeyfilePasswordProvider
{
    /// <summary>The password to try, or null when none is available (the read then fails with a clear error).</summary>
    string? GetPassword(Keyfile keyfile);
}

/// <summary>A fixed password, for callers that already asked for it.</summary>
public sealed class FixedPasswordProvider(string password) : IKeyfilePasswordProvider
{
    public string? GetPassword(Keyfile keyfile) => password;
}

/// <summary>btwallet's <c>BT_PW_&lt;PATH&gt;</c> environment convention only.</summary>
public sealed class EnvironmentPasswordProvider : IKeyfilePasswordProvider
{
    public string? GetPassword(Keyfile keyfile) => KeyfilePasswordEnvironment.TryGet(keyfile.Path);
}
