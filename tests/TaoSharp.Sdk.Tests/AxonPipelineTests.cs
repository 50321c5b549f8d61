using System.Text;

namespace TaoSharp.Sdk.Tests;

/// <summary>The axon's request pipeline (spec-client §3.5, §3.6) on loopback with hand-built requests.</summary>
public sealed class AxonPipelineTests
{
    [Fact]
    public async Task Signed_request_is_answered_with_200_and_success_headers()
    {
        await using var h = await new AxonHarness().StartAsync();
        var (status, _, response) = await h.SendAsync(h.Request(input: 21));
        Assert.Equal(200, status);
        Dummy answer = SynapseJson.Deserialize<Dummy>(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(42, answer.DummyOutput);
        Assert.Equal("200", response.Headers.GetValues("bt_header_axon_status_code").Single());
        Assert.Equal("Success", response.Headers.GetValues("bt_header_axon_status_message").Single());
        Assert.False(response.Headers.Contains("bt_header_axon_signature")); // success answers are unsigned (§3.7)
    }

    [Fact]
    public async Task Replayed_request_is_rejected_before_forward()
    {
        await using var h = await new AxonHarness().StartAsync();
        long nonce = UnixNanos.Now(TimeProvider.System);
        Assert.Equal(200, (await h.SendAsync(h.Request(nonce: nonce))).Status);
        var (status, message, _) = await h.SendAsync(h.Request(nonce: nonce));
        Assert.Equal(401, status);
        Assert.Equal("Not Verified with error: Nonce is too old, a newer one was last processed", message);
        Assert.Equal(1, h.ForwardCalls);
    }

    [Fact]
    public async Task Older_nonce_after_a_newer_one_is_rejected_but_another_uuid_is_its_own_lane()
    {
        await using var h = await new AxonHarness().StartAsync();
        long now = UnixNanos.Now(TimeProvider.System);
        Assert.Equal(200, (await h.SendAsync(h.Request(nonce: now))).Status);
        Assert.Equal(401, (await h.SendAsync(h.Request(nonce: now - 1000))).Status);
        Assert.Equal(200, (await h.SendAsync(h.Request(nonce: now - 1000, uuid: "lane-2"))).Status);
    }

    [Fact]
    public async Task Stale_first_nonce_is_rejected_with_the_window_in_the_message()
    {
        await using var h = await new AxonHarness().StartAsync();
        long stale = UnixNanos.Now(TimeProvider.System) - 17_000_000_000; // older than 4 s + 12 s
        var (status, message, _) = await h.SendAsync(h.Request(nonce: stale));
        Assert.Equal(401, status);
        // The age is measured when the axon reads the request: on a loaded machine that can be a second or more after
        // the nonce was made, so the test checks the stated age is at least the 17 s it was born with, not its decimals.
        var m = System.Text.RegularExpressions.Regex.Match(message!,
            @"^Not Verified with error: Nonce is too old: acceptable delta is 16\.00 seconds but request was (\d+\.\d\d) seconds old$");
        Assert.True(m.Success, message);
        Assert.InRange(decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 17m, 77m);
        Assert.Equal(0, h.ForwardCalls);
    }

    [Fact]
    public async Task Timeout_header_widens_the_window_only_up_to_the_configured_maximum()
    {
        await using var h = await new AxonHarness(new AxonOptions { MaxTimeoutSeconds = 10 }).StartAsync();
        long old = UnixNanos.Now(TimeProvider.System) - 30_000_000_000;
        var (status, message, _) = await h.SendAsync(h.Request(nonce: old, timeout: 1e6));
        Assert.Equal(401, status);
        Assert.Contains("acceptable delta is 14.00 seconds", message);
    }

    [Fact]
    public async Task Wrong_signature_is_rejected()
    {
        await using var h = await new AxonHarness().StartAsync();
        var (status, message, _) = await h.SendAsync(h.Request(signatureOverride: "0x" + new string('1', 128)));
        Assert.Equal(401, status);
        Assert.StartsWith("Not Verified with error: Signature mismatch with ", message);
        Assert.Equal(0, h.ForwardCalls);
    }

    [Fact]
    public async Task Request_signed_for_another_axon_hotkey_is_rejected()
    {
        await using var h = await new AxonHarness().StartAsync();
        using var other = AxonHarness.NewKey();
        var (status, message, _) = await h.SendAsync(h.Request(signFor: AxonHarness.Ss58(other)));
        Assert.Equal(401, status);
        Assert.StartsWith("Not Verified with error: Signature mismatch", message);
    }

    [Fact]
    public async Task Signature_by_a_key_other_than_the_claimed_hotkey_is_rejected()
    {
        await using var h = await new AxonHarness().StartAsync();
        using var impostor = AxonHarness.NewKey();
        var (status, _, _) = await h.SendAsync(h.Request(signer: impostor)); // claims impostor, signed by CallerKey
        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Unsigned_request_is_rejected_unlike_python()
    {
        await using var h = await new AxonHarness().StartAsync();
        var (status, message, _) = await h.SendAsync(h.Request(sign: false));
        Assert.Equal(401, status);
        Assert.Equal("Not Verified with error: Missing Signature", message);
        Assert.Equal(0, h.ForwardCalls);
    }

    [Fact]
    public async Task Request_without_headers_is_rejected_with_missing_nonce()
    {
        await using var h = await new AxonHarness().StartAsync();
        var (status, message, response) = await h.SendAsync(h.Raw([], Encoding.UTF8.GetBytes("{\"dummy_input\": 1}")));
        Assert.Equal(401, status);
        Assert.Equal("Not Verified with error: Missing Nonce", message);
        Assert.Equal("401", response.Headers.GetValues("bt_header_axon_status_code").Single());
    }

    [Fact]
    public async Task Malformed_header_numbers_are_a_400()
    {
        await using var h = await new AxonHarness().StartAsync();
        var (status, message, _) = await h.SendAsync(h.Raw([new("bt_header_dendrite_nonce", "12abc")], Encoding.UTF8.GetBytes("{}")));
        Assert.Equal(400, status);
        Assert.StartsWith("Improperly formatted request.", message);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_naming_the_available_synapses()
    {
        await using var h = await new AxonHarness().StartAsync();
        var (status, message, _) = await h.SendAsync(h.Raw([], [], route: "Nope"));
        Assert.Equal(404, status);
        Assert.Equal("Synapse name 'Nope' not found. Available synapses ['Synapse', 'Dummy']", message);
    }

    [Fact]
    public async Task Oversize_body_is_a_413_before_forward()
    {
        await using var h = await new AxonHarness(new AxonOptions { MaxRequestBodyBytes = 1024 }).StartAsync();
        var request = h.Request();
        request.Content = new ByteArrayContent(new byte[64 * 1024]);
        var (status, message, _) = await h.SendAsync(request);
        Assert.Equal(413, status);
        Assert.Contains("1024 bytes", message);
        Assert.Equal(0, h.ForwardCalls);
    }

    [Fact]
    public async Task Blacklisted_caller_gets_403_and_a_verifiable_axon_signature()
    {
        await using var h = await new AxonHarness(blacklist: _ => BlacklistVerdict.Deny("not registered")).StartAsync();
        var (status, message, response) = await h.SendAsync(h.Request());
        Assert.Equal(403, status);
        Assert.Equal("Forbidden. Key is blacklisted: not registered.", message);
        Assert.Equal(0, h.ForwardCalls);

        string Get(string n) => response.Headers.GetValues(n).Single();
        string axonMessage = WireSignatures.AxonMessage(long.Parse(Get("bt_header_axon_nonce")), AxonHarness.Ss58(h.CallerKey),
            h.Axon.Hotkey, Get("bt_header_axon_uuid"));
        Assert.True(WireSignatures.Verify(h.Axon.Hotkey, axonMessage, Get("bt_header_axon_signature")));
    }

    [Fact]
    public async Task User_verify_hook_runs_after_the_default_checks_and_can_reject()
    {
        int hookCalls = 0;
        await using var h = await new AxonHarness(verify: d => { hookCalls++; if (d.Dendrite!.Uuid == "bad") throw new InvalidOperationException("uuid refused"); }).StartAsync();
        Assert.Equal(401, (await h.SendAsync(h.Request(sign: false))).Status);
        Assert.Equal(0, hookCalls); // the default rejection came first
        var (status, message, _) = await h.SendAsync(h.Request(uuid: "bad"));
        Assert.Equal(401, status);
        Assert.Equal("Not Verified with error: uuid refused", message);
        Assert.Equal(200, (await h.SendAsync(h.Request(uuid: "good"))).Status);
    }

    [Fact]
    public async Task Body_that_does_not_match_the_signed_hash_is_a_500()
    {
        await using var h = await new AxonHarness().StartAsync();
        var (status, message, _) = await h.SendAsync(h.Request(input: 1, bodyInputOverride: 1000));
        Assert.Equal(500, status);
        Assert.StartsWith("Internal Server Error #", message);
        Assert.Equal(0, h.ForwardCalls);
    }

    [Fact]
    public async Task Body_missing_a_required_field_is_a_422_without_message()
    {
        await using var h = await new AxonHarness().StartAsync();
        var request = h.Request();
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\": \"Dummy\"}"));
        var (status, message, _) = await h.SendAsync(request);
        Assert.Equal(422, status);
        Assert.Null(message);
    }

    [Fact]
    public async Task Forward_exception_is_a_500_with_a_reference_number()
    {
        using var key = AxonHarness.NewKey();
        await using var axon = new Axon(key);
        axon.Attach<Dummy>((_, _) => throw new InvalidOperationException("secret detail"));
        await axon.StartAsync();
        using var caller = AxonHarness.NewKey();
        using var dendrite = new Dendrite(caller);
        Dummy result = await dendrite.CallAsync(new AxonTarget("127.0.0.1", axon.Port, axon.Hotkey), new Dummy { DummyInput = 1 });
        Assert.Equal(500, result.Dendrite!.StatusCode);
        Assert.StartsWith("Internal Server Error #", result.Dendrite.StatusMessage);
        Assert.DoesNotContain("secret", result.Dendrite.StatusMessage);
    }
}
