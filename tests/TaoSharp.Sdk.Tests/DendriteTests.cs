using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaoSharp.Sdk.Tests;

/// <summary>Dendrite → axon round trips on loopback: merge, failures as status codes (spec-client §3.6, §3.7), streaming.</summary>
public sealed class DendriteTests
{
    [Fact]
    public async Task Round_trip_merges_the_answer_and_the_status()
    {
        await using var h = await new AxonHarness().StartAsync();
        using var dendrite = new Dendrite(h.CallerKey);
        var query = new Dummy { DummyInput = 5 };
        Dummy answer = await dendrite.CallAsync(h.Target, query);

        Assert.Equal(10, answer.DummyOutput);
        Assert.Equal(10, answer.Deserialize());
        Assert.True(answer.IsSuccess);
        Assert.Equal("Success", answer.Dendrite!.StatusMessage);
        Assert.Equal(200, answer.Axon!.StatusCode);
        Assert.Equal(h.Axon.Hotkey, answer.Axon.Hotkey);
        Assert.Equal(dendrite.Hotkey, answer.Dendrite.Hotkey);
        Assert.True(answer.Dendrite.ProcessTime > 0);
        Assert.Null(query.DummyOutput); // the caller's instance is not modified
    }

    [Fact]
    public async Task Failed_calls_leave_the_callers_synapse_and_terminals_untouched()
    {
        // The dendrite sends a shallow copy (Python's model_copy()): every failure path must write only to the copy.
        await using var blocked = await new AxonHarness(blacklist: _ => BlacklistVerdict.Deny("no")).StartAsync();
        using var dendrite = new Dendrite(blocked.CallerKey);
        var callerDendrite = new TerminalInfo { Hotkey = "caller-set" };
        var callerAxon = new TerminalInfo();
        var query = new Dummy { DummyInput = 3, Timeout = 7.0, Dendrite = callerDendrite, Axon = callerAxon };
        var unreachable = new AxonTarget("127.0.0.1", ClientTestNode.FreePort(), blocked.Axon.Hotkey);

        // Both answers come back at once (403, refused connection); the timeout is only a ceiling for a loaded machine.
        Dummy[] answers = await dendrite.QueryAsync([blocked.Target, unreachable], query, TimeSpan.FromSeconds(30));

        Assert.Equal([403, 503], answers.Select(x => x.Dendrite!.StatusCode!.Value));
        Assert.All(answers, a => Assert.NotSame(query, a));
        Assert.All(answers, a => Assert.NotSame(callerDendrite, a.Dendrite));
        Assert.Same(callerDendrite, query.Dendrite);
        Assert.Same(callerAxon, query.Axon);
        Assert.Equal(7.0, query.Timeout);
        Assert.Equal("caller-set", callerDendrite.Hotkey);
        Assert.Null(callerDendrite.StatusCode);
        Assert.Null(callerDendrite.Signature);
        Assert.Null(callerAxon.StatusCode);
        Assert.Null(callerAxon.Hotkey);
    }

    [Fact]
    public async Task Query_many_axons_concurrently_keeps_axon_order()
    {
        await using var a = await new AxonHarness().StartAsync();
        await using var b = await new AxonHarness(blacklist: _ => BlacklistVerdict.Deny("no")).StartAsync();
        using var dendrite = new Dendrite(a.CallerKey);
        Dummy[] answers = await dendrite.QueryAsync([a.Target, b.Target, a.Target], new Dummy { DummyInput = 4 }, TimeSpan.FromSeconds(30));
        Assert.Equal([200, 403, 200], answers.Select(x => x.Dendrite!.StatusCode!.Value));
        Assert.Equal(8, answers[0].DummyOutput);
        Assert.True(answers[1].IsBlacklist);
        Assert.Equal("Forbidden. Key is blacklisted: no.", answers[1].Dendrite!.StatusMessage);
        Assert.NotNull(answers[1].Axon!.Signature);
    }

    [Fact]
    public async Task Many_concurrent_calls_from_one_dendrite_to_one_axon_all_pass_the_nonce_rules()
    {
        await using var h = await new AxonHarness().StartAsync();
        using var dendrite = new Dendrite(h.CallerKey);
        var targets = Enumerable.Repeat(h.Target, 200).ToArray();
        // 200 signed and verified round trips share two cores with the rest of CI: the default 12 s can run out there,
        // and a 408 would hide what this test is about (the nonce rules), so the ceiling is generous.
        Dummy[] answers = await dendrite.QueryAsync(targets, new Dummy { DummyInput = 1 }, TimeSpan.FromSeconds(60));
        Assert.All(answers, x => Assert.True(x.Dendrite!.StatusCode == 200, $"{x.Dendrite.StatusCode} {x.Dendrite.StatusMessage}"));
        Assert.Equal(200, h.ForwardCalls);
    }

