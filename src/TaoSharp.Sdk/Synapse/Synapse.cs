using System.Text.Json.Serialization;

namespace TaoSharp.Sdk;

/// <summary>
/// Bittensor's Synapse: the message a dendrite sends to an axon and gets back. The base fields come first on the
/// wire (spec-client §3.3, §4.1); a custom synapse derives from this class and adds snake_case
/// <see cref="JsonPropertyNameAttribute"/> properties in declaration order. A property marked
/// <see cref="JsonRequiredAttribute"/> is a Python "required field": a body without it is rejected (422) and the
/// dendrite sends a <c>bt_header_input_obj_*</c> placeholder for it. (Not the C# <c>required</c> modifier: the axon
/// needs a parameterless constructor.)
/// The plain base class is the axon's built-in <c>/Synapse</c> ping.
/// </summary>
public class Synapse
{
    private string? _name;

    /// <summary>Always the synapse's wire name; Python forces it on every construction, so incoming values are ignored.</summary>
    [JsonPropertyName("name"), JsonPropertyOrder(-7)]
    public string Name => _name ??= SynapseNames.Of(GetType());

    /// <summary>Total dendrite timeout in seconds.</summary>
    [JsonPropertyName("timeout"), JsonPropertyOrder(-6)]
    public double? Timeout { get; set; } = 12.0;

    /// <summary>Informational only (Python's getsizeof); never validated.</summary>
    [JsonPropertyName("total_size"), JsonPropertyOrder(-5)]
    public long? TotalSize { get; set; } = 0;

    /// <summary>Informational only (Python's getsizeof); never validated.</summary>
    [JsonPropertyName("header_size"), JsonPropertyOrder(-4)]
    public long? HeaderSize { get; set; } = 0;

    [JsonPropertyName("dendrite"), JsonPropertyOrder(-3)]
    public TerminalInfo? Dendrite { get; set; } = new();

    [JsonPropertyName("axon"), JsonPropertyOrder(-2)]
    public TerminalInfo? Axon { get; set; } = new();

    /// <summary>Frozen in Python and always "" in bodies: the real hash travels in the <c>computed_body_hash</c> header.</summary>
    [JsonPropertyName("computed_body_hash"), JsonPropertyOrder(-1)]
    public string ComputedBodyHash { get => ""; set { } }

    /// <summary>
    /// JSON names of the fields covered by the body hash, in hashing order (Python's class-level
    /// <c>required_hash_fields</c>). Not serialized.
    /// </summary>
    [JsonIgnore]
    public virtual IReadOnlyList<string> RequiredHashFields => [];

    /// <summary>
    /// Python's <c>model_copy()</c>: a new instance sharing the custom fields' values. The dendrite sends this copy
    /// after replacing its timeout and terminals (whole new objects), so the caller's instance is never touched.
    /// </summary>
    internal Synapse ShallowCopy() => (Synapse)MemberwiseClone();

    /// <summary>The dendrite's post-processing hook (Python <c>deserialize()</c>); by default the synapse itself.</summary>
    public virtual object? Deserialize() => this;

    [JsonIgnore] public bool IsSuccess => Dendrite?.StatusCode == 200;
    [JsonIgnore] public bool IsFailure => Dendrite?.StatusCode != 200;
    [JsonIgnore] public bool IsTimeout => Dendrite?.StatusCode == 408;
    [JsonIgnore] public bool IsBlacklist => Dendrite?.StatusCode == 403;
    [JsonIgnore] public bool FailedVerification => Dendrite?.StatusCode == 401;
}
