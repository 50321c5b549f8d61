using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("TaoSharp.Math.Tests")]
[assembly: InternalsVisibleTo("TaoSharp.Benchmarks")]
