using BacklogJira.BacklogMd.Model;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// Which file is the mapped task. Backlog.md gives a new task the id of an archived one (and <c>created_date</c> has
/// minute precision), so the id alone is not enough: the <c>jira_key</c> mirror, which moves with the file when it is
/// archived, is the strongest evidence, then the creation date recorded with the mapping.
/// </summary>
public static class MappedTaskResolver
{
    public sealed record Resolution(BacklogMdTask? Task, string? Problem);

    public static Resolution Resolve(TaskMapping mapping, IReadOnlyList<BacklogMdTask> sameId)
    {
        if (sameId.Count == 0)
            return new(null, $"{mapping.TaskId} no longer exists in the Backlog.md project; run 'backlog-jira map remove {mapping.TaskId}' if it was deleted.");
        var mirrored = sameId.Where(t => string.Equals(MirrorKey(t), mapping.JiraKey, StringComparison.OrdinalIgnoreCase)).ToList();
        var evidence = mirrored.Count > 0 ? mirrored
            : mapping.TaskCreated is null ? sameId.ToList()
            : sameId.Where(t => t.CreatedDate is null || t.CreatedDate == mapping.TaskCreated).ToList();
        // A task whose jira_key names another issue is never the mapped one, whatever its date.
        evidence = [.. evidence.Where(t => MirrorKey(t) is null || string.Equals(MirrorKey(t), mapping.JiraKey, StringComparison.OrdinalIgnoreCase))];
        if (evidence.FirstOrDefault(t => t.Folder is TaskFolder.Tasks or TaskFolder.Completed) is { } active) return new(active, null);
        if (evidence.Any(t => t.Folder == TaskFolder.Archived))
            return new(null, $"{mapping.TaskId} (mapped to {mapping.JiraKey}) is archived in Backlog.md; it is no longer synced. Run 'backlog-jira map remove {mapping.TaskId}' to forget the pair.");
        var other = sameId.FirstOrDefault(t => t.Folder is TaskFolder.Tasks or TaskFolder.Completed);
        return new(null, other is null
            ? $"{mapping.TaskId} no longer exists in the Backlog.md project; run 'backlog-jira map remove {mapping.TaskId}' if it was deleted."
            : $"{mapping.TaskId} is now another task (\"{other.Title}\", created {other.CreatedDate}); the task mapped to {mapping.JiraKey} was created {mapping.TaskCreated}. Run 'backlog-jira map remove {mapping.TaskId}'.");
    }

    public static string? MirrorKey(BacklogMdTask task) =>
        task.ExtraFrontmatterKeys.TryGetValue("jira_key", out var raw) && raw.Trim().Trim('\'', '"') is { Length: > 0 } key ? key : null;
}
