using TaoSharp.Primitives;
using TaoSharp.Storage.KeyValue;

namespace TaoSharp.Storage.Tree;

/// <summary>
/// A commitment to the whole state that depends only on the set of (key, value) entries, updated
/// in time proportional to what a block changes. Updates are prepared purely in memory, written into
/// the caller's batch, and only then adopted, so the tree never runs ahead of the store.
/// </summary>
public interface IStateTree
{
    /// <summary>The root of the committed state (<see cref="StateTree.EmptyRoot"/> for no entries).</summary>
    Hash256 Root { get; }

    /// <summary>Computes the root after <paramref name="changes"/> (null value = delete, last write of a key wins) without changing this tree.</summary>
    StateTreeUpdate Prepare(IEnumerable<KeyValuePair<byte[], byte[]?>> changes);

    /// <summary>Adds the nodes <paramref name="update"/> created to <paramref name="batch"/>.</summary>
    void Write(StateTreeUpdate update, IWriteBatch batch);

    /// <summary>Makes <paramref name="update"/> the current root; call after its batch was written.</summary>
    void Advance(StateTreeUpdate update);
}
