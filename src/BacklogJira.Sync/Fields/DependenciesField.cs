using BacklogJira.BacklogMd.Ids;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// The task's <c>dependencies</c> ⇄ the issue's links of one type (<c>jira.dependencyLinkType</c>, default Blocks):
/// TASK-3 depends on TASK-2 ⇔ DEMO-2 blocks DEMO-3 (docs/sync.md, "Dependencies"). Opt-in (<c>sync.fields.dependencies</c>).
/// Items are task ids of mapped pairs. A dependency on a task with no issue stays in the task only, and a link to an issue
/// with no task stays in Jira only (both shown, as <c>backlog:TASK-7</c> and <c>jira:DEMO-9</c>): never compared, sent or
/// removed. Links of other types, and links where the issue is the blocker, are left alone. Merged link by link.
/// </summary>
public sealed class DependenciesField : ItemSetField, ISyncField
{
    private const string BacklogOnly = "backlog:";
    private const string JiraOnly = "jira:";

    public override string Name => "dependencies";

    public bool SyncedByDefault => false;

    public bool WrittenAfterCreate => true;

    public override bool OneSideOnly(string name) => name.StartsWith(BacklogOnly, StringComparison.Ordinal) || name.StartsWith(JiraOnly, StringComparison.Ordinal);

    public SideValue ReadTask(TaskReading reading) =>
        SideValue.Of(SetOf(reading.Task.Dependencies.Select(d => Normalize(d, reading.Task.Id.Prefix)).Select(id => reading.Config.Pairs.ForTask(id) is null ? BacklogOnly + id : id)));

    public SideValue ReadIssue(IssueReading reading) => reading.Issue.Links is { } links
        ? SideValue.Of(SetOf(Blockers(links, reading.Config).Select(l => reading.Config.Pairs.ForIssue(l.OtherId, l.OtherKey)?.TaskId ?? JiraOnly + l.OtherKey)))
        : SideValue.Foreign("(not read)", $"the links of {reading.Issue.Key} were not read; run 'backlog-jira sync --full'");

    /// <summary>The task keeps its dependencies on tasks with no issue, in their place.</summary>
    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing)
    {
        var wanted = Cast(value).Where(d => !OneSideOnly(d)).ToList();
        var current = edit.Dependencies ?? writing.Task.Dependencies;
        var kept = current.Where(d =>
        {
            var id = Normalize(d, writing.Task.Id.Prefix);
            return writing.Config.Pairs.ForTask(id) is null || wanted.Contains(id, StringComparer.OrdinalIgnoreCase);
        }).ToList();
        var keptIds = kept.Select(d => Normalize(d, writing.Task.Id.Prefix)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return edit with { Dependencies = [.. kept, .. wanted.Where(w => !keptIds.Contains(w))] };
    }

    /// <summary>Links are not fields of the edit: a step after it reads the issue's links again, links the blockers it
    /// lacks and unlinks the ones the merge removed. Only a link this run saw is deleted, and only one to a paired task.</summary>
    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        if (writing.Issue is not { } issue) return Task.FromResult(JiraFieldWrite.Skipped);
        var config = writing.Config;
        var wanted = Cast(value).Where(d => !OneSideOnly(d)).Select(id => config.Pairs.ForTask(id)).OfType<TaskMapping>().ToList();
        return Task.FromResult(new JiraFieldWrite(AfterEdit: async token =>
        {
            var seen = Blockers(issue.Links ?? [], config).Select(l => config.Pairs.ForIssue(l.OtherId, l.OtherKey)?.TaskId).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var links = Blockers(await writing.Jira.GetIssueLinksAsync(issue.Key, token), config).ToList();
            foreach (var link in links)
            {
                var pair = config.Pairs.ForIssue(link.OtherId, link.OtherKey);
                if (pair is not null && seen.Contains(pair.TaskId) && !wanted.Any(w => w.TaskId == pair.TaskId))
                    await writing.Jira.DeleteIssueLinkAsync(link.Id, token);
            }
            foreach (var blocker in wanted.Where(w => !links.Any(l => config.Pairs.ForIssue(l.OtherId, l.OtherKey)?.TaskId == w.TaskId)))
                await writing.Jira.CreateIssueLinkAsync(config.DependencyLinkType, blocker.JiraKey, issue.Key, token);
            return true;
        }));
    }

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft);

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) =>
        task with { Dependencies = [.. Cast(value).Where(d => !OneSideOnly(d))] };

    /// <summary>The links that say another issue blocks this one (this issue holds the inward phrase).</summary>
    private static IEnumerable<JiraIssueLink> Blockers(IEnumerable<JiraIssueLink> links, SyncConfig config) =>
        links.Where(l => !l.Outward && string.Equals(l.TypeName, config.DependencyLinkType, StringComparison.OrdinalIgnoreCase));

    /// <summary>A task id named in another task's field (a dependency, a parent) as mappings spell task ids; a bare
    /// number takes the prefix of the task that names it.</summary>
    internal static string Normalize(string dependency, string? prefix) =>
        TaskId.TryParse(dependency, out var id) ? id.Normalized(prefix ?? "task") : dependency.Trim();
}
