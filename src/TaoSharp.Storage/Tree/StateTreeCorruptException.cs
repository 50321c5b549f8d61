namespace TaoSharp.Storage.Tree;

/// <summary>The stored state tree is inconsistent (missing or malformed node): the database is damaged.</summary>
public sealed class StateTreeCorruptException(string message) : IOException(message);
