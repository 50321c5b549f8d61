using TaoSharp.TestKit;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TaoSharp.Crypto;
using TaoSharp.Crypto.Ss58;

namespace TaoSharp.Sdk.Tests;

/// <summary>
/// The wire signatures against independent sr25519 implementations (tools/oracle: @scure/sr25519 and Rust schnorrkel
/// in wasm): requests signed by the oracle are accepted by our axon; our dendrite's and axon's signatures verify there.
/// </summary>
[Trait("Category", "Oracle")]
public sealed class OracleAxonTests(OracleProcess oracle) : IClassFixture<OracleProcess>
{
    private static string Hex(byte[] b) => "0x" + Convert.ToHexStringLower(b);

    [Theory]
    [InlineData("scure")]
    [InlineData("schnorrkel")]
    public async Task Request_signed_by_the_oracle_is_accepted_by_our_axon(string impl)
    {
        await using var h = await new AxonHarness().StartAsync();
        byte[] mini = RandomNumberGenerator.GetBytes(32);
        JsonObject pair = oracle.Call(new JsonObject { ["op"] = "keypair", ["impl"] = impl, ["mini"] = Hex(mini) });
        string callerSs58 = Ss58Address.Encode(Convert.FromHexString(((string)pair["public"]!)[2..]));

        var d = new Dummy { DummyInput = 9 };
        long nonce = UnixNanos.Now(TimeProvider.System);
        d.Dendrite = new TerminalInfo { Ip = "127.0.0.1", Version = ProtocolVersion.Current, Nonce = nonce, Uuid = "oracle", Hotkey = callerSs58 };
        d.Axon = new TerminalInfo { Ip = "127.0.0.1", Port = h.Axon.Port, Hotkey = h.Axon.Hotkey };
        string hash = BodyHash.Compute(d);
        string message = WireSignatures.DendriteMessage(nonce, callerSs58, h.Axon.Hotkey, "oracle", hash);
        JsonObject signed = oracle.Call(new JsonObject { ["op"] = "sign", ["impl"] = impl, ["mini"] = Hex(mini), ["msg"] = Hex(Encoding.UTF8.GetBytes(message)) });
        d.Dendrite.Signature = (string)signed["signature"]!;

        var (status, _, response) = await h.SendAsync(h.Raw(SynapseHeaders.ToHeaders(d, hash, 0), SynapseJson.Serialize(d)));
        Assert.Equal(200, status);
        Assert.Equal(18, SynapseJson.Deserialize<Dummy>(await response.Content.ReadAsByteArrayAsync()).DummyOutput);

        // The same oracle-signed request replayed is refused.
        Assert.Equal(401, (await h.SendAsync(h.Raw(SynapseHeaders.ToHeaders(d, hash, 0), SynapseJson.Serialize(d)))).Status);
    }

    [Fact]
    public async Task Our_dendrite_and_axon_signatures_verify_with_both_oracle_implementations()
    {
        string? dendriteMessage = null, dendriteSignature = null;
        await using var h = await new AxonHarness(verify: s =>
        {
            var copy = new Dummy { DummyInput = 6, Timeout = s.Timeout, Dendrite = s.Dendrite, Axon = new TerminalInfo() };
            dendriteMessage = WireSignatures.DendriteMessage(s.Dendrite!.Nonce!.Value, s.Dendrite.Hotkey, s.Axon!.Hotkey, s.Dendrite.Uuid, BodyHash.Compute(copy));
            dendriteSignature = s.Dendrite.Signature;
        }, blacklist: s => s.Dendrite?.Uuid is null ? BlacklistVerdict.Deny("anonymous") : BlacklistVerdict.Allow()).StartAsync();
        using var dendrite = new Dendrite(h.CallerKey);
        Dummy answer = await dendrite.CallAsync(h.Target, new Dummy { DummyInput = 6 });
        Assert.Equal(200, answer.Dendrite!.StatusCode);

        // An error response (no uuid → blacklisted) carries the axon's signature.
        var (status, _, response) = await h.SendAsync(h.Raw([], Encoding.UTF8.GetBytes("{}")));
        Assert.Equal(403, status);
        string Get(string n) => response.Headers.GetValues(n).Single();
        string axonMessage = WireSignatures.AxonMessage(long.Parse(Get("bt_header_axon_nonce")), null, h.Axon.Hotkey, Get("bt_header_axon_uuid"));

        foreach (string impl in new[] { "scure", "schnorrkel" })
        {
            Assert.True(Verify(impl, h.CallerKey.PublicKey, dendriteMessage!, dendriteSignature!), $"{impl}: dendrite signature");
            Assert.True(Verify(impl, h.AxonKey.PublicKey, axonMessage, Get("bt_header_axon_signature")), $"{impl}: axon signature");
            Assert.False(Verify(impl, h.AxonKey.PublicKey, axonMessage + ".", Get("bt_header_axon_signature")), $"{impl}: tampered");
        }
    }

    private bool Verify(string impl, byte[] publicKey, string message, string signature) =>
        (bool)oracle.Call(new JsonObject
        {
            ["op"] = "verify", ["impl"] = impl, ["public"] = Hex(publicKey),
            ["msg"] = Hex(Encoding.UTF8.GetBytes(message)), ["signature"] = signature,
        })["valid"]!;
}
