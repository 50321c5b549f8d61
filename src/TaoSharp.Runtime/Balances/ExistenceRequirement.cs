namespace TaoSharp.Runtime.Balances;

/// <summary>Whether a withdrawal may take an account below the existential deposit (and so reap it).</summary>
public enum ExistenceRequirement
{
    /// <summary>The account must keep at least the existential deposit (transfer_keep_alive, fees).</summary>
    KeepAlive,
    /// <summary>The account may be emptied; a remainder below the existential deposit is burned as dust.</summary>
    AllowDeath,
}
