using System.Globalization;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Milestones;
using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Merge;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>Writes a pair's Backlog-bound fields through their descriptors in one surgical edit, and keeps the
/// <c>jira_*</c> frontmatter mirror (restoring it when Backlog.md has dropped it).</summary>
internal sealed class BacklogSideWriter(BacklogMdTaskStore store, SyncConfig config, TimeProvider clock, string? jiraBrowseBase)
{
    public async Task WriteAsync(BacklogMdTask task, TaskMapping mapping, IReadOnlyCollection<FieldDecision> writes, bool unresolved, CancellationToken cancellationToken)
    {
        var mirror = Mirror(mapping, unresolved);
        var mirrorCurrent = mirror.All(p => p.Key == "jira_last_sync" || Unquote(task.ExtraFrontmatterKeys.GetValueOrDefault(p.Key)) == p.Value);
        if (writes.Count == 0 && mirrorCurrent) return;
        var edit = new TaskEdit { ExtraFrontmatter = mirror };
        // The milestone folder is read only for an edit that writes a milestone, not for every written task.
        var writing = new TaskWriting(config, store.Project.Config, task)
        {
            Milestones = writes.Any(w => config.Field(w.Field)?.WritesMilestone == true) ? MilestoneCatalog.Load(store.Project) : MilestoneCatalog.Empty,
        };
        foreach (var write in writes) edit = config.Field(write.Field)!.WriteTask(edit, write.Value, writing);
        await store.UpdateAsync(task, _ => edit, cancellationToken);
    }

    /// <summary>The mirror keys of the original plugin (§2.2), for people and for the original's users.</summary>
    public Dictionary<string, string?> Mirror(TaskMapping mapping, bool unresolved) => Mirror(mapping.JiraKey, unresolved);

    public Dictionary<string, string?> Mirror(string jiraKey, bool unresolved = false) => new()
    {
        ["jira_key"] = jiraKey,
        ["jira_url"] = jiraBrowseBase is null ? null : $"{jiraBrowseBase.TrimEnd('/')}/browse/{jiraKey}",
        ["jira_last_sync"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["jira_sync_state"] = unresolved ? "manual-resolution-required" : "InSync",
    };

    private static string? Unquote(string? value) => value?.Trim().Trim('\'', '"');
}
