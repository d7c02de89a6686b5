using BacklogJira.BacklogMd.Config;

namespace BacklogJira.BacklogMd.Discovery;

/// <summary>
/// Finds the project root and backlog folder exactly as the CLI does (docs/reference/backlog-md.md §1.1): start at <c>BACKLOG_CWD</c> or the
/// given directory, walk up to the first directory with a root config, <c>backlog/</c> or <c>.backlog/</c> config, or
/// <c>backlog.json</c>; if none, try the git top level.
/// </summary>
public static class ProjectLocator
{
    public const string NotFoundMessage = "No Backlog.md project found. Run `backlog init` to initialize.";

    public static BacklogMdProject Locate(string startDirectory, string? backlogCwd = null)
    {
        var start = backlogCwd ?? startDirectory;
        if (!Directory.Exists(start))
        {
            throw new BacklogMdProjectNotFoundException(backlogCwd is null
                ? $"The directory {start} does not exist."
                : $"BACKLOG_CWD points to {start}, which is not a directory. Unset it or point it at your project.");
        }

        var root = WalkUp(Path.GetFullPath(start));
        if (root is null && GitTopLevel(start) is { } top && IsProjectRoot(top))
        {
            root = top;
        }

        if (root is null)
        {
            throw new BacklogMdProjectNotFoundException(NotFoundMessage);
        }

        var backlogPath = ChooseBacklogFolder(root);
        var configPath = FirstExisting(Path.Combine(backlogPath, "config.yml"), Path.Combine(backlogPath, "config.yaml"))
                         ?? Path.Combine(root, "backlog.config.yml");
        var config = File.Exists(configPath) ? ConfigReader.Parse(File.ReadAllText(configPath), configPath) : new BacklogMdConfig();
        return new BacklogMdProject(root, backlogPath, configPath, config);
    }

    private static string? WalkUp(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (IsProjectRoot(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static bool IsProjectRoot(string dir) =>
        RootConfigNamesProject(dir)
        || File.Exists(Path.Combine(dir, "backlog", "config.yml")) || File.Exists(Path.Combine(dir, "backlog", "config.yaml"))
        || File.Exists(Path.Combine(dir, ".backlog", "config.yml")) || File.Exists(Path.Combine(dir, ".backlog", "config.yaml"))
        || File.Exists(Path.Combine(dir, "backlog.json"));

    private static bool RootConfigNamesProject(string dir)
    {
        var path = Path.Combine(dir, "backlog.config.yml");
        return File.Exists(path) && File.ReadLines(path).Any(l =>
            (l.StartsWith("project_name:", StringComparison.Ordinal) || l.StartsWith("projectName:", StringComparison.Ordinal))
            && l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('"', '\'').Length > 0);
    }

    private static string ChooseBacklogFolder(string root)
    {
        var rootConfig = Path.Combine(root, "backlog.config.yml");
        if (RootConfigNamesProject(root))
        {
            var configured = File.ReadLines(rootConfig)
                .Where(l => l.StartsWith("backlog_directory:", StringComparison.Ordinal) || l.StartsWith("backlogDirectory:", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('"', '\''))
                .FirstOrDefault(v => v.Length > 0 && !Path.IsPathRooted(v) && !v.StartsWith("..", StringComparison.Ordinal));
            if (configured is not null)
            {
                return Path.Combine(root, configured);
            }
        }

        string[] candidates = ["backlog", ".backlog"];
        var withConfig = candidates.FirstOrDefault(c =>
            File.Exists(Path.Combine(root, c, "config.yml")) || File.Exists(Path.Combine(root, c, "config.yaml")));
        var chosen = withConfig ?? candidates.FirstOrDefault(c => Directory.Exists(Path.Combine(root, c))) ?? "backlog";
        return Path.Combine(root, chosen);
    }

    private static string? FirstExisting(params string[] paths) => paths.FirstOrDefault(File.Exists);

    private static string? GitTopLevel(string directory) =>
        GitCommand.Run(directory, "rev-parse", "--show-toplevel")?.Trim() is { Length: > 0 } top ? top : null;
}

public sealed class BacklogMdProjectNotFoundException : Exception
{
    public BacklogMdProjectNotFoundException(string message) : base(message)
    {
    }

    public BacklogMdProjectNotFoundException()
    {
    }

    public BacklogMdProjectNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
