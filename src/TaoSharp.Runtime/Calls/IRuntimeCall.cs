namespace TaoSharp.Runtime.Calls;

/// <summary>A decoded call with its arguments, ready to dispatch. Decoding happens before dispatch so the pool can refuse malformed calls.</summary>
public interface IRuntimeCall
{
    /// <summary>Runs the call; aborts by throwing <see cref="DispatchException"/>.</summary>
    void Dispatch(CallContext ctx);

    /// <summary>The call's weight (ref time) for the fee schedule; most calls use their table entry's constant.</summary>
    ulong? Weight => null;
}