    [Fact]
    public async Task Slow_axon_gives_408_timeout()
    {
        await using var h = await new AxonHarness(forwardDelay: TimeSpan.FromSeconds(5)).StartAsync();
        using var dendrite = new Dendrite(h.CallerKey);
        Dummy answer = await dendrite.CallAsync(h.Target, new Dummy { DummyInput = 1 }, TimeSpan.FromMilliseconds(300));
        Assert.True(answer.IsTimeout);
        Assert.Equal("Request timeout after 0.3 seconds", answer.Dendrite!.StatusMessage);
    }

    [Fact]
    public async Task Closed_port_gives_503_service_unavailable()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var key = AxonHarness.NewKey();
        using var dendrite = new Dendrite(key);
        Dummy answer = await dendrite.CallAsync(new AxonTarget("127.0.0.1", port, AxonHarness.Ss58(key)), new Dummy { DummyInput = 1 });
        Assert.Equal(503, answer.Dendrite!.StatusCode);
        Assert.Equal($"Service unavailable at 127.0.0.1:{port}/Dummy", answer.Dendrite.StatusMessage);
    }

    [Fact]
    public async Task Calling_the_wrong_hotkey_is_a_401_signature_mismatch()
    {
        await using var h = await new AxonHarness().StartAsync();
        using var dendrite = new Dendrite(h.CallerKey);
        using var other = AxonHarness.NewKey();
        Dummy answer = await dendrite.CallAsync(h.Target with { Hotkey = AxonHarness.Ss58(other) }, new Dummy { DummyInput = 1 });
        Assert.True(answer.FailedVerification);
        Assert.StartsWith("Not Verified with error: Signature mismatch", answer.Dendrite!.StatusMessage);
    }

    [Fact]
    public async Task Ping_route_echoes_the_base_synapse()
    {
        await using var h = await new AxonHarness().StartAsync();
        using var dendrite = new Dendrite(h.CallerKey);
        Synapse answer = await dendrite.CallAsync(h.Target, new Synapse());
        Assert.Equal(200, answer.Dendrite!.StatusCode);
        Assert.Equal("Synapse", answer.Name);
    }

    [Fact]
    public async Task Streaming_yields_chunks_then_the_final_synapse()
    {
        using var key = AxonHarness.NewKey();
        await using var axon = new Axon(key);
        axon.AttachStreaming<StreamPrompting>(async (s, writer, ct) =>
        {
            foreach (string token in s.Prompt.Split(' '))
            {
                await writer.SendAsync(token + "\n", ct);
                await Task.Delay(20, ct);
            }
        });
        await axon.StartAsync();
        using var caller = AxonHarness.NewKey();
        using var dendrite = new Dendrite(caller);

        var chunks = new StringBuilder();
        StreamPrompting? final = null;
        await foreach (var e in dendrite.StreamAsync(new AxonTarget("127.0.0.1", axon.Port, axon.Hotkey), new StreamPrompting { Prompt = "a b c" }))
        {
            if (e.IsFinal) final = e.Final;
            else chunks.Append(Encoding.UTF8.GetString(e.Chunk.Span));
        }
        Assert.Equal("a\nb\nc\n", chunks.ToString());
        Assert.NotNull(final);
        Assert.Equal(200, final!.Dendrite!.StatusCode);
        Assert.Equal("a\nb\nc\n", final.Completion);
    }

    [Fact]
    public async Task Streaming_to_a_blacklisting_axon_ends_with_the_error()
    {
        using var key = AxonHarness.NewKey();
        await using var axon = new Axon(key);
        axon.AttachStreaming<StreamPrompting>((_, _, _) => Task.CompletedTask, blacklist: _ => BlacklistVerdict.Deny("x"));
        await axon.StartAsync();
        using var caller = AxonHarness.NewKey();
        using var dendrite = new Dendrite(caller);
        var events = new List<SynapseStreamEvent<StreamPrompting>>();
        await foreach (var e in dendrite.StreamAsync(new AxonTarget("127.0.0.1", axon.Port, axon.Hotkey), new StreamPrompting { Prompt = "a" }))
            events.Add(e);
        Assert.Single(events);
        Assert.Equal(403, events[0].Final!.Dendrite!.StatusCode);
    }
}
