using System.Globalization;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Model;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>Writes a pair's Backlog-bound fields in one surgical edit, and keeps the <c>jira_*</c> frontmatter mirror
/// (restoring it when Backlog.md has dropped it).</summary>
internal sealed class BacklogSideWriter(BacklogMdTaskStore store, TimeProvider clock, string? jiraBrowseBase)
{
    public async Task WriteAsync(BacklogMdTask task, TaskMapping mapping, IReadOnlyCollection<SyncField> fields, SyncFields target,
        bool unresolved, CancellationToken cancellationToken)
    {
        var mirror = Mirror(mapping, unresolved);
        var mirrorCurrent = mirror.All(p => p.Key == "jira_last_sync" || Unquote(task.ExtraFrontmatterKeys.GetValueOrDefault(p.Key)) == p.Value);
        if (fields.Count == 0 && mirrorCurrent) return;
        var edit = new TaskEdit { ExtraFrontmatter = mirror };
        foreach (var field in fields)
        {
            edit = field switch
            {
                SyncField.Title => edit with { Title = target.Title },
                SyncField.Status => edit with { Status = target.Status },
                SyncField.Assignee => edit with { Assignees = target.Assignee is null ? [] : [target.Assignee] },
                SyncField.Labels => edit with { Labels = [.. target.Labels] },
                SyncField.Priority => edit with { Priority = target.Priority ?? "" },
                SyncField.Description => edit with { Description = target.Description },
                SyncField.AcceptanceCriteria => edit with
                {
                    AcceptanceCriteria = [.. target.AcceptanceCriteria.Select((c, i) => new ChecklistItem(i + 1, c.Text, c.Checked))],
                },
                SyncField.ImplementationPlan => edit with { ImplementationPlan = target.ImplementationPlan },
                SyncField.ImplementationNotes => edit with { ImplementationNotes = target.ImplementationNotes },
                _ => edit,
            };
        }
        await store.UpdateAsync(task.Id.Original, _ => edit, cancellationToken);
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
