using System.Collections.Concurrent;

namespace TaoSharp.Sdk;

/// <summary>
/// The dendrite uuids used as nonce lanes. An axon keeps one last-nonce per <c>hotkey:uuid</c>, so two concurrent
/// requests under one uuid can arrive out of order and the later-signed one wins, failing the other. Each in-flight
/// request therefore borrows a lane no other request is using (spec-client §3.5 concurrency note); lanes are
/// reused, so an axon sees about as many uuids as the dendrite's peak concurrency.
/// </summary>
internal sealed class CallerLanes
{
    private readonly ConcurrentBag<string> _free = new();

    public string Rent() => _free.TryTake(out string? lane) ? lane : Guid.NewGuid().ToString();

    public void Return(string lane) => _free.Add(lane);
}
