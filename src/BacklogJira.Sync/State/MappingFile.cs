using System.Text.Json;
using BacklogTools.Files;

namespace BacklogJira.Sync.State;

/// <summary>
/// <c>.backlog-jira/mappings.json</c>: the task ⇄ issue pairs, owned by this tool and committed to git. Backlog.md 1.52
/// drops unknown frontmatter keys on every edit, so the <c>jira_*</c> keys in task files are only a mirror.
/// </summary>
public sealed class MappingFile
{
    private readonly StatePaths _paths;
    private readonly List<TaskMapping> _mappings;
    private readonly Dictionary<string, TaskMapping> _byTask = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TaskMapping> _byIssue = new(StringComparer.OrdinalIgnoreCase);

    private MappingFile(StatePaths paths, List<TaskMapping> mappings)
    {
        _paths = paths;
        _mappings = mappings;
        Reindex();
    }

    public IReadOnlyList<TaskMapping> All => _mappings;

    public static MappingFile Load(StatePaths paths)
    {
        if (Directory.Exists(paths.Mappings))
            throw new SyncConfigException($"{paths.Mappings} is a folder, not the mapping file; move it away and restore the file from git (git checkout -- {StatePaths.DirectoryName}/mappings.json).");
        if (!File.Exists(paths.Mappings)) return new MappingFile(paths, []);
        try
        {
            var document = JsonSerializer.Deserialize(File.ReadAllText(paths.Mappings), StateJsonContext.Default.MappingDocument);
            var mappings = document?.Mappings ?? [];
            for (var i = 0; i < mappings.Count; i++)
            {
                if (mappings[i] is not { TaskId.Length: > 0, JiraKey.Length: > 0 })
                    throw new SyncConfigException($"{paths.Mappings}: entry {i + 1} of \"mappings\" has no taskId or no jiraKey; fix or remove it, or restore the file from git (git checkout -- {StatePaths.DirectoryName}/mappings.json).");
            }
            return new MappingFile(paths, mappings);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SyncConfigException($"{paths.Mappings} cannot be read ({error.Message}); check its permissions.");
        }
        catch (JsonException error)
        {
            throw new SyncConfigException($"{paths.Mappings} is not valid JSON (line {error.LineNumber + 1}); restore it from git (git checkout -- {StatePaths.DirectoryName}/mappings.json).");
        }
    }

    public TaskMapping? ForTask(string taskId) => _byTask.GetValueOrDefault(taskId);

    public TaskMapping? ForIssue(string jiraKey) => _byIssue.GetValueOrDefault(jiraKey);

    /// <summary>The pair holding the issue with this id (its key may have changed since).</summary>
    public TaskMapping? ById(string jiraId) => _mappings.FirstOrDefault(m => m.JiraId == jiraId);

    /// <summary>Adds or replaces the pair for a task and saves at once (the mapping must outlive a crash right after).</summary>
    public Task SetAsync(TaskMapping mapping, CancellationToken cancellationToken) => SetManyAsync([mapping], cancellationToken);

    /// <summary>Adds or replaces several pairs with one write of the file.</summary>
    public async Task SetManyAsync(IReadOnlyCollection<TaskMapping> mappings, CancellationToken cancellationToken)
    {
        if (mappings.Count == 0) return;
        var replaced = mappings.Select(m => m.TaskId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _mappings.RemoveAll(m => replaced.Contains(m.TaskId));
        _mappings.AddRange(mappings);
        Reindex();
        await SaveAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(string taskId, CancellationToken cancellationToken)
    {
        var removed = _mappings.RemoveAll(m => string.Equals(m.TaskId, taskId, StringComparison.OrdinalIgnoreCase)) > 0;
        if (!removed) return false;
        Reindex();
        await SaveAsync(cancellationToken);
        return true;
    }

    private void Reindex()
    {
        _byTask.Clear();
        _byIssue.Clear();
        foreach (var mapping in _mappings)
        {
            _byTask[mapping.TaskId] = mapping;
            _byIssue[mapping.JiraKey] = mapping;
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_paths.Root);
        var ordered = _mappings.OrderBy(m => m.TaskId, StringComparer.OrdinalIgnoreCase).ToList();
        var json = JsonSerializer.Serialize(new MappingDocument { Mappings = ordered }, StateJsonContext.Default.MappingDocument);
        await AtomicFile.WriteAllTextAsync(_paths.Mappings, json + "\n", cancellationToken);
    }
}

internal sealed class MappingDocument
{
    public int SchemaVersion { get; set; } = 1;
    public List<TaskMapping> Mappings { get; set; } = [];
}
