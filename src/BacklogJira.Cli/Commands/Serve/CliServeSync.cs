using BacklogJira.Core.Merge;
using BacklogJira.Serve.Work;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Serve;

/// <summary>
/// <c>serve</c>'s engine calls over the CLI's session: each one under the repository's run lock (a manual run waits for
/// it, and it waits for a manual run), through the same engine, importer and ops log as <c>sync</c> and
/// <c>pull --import</c>.
/// </summary>
internal sealed class CliServeSync(SyncSession session, ConflictStrategy strategy) : IServeSync
{
    private readonly StandingReports _standing = new();

    public async Task<IReadOnlyList<PairOutcome>> SyncAsync(IReadOnlyList<string> taskIds, CancellationToken cancellationToken)
    {
        await using var held = await session.LockAsync(cancellationToken);
        return await session.Engine().RunAsync(new SyncRequest { Mode = SyncMode.Sync, TaskIds = taskIds, Strategy = strategy, Standing = _standing }, cancellationToken);
    }

    public async Task<IReadOnlyList<PairOutcome>> ImportAsync(IReadOnlyList<string> issueKeys, CancellationToken cancellationToken)
    {
        await using var held = await session.LockAsync(cancellationToken);
        var jql = ImportScope.WithKeys(JiraImporter.ResolveJql(null, session.Config), issueKeys);
        return await session.Importer().ImportAsync(jql, dryRun: false, cancellationToken);
    }

    public async Task<IReadOnlyList<PairOutcome>> SyncAllAsync(CancellationToken cancellationToken)
    {
        await using var held = await session.LockAsync(cancellationToken);
        return await session.Engine().RunAsync(new SyncRequest { Mode = SyncMode.Sync, Strategy = strategy, Standing = _standing }, cancellationToken);
    }

    public MappingFile Mappings() => MappingFile.Load(session.Paths);
}
