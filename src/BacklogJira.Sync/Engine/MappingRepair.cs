using BacklogJira.BacklogMd;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>What <c>map repair</c> found: the plan, and the mapping file's damage when it could not be read.</summary>
public sealed record RepairReport(RepairPlan Plan, string? Damage);

/// <summary>
/// <c>map repair [--apply]</c>: reads the two anchors (task mirrors, issue properties) and the mapping file if it still
/// reads, plans with <see cref="MappingRepairPlanner"/>, and on apply writes the mapping file (a damaged one is kept
/// beside it as <c>mappings.json.damaged-&lt;time&gt;</c>, never overwritten unseen).
/// </summary>
public sealed class MappingRepair(BacklogMdTaskStore store, IJiraClient jira, SyncConfig config, StatePaths paths, TimeProvider clock)
{
    public async Task<RepairReport> PlanAsync(CancellationToken cancellationToken)
    {
        string? damage = null;
        IReadOnlyList<TaskMapping> existing = [];
        try
        {
            existing = MappingFile.Load(paths).All;
        }
        catch (SyncConfigException error)
        {
            damage = error.Message;
        }
        var prefix = store.Project.Config.TaskPrefix;
        var tasks = store.LoadAll(includeDrafts: false, includeArchived: false).Tasks
            .Select(t => new RepairTask(t.Id.Normalized(prefix), MappedTaskResolver.MirrorKey(t)?.ToUpperInvariant(), t.CreatedDate, store.Project.RelativePath(t.FilePath)))
            .ToList();
        var listed = await jira.SearchAsync($"project = \"{config.RequireProjectKey()}\" ORDER BY key ASC", cancellationToken);
        var byKey = listed.ToDictionary(i => i.Key, StringComparer.OrdinalIgnoreCase);
        // A mirror naming an issue outside the listing: moved to another project (Jira answers with its new key), or gone.
        var strays = tasks.Select(t => t.MirrorKey).OfType<string>().Where(k => !byKey.ContainsKey(k)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var moved = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (strays.Count > 0)
        {
            foreach (var key in strays)
            {
                if (await jira.GetIssueAsync(key, cancellationToken) is not { } found) continue;
                byKey.TryAdd(found.Key, found);
                moved[key] = found.Key;
            }
            tasks = [.. tasks.Select(t => t.MirrorKey is { } k && moved.TryGetValue(k, out var now) ? t with { MirrorKey = now } : t)];
        }
        var claims = new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (jira.StoresIssueProperties)
        {
            await Parallel.ForEachAsync(byKey.Values, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (issue, token) =>
                claims[issue.Key] = (await jira.GetIssuePropertyAsync(issue.Key, IssueCreator.PropertyKey, token))?["taskId"]?.GetValue<string>());
        }
        var issues = byKey.Values.Select(i => new RepairIssue(i.Id, i.Key, claims.GetValueOrDefault(i.Key) is { } id ? SyncEngine.Normalize(id, prefix) : null)).ToList();
        return new RepairReport(MappingRepairPlanner.Plan([.. existing.Select(m => (m.TaskId, m.JiraKey, m.JiraId))], tasks, issues), damage);
    }

    public async Task ApplyAsync(RepairReport report, CancellationToken cancellationToken)
    {
        if (report.Damage is not null && (File.Exists(paths.Mappings) || Directory.Exists(paths.Mappings)))
        {
            var aside = $"{paths.Mappings}.damaged-{clock.GetUtcNow().UtcDateTime:yyyyMMddHHmmss}";
            if (Directory.Exists(paths.Mappings)) Directory.Move(paths.Mappings, aside);
            else File.Move(paths.Mappings, aside);
        }
        var mappings = MappingFile.Load(paths);
        var tasks = store.LoadAll(includeDrafts: false, includeArchived: false).Tasks
            .GroupBy(t => t.Id.Normalized(store.Project.Config.TaskPrefix), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        await mappings.SetManyAsync([.. report.Plan.Added.Select(p => new TaskMapping
        {
            TaskId = p.TaskId,
            JiraKey = p.JiraKey,
            JiraId = p.JiraId,
            TaskCreated = tasks.GetValueOrDefault(p.TaskId)?.CreatedDate,
            TaskFile = tasks.GetValueOrDefault(p.TaskId) is { } task ? store.Project.RelativePath(task.FilePath) : null,
            MappedAt = clock.GetUtcNow(),
        })], cancellationToken);
        var log = new OpsLog(paths, clock);
        foreach (var pair in report.Plan.Added) log.Append("repair_map", pair.TaskId, pair.JiraKey, "success", details: $"evidence: {pair.Evidence}");
    }
}
