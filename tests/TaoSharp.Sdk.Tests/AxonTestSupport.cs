using System.Net.Http.Headers;
using System.Security.Cryptography;
using TaoSharp.Crypto;
using TaoSharp.Crypto.Ss58;

namespace TaoSharp.Sdk.Tests;

/// <summary>A started axon on loopback with a fresh hotkey, plus hand-built requests for the negative tests.</summary>
public sealed class AxonHarness : IAsyncDisposable
{
    public Sr25519KeyPair AxonKey { get; } = NewKey();
    public Sr25519KeyPair CallerKey { get; } = NewKey();
    public Axon Axon { get; }
    public HttpClient Http { get; } = new();
    public int ForwardCalls;

    public AxonHarness(AxonOptions? options = null, Func<Dummy, BlacklistVerdict>? blacklist = null, TimeSpan? forwardDelay = null, Action<Dummy>? verify = null)
    {
        Axon = new Axon(AxonKey, options);
        Axon.Attach<Dummy>(async (d, ct) =>
        {
            Interlocked.Increment(ref ForwardCalls);
            if (forwardDelay is { } delay) await Task.Delay(delay, ct);
            d.DummyOutput = d.DummyInput * 2;
            return d;
        }, blacklist, verify: verify);
    }

    public static Sr25519KeyPair NewKey() => Sr25519KeyPair.FromMiniSecret(RandomNumberGenerator.GetBytes(32));

    public static string Ss58(Sr25519KeyPair key) => Ss58Address.Encode(key.PublicKey);

    public async Task<AxonHarness> StartAsync()
    {
        await Axon.StartAsync();
        return this;
    }

    public AxonTarget Target => new("127.0.0.1", Axon.Port, Axon.Hotkey);

    /// <summary>A Dummy request built like a dendrite builds it, with every part overridable for tampering.</summary>
    public HttpRequestMessage Request(int input = 3, long? nonce = null, string uuid = "lane-1", string? signFor = null,
        Sr25519KeyPair? signer = null, bool sign = true, string? bodyHashOverride = null, int? bodyInputOverride = null,
        string? signatureOverride = null, double timeout = 12.0)
    {
        var d = new Dummy { DummyInput = input, Timeout = timeout };
        long n = nonce ?? UnixNanos.Now(TimeProvider.System);
        d.Dendrite = new TerminalInfo { Ip = "127.0.0.1", Version = ProtocolVersion.Current, Nonce = n, Uuid = uuid, Hotkey = Ss58(signer ?? CallerKey) };
        d.Axon = new TerminalInfo { Ip = "127.0.0.1", Port = Axon.Port, Hotkey = Axon.Hotkey };
        string hash = bodyHashOverride ?? BodyHash.Compute(d);
        if (sign)
        {
            d.Dendrite.Signature = signatureOverride ?? WireSignatures.Sign(CallerKey,
                WireSignatures.DendriteMessage(n, d.Dendrite.Hotkey, signFor ?? Axon.Hotkey, uuid, hash));
        }
        var headers = SynapseHeaders.ToHeaders(d, hash, 0);
        if (bodyInputOverride is { } other) d.DummyInput = other;
        return Raw(headers, SynapseJson.Serialize(d));
    }

    public HttpRequestMessage Raw(IEnumerable<KeyValuePair<string, string>> headers, byte[] body, string route = "Dummy")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{Axon.Port}/{route}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v);
        return request;
    }

    public async Task<(int Status, string? Message, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        HttpResponseMessage response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        string? message = null;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("message", out var m)) message = m.GetString();
        }
        catch (System.Text.Json.JsonException) { }
        return ((int)response.StatusCode, message, response);
    }

    public async ValueTask DisposeAsync()
    {
        await Axon.DisposeAsync();
        Http.Dispose();
        AxonKey.Dispose();
        CallerKey.Dispose();
    }
}
