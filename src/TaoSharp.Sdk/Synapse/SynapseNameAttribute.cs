using System.Reflection;

namespace TaoSharp.Sdk;

/// <summary>
/// The route and <c>name</c> of a synapse when it must differ from the CLR class name, so a C# synapse can answer
/// an existing Python subnet whose route is the Python class name (spec-client §3.1).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SynapseNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Resolves the wire name of a synapse type.</summary>
public static class SynapseNames
{
    // Reading the attribute is reflection over metadata (~µs); every synapse instance asks for its name, so the
    // answer is cached per type. Bounded by the number of synapse types in the process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string> ByType = new();

    public static string Of(Type synapseType) =>
        ByType.GetOrAdd(synapseType, static t => t.GetCustomAttribute<SynapseNameAttribute>(inherit: false)?.Name ?? t.Name);

    public static string Of<TSynapse>() where TSynapse : Synapse => NameOf<TSynapse>.Value;

    // Immutable per-type constant: the generic class is initialised once per synapse type.
    private static class NameOf<TSynapse> where TSynapse : Synapse
    {
        public static readonly string Value = Of(typeof(TSynapse));
    }
}
