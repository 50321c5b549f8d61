using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace TaoSharp.Sdk.Client;

/// <summary>
/// Notifications of one subscription, in arrival order. Bounded: a consumer that stops reading loses the oldest
/// notifications rather than letting the client's memory grow without limit.
/// </summary>
public sealed class SubscriptionStream
{
    public const int Capacity = 1024;

    private readonly Channel<JsonNode?> _channel = Channel.CreateBounded<JsonNode?>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    internal void Post(JsonNode? result) => _channel.Writer.TryWrite(result);

    internal void Complete(Exception? error = null) => _channel.Writer.TryComplete(error);

    /// <summary>The next notification's result; throws <see cref="ChainConnectionException"/> if the connection closed.</summary>
    public async Task<JsonNode?> NextAsync(CancellationToken ct)
    {
        try
        {
            return await _channel.Reader.ReadAsync(ct).ConfigureAwait(false);
        }
        catch (ChannelClosedException e)
        {
            throw e.InnerException as ChainConnectionException ?? new ChainConnectionException("the subscription ended: connection closed", e);
        }
    }
}
