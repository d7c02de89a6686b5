using BacklogJira.BacklogMd.Model;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Mapping;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// Which file is the mapped task. Backlog.md gives a new task the id of an archived one (and <c>created_date</c> has
/// minute precision), so the id alone is not enough: the <c>jira_key</c> mirror, which moves with the file when it is
/// archived, is the strongest evidence, then the creation date recorded with the mapping.
/// </summary>
public static class MappedTaskResolver
{
    /// <summary>The mapped task, or why there is none. <c>Parked</c> is set when the task was archived or demoted: the pair
    /// is not synced, its link kept, and the run does not fail for it (docs/sync.md, "Archived, demoted and completed tasks").</summary>
    public sealed record Resolution(BacklogMdTask? Task, string? Problem, PairState? Parked = null);

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
            return new(null, $"{mapping.TaskId} is archived in Backlog.md: {mapping.JiraKey} is left as it is and the link is kept (restore the task to sync again, or 'backlog-jira map remove {mapping.TaskId}' to forget the pair).", PairState.Archived);
        var other = sameId.FirstOrDefault(t => t.Folder is TaskFolder.Tasks or TaskFolder.Completed);
        return new(null, other is null
            ? $"{mapping.TaskId} no longer exists in the Backlog.md project; run 'backlog-jira map remove {mapping.TaskId}' if it was deleted."
            : $"{mapping.TaskId} is now another task (\"{other.Title}\", created {other.CreatedDate}); the task mapped to {mapping.JiraKey} was created {mapping.TaskCreated}. Run 'backlog-jira map remove {mapping.TaskId}'.");
    }

    /// <summary>
    /// The draft a mapped task became (<c>backlog task demote</c> writes a new <c>DRAFT-n</c> file and deletes the task,
    /// dropping our mirror keys): the one draft created at the task's creation minute whose title is the pair's last
    /// agreed title. Two or none: not recognised.
    /// </summary>
    public static Resolution? Demoted(TaskMapping mapping, IEnumerable<BacklogMdTask> drafts, Func<AgreedBase?> readAgreed)
    {
        if (mapping.TaskCreated is null) return null;
        var sameMinute = drafts.Where(d => d.Folder == TaskFolder.Drafts && d.CreatedDate == mapping.TaskCreated).ToList();
        if (sameMinute.Count == 0 || readAgreed() is not { } agreed || !agreed.TryGet(SyncFieldCatalog.Title, out var title)) return null;
        var matches = sameMinute.Where(d => string.Equals(d.Title, title as string, StringComparison.Ordinal)).ToList();
        return matches.Count != 1 ? null
            : new(null, $"{mapping.TaskId} was demoted to {matches[0].Id} (a draft) in Backlog.md: {mapping.JiraKey} is left as it is and the link is kept " +
                $"(promote it and link the new task with 'backlog-jira map link <taskId> {mapping.JiraKey} --force', or 'backlog-jira map remove {mapping.TaskId}').", PairState.Draft);
    }

    /// <summary>
    /// A task that carries the mapped id and creation minute may still be a new one: a deleted task's id is reused, and
    /// created dates have minute precision. When the file was renamed, carries no <c>jira_key</c> mirror, and neither
    /// its title nor its description is what the pair last agreed on, it is more likely another task than an edit:
    /// the pair is not synced until the user says which (<c>map link --force</c> or <c>map remove</c>).
    /// </summary>
    public static string? Doubt(TaskMapping mapping, BacklogMdTask task, string relativePath, Func<AgreedBase?> readAgreed)
    {
        if (MirrorKey(task) is not null || mapping.TaskFile is null) return null;
        if (string.Equals(mapping.TaskFile, relativePath, StringComparison.Ordinal)) return null;
        if (readAgreed() is not { } agreed) return null;
        if (!agreed.TryGet(SyncFieldCatalog.Title, out var title) || !agreed.TryGet(SyncFieldCatalog.Description, out var description)) return null;
        var sameTitle = string.Equals(title as string, task.Title, StringComparison.Ordinal);
        var sameDescription = string.Equals(CanonicalText.Plain(description as string), CanonicalText.Plain(task.Description), StringComparison.Ordinal);
        if (sameTitle || sameDescription) return null;
        return $"{mapping.TaskId} may be another task than the one mapped to {mapping.JiraKey}: its file was {mapping.TaskFile} and is now {relativePath}, " +
            $"and neither its title (\"{task.Title}\") nor its description is what was last agreed (\"{title}\"). Nothing was synced. " +
            $"If it is the same task, run 'backlog-jira map link {mapping.TaskId} {mapping.JiraKey} --force'; if the old task was deleted, run 'backlog-jira map remove {mapping.TaskId}'.";
    }

    public static string? MirrorKey(BacklogMdTask task) =>
        task.ExtraFrontmatterKeys.TryGetValue("jira_key", out var raw) && raw.Trim().Trim('\'', '"') is { Length: > 0 } key ? key : null;
}
