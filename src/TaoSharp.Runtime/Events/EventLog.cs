namespace TaoSharp.Runtime.Events;

/// <summary>
/// Collects the events of the extrinsic (or block hook) being executed. The executor marks a checkpoint before
/// a call and truncates back to it when the call fails, so a failed call leaves only its failure event.
/// </summary>
public sealed class EventLog
{
    private readonly List<RuntimeEvent> _events = [];

    public IReadOnlyList<RuntimeEvent> Events => _events;

    public void Deposit(RuntimeEvent e) => _events.Add(e);

    public void Deposit(string pallet, string name, params (string Key, string Value)[] fields) =>
        _events.Add(RuntimeEvent.Of(pallet, name, fields));

    public int Checkpoint() => _events.Count;

    public void RollbackTo(int checkpoint) => _events.RemoveRange(checkpoint, _events.Count - checkpoint);

    /// <summary>Returns the collected events and starts a fresh list.</summary>
    public RuntimeEvent[] Drain()
    {
        var all = _events.ToArray();
        _events.Clear();
        return all;
    }
}
