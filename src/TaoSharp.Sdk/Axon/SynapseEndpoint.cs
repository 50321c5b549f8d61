using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TaoSharp.Sdk;

/// <summary>One route of the axon: runs the request pipeline of spec-client §3.5 for one synapse type.</summary>
internal interface ISynapseEndpoint
{
    Task HandleAsync(HttpContext context);
}

/// <summary>
/// The pipeline, in Python's order: headers → (size bound) → blacklist → default verification (nonce, signature)
/// then the user's verify → priority → body (JSON, body hash) → forward. Everything before the body runs on the
/// synapse built from headers, so a replayed, unsigned or blacklisted request never reaches user code.
/// </summary>
internal abstract class SynapseEndpoint<TSynapse>(AxonIdentity axon, AxonHooks<TSynapse> hooks) : ISynapseEndpoint
    where TSynapse : Synapse, new()
{
    protected AxonIdentity Axon { get; } = axon;

    public async Task HandleAsync(HttpContext context)
    {
        long started = Stopwatch.GetTimestamp();
        HttpRequest request = context.Request;
        IHeaderDictionary headers = request.Headers;
        string? Header(string name) => headers.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

        // 2. Build the synapse from headers and fill in the axon's side.
        var synapse = new TSynapse();
        long axonNonce = UnixNanos.Now(Axon.Options.Clock);
        synapse.Axon = new TerminalInfo
        {
            StatusCode = 100,
            Version = Axon.Options.Version,
            Uuid = Axon.Uuid,
            Nonce = axonNonce,
            Hotkey = Axon.HotkeySs58,
        };
        try
        {
            synapse.Dendrite = SynapseHeaders.ReadTerminal(Header, SynapseHeaders.DendritePrefix, strict: true);
            synapse.Timeout = SynapseHeaders.ParseFloat(Header(SynapseHeaders.Timeout), SynapseHeaders.Timeout, strict: true) ?? 12.0;
        }
        catch (FormatException e)
        {
            synapse.Dendrite ??= new TerminalInfo();
            await RespondErrorAsync(context, synapse, axonNonce, started, 400, AxonStatus.BadHeaders(e.Message)).ConfigureAwait(false);
            return;
        }
        synapse.Dendrite.Ip = context.Connection.RemoteIpAddress?.ToString();
        synapse.Dendrite.Port = context.Connection.RemotePort;

        long limit = Axon.Options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            await RespondErrorAsync(context, synapse, axonNonce, started, 413, AxonStatus.PayloadTooLarge(limit)).ConfigureAwait(false);
            return;
        }

        // 3. Blacklist.
        if (hooks.Blacklist is { } blacklist)
        {
            BlacklistVerdict verdict;
            try { verdict = blacklist(synapse); }
            catch (Exception e) { verdict = BlacklistVerdict.Deny(e.Message); }
            if (verdict.IsBlacklisted)
            {
                await RespondErrorAsync(context, synapse, axonNonce, started, 403, AxonStatus.Blacklisted(verdict.Reason)).ConfigureAwait(false);
                return;
            }
        }

        // 4. Verification: always the default (nonce + signature), then the user's hook.
        string bodyHashHeader = Header(SynapseHeaders.ComputedBodyHash) ?? "";
        string? notVerified = DefaultVerify(synapse, bodyHashHeader);
        if (notVerified is null && hooks.Verify is { } verify)
        {
            try { verify(synapse); }
            catch (Exception e) { notVerified = e.Message; }
        }
        if (notVerified is not null)
        {
            await RespondErrorAsync(context, synapse, axonNonce, started, 401, AxonStatus.NotVerified(notVerified)).ConfigureAwait(false);
            return;
        }

        // 5. Priority: informational, as in Python (it does not reorder work).
        if (hooks.Priority is { } priority)
        {
            try { _ = priority(synapse); }
            catch (Exception e)
            {
                await RespondErrorAsync(context, synapse, axonNonce, started, 503, e.Message).ConfigureAwait(false);
                return;
            }
        }

        // 6. Body: bounded read, typed parse (422 like FastAPI), body hash against the signed header value (500).
        byte[]? body = await ReadBodyAsync(context, limit).ConfigureAwait(false);
        if (body is null)
        {
            await RespondErrorAsync(context, synapse, axonNonce, started, 413, AxonStatus.PayloadTooLarge(limit)).ConfigureAwait(false);
            return;
        }
        TSynapse fromBody;
        try
        {
            fromBody = SynapseJson.Deserialize<TSynapse>(body);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            await RespondValidationErrorAsync(context, e.Message).ConfigureAwait(false);
            return;
        }
        fromBody.Dendrite ??= new TerminalInfo();
        fromBody.Axon ??= new TerminalInfo();
        if (!string.Equals(BodyHash.Compute(fromBody), bodyHashHeader, StringComparison.Ordinal))
        {
            await RespondErrorAsync(context, synapse, axonNonce, started, 500, AxonStatus.InternalError()).ConfigureAwait(false);
            return;
        }

        // 7. Forward (subclasses: a plain answer or a stream).
        await ForwardAsync(context, synapse, fromBody, axonNonce, started).ConfigureAwait(false);
    }

    protected abstract Task ForwardAsync(HttpContext context, TSynapse fromHeaders, TSynapse fromBody, long axonNonce, long started);

    /// <summary>The Python default_verify, except that a missing signature is rejected (spec-client §3.5 SHOULD).</summary>
    private string? DefaultVerify(TSynapse synapse, string bodyHash)
    {
        TerminalInfo dendrite = synapse.Dendrite!;
        if (dendrite.Nonce is not { } nonce) return "Missing Nonce";
        if (dendrite.Hotkey is null) return "Missing Hotkey";
        if (dendrite.Signature is null) return "Missing Signature";

        string endpointKey = $"{dendrite.Hotkey}:{dendrite.Uuid ?? "None"}";
        long now = UnixNanos.Now(Axon.Options.Clock);
        double timeout = System.Math.Clamp(synapse.Timeout ?? 12.0, 0, Axon.Options.MaxTimeoutSeconds);
        if (Axon.Nonces.Check(endpointKey, nonce, now, timeout) is { } stale) return stale;

        string message = WireSignatures.DendriteMessage(nonce, dendrite.Hotkey, Axon.HotkeySs58, dendrite.Uuid, bodyHash);
        if (!Axon.CallerKeys.TryGet(dendrite.Hotkey, out byte[] callerKey) || !WireSignatures.Verify(callerKey, message, dendrite.Signature))
            return $"Signature mismatch with {message} and {dendrite.Signature}";

        return Axon.Nonces.TryCommit(endpointKey, nonce, now) ? null : "Nonce is too old, a newer one was last processed";
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, long limit)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;
        try
        {
            if (context.Request.ContentLength is { } length)
            {
                var exact = new byte[length];
                await context.Request.Body.ReadExactlyAsync(exact, context.RequestAborted).ConfigureAwait(false);
                return exact;
            }
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit) return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    /// <summary>Error: HTTP status = axon status, body <c>{"message": …}</c>, headers of the header-built synapse incl. the axon signature.</summary>
    protected async Task RespondErrorAsync(HttpContext context, TSynapse synapse, long axonNonce, long started, int status, string message)
    {
        synapse.Axon ??= new TerminalInfo();
        synapse.Axon.StatusCode = status;
        synapse.Axon.StatusMessage = message;
        synapse.Axon.ProcessTime = Stopwatch.GetElapsedTime(started).TotalSeconds;
        // Signed lazily: only error responses carry the axon signature (spec-client §3.7), so success paths skip the cost.
        synapse.Axon.Signature = WireSignatures.Sign(Axon.Hotkey,
            WireSignatures.AxonMessage(axonNonce, synapse.Dendrite?.Hotkey, Axon.HotkeySs58, Axon.Uuid));

        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["message"] = message });
        HttpResponse response = context.Response;
        response.StatusCode = status;
        string bodyHash = context.Request.Headers.TryGetValue(SynapseHeaders.ComputedBodyHash, out var h) && h.Count > 0 ? h[0]! : "";
        foreach (var (name, value) in SynapseHeaders.ToHeaders(synapse, bodyHash, body.Length))
            response.Headers.Append(name, value);
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task RespondValidationErrorAsync(HttpContext context, string detail)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new { detail = new[] { new { type = "json_invalid", msg = detail } } });
        context.Response.StatusCode = 422;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Success headers: the answered synapse's to_headers() with axon status 200 "Success" and the process time.</summary>
    protected static void MarkSuccess(TSynapse answer, long started)
    {
        answer.Axon ??= new TerminalInfo();
        answer.Axon.StatusCode = 200;
        answer.Axon.StatusMessage = AxonStatus.Success;
        answer.Axon.ProcessTime = Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}

