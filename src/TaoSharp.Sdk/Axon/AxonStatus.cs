namespace TaoSharp.Sdk;

/// <summary>Status messages of the axon side (spec-client §3.6), worded as the Python axon words them.</summary>
internal static class AxonStatus
{
    public const string Success = "Success";

    public static string UnknownSynapse(string name, IEnumerable<string> available) =>
        $"Synapse name '{name}' not found. Available synapses [{string.Join(", ", available.Select(a => "'" + a + "'"))}]";

    public static string BadHeaders(string detail) => $"Improperly formatted request. {detail}";

    public static string Blacklisted(string reason) => $"Forbidden. Key is blacklisted: {reason}.";

    public static string NotVerified(string detail) => $"Not Verified with error: {detail}";

    public static string PayloadTooLarge(long limit) => $"Payload too large: the axon accepts request bodies up to {limit} bytes";

    public static string InternalError() => $"Internal Server Error #{Guid.NewGuid()}";
}
