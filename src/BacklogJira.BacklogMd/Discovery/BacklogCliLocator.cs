namespace BacklogJira.BacklogMd.Discovery;

/// <summary>
/// Finds the real <c>backlog</c> CLI: <c>BACKLOG_CLI</c> if set, else the copy pinned in this repository's
/// <c>tools/backlog-cli</c> (installed by <c>npm install</c>), else <c>backlog</c> on PATH. Null when there is none.
/// </summary>
public static class BacklogCliLocator
{
    public static string? Find(string? startDirectory = null)
    {
        if (Environment.GetEnvironmentVariable("BACKLOG_CLI") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        if (PinnedCliDirectory(startDirectory ?? AppContext.BaseDirectory) is { } pinned && File.Exists(Path.Combine(pinned, "node_modules", ".bin", "backlog")))
        {
            return Path.Combine(pinned, "node_modules", ".bin", "backlog");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "backlog"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The repository's <c>tools/backlog-cli</c> folder above <paramref name="startDirectory"/>, or null.</summary>
    public static string? PinnedCliDirectory(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "backlog-cli");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
