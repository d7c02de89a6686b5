using BacklogJira.Sync.State;
using BacklogTools.Files;

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
        else
        {
            // A .gitignore from an older version (or the original plugin) gets the entries it lacks; its own lines stay.
            var text = await File.ReadAllTextAsync(paths.GitIgnore, cancellationToken);
            var lines = text.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
            var missing = StatePaths.GitIgnoreText.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#') && !lines.Contains(l)).ToList();
            if (missing.Count > 0)
            {
                await AtomicFile.WriteAllTextAsync(paths.GitIgnore, text + (text.EndsWith('\n') || text.Length == 0 ? "" : "\n") + string.Join('\n', missing) + "\n", cancellationToken);
                created.Add(paths.GitIgnore + " (entries added: " + string.Join(", ", missing) + ")");
            }
        }
        return created;
    }
}
