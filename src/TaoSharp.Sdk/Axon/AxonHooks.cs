namespace TaoSharp.Sdk;

/// <summary>The blacklist hook's answer: blacklisted callers get 403 <c>Forbidden. Key is blacklisted: {Reason}.</c></summary>
public readonly record struct BlacklistVerdict(bool IsBlacklisted, string Reason)
{
    public static BlacklistVerdict Allow(string reason = "Allowed") => new(false, reason);

    public static BlacklistVerdict Deny(string reason) => new(true, reason);
}

/// <summary>
/// User hooks of one attached synapse, all run on the synapse built from headers (custom fields are defaults),
/// before the body is read: blacklist (403), verify (throw to reject: 401; runs after, never instead of, the
/// nonce and signature checks), priority (informational, like Python: it does not reorder work; a throw gives 503).
/// </summary>
public sealed record AxonHooks<TSynapse>(
    Func<TSynapse, BlacklistVerdict>? Blacklist = null,
    Action<TSynapse>? Verify = null,
    Func<TSynapse, double>? Priority = null)
    where TSynapse : Synapse;
