using System.Text.Json;
using TaoSharp.TestKit;

namespace TaoSharp.Sdk.Tests;

/// <summary>vectors/protocol/dendrite_request_example.json: the signed messages, signatures, headers and body of a Dummy call.</summary>
public sealed class SynapseWireVectorTests
{
    private static readonly JsonElement Example =
        JsonDocument.Parse(File.ReadAllText(SharedFiles.Vectors("protocol", "dendrite_request_example.json"))).RootElement;

    private static string S(string name) => Example.GetProperty(name).GetString()!;

    private static string Header(string name) => Example.GetProperty("request_headers").GetProperty(name).GetString()!;

    [Fact]
    public void Python_body_parses_and_hashes_to_the_vector_hash()
    {
        Dummy d = SynapseJson.Deserialize<Dummy>(System.Text.Encoding.UTF8.GetBytes(S("request_body_text_python_json_dumps")));
        using JsonDocument body = JsonDocument.Parse(S("request_body_text_python_json_dumps"));
        Assert.Equal(body.RootElement.GetProperty("dummy_input").GetInt32(), d.DummyInput);
        Assert.Equal(body.RootElement.GetProperty("timeout").GetDouble(), d.Timeout);
        Assert.Equal(body.RootElement.GetProperty("dendrite").GetProperty("nonce").GetInt64(), d.Dendrite!.Nonce);
        Assert.Equal(S("computed_body_hash"), BodyHash.Compute(d));
        Assert.Equal(S("computed_body_hash"), Example.GetProperty("expected_axon_checks").GetProperty("body_hash_recomputed_from_body").GetString());
    }

    [Fact]
    public void Our_body_has_the_python_key_order_and_values()
    {
        Dummy d = SynapseJson.Deserialize<Dummy>(System.Text.Encoding.UTF8.GetBytes(S("request_body_text_python_json_dumps")));
        using JsonDocument ours = JsonDocument.Parse(SynapseJson.Serialize(d));
        using JsonDocument python = JsonDocument.Parse(S("request_body_text_python_json_dumps"));
        Assert.Equal(Keys(python.RootElement), Keys(ours.RootElement));
        Assert.Equal(Keys(python.RootElement.GetProperty("dendrite")), Keys(ours.RootElement.GetProperty("dendrite")));
        Assert.Equal("Dummy", ours.RootElement.GetProperty("name").GetString());
        Assert.Equal("", ours.RootElement.GetProperty("computed_body_hash").GetString());
        Assert.Equal(JsonValueKind.Null, ours.RootElement.GetProperty("axon").GetProperty("signature").ValueKind);
    }

    [Fact]
    public void Dendrite_message_and_signature_match_the_vector()
    {
        string message = WireSignatures.DendriteMessage(long.Parse(Header("bt_header_dendrite_nonce"), System.Globalization.CultureInfo.InvariantCulture), Header("bt_header_dendrite_hotkey"),
            Header("bt_header_axon_hotkey"), Header("bt_header_dendrite_uuid"), S("computed_body_hash"));
        Assert.Equal(S("dendrite_signed_message"), message);
        Assert.True(WireSignatures.Verify(Header("bt_header_dendrite_hotkey"), message, S("dendrite_signature_hex")));
        Assert.False(WireSignatures.Verify(Header("bt_header_axon_hotkey"), message, S("dendrite_signature_hex")));
        Assert.False(WireSignatures.Verify(Header("bt_header_dendrite_hotkey"), message + "x", S("dendrite_signature_hex")));
    }

    [Fact]
    public void Axon_message_and_signature_match_the_vector()
    {
        // The axon's own nonce and uuid appear only in its signed message (first and last parts).
        string[] parts = S("axon_signed_message").Split('.');
        string message = WireSignatures.AxonMessage(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), Header("bt_header_dendrite_hotkey"),
            Header("bt_header_axon_hotkey"), parts[^1]);
        Assert.Equal(S("axon_signed_message"), message);
        Assert.True(WireSignatures.Verify(Header("bt_header_axon_hotkey"), message, S("axon_signature_hex")));
    }

    [Fact]
    public void Vector_keypairs_are_the_hotkeys_in_the_headers()
    {
        foreach (var (pair, header) in new[] { ("dendrite_keypair", "bt_header_dendrite_hotkey"), ("axon_keypair", "bt_header_axon_hotkey") })
        {
            JsonElement k = Example.GetProperty(pair);
            Assert.True(k.GetProperty("ss58").GetString() == Header(header), $"{pair} is not {header}");
            using var resolved = TaoSharp.Crypto.SecretUri.SecretUriResolver.Resolve(k.GetProperty("uri").GetString()!);
            Assert.True(k.GetProperty("public_key").GetString() == "0x" + Convert.ToHexStringLower(resolved.PublicKey), $"{pair}: {k.GetProperty("uri")}");
        }
    }

    [Fact]
    public void Headers_match_the_vector_for_the_same_synapse()
    {
        Dummy d = SynapseJson.Deserialize<Dummy>(System.Text.Encoding.UTF8.GetBytes(S("request_body_text_python_json_dumps")));
        var headers = SynapseHeaders.ToHeaders(d, BodyHash.Compute(d), 0).ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (JsonProperty expected in Example.GetProperty("request_headers").EnumerateObject())
        {
            if (expected.Name is "header_size" or "total_size") continue; // Python getsizeof artefacts, never validated
            Assert.True(headers.ContainsKey(expected.Name), $"missing header {expected.Name}");
            Assert.Equal(expected.Value.GetString(), headers[expected.Name]);
        }
        Assert.Equal(Example.GetProperty("request_headers").EnumerateObject().Count(), headers.Count);
    }

    [Fact]
    public void Terminal_headers_parse_strictly_on_the_axon_and_leniently_on_the_dendrite()
    {
        var h = new Dictionary<string, string> { ["bt_header_dendrite_nonce"] = "12x", ["bt_header_dendrite_hotkey"] = "k" };
        Assert.Throws<FormatException>(() => SynapseHeaders.ReadTerminal(n => h.GetValueOrDefault(n), "bt_header_dendrite_", strict: true));
        TerminalInfo lenient = SynapseHeaders.ReadTerminal(n => h.GetValueOrDefault(n), "bt_header_dendrite_", strict: false);
        Assert.Null(lenient.Nonce);
        Assert.Equal("k", lenient.Hotkey);
    }

    private static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();
}
