using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Calls;

/// <summary>What a call sees while it runs: the state overlay, its origin, the block it is in, and the event log.</summary>
public sealed class CallContext(StateOverlay state, Origin origin, BlockNumber block, EventLog events)
{
    public StateOverlay State { get; } = state;
    public Origin Origin { get; } = origin;
    public BlockNumber Block { get; } = block;
    public EventLog Events { get; } = events;

    /// <summary>The same context with another origin (sudo dispatches its inner call as Root).</summary>
    public CallContext WithOrigin(Origin origin) => new(State, origin, Block, Events);

    /// <summary>
    /// Runs an action in a nested storage transaction: on a DispatchException its writes and events are undone
    /// and the error is returned; null means success.
    /// </summary>
    public DispatchException? Transactional(Action action)
    {
        var checkpoint = Events.Checkpoint();
        State.BeginTransaction();
        try
        {
            action();
            State.CommitTransaction();
            return null;
        }
        catch (DispatchException e)
        {
            State.RollbackTransaction();
            Events.RollbackTo(checkpoint);
            return e;
        }
        catch
        {
            State.RollbackTransaction();
            Events.RollbackTo(checkpoint);
            throw;
        }
    }
}