/// <summary>A request/response synapse: forward returns the answered synapse, sent back as JSON.</summary>
internal sealed class UnarySynapseEndpoint<TSynapse>(
    AxonIdentity axon, AxonHooks<TSynapse> hooks, Func<TSynapse, CancellationToken, Task<TSynapse>> forward)
    : SynapseEndpoint<TSynapse>(axon, hooks)
    where TSynapse : Synapse, new()
{
    protected override async Task ForwardAsync(HttpContext context, TSynapse fromHeaders, TSynapse fromBody, long axonNonce, long started)
    {
        TSynapse answer;
        try
        {
            answer = await forward(fromBody, context.RequestAborted).ConfigureAwait(false) ?? fromBody;
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Python hides the exception text behind a reference number unless forward set a status message.
            string message = fromBody.Axon?.StatusMessage ?? AxonStatus.InternalError();
            await RespondErrorAsync(context, fromHeaders, axonNonce, started, 500, message).ConfigureAwait(false);
            return;
        }

        MarkSuccess(answer, started);
        byte[] body = SynapseJson.Serialize(answer);
        HttpResponse response = context.Response;
        response.StatusCode = 200;
        foreach (var (name, value) in SynapseHeaders.ToHeaders(answer, BodyHash.Compute(answer), body.Length))
            response.Headers.Append(name, value);
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>A streaming synapse: headers first (200, text/event-stream), then the chunks the streamer sends.</summary>
internal sealed class StreamingSynapseEndpoint<TSynapse>(
    AxonIdentity axon, AxonHooks<TSynapse> hooks, Func<TSynapse, SynapseStreamWriter, CancellationToken, Task> streamer)
    : SynapseEndpoint<TSynapse>(axon, hooks)
    where TSynapse : StreamingSynapse, new()
{
    protected override async Task ForwardAsync(HttpContext context, TSynapse fromHeaders, TSynapse fromBody, long axonNonce, long started)
    {
        MarkSuccess(fromBody, started);
        HttpResponse response = context.Response;
        response.StatusCode = 200;
        foreach (var (name, value) in SynapseHeaders.ToHeaders(fromBody, BodyHash.Compute(fromBody), 0))
            response.Headers.Append(name, value);
        response.ContentType = "text/event-stream";
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        // Once headers are out the status cannot change; a failing streamer just ends the stream (the client sees it cut).
        try
        {
            await streamer(fromBody, new SynapseStreamWriter(response), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            context.Abort();
        }
    }
}
