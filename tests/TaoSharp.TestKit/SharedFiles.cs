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
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TaoSharp.slnx")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("repository root (TaoSharp.slnx) not found above " + AppContext.BaseDirectory);
        }
    }

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("TAOSHARP_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "vectors"))) return candidate;
            dir = dir.Parent;
        }
        throw new DirectoryNotFoundException("shared/ (with vectors/) not found above " + AppContext.BaseDirectory);
    }
}
