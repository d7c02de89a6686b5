using BacklogJira.Sync.Engine;

namespace BacklogJira.Serve.Work;

/// <summary>
/// The engine as <c>serve</c> drives it, each call under the repository's run lock, so <c>serve</c> and a manual
/// <c>sync</c> take turns. Implemented by the CLI over the same session, engine and ops log its commands use.
/// </summary>
public interface IServeSync
{
    /// <summary>Syncs these pairs only (the engine reads just their issues).</summary>
    Task<IReadOnlyList<PairOutcome>> SyncAsync(IReadOnlyList<string> taskIds, CancellationToken cancellationToken);

    /// <summary>Imports these issues if they are inside the import scope (the configured JQL); others are left alone.</summary>
    Task<IReadOnlyList<PairOutcome>> ImportAsync(IReadOnlyList<string> issueKeys, CancellationToken cancellationToken);

    /// <summary>The safety net: an incremental sync of every pair, as <c>watch</c> runs it, to catch a lost webhook.</summary>
    Task<IReadOnlyList<PairOutcome>> SyncAllAsync(CancellationToken cancellationToken);

    /// <summary>The pairs as they are now (reloaded for every batch: a CLI run may have mapped or unmapped some).</summary>
    BacklogJira.Sync.State.MappingFile Mappings();
}
