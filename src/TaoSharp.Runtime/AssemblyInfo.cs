using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("TaoSharp.Runtime.Tests")]
[assembly: InternalsVisibleTo("TaoSharp.Benchmarks")]
