using System.Runtime.CompilerServices;

namespace TaoSharp.TestKit;

/// <summary>Locates the read-only reference material in ../shared next to the repository root.</summary>
public static class SharedFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of the shared/ folder (overridable with TAOSHARP_SHARED).</summary>
    public static string SharedDir => Root.Value;

    public static string Vectors(params string[] parts) => Path.Combine([SharedDir, "vectors", .. parts]);

    public static string RepoRoot
    {
        get
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(ThisSourceFile()) ?? "" })
            {
                var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start);
                while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TaoSharp.slnx")))
                    dir = dir.Parent;
                if (dir is not null) return dir.FullName;
            }
            throw new DirectoryNotFoundException("repository root (TaoSharp.slnx) not found above " + AppContext.BaseDirectory);
        }
    }

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("TAOSHARP_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        // Build output may live outside the checkout (TAOSHARP_ARTIFACTS), so also search above this source file.
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(ThisSourceFile()) ?? "" })
        {
            var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start);
            while (dir is not null)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "vectors"))) return candidate;
                dir = dir.Parent;
            }
        }
        throw new DirectoryNotFoundException("shared/ (with vectors/) not found above " + AppContext.BaseDirectory);
    }

    private static string ThisSourceFile([CallerFilePath] string path = "") => path;
}
