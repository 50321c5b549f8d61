namespace TaoSharp.Sdk;

/// <summary>
/// A synapse whose answer arrives as a stream of raw chunks (spec-client §3.8): the axon answers 200 with
/// <c>content-type: text/event-stream</c> and writes subnet-defined chunks (no SSE framing); the dendrite hands each
/// chunk to <see cref="AccumulateChunk"/> and to the caller, then yields the final synapse.
/// </summary>
public abstract class StreamingSynapse : Synapse
{
    /// <summary>Python's process_streaming_response + extract_response_json: fold one chunk into this synapse.</summary>
    public abstract void AccumulateChunk(ReadOnlySpan<byte> chunk);
}
