using Microsoft.AspNetCore.Http;

namespace TaoSharp.Sdk;

/// <summary>What a streaming forward writes to: raw chunks, flushed as sent (spec-client §3.8: no SSE framing).</summary>
public sealed class SynapseStreamWriter
{
    private readonly HttpResponse _response;

    internal SynapseStreamWriter(HttpResponse response) => _response = response;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken = default)
    {
        await _response.Body.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        await _response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask SendAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
}
