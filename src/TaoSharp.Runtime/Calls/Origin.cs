using TaoSharp.Primitives;

namespace TaoSharp.Runtime.Calls;

/// <summary>Who dispatches a call: a signed account, or Root (sudo / genesis / block hooks).</summary>
public readonly record struct Origin
{
    private readonly AccountId _signer;

    private Origin(bool isRoot, AccountId signer)
    {
        IsRoot = isRoot;
        _signer = signer;
    }

    public bool IsRoot { get; }

    public static Origin Root => new(true, default);

    public static Origin Signed(AccountId who) => new(false, who);

    /// <summary>The signing account; Root is refused with BadOrigin (ensure_signed).</summary>
    public AccountId EnsureSigned() => IsRoot ? throw new DispatchException(DispatchError.BadOrigin, "a signed origin is required") : _signer;

    /// <summary>Refuses anything but Root with BadOrigin (ensure_root).</summary>
    public void EnsureRoot()
    {
        if (!IsRoot) throw new DispatchException(DispatchError.BadOrigin, "the root origin is required");
    }

    public override string ToString() => IsRoot ? "Root" : $"Signed({_signer.ToHex()})";
}
