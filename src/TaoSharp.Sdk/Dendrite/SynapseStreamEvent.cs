namespace TaoSharp.Sdk;

/// <summary>One item of a streamed call: a raw chunk as it arrived, or (last) the final merged synapse.</summary>
public readonly record struct SynapseStreamEvent<TSynapse>(ReadOnlyMemory<byte> Chunk, TSynapse? Final)
    where TSynapse : StreamingSynapse
{
    public bool IsFinal => Final is not null;
}
