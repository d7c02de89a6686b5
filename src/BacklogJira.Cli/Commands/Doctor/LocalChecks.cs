using System.Collections;
using System.Runtime.InteropServices;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Config;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.Jira.Mcp;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Doctor;

/// <summary>The checks that need no network: runtime, the Backlog.md project, the <c>backlog</c> CLI, config.json, git.</summary>
internal static class LocalChecks
{
    public const string PinnedBacklogCli = "1.52.0";

    public static CheckResult Runtime() =>
        CheckResult.Ok(".NET runtime", $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription.Trim()} ({RuntimeInformation.OSArchitecture})");

    public static (CheckResult Result, BacklogMdTaskStore? Store) Project(string workingDirectory)
    {
        BacklogMdTaskStore store;
        try
        {
            store = BacklogMdTaskStore.Open(workingDirectory);
        }
        catch (Exception error) when (error is BacklogMdProjectNotFoundException or BacklogMdConfigException)
        {
            return (CheckResult.Fail("Backlog.md project", error.Message, "Run backlog-jira inside a Backlog.md project, or create one with 'backlog init'."), null);
        }
        var scan = store.LoadAll();
        var where = store.Project.RelativePath(store.Project.BacklogPath);
        var summary = $"{where}/: {scan.Tasks.Count} task(s)";
        if (scan.Duplicates.Count > 0)
            return (CheckResult.Fail("Backlog.md project", $"{summary}; duplicate ids: {string.Join(", ", scan.Duplicates.Select(d => d.Id))}",
                "Give each task a unique id (rename or archive one file of each pair); a sync cannot tell them apart."), store);
        if (scan.Problems.Count > 0)
            return (CheckResult.Warn("Backlog.md project", $"{summary}; {scan.Problems.Count} file(s) not readable: " +
                string.Join("; ", scan.Problems.Take(3).Select(p => $"{store.Project.RelativePath(p.FilePath)}: {p.Reason}")),
                "Fix the frontmatter of those files (they are skipped by every sync); 'backlog-jira view --all' lists them all."), store);
        return (CheckResult.Ok("Backlog.md project", summary), store);
    }

    public static async Task<CheckResult> BacklogCliAsync(IDictionary environment, string workingDirectory, CancellationToken cancellationToken)
    {
        var path = McpServerLaunch.FindOnPath("backlog", environment);
        if (path is null)
            return CheckResult.Warn("backlog CLI", "not on PATH (optional: backlog-jira reads and writes the files itself)",
                $"To use the board and the CLI alongside: npm install -g backlog.md@{PinnedBacklogCli}");
        var result = await ProcessProbe.RunAsync(path, ["--version"], workingDirectory, TimeSpan.FromSeconds(15), cancellationToken);
        if (result is null || result.ExitCode != 0)
            return CheckResult.Warn("backlog CLI", $"{path} did not run ({result?.Stderr ?? "could not start"})", $"Reinstall it: npm install -g backlog.md@{PinnedBacklogCli}");
        return result.Stdout.StartsWith("1.", StringComparison.Ordinal)
            ? CheckResult.Ok("backlog CLI", $"{result.Stdout} at {path}" + (result.Stdout == PinnedBacklogCli ? "" : $" (tested with {PinnedBacklogCli})"))
            : CheckResult.Warn("backlog CLI", $"{result.Stdout} at {path}; backlog-jira follows the 1.x file format", $"npm install -g backlog.md@{PinnedBacklogCli}");
    }

    public static (CheckResult Result, SyncConfig? Config) Config(StatePaths paths)
    {
        try
        {
            var config = SyncConfig.Load(paths);
            if (config.ProjectKey.Length == 0)
                return (CheckResult.Fail("config", $"{paths.Config}: jira.projectKey is empty", "Set jira.projectKey in .backlog-jira/config.json to your Jira project's key, e.g. \"PROJ\", or run 'backlog-jira configure'."), config);
            return (CheckResult.Ok("config", $"{paths.Config}: project {config.ProjectKey}, issue type {config.IssueType}, strategy {SyncConfig.StrategyName(config.Strategy)}, transport {config.Transport.ToString().ToLowerInvariant()}"), config);
        }
        catch (SyncConfigException error)
        {
            return (CheckResult.Fail("config", error.Message, File.Exists(paths.Config) ? "Fix .backlog-jira/config.json as the message above says." : "Run 'backlog-jira init --project-key <KEY>' with your Jira project's key."), null);
        }
    }

    /// <summary>Uncommitted task files are not lost by a sync, but a pull then mixes its edits with yours in one diff.</summary>
    /// <summary>The mapping file against the tasks' <c>jira_key</c> mirrors: lost or damaged while tasks still name
    /// their issues means <c>map repair</c> can rebuild it.</summary>
    public static CheckResult Mappings(BacklogMdTaskStore store, StatePaths paths)
    {
        var prefix = store.Project.Config.TaskPrefix;
        var mirrored = store.LoadAll(includeDrafts: false, includeArchived: false).Tasks
            .Where(t => BacklogJira.Sync.Engine.MappedTaskResolver.MirrorKey(t) is not null)
            .Select(t => t.Id.Normalized(prefix)).ToList();
        try
        {
            var mappings = MappingFile.Load(paths);
            var unmapped = mirrored.Where(id => mappings.ForTask(id) is null).ToList();
            if (unmapped.Count == 0) return CheckResult.Ok("mappings", $"{mappings.All.Count} pair(s)");
            return CheckResult.Warn("mappings", $"{mappings.All.Count} pair(s); {unmapped.Count} task(s) name a Jira issue but have no pair ({string.Join(", ", unmapped.Take(5))}{(unmapped.Count > 5 ? ", …" : "")})",
                "Run 'backlog-jira map repair' to see the pairs their jira_key and Jira's marks give, then 'backlog-jira map repair --apply'.");
        }
        catch (SyncConfigException error)
        {
            return CheckResult.Fail("mappings", error.Message,
                $"Restore it from git, or rebuild it: 'backlog-jira map repair' shows what {mirrored.Count} task(s) with a jira_key and Jira's marks give, '--apply' writes it.");
        }
    }

    public static async Task<CheckResult> GitAsync(BacklogMdTaskStore store, CancellationToken cancellationToken)
    {
        var root = store.Project.RootPath;
        var result = await ProcessProbe.RunAsync("git", ["status", "--porcelain", "--", store.Project.BacklogPath], root, TimeSpan.FromSeconds(15), cancellationToken);
        if (result is null) return CheckResult.Skip("git", "git is not installed");
        if (result.ExitCode != 0) return CheckResult.Warn("git", "not a git repository", "Keep the backlog in git ('git init'), so every sync's changes can be reviewed and undone.");
        var changed = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return changed.Length == 0
            ? CheckResult.Ok("git", "no uncommitted changes in the backlog")
            : CheckResult.Warn("git", $"{changed.Length} uncommitted change(s) in {store.Project.RelativePath(store.Project.BacklogPath)}/",
                "Commit them before a pull, so its edits show up as their own diff.");
    }
}
