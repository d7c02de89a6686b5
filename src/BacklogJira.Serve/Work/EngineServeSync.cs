using BacklogJira.BacklogMd;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Serve.Work;

/// <summary>
/// <c>serve</c>'s engine calls: each under the repository's run lock (a manual run waits for it, and it for a manual
/// run), through the same engine, importer and ops log as <c>sync</c> and <c>pull --import</c>. A standing conflict or
/// warning is reported once, as <c>watch</c> does.
/// </summary>
public sealed class EngineServeSync(BacklogMdTaskStore store, IJiraClient jira, SyncConfig config, StatePaths paths, TimeProvider clock, string? browseBase,
    ConflictStrategy strategy) : IServeSync
{
    private readonly StandingReports _standing = new();

    public async Task<IReadOnlyList<PairOutcome>> SyncAsync(IReadOnlyList<string> taskIds, CancellationToken cancellationToken)
    {
        var (held, _) = await SyncRunLock.AcquireAndSweepAsync(paths, store.Project, clock, cancellationToken);
        await using (held)
            return await Engine().RunAsync(new SyncRequest { Mode = SyncMode.Sync, TaskIds = taskIds, Strategy = strategy, Standing = _standing }, cancellationToken);
    }

    public async Task<IReadOnlyList<PairOutcome>> ImportAsync(IReadOnlyList<string> issueKeys, CancellationToken cancellationToken)
    {
        var (held, _) = await SyncRunLock.AcquireAndSweepAsync(paths, store.Project, clock, cancellationToken);
        await using (held)
        {
            var jql = ImportScope.WithKeys(JiraImporter.ResolveJql(null, config), issueKeys);
            return await new JiraImporter(store, jira, config, paths, clock, browseBase).ImportAsync(jql, dryRun: false, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<PairOutcome>> SyncAllAsync(CancellationToken cancellationToken)
    {
        var (held, _) = await SyncRunLock.AcquireAndSweepAsync(paths, store.Project, clock, cancellationToken);
        await using (held)
            return await Engine().RunAsync(new SyncRequest { Mode = SyncMode.Sync, Strategy = strategy, Standing = _standing }, cancellationToken);
    }

    public MappingFile Mappings() => MappingFile.Load(paths);

    private SyncEngine Engine() => new(store, jira, config, paths, clock, browseBase);
}
