using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("TaoSharp.Primitives.Tests")]
[assembly: InternalsVisibleTo("TaoSharp.Benchmarks")]
