using System.Text;
using System.Text.Json.Serialization;

namespace TaoSharp.Sdk.Tests;

/// <summary>The reference subnet template's synapse (spec-client §7): the miner doubles dummy_input.</summary>
public sealed class Dummy : Synapse
{
    [JsonPropertyName("dummy_input"), JsonRequired] public int DummyInput { get; set; }

    [JsonPropertyName("dummy_output")] public int? DummyOutput { get; set; }

    public override IReadOnlyList<string> RequiredHashFields => ["dummy_input"];

    public override object? Deserialize() => DummyOutput;
}

/// <summary>The stream tutorial's synapse: tokens joined by newlines.</summary>
public sealed class StreamPrompting : StreamingSynapse
{
    [JsonPropertyName("prompt")] public string Prompt { get; set; } = "";

    [JsonPropertyName("completion")] public string Completion { get; set; } = "";

    public override IReadOnlyList<string> RequiredHashFields => ["prompt"];

    public override void AccumulateChunk(ReadOnlySpan<byte> chunk) => Completion += Encoding.UTF8.GetString(chunk);
}
