using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>The current block's author (Substrate's <c>pallet_authorship::Author</c>), where swap fees go (spec-dtao §3.5).</summary>
public static partial class SubtensorStorage
{
    /// <summary>
    /// Set by the chain at block initialisation from the header's author; absent when the chain does not say who
    /// authored the block, and then swap fees are burned (TAO) or left unowned (alpha), as the reference does with no author.
    /// </summary>
    public static readonly StorageValue<AccountId> BlockAuthor = new("Authorship", "Author", ScaleCodecs.AccountId, default);
}
