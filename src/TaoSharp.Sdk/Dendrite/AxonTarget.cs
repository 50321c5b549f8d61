namespace TaoSharp.Sdk;

/// <summary>Where and whom a dendrite calls: the axon's advertised IP and port and its hotkey (SS58), as in the metagraph.</summary>
public sealed record AxonTarget(string Ip, int Port, string Hotkey);
