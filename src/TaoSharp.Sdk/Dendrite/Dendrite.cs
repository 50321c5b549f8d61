using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TaoSharp.Crypto;
using TaoSharp.Crypto.Ss58;

namespace TaoSharp.Sdk;

/// <summary>
/// A validator's client (spec-client §3): signs each synapse for its target axon and POSTs it with the
/// <c>bt_header_*</c> headers over one pooled HttpClient; <see cref="QueryAsync{TSynapse}"/> calls many axons
/// concurrently. Every outcome, including timeouts and refused connections, comes back as a synapse whose
/// <c>dendrite.status_code</c> says what happened (spec-client §3.6) — calls never throw for network errors.
/// </summary>
public sealed class Dendrite : IDisposable
{
    private readonly Sr25519KeyPair _hotkey;
    private readonly DendriteOptions _options;
    private readonly HttpClient _http;
    private readonly NonceClock _nonces;
    private readonly CallerLanes _lanes = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Ip, int Port, string Name), Uri> _endpoints = new();

    /// <param name="hotkey">Signs requests; the caller keeps ownership.</param>
    public Dendrite(Sr25519KeyPair hotkey, DendriteOptions? options = null)
    {
        _hotkey = hotkey;
        _options = options ?? new DendriteOptions();
        Hotkey = Ss58Address.Encode(hotkey.PublicKey);
        _nonces = new NonceClock(_options.Clock);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            MaxConnectionsPerServer = 256,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = Timeout.InfiniteTimeSpan, // the per-call total timeout governs
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>SS58 address of the dendrite's hotkey.</summary>
    public string Hotkey { get; }

    /// <summary>Calls every axon concurrently with its own copy of <paramref name="synapse"/>; results are in axon order.</summary>
    public Task<TSynapse[]> QueryAsync<TSynapse>(
        IReadOnlyList<AxonTarget> axons, TSynapse synapse, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TSynapse : Synapse
    {
        var calls = new Task<TSynapse>[axons.Count];
        for (int i = 0; i < calls.Length; i++) calls[i] = CallAsync(axons[i], synapse, timeout, cancellationToken);
        return Task.WhenAll(calls);
    }

    /// <summary>One call. <paramref name="synapse"/> is not modified; the answer is a new instance.</summary>
    public async Task<TSynapse> CallAsync<TSynapse>(
        AxonTarget axon, TSynapse synapse, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TSynapse : Synapse
    {
        TimeSpan total = timeout ?? _options.DefaultTimeout;
        long started = Stopwatch.GetTimestamp();
        string lane = _lanes.Rent();
        // A shallow copy suffices here (Python sends model_copy() too): Prepare replaces the timeout and both terminals
        // with new objects, a 200 answer is a fresh instance parsed from the body, and the failure paths only touch the
        // new terminals. Streaming, whose chunks accumulate into custom fields, keeps a deep JSON clone.
        var local = (TSynapse)synapse.ShallowCopy();
        try
        {
            using HttpRequestMessage request = Prepare(axon, local, total, lane);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(total);
            try
            {
                using HttpResponseMessage response = await _http
                    .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                byte[] body = await ReadBoundedAsync(response.Content, deadline.Token).ConfigureAwait(false);
                TSynapse answer = MergeResponse(local, response, body);
                return Finish(answer, started);
            }
            catch (Exception e) when (IsCallFailure(e))
            {
                SetFailure(local, axon, total, e, deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested);
                return Finish(local, started);
            }
        }
        finally
        {
            _lanes.Return(lane);
        }
    }

    /// <summary>
    /// A streaming call (spec-client §3.8): yields raw chunks as they arrive (each also passed to
    /// <see cref="StreamingSynapse.AccumulateChunk"/>), then the final synapse with the header merge applied.
    /// The timeout is total (connect + stream); failures end with a final synapse carrying the status.
    /// </summary>
    public async IAsyncEnumerable<SynapseStreamEvent<TSynapse>> StreamAsync<TSynapse>(
        AxonTarget axon, TSynapse synapse, TimeSpan? timeout = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TSynapse : StreamingSynapse
    {
        TimeSpan total = timeout ?? _options.DefaultTimeout;
        long started = Stopwatch.GetTimestamp();
        string lane = _lanes.Rent();
        TSynapse local = SynapseJson.Clone(synapse);
        using HttpRequestMessage request = Prepare(axon, local, total, lane);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(total);
        HttpResponseMessage? response = null;
        Exception? failure = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (IsCallFailure(e))
        {
            failure = e;
        }
        _lanes.Return(lane); // the axon has checked (or will never see) this nonce once headers are back

        if (response is null)
        {
            SetFailure(local, axon, total, failure!, deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested);
            yield return new SynapseStreamEvent<TSynapse>(default, Finish(local, started));
            yield break;
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                byte[] errorBody = [];
                try { errorBody = await ReadBoundedAsync(response.Content, deadline.Token).ConfigureAwait(false); }
                catch (Exception e) when (IsCallFailure(e)) { }
                yield return new SynapseStreamEvent<TSynapse>(default, Finish(MergeResponse(local, response, errorBody, streaming: true), started));
                yield break;
            }

            Stream? stream = null;
            try { stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false); }
            catch (Exception e) when (IsCallFailure(e)) { failure = e; }
            if (stream is not null)
            {
                await using (stream.ConfigureAwait(false))
                {
                    var buffer = new byte[16 * 1024];
                    while (true)
                    {
                        int read = 0;
                        try { read = await stream.ReadAsync(buffer, deadline.Token).ConfigureAwait(false); }
                        catch (Exception e) when (IsCallFailure(e)) { failure = e; }
                        if (failure is not null || read == 0) break;
                        byte[] chunk = buffer.AsSpan(0, read).ToArray();
                        local.AccumulateChunk(chunk);
                        yield return new SynapseStreamEvent<TSynapse>(chunk, null);
                    }
                }
            }

            if (failure is not null)
            {
                SetFailure(local, axon, total, failure, deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested);
                yield return new SynapseStreamEvent<TSynapse>(default, Finish(local, started));
                yield break;
            }
            yield return new SynapseStreamEvent<TSynapse>(default, Finish(MergeResponse(local, response, [], streaming: true), started));
        }
    }

    /// <summary>Fills the dendrite/axon terminals, signs, and builds the POST with body and bt_header_* headers.</summary>
    private HttpRequestMessage Prepare<TSynapse>(AxonTarget axon, TSynapse synapse, TimeSpan timeout, string lane)
        where TSynapse : Synapse
    {
        synapse.Timeout = timeout.TotalSeconds;
        long nonce = _nonces.Next();
        synapse.Dendrite = new TerminalInfo { Ip = _options.ExternalIp, Version = _options.Version, Nonce = nonce, Uuid = lane, Hotkey = Hotkey };
        synapse.Axon = new TerminalInfo { Ip = axon.Ip, Port = axon.Port, Hotkey = axon.Hotkey };
        string bodyHash = BodyHash.Compute(synapse);
        synapse.Dendrite.Signature = WireSignatures.Sign(_hotkey, WireSignatures.DendriteMessage(nonce, Hotkey, axon.Hotkey, lane, bodyHash));

        byte[] body = SynapseJson.Serialize(synapse);
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(axon, synapse.Name))
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version11,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in SynapseHeaders.ToHeaders(synapse, bodyHash, body.Length))
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private Uri Endpoint(AxonTarget axon, string name)
    {
        // Parsing a Uri per request is measurable at thousands of calls/s; validators call the same few hundred axons.
        var key = (axon.Ip, axon.Port, name);
        if (_endpoints.TryGetValue(key, out Uri? cached)) return cached;
        if (_endpoints.Count >= MaxCachedEndpoints) _endpoints.Clear();
        return _endpoints[key] = BuildEndpoint(axon, name);
    }

    private const int MaxCachedEndpoints = 4096;

    private Uri BuildEndpoint(AxonTarget axon, string name)
    {
        // Same-machine shortcut of the Python dendrite, with 127.0.0.1 instead of 0.0.0.0.
        string host = axon.Ip == _options.ExternalIp ? "127.0.0.1" : axon.Ip;
        if (IPAddress.TryParse(host, out IPAddress? ip) && ip.AddressFamily == AddressFamily.InterNetworkV6) host = "[" + host + "]";
        return new Uri($"http://{host}:{axon.Port}/{name}");
    }

    private async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        long limit = _options.MaxResponseBodyBytes;
        if (content.Headers.ContentLength > limit) throw new ResponseTooLargeException(limit);
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream(content.Headers.ContentLength is { } n ? (int)n : 4096);
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit) throw new ResponseTooLargeException(limit);
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }

    /// <summary>The merge of spec-client §3.7: server fields on 200, else the error message; then header overlay.</summary>
    private static TSynapse MergeResponse<TSynapse>(TSynapse local, HttpResponseMessage response, byte[] body, bool streaming = false)
        where TSynapse : Synapse
    {
        int status = (int)response.StatusCode;
        TSynapse result = local;
        if (status == 200 && !streaming)
        {
            // Python copies every field of the server's synapse onto the local one: the server's instance is that result.
            result = (TSynapse)(JsonSerializer.Deserialize(body, local.GetType(), SynapseJson.Options)
                                ?? throw new JsonException("the response body is JSON null"));
            result.Dendrite ??= local.Dendrite;
            result.Axon ??= local.Axon;
        }
        else if (status != 200)
        {
            result.Axon ??= new TerminalInfo();
            result.Axon.StatusCode = status;
            result.Axon.StatusMessage = ErrorMessage(body);
        }

        // NonValidated: the raw header value without HttpHeaders' per-name parsing and enumerator allocation.
        string? Header(string name) => FirstValue(response.Headers, name);
        result.Dendrite ??= new TerminalInfo();
        result.Axon ??= new TerminalInfo();
        result.Dendrite.Overlay(SynapseHeaders.ReadTerminal(Header, SynapseHeaders.DendritePrefix, strict: false));
        result.Axon.Overlay(SynapseHeaders.ReadTerminal(Header, SynapseHeaders.AxonPrefix, strict: false));
        if (status != 200) result.Axon.StatusCode = status; // the HTTP status is authoritative for errors
        result.Dendrite.StatusCode = result.Axon.StatusCode;
        result.Dendrite.StatusMessage = result.Axon.StatusMessage;
        return result;
    }

    private static string? FirstValue(HttpResponseHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out HeaderStringValues values)) return null;
        foreach (string value in values) return value;
        return null;
    }

    /// <summary><c>{"message": …}</c> of an axon error; FastAPI's 422 has none, so null like Python.</summary>
    private static string? ErrorMessage(byte[] body)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsCallFailure(Exception e) =>
        e is HttpRequestException or OperationCanceledException or IOException or JsonException
            or ResponseTooLargeException or NotSupportedException or InvalidOperationException;

    /// <summary>Client-side outcomes of spec-client §3.6, written to the dendrite terminal.</summary>
    private static void SetFailure(Synapse synapse, AxonTarget axon, TimeSpan timeout, Exception e, bool timedOut)
    {
        (int code, string message) = e switch
        {
            OperationCanceledException when timedOut => (408, $"Request timeout after {PythonRepr.Float(timeout.TotalSeconds)} seconds"),
            OperationCanceledException => (408, "Request cancelled"),
            HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable } }
                => (503, $"Service unavailable at {axon.Ip}:{axon.Port}/{synapse.Name}"),
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => (503, $"Service disconnected: {e.Message}"),
            HttpRequestException or IOException => (503, $"Service connection error: {e.Message}"),
            ResponseTooLargeException => (400, $"Payload error: {e.Message}"),
            _ => (422, $"Failed to parse response: {e.Message}"),
        };
        synapse.Dendrite ??= new TerminalInfo();
        synapse.Dendrite.StatusCode = code;
        synapse.Dendrite.StatusMessage = message;
    }

    private static TSynapse Finish<TSynapse>(TSynapse synapse, long started) where TSynapse : Synapse
    {
        synapse.Dendrite ??= new TerminalInfo();
        synapse.Dendrite.ProcessTime = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return synapse;
    }

    public void Dispose() => _http.Dispose();

    private sealed class ResponseTooLargeException(long limit)
        : Exception($"the response body exceeds the dendrite limit of {limit} bytes");
}
