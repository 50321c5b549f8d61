using System.Text.Json.Serialization;

namespace TaoSharp.Sdk;

/// <summary>
/// Bittensor's TerminalInfo: what one end of a call (dendrite = caller, axon = callee) says about itself and the
/// outcome. Every field is nullable; unset fields are sent as JSON null and omitted from headers (spec-client §4.1).
/// Property order is the wire order of the Python model.
/// </summary>
public sealed class TerminalInfo
{
    [JsonPropertyName("status_code")] public int? StatusCode { get; set; }
    [JsonPropertyName("status_message")] public string? StatusMessage { get; set; }
    [JsonPropertyName("process_time")] public double? ProcessTime { get; set; }
    [JsonPropertyName("ip")] public string? Ip { get; set; }
    [JsonPropertyName("port")] public int? Port { get; set; }
    [JsonPropertyName("version")] public long? Version { get; set; }
    /// <summary>Unix time in nanoseconds when the message was signed (fits a long until 2262).</summary>
    [JsonPropertyName("nonce")] public long? Nonce { get; set; }
    [JsonPropertyName("uuid")] public string? Uuid { get; set; }
    /// <summary>SS58 address of the terminal's hotkey.</summary>
    [JsonPropertyName("hotkey")] public string? Hotkey { get; set; }
    /// <summary>"0x" + 128 hex digits of an sr25519 signature.</summary>
    [JsonPropertyName("signature")] public string? Signature { get; set; }

    public TerminalInfo Clone() => (TerminalInfo)MemberwiseClone();

    /// <summary>Copies every non-null field of <paramref name="other"/> onto this instance (the dendrite's header merge).</summary>
    public void Overlay(TerminalInfo other)
    {
        StatusCode = other.StatusCode ?? StatusCode;
        StatusMessage = other.StatusMessage ?? StatusMessage;
        ProcessTime = other.ProcessTime ?? ProcessTime;
        Ip = other.Ip ?? Ip;
        Port = other.Port ?? Port;
        Version = other.Version ?? Version;
        Nonce = other.Nonce ?? Nonce;
        Uuid = other.Uuid ?? Uuid;
        Hotkey = other.Hotkey ?? Hotkey;
        Signature = other.Signature ?? Signature;
    }
}
