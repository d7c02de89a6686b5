using BacklogJira.BacklogMd.Writing;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary><c>init</c>: creates <c>.backlog-jira/</c> with defaults; running it again changes nothing that exists.</summary>
public static class StateInitializer
{
    public static async Task<IReadOnlyList<string>> InitializeAsync(StatePaths paths, string? projectKey, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        Directory.CreateDirectory(paths.Snapshots);
        if (!File.Exists(paths.Config))
        {
            await SyncConfig.SaveAsync(paths, SyncConfig.Defaults(projectKey ?? ""), cancellationToken);
            created.Add(paths.Config);
        }
        if (!File.Exists(paths.GitIgnore))
        {
            await AtomicFile.WriteAllTextAsync(paths.GitIgnore, StatePaths.GitIgnoreText, cancellationToken);
            created.Add(paths.GitIgnore);
        }
        return created;
    }
}
