using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TaoSharp.Crypto;

namespace TaoSharp.Sdk;

/// <summary>
/// A miner's server (spec-client §3): Kestrel serving <c>POST|GET /{SynapseName}</c> for every attached synapse plus
/// the built-in <c>/Synapse</c> ping. Attach synapses, then <see cref="StartAsync"/>.
/// </summary>
public sealed class Axon : IAsyncDisposable
{
    private readonly AxonIdentity _identity;
    private readonly Dictionary<string, ISynapseEndpoint> _endpoints = new(StringComparer.Ordinal);
    private WebApplication? _app;

    /// <param name="hotkey">Signs axon messages; the caller keeps ownership (the axon does not dispose it).</param>
    public Axon(Sr25519KeyPair hotkey, AxonOptions? options = null)
    {
        _identity = new AxonIdentity(hotkey, options ?? new AxonOptions());
        Attach<Synapse>((s, _) => Task.FromResult(s));
    }

    /// <summary>SS58 address of the axon's hotkey: dendrites must sign for exactly this.</summary>
    public string Hotkey => _identity.HotkeySs58;

    /// <summary>The bound port (after <see cref="StartAsync"/>; useful with port 0).</summary>
    public int Port { get; private set; }

    public IPAddress BindAddress => _identity.Options.BindAddress;

    /// <summary>Routes <c>/{name of TSynapse}</c> to <paramref name="forward"/>, guarded by the optional hooks.</summary>
    public Axon Attach<TSynapse>(
        Func<TSynapse, CancellationToken, Task<TSynapse>> forward,
        Func<TSynapse, BlacklistVerdict>? blacklist = null,
        Func<TSynapse, double>? priority = null,
        Action<TSynapse>? verify = null)
        where TSynapse : Synapse, new()
    {
        ArgumentNullException.ThrowIfNull(forward);
        return Register(SynapseNames.Of<TSynapse>(),
            new UnarySynapseEndpoint<TSynapse>(_identity, new AxonHooks<TSynapse>(blacklist, verify, priority), forward));
    }

    /// <summary>Routes a streaming synapse: <paramref name="streamer"/> writes raw chunks after the 200 headers.</summary>
    public Axon AttachStreaming<TSynapse>(
        Func<TSynapse, SynapseStreamWriter, CancellationToken, Task> streamer,
        Func<TSynapse, BlacklistVerdict>? blacklist = null,
        Func<TSynapse, double>? priority = null,
        Action<TSynapse>? verify = null)
        where TSynapse : StreamingSynapse, new()
    {
        ArgumentNullException.ThrowIfNull(streamer);
        return Register(SynapseNames.Of<TSynapse>(),
            new StreamingSynapseEndpoint<TSynapse>(_identity, new AxonHooks<TSynapse>(blacklist, verify, priority), streamer));
    }

    private Axon Register(string name, ISynapseEndpoint endpoint)
    {
        if (_app is not null) throw new InvalidOperationException("attach synapses before starting the axon");
        _endpoints[name] = endpoint; // re-attaching a name replaces it (the /Synapse ping can be overridden)
        return this;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null) throw new InvalidOperationException("the axon is already started");
        // The empty builder: no appsettings files (and so no file watcher thread polling them), no logging providers,
        // no host configuration sources. An axon is a library component; its settings come from AxonOptions.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = _identity.Options.MaxRequestBodyBytes;
            k.Listen(_identity.Options.BindAddress, _identity.Options.Port);
        });
        var app = builder.Build();
        app.Run(DispatchAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Port = new Uri(addresses.First()).Port;
    }

    private Task DispatchAsync(HttpContext context)
    {
        // 1. Route name = first path segment; only GET and POST are served.
        string path = context.Request.Path.Value ?? "/";
        string name = path.TrimStart('/');
        int slash = name.IndexOf('/');
        if (slash >= 0) name = name[..slash];

        if (!HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsGet(context.Request.Method))
            return WriteMessageAsync(context, 405, $"Method {context.Request.Method} not allowed");
        if (!_endpoints.TryGetValue(name, out ISynapseEndpoint? endpoint))
            return WriteMessageAsync(context, 404, AxonStatus.UnknownSynapse(name, _endpoints.Keys));
        return endpoint.HandleAsync(context);
    }

    private static async Task WriteMessageAsync(HttpContext context, int status, string message)
    {
        byte[] body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["message"] = message });
        context.Response.StatusCode = status;
        context.Response.Headers.Append("bt_header_axon_status_code", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        context.Response.Headers.Append("bt_header_axon_status_message", message);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
