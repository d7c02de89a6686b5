using BacklogJira.Core.Mapping;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Operations;

/// <summary>The operations that make pairs (docs/agents.md): create issues for tasks, link a task to an issue, and
/// import issues found by JQL, each with a preview that writes nothing. Writes take the run lock.</summary>
public sealed class IssueOperations(Workspace workspace, bool canWrite)
{
    public async Task<IReadOnlyList<PairOutcome>> CreateIssuesAsync(IReadOnlyList<string> taskIds, string? issueType, bool preview, CancellationToken cancellationToken)
    {
        if (!preview) RequireWrites("create issues");
        var ids = taskIds.Select(workspace.TaskId).ToList();
        await using var held = preview ? null : await workspace.LockAsync(cancellationToken);
        return await workspace.Creator().CreateManyAsync(ids, issueType, preview, 4, cancellationToken);
    }

    public async Task<TaskMapping> LinkAsync(string taskId, string jiraKey, bool force, CancellationToken cancellationToken)
    {
        RequireWrites("link a task to an issue");
        await using var held = await workspace.LockAsync(cancellationToken);
        return await workspace.Mappings().LinkAsync(workspace.Jira, workspace.TaskId(taskId), jiraKey.Trim(), force, cancellationToken);
    }

    /// <summary>The tasks an import would create (<paramref name="preview"/>), or creates them. <paramref name="jql"/>
    /// null: config <c>jira.jqlFilter</c>, else the project.</summary>
    public async Task<IReadOnlyList<PairOutcome>> ImportAsync(string? jql, bool preview, CancellationToken cancellationToken)
    {
        if (!preview) RequireWrites("import issues");
        var query = JiraImporter.ResolveJql(string.IsNullOrWhiteSpace(jql) ? null : jql, workspace.Config);
        await using var held = preview ? null : await workspace.LockAsync(cancellationToken);
        return await workspace.Importer().ImportAsync(query, preview, cancellationToken);
    }

    /// <summary><c>map auto</c>'s proposal: unpaired tasks and unpaired issues of the project with a key in the title
    /// or a title at least <paramref name="minScore"/> similar. Writes nothing; pairs are made with <see cref="LinkAsync"/>.</summary>
    public Task<IReadOnlyList<TitleMatch>> ProposePairsAsync(double minScore, CancellationToken cancellationToken)
    {
        if (minScore is < 0 or > 1) throw new OperationRefusedException($"The minimum score is between 0 and 1, not {minScore}.");
        return workspace.Mappings().AutoAsync(workspace.Jira, workspace.Config, minScore, dryRun: true, cancellationToken);
    }

    /// <summary>Issues found by words, a key or JQL (<see cref="IssueSearch"/>), at most <paramref name="limit"/>, each
    /// with the task it is paired with.</summary>
    public async Task<IReadOnlyList<IssueFound>> SearchIssuesAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var jql = IssueSearch.Jql(query, workspace.Config.RequireProjectKey());
        var mappings = MappingFile.Load(workspace.Paths);
        var found = await workspace.Jira.SearchAsync(jql, cancellationToken);
        return [.. found.Take(limit).Select(i => new IssueFound(i.Key, i.Summary, i.Status.Name, mappings.ForIssue(i.Key)?.TaskId))];
    }

    private void RequireWrites(string what) => WritesNotAllowedException.ThrowUnless(canWrite, what);
}
